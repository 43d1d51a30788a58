import { useTranslation } from 'react-i18next'
import { INTL_LOCALE } from '~/i18n/locales.ts'
import { useFormat } from '~/i18n/use-locale.ts'
import type { UploadLimits } from '~/services/media/limits.ts'

// The photos editor's words in the page's language: sizes, the list of formats, and the server's
// refusals by their codes.

const REFUSAL_CODES = [
  'bad-name',
  'empty',
  'unsupported-type',
  'svg',
  'heic-unsupported',
  'damaged',
  'polyglot',
  'animated',
  'too-many-pixels',
  'too-small',
  'bad-shape',
  'file-too-large',
  'body-too-large',
  'too-many-files',
  'too-many-images',
  'stale',
  'not-found',
  'invalid',
  'unauthenticated',
  'rate-limited',
] as const
type RefusalCode = (typeof REFUSAL_CODES)[number]
const isRefusalCode = (code: unknown): code is RefusalCode =>
  typeof code === 'string' && (REFUSAL_CODES as readonly string[]).includes(code)

export function usePhotoText(limits: UploadLimits) {
  const { t } = useTranslation('seller')
  const f = useFormat()
  const size = (bytes: number) =>
    bytes >= 1024 * 1024
      ? t('photosEditor.megabytes', { n: f.number(Math.round((bytes / (1024 * 1024)) * 10) / 10) })
      : bytes >= 1024
        ? t('photosEditor.kilobytes', { n: f.number(Math.round(bytes / 1024)) })
        : t('photosEditor.bytes', { n: f.number(bytes) })
  // "JPEG, PNG, WebP or AVIF", "JPEG، PNG، WebP یا AVIF" (British lists, like the store's English:
  // no comma before "or").
  const formats = new Intl.ListFormat(f.locale === 'en' ? 'en-GB' : INTL_LOCALE[f.locale], {
    type: 'disjunction',
  }).format(limits.formats)
  /**
   * A refusal from the photos API in the page's language. The server's English says more (the
   * pixel sizes it measured), so English pages keep it; other languages say it by its code.
   */
  const refusal = (code: unknown, name: string, english: string | undefined) => {
    if (english && (f.locale === 'en' || !isRefusalCode(code))) return english
    if (!isRefusalCode(code)) return null
    return t(`photosEditor.errors.${code}`, {
      name,
      formats,
      size: size(limits.maxFileBytes),
      max: f.number(limits.maxImages),
      minSide: f.number(limits.minShortSide),
    })
  }
  return { t, f, size, formats, refusal }
}
