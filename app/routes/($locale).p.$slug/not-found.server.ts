import { data as respond } from '@remix-run/node'
import type { getT } from '~/i18n/i18n.server.ts'
import type { NotFound } from './not-found.tsx'

/** The product page's 404: its message and title in the page's language. */
export function productNotFound(t: ReturnType<typeof getT<'product'>>) {
  return respond<NotFound>(
    { message: t('notFound'), title: t('meta.notFoundTitle') },
    { status: 404 },
  )
}
