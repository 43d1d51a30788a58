import { ErrorPage } from './error-boundary.tsx'

/** The 429 page: says when the visitor may try again, in their own time zone once hydrated. */
export function RetryLater({ retryAt, what }: { retryAt: string | undefined; what: string }) {
  const when = retryAt ? new Date(retryAt) : null
  const minutes = when ? Math.max(1, Math.ceil((when.getTime() - Date.now()) / 60000)) : null
  const time = when?.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
  return (
    <ErrorPage
      status={429}
      title={`Too many ${what} attempts`}
      body={
        minutes
          ? `For your security we paused ${what} from here. Try again in ${minutes} minute${minutes === 1 ? '' : 's'} (after ${time}).`
          : `For your security we paused ${what} from here. Try again later.`
      }
    />
  )
}

/** The retry time a 429 response carries (see tooManyAttemptsResponse). */
export function retryAtOf(value: unknown) {
  return typeof value === 'object' && value !== null && 'retryAt' in value && typeof value.retryAt === 'string' ? value.retryAt : undefined
}
