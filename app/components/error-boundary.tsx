/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import type { ReactNode } from 'react'

type StatusHandler = (info: { status: number; message: string; data: unknown }) => ReactNode

const DEFAULT_MESSAGES: Record<number, { title: string; body: string }> = {
  400: {
    title: 'That request did not look right',
    body: 'Please check what you entered and try again.',
  },
  403: { title: 'Not allowed', body: 'You do not have access to this page.' },
  404: {
    title: 'Page not found',
    body: 'We could not find what you were looking for. It may have moved or been removed.',
  },
  429: { title: 'Too many attempts', body: 'Please wait a little and try again.' },
}

/** Renders a thrown response (404, 403 …) or an unexpected error as a page, never a stack trace. */
export function GeneralErrorBoundary({
  statusHandlers = {},
}: {
  statusHandlers?: Record<number, StatusHandler>
}) {
  const error = useRouteError()
  if (isRouteErrorResponse(error)) {
    const message = typeof error.data === 'string' ? error.data : ''
    const custom = statusHandlers[error.status]
    if (custom) return <>{custom({ status: error.status, message, data: error.data })}</>
    const known = DEFAULT_MESSAGES[error.status]
    return (
      <ErrorPage
        status={error.status}
        title={known?.title ?? 'Something went wrong'}
        body={message || known?.body || ''}
      />
    )
  }
  return (
    <ErrorPage
      status={500}
      title="Something went wrong"
      body="An unexpected error happened on our side. Please try again in a moment."
    />
  )
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
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <p className="text-sm font-semibold text-brand-600">{status}</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{title}</h1>
      <p className="mt-4 text-stone-600">{body}</p>
      {children}
      <Link to="/" className="mt-8 btn-primary">
        Back to the shop
      </Link>
    </div>
  )
}
