import { data } from '@remix-run/node'
import type { TFunction } from 'i18next'
import type { Formatter } from '~/i18n/format.ts'
import { getFormatter, getT } from '~/i18n/i18n.server.ts'
import {
  InsufficientStockError,
  TotalChangedError,
  UnavailableItemsError,
} from '~/services/orders/checkout-errors.server.ts'
import { throwIfNotFound, toRefusal, type Refusal, type Replying } from './errors.server.ts'
import { refusalMessage } from './refusal-messages.server.ts'
import { PromoCodeError } from '~/services/promos/promos.server.ts'
import { promoRefusalText } from './promo.server.ts'

// The checkout form's refusals in the page's language, at the field (or above the form) where
// the service put them: amounts through the page's formatter, each short line named.

function checkoutMessage(
  t: TFunction<'orders'>,
  f: Formatter,
  refusal: Refusal,
  error: unknown,
): string {
  if (error instanceof TotalChangedError)
    return t('errors.total-changed', { total: f.money(error.total), shown: f.money(error.shown) })
  if (error instanceof InsufficientStockError)
    return error.lines
      .map((line) => {
        const item = { title: line.title, color: line.colorName, size: line.sizeLabel }
        return line.available === 0
          ? t('errors.sold-out', item)
          : t('errors.not-enough', {
              ...item,
              available: f.number(line.available),
              requested: f.number(line.requested),
            })
      })
      .join(' ')
  if (error instanceof UnavailableItemsError)
    return t('errors.items-unavailable', {
      count: error.lines.length,
      titles: error.lines.map((line) => line.title).join(t('list.separator')),
    })
  return refusalMessage(t, refusal, error)
}

/** A refused checkout as the form's answer, with the refusal's status and its message translated. */
export function checkoutRefusal(request: Request, submission: Replying, error: unknown) {
  const refusal = toRefusal(error)
  throwIfNotFound(refusal)
  const message =
    error instanceof PromoCodeError
      ? promoRefusalText(request, error)
      : checkoutMessage(getT(request, 'orders'), getFormatter(request), refusal, error)
  const translate = (messages: string[]) =>
    messages.map((text) => (text === refusal.message ? message : text))
  return data(
    submission.reply({
      formErrors: translate(refusal.formErrors),
      fieldErrors: Object.fromEntries(
        Object.entries(refusal.fieldErrors).map(([field, messages]) => [
          field,
          translate(messages),
        ]),
      ),
    }),
    { status: refusal.status, headers: refusal.headers },
  )
}
