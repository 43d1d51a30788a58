import { ErrorPage } from './error-boundary.tsx'

type RetryInfo = { retryAt: string; retryInSeconds: number }

/** The 429 page: says when the visitor may try again (see retryLaterPage in app/http/errors.server.ts). */
export function RetryLater({ retry, what }: { retry: RetryInfo | undefined; what: string }) {
  const paused = `For your security we paused ${what} from here.`
  if (!retry)
    return (
      <ErrorPage
        status={429}
        title={`Too many ${what} attempts`}
        body={`${paused} Try again later.`}
      />
    )
  const minutes = Math.max(1, Math.ceil(retry.retryInSeconds / 60))
  const time = new Date(retry.retryAt).toLocaleTimeString('en', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  })
  return (
    <ErrorPage
      status={429}
      title={`Too many ${what} attempts`}
      body={`${paused} Try again in ${minutes} minute${minutes === 1 ? '' : 's'} (after ${time}).`}
    />
  )
}

/** The retry details a 429 response carries, if it carries them. */
export function retryInfoOf(value: unknown): RetryInfo | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const { retryAt, retryInSeconds } = value as Partial<RetryInfo>
  return typeof retryAt === 'string' && typeof retryInSeconds === 'number'
    ? { retryAt, retryInSeconds }
    : undefined
}
