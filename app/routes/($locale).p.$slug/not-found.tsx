import { isRouteErrorResponse } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorPage } from '~/components/error-boundary.tsx'

// The product page's 404 carries its own message and title (meta has no translate function), so
// the not-found page and its <title> are in the page's language.

/** What a 404 of this page carries: the message shown and the page's title. */
export type NotFound = { message: string; title: string }

/** What this page's 404 carries (message and title in the page's language), if it is one. */
export function notFoundBody(body: unknown): NotFound | null {
  if (typeof body !== 'object' || body === null) return null
  const { message, title } = body as Partial<NotFound>
  return typeof message === 'string' && typeof title === 'string' ? { message, title } : null
}

export function notFoundOf(error: unknown) {
  return isRouteErrorResponse(error) && error.status === 404 ? notFoundBody(error.data) : null
}

export function ProductNotFound({ data }: { data: unknown }) {
  const { t } = useTranslation()
  const { t: tp } = useTranslation('product')
  return (
    <ErrorPage
      status={404}
      title={t('errors.404.title')}
      body={notFoundBody(data)?.message ?? tp('notFound')}
    />
  )
}
