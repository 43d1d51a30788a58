import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorList, Field, SubmitButton } from '~/components/forms.tsx'
import { UserAvatar } from '~/components/media/user-avatar.tsx'
import { formRefusal, toRefusal } from '~/http/errors.server.ts'
import { getLocale, getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { useFormat, useLocale } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { isMultipart, readMultipart } from '~/infra/uploads/multipart.server.ts'
import { requireUser } from '~/services/accounts/auth.server.ts'
import { getProfile, updateProfile } from '~/services/accounts/profile.server.ts'
import { ProfileSchema } from '~/services/accounts/schemas.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import {
  AVATAR_UPLOAD_LIMITS,
  avatarLimits,
  getAvatar,
  removeAvatar,
  setAvatar,
} from '~/services/media/avatars.server.ts'
import { NoFileError } from '~/services/media/errors.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

// A refused upload's Retry-After (503) and Connection: close (413: the rest of the body is
// never read) would be dropped from the page without this.
export const headers: HeadersFunction = ({ parentHeaders, actionHeaders, errorHeaders }) => {
  const headers = new Headers(parentHeaders)
  for (const name of ['Retry-After', 'Connection']) {
    const value = errorHeaders?.get(name) ?? actionHeaders.get(name)
    if (value) headers.set(name, value)
  }
  return headers
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const [profile, avatar] = await Promise.all([getProfile(user.id), getAvatar(user.id)])
  const title = getT(request, 'account')('profile.metaTitle')
  return { title, profile, avatar, avatarLimits: avatarLimits() }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  let formData: FormData
  if (isMultipart(request)) {
    // The avatar form sends a file: it is streamed with its limits, never read whole into memory.
    let upload: ReturnType<typeof readMultipart> | undefined
    try {
      // Inside the try: a body declared larger than the limit is refused right here (a 413).
      upload = readMultipart(request, AVATAR_UPLOAD_LIMITS)
      await setAvatar(user.id, upload)
      return redirectWithToast(localeRedirectPath(request, '/account'), {
        message: getT(request, 'account')('avatar.updated'),
      })
    } catch (error) {
      // A multipart post of the other forms carries no file: carry on with its fields.
      if (!upload || !(error instanceof NoFileError) || upload.fields.get('intent') === 'avatar') {
        const refusal = toRefusal(error, { upload: true })
        return data(
          { intent: 'avatar' as const, avatarError: refusal.message },
          { status: refusal.status, headers: refusal.headers },
        )
      }
      formData = new FormData()
      for (const [name, value] of upload.fields) formData.append(name, value)
    }
  } else {
    formData = await readFormData(request)
  }
  if (formData.get('intent') === 'remove-avatar') {
    await removeAvatar(user.id)
    return redirectWithToast(localeRedirectPath(request, '/account'), {
      message: getT(request, 'account')('avatar.removed'),
    })
  }
  const submission = parseWithZod(formData, { schema: ProfileSchema })
  if (submission.status !== 'success')
    return data(submission.reply({ hideFields: ['currentPassword'] }), { status: 400 })
  let pendingEmail: string | null
  try {
    pendingEmail = await updateProfile(user.id, submission.value, getLocale(request))
  } catch (error) {
    return formRefusal(submission, error, { hideFields: ['currentPassword'] })
  }
  const t = getT(request, 'account')
  return redirectWithToast(localeRedirectPath(request, '/account'), {
    message: pendingEmail
      ? t('profile.emailChangeSent', { email: pendingEmail })
      : t('profile.saved'),
  })
}

export default function ProfilePage() {
  const { t } = useTranslation('account')
  const format = useFormat()
  const { profile, avatar, avatarLimits } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const lastResult = actionData && 'intent' in actionData ? undefined : actionData
  const avatarError = actionData && 'avatarError' in actionData ? actionData.avatarError : undefined
  const [form, fields] = useForm({
    id: 'profile',
    lastResult,
    defaultValue: { name: profile.name, email: profile.email },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="space-y-10">
      <section aria-labelledby="profile-heading">
        <h1 id="profile-heading" className="text-2xl font-bold tracking-tight">
          {t('profile.title')}
        </h1>
        <p className="mt-1 text-sm text-stone-600">
          {t('profile.memberSince', { date: format.date(profile.createdAt) })}
        </p>
        <Form method="post" className="mt-6 max-w-xl space-y-4 card" {...getFormProps(form)}>
          <Field
            label={t('fields.name')}
            inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'name' }}
            errors={fields.name.errors}
          />
          <Field
            label={t('fields.email')}
            inputProps={{
              ...getInputProps(fields.email, { type: 'email' }),
              autoComplete: 'email',
            }}
            errors={fields.email.errors}
          />
          <Field
            label={t('fields.currentPassword')}
            inputProps={{
              ...getInputProps(fields.currentPassword, { type: 'password' }),
              autoComplete: 'current-password',
            }}
            errors={fields.currentPassword.errors}
            help={t('profile.currentPasswordHelp')}
          />
          <ErrorList id={form.errorId} errors={form.errors} />
          <SubmitButton>{t('profile.submit')}</SubmitButton>
        </Form>
      </section>
      {/* A new photo (or none) starts the section afresh: no stale preview or chosen file. */}
      <AvatarSection
        key={avatar?.src ?? 'generated'}
        name={profile.name}
        avatar={avatar}
        limits={avatarLimits}
        error={avatarError}
      />
    </div>
  )
}

