import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorList, Field, SubmitButton } from '~/components/forms.tsx'
import { formRefusal, toRefusal } from '~/http/errors.server.ts'
import { getLocale, getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { useFormat } from '~/i18n/use-locale.ts'
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
import { AvatarSection } from './avatar-section.tsx'

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
