import { useTranslation } from 'react-i18next'
import { useFormat } from '~/i18n/use-locale.ts'
import { ErrorPage } from './error-boundary.tsx'

type RetryInfo = { retryAt: string; retryInSeconds: number }

/** What was paused, as the `account` catalogue names it under `retryLater.what`. */
export type PausedAction = 'signIn' | 'registration' | 'passwordReset'

/** The 429 page: says when the visitor may try again (see retryLaterPage in app/http/errors.server.ts). */
export function RetryLater({ retry, what }: { retry: RetryInfo | undefined; what: PausedAction }) {
  const { t } = useTranslation('account')
  const format = useFormat()
  const action = t(`retryLater.what.${what}`)
  const title = t('retryLater.title', { what: action })
  const paused = t('retryLater.paused', { what: action })
  if (!retry)
    return <ErrorPage status={429} title={title} body={`${paused} ${t('retryLater.later')}`} />
  const minutes = Math.max(1, Math.ceil(retry.retryInSeconds / 60))
  const when = t('retryLater.inMinutes', {
    count: minutes,
    minutes: format.number(minutes),
    time: format.dateTime(retry.retryAt),
  })
  return <ErrorPage status={429} title={title} body={`${paused} ${when}`} />
}

/** The retry details a 429 response carries, if it carries them. */
export function retryInfoOf(value: unknown): RetryInfo | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const { retryAt, retryInSeconds } = value as Partial<RetryInfo>
  return typeof retryAt === 'string' && typeof retryInSeconds === 'number'
    ? { retryAt, retryInSeconds }
    : undefined
}
