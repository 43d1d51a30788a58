import { Form, useNavigation } from '@remix-run/react'
import { useEffect, useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { UserAvatar } from '~/components/media/user-avatar.tsx'
import { useFormat, useLocale } from '~/i18n/use-locale.ts'
import type { avatarLimits, getAvatar } from '~/services/media/avatars.server.ts'

// The profile's photo: upload a new one or go back to the generated avatar.

export function AvatarSection({
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
