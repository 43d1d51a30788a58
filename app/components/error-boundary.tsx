import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocalePath } from '~/i18n/use-locale.ts'

type StatusHandler = (info: { status: number; message: string; data: unknown }) => ReactNode

/** Statuses with their own title and explanation (common: errors.<status>). */
const KNOWN = [400, 403, 404, 429, 503] as const
type KnownStatus = (typeof KNOWN)[number]
const isKnown = (status: number): status is KnownStatus =>
  (KNOWN as readonly number[]).includes(status)

/** Renders a thrown response (404, 403 …) or an unexpected error as a page, never a stack trace. */
export function GeneralErrorBoundary({
  statusHandlers = {},
}: {
  statusHandlers?: Record<number, StatusHandler>
}) {
  const { t } = useTranslation()
  const error = useRouteError()
  if (isRouteErrorResponse(error)) {
    const message = typeof error.data === 'string' ? error.data : ''
    const custom = statusHandlers[error.status]
    if (custom) return <>{custom({ status: error.status, message, data: error.data })}</>
    const status = error.status
    return (
      <ErrorPage
        status={status}
        title={isKnown(status) ? t(`errors.${status}.title`) : t('errors.other.title')}
        body={message || (isKnown(status) ? t(`errors.${status}.body`) : '')}
      />
    )
  }
  return <ErrorPage status={500} title={t('errors.other.title')} body={t('errors.other.body')} />
}

export function ErrorPage({
  status,
  title,
  body,
  children,
}: {
  status: number
  title: string
  body: string
  children?: ReactNode
}) {
  const { t } = useTranslation()
  const lp = useLocalePath()
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <p className="text-sm font-semibold text-brand-600">{status}</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{title}</h1>
      <p className="mt-4 text-stone-600">{body}</p>
      {children}
      <Link to={lp('/')} className="mt-8 btn-primary">
        {t('errors.back')}
      </Link>
    </div>
  )
}
