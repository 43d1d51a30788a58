import { redirect } from '@remix-run/node'
import { defaultLocale } from '~/i18n/i18n.server.ts'
import { localePath } from '~/i18n/locales.ts'
import type { PaymentReturn } from '~/services/orders/payments/returns.server.ts'

/** Sends a shopper back from a provider's page to their order, in the order's language, saying what happened. */
export function redirectAfterPayment({ path, locale, outcome }: PaymentReturn) {
  const to = `${path}${path.includes('?') ? '&' : '?'}payment=${outcome}`
  return redirect(localePath(locale, defaultLocale(), to), { status: 303 })
}
