import { getT } from '~/i18n/i18n.server.ts'
import { isUserAdminErrorCode } from '~/services/admin/users.server.ts'
import type { Refusal } from './errors.server.ts'

/** An admin page's `<title>` in the request's language: "Users · Admin · Shikposh". */
export function adminTitle(request: Request, page: string) {
  return getT(request, 'admin')('title', { page, store: getT(request)('store.name') })
}

/**
 * A refusal of an admin command in the request's language, by its code (the admin catalogue's
 * `errors.<code>`); a refusal whose code it does not know keeps the service's message.
 */
export function adminRefusalMessage(request: Request, refusal: Refusal) {
  return isUserAdminErrorCode(refusal.code)
    ? getT(request, 'admin')(`errors.${refusal.code}`)
    : refusal.message
}
