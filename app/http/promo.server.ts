import { getFormatter, getT } from '~/i18n/i18n.server.ts'
import { PromoCodeError } from '~/services/promos/promos.server.ts'

/** Why a code cannot apply, in the request's language (the amount in its digits and unit). */
export function promoRefusalText(request: Request, error: unknown): string {
  if (!(error instanceof PromoCodeError)) throw error
  const f = getFormatter(request)
  return getT(request, 'cart')(`promo.reasons.${error.reason}`, {
    min: f.money(error.minOrder ?? 0),
  })
}