function AvatarSection({
  name,
  avatar,
  limits,
  error,
}: {
  name: string
  avatar: Awaited<ReturnType<typeof getAvatar>>
  limits: ReturnType<typeof avatarLimits>
  error?: string
}) {
  const { t } = useTranslation('account')
  const format = useFormat()
  const locale = useLocale()
  const bytes = (value: number) =>
    value >= 1024 * 1024
      ? t('avatar.megabytes', { n: format.number(Math.round((value / (1024 * 1024)) * 10) / 10) })
      : t('avatar.kilobytes', { n: format.number(Math.round(value / 1024)) })
  const navigation = useNavigation()
  const [preview, setPreview] = useState<{ url: string; name: string; problem?: string } | null>(
    null,
  )
  const uploading =
    navigation.state === 'submitting' && navigation.formEncType === 'multipart/form-data'
  const removing =
    navigation.state === 'submitting' && navigation.formData?.get('intent') === 'remove-avatar'

  useEffect(() => () => (preview ? URL.revokeObjectURL(preview.url) : undefined), [preview])

  function onChoose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    if (!file) return setPreview(null)
    const problem =
      file.size > limits.maxFileBytes
        ? t('avatar.tooLarge', { size: bytes(file.size), max: bytes(limits.maxFileBytes) })
        : undefined
    setPreview({ url: URL.createObjectURL(file), name: file.name, problem })
  }

  const message = preview?.problem ?? error
  return (
    <section aria-labelledby="avatar-heading">
      <h2 id="avatar-heading" className="text-xl font-bold tracking-tight">
        {t('avatar.title')}
      </h2>
      <p className="mt-1 text-sm text-stone-600">{t('avatar.intro')}</p>
      <div className="mt-6 flex max-w-xl flex-col gap-6 card sm:flex-row sm:items-start">
        <div className="flex flex-col items-center gap-2">
          {preview ? (
            <img
              src={preview.url}
              alt={t('avatar.previewAlt', { name })}
              width={96}
              height={96}
              className="h-24 w-24 rounded-full object-cover ring-2 ring-brand-200"
            />
          ) : (
            <UserAvatar name={name} avatar={avatar} size={96} />
          )}
          <span className="text-xs text-stone-500">
            {preview ? t('avatar.preview') : avatar ? t('avatar.yours') : t('avatar.generated')}
          </span>
        </div>
        <div className="min-w-0 flex-1 space-y-3">
          <Form method="post" encType="multipart/form-data" className="space-y-3">
            <input type="hidden" name="intent" value="avatar" />
            <div>
              <label htmlFor="avatar-file" className="block text-sm font-medium text-stone-800">
                {avatar ? t('avatar.chooseNew') : t('avatar.choose')}
              </label>
              <input
                id="avatar-file"
                type="file"
                name="avatar"
                accept={limits.accept}
                required
                onChange={onChoose}
                aria-invalid={message ? true : undefined}
                aria-describedby={`avatar-help${message ? ' avatar-error' : ''}`}
                className="mt-1 block w-full text-sm text-stone-700 file:me-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:text-sm file:font-semibold file:text-brand-700 hover:file:bg-brand-100"
              />
              <p id="avatar-help" className="mt-1 text-xs text-stone-500">
                {t('avatar.limits', {
                  formats: new Intl.ListFormat(locale, { type: 'disjunction' }).format(
                    limits.formats,
                  ),
                  max: bytes(limits.maxFileBytes),
                  side: format.number(limits.minShortSide),
                })}
              </p>
              {message ? (
                <p id="avatar-error" role="alert" className="mt-1 text-sm text-red-700">
                  {message}
                </p>
              ) : null}
            </div>
            <button
              type="submit"
              className="btn-primary"
              disabled={uploading || Boolean(preview?.problem)}
            >
              {uploading ? t('avatar.uploading') : t('avatar.upload')}
            </button>
          </Form>
          {avatar ? (
            <Form method="post">
              <input type="hidden" name="intent" value="remove-avatar" />
              <button type="submit" className="btn-secondary" disabled={removing}>
                {t('avatar.useGenerated')}
              </button>
            </Form>
          ) : null}
        </div>
      </div>
    </section>
  )
}
