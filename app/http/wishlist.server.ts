import { data } from '@remix-run/node'
import type { BackInStockActionData } from '~/components/wishlist/back-in-stock.tsx'
import { getLocale, getT } from '~/i18n/i18n.server.ts'
import type { SessionUser } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { subscribeBackInStock } from '~/services/wishlist/alerts.server.ts'
import { BackInStockSchema } from '~/services/wishlist/schemas.ts'
import { localizedRefusal } from './refusal-messages.server.ts'

/**
 * The product page's "Email me when it's back": a field error at the address (or the size), or
 * back to the page with a toast. A signed-in shopper's own address is used.
 */
export async function backInStockAction(
  request: Request,
  formData: FormData,
  user: SessionUser | null,
  back: string,
) {
  const t = getT(request, 'product')
  const fields: Record<string, unknown> = {
    ...Object.fromEntries(formData),
    ...(user ? { email: user.email } : {}),
  }
  const variantId = typeof fields.variantId === 'string' ? fields.variantId : null
  const parsed = BackInStockSchema.safeParse(fields)
  const answer = (fieldErrors: Record<string, string[]>, status: number) =>
    data<BackInStockActionData>({ intent: 'back-in-stock', variantId, fieldErrors }, { status })
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {}
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === 'email' ? 'email' : 'variantId'
      fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message]
    }
    return answer(fieldErrors, 400)
  }
  try {
    await subscribeBackInStock({
      variantId: parsed.data.variantId,
      email: parsed.data.email,
      userId: user?.id ?? null,
      locale: getLocale(request),
    })
  } catch (error) {
    const refusal = localizedRefusal(t, error)
    return answer({ variantId: [refusal.message] }, refusal.status)
  }
  return redirectWithToast(back, { message: t('backInStock.toast') })
}
