import type { TFunction } from 'i18next'
import type { Formatter } from '~/i18n/format.ts'
import { productTitleIn, type NotificationKind } from './kinds.ts'

// A notification's sentence in the reader's language, for the list, the live announcement and
// the email alike. Names typed by people and Latin order numbers are isolated in Persian, so a
// right-to-left sentence keeps them whole.

export function notificationText(
  t: TFunction<'notifications'>,
  f: Formatter,
  kind: NotificationKind,
  data: Record<string, unknown>,
): string {
  const iso = (value: unknown) => {
    const text = String(value ?? '')
    return f.locale === 'fa' ? `\u2068${text}\u2069` : text
  }
  const product = iso(productTitleIn(f.locale, data))
  const reason = typeof data.reason === 'string' && data.reason ? data.reason : null
  const common = {
    product,
    orderNumber: iso(data.orderNumber),
    shopName: iso(data.shopName),
  }
  switch (kind) {
    case 'ORDER_SHIPPED':
    case 'ORDER_DELIVERED':
    case 'REVIEW_APPROVED':
    case 'REVIEW_WAITING':
      return t(`text.${kind}`, common)
    case 'REVIEW_REJECTED':
    case 'SHOP_SUSPENDED':
    case 'REVIEW_REPORTED':
      return reason
        ? t(`text.${kind}_reason`, { ...common, reason: iso(reason) })
        : t(`text.${kind}`, common)
    case 'BACK_IN_STOCK':
      return data.colorName && data.sizeLabel
        ? t('text.BACK_IN_STOCK_variant', {
            ...common,
            color: iso(data.colorName),
            size: iso(data.sizeLabel),
          })
        : t('text.BACK_IN_STOCK', common)
    case 'PRICE_DROP':
      return typeof data.price === 'number'
        ? t('text.PRICE_DROP_price', { ...common, price: f.money(data.price) })
        : t('text.PRICE_DROP', common)
    case 'NEW_ORDER': {
      const count = Number(data.itemCount ?? 1)
      return t('text.NEW_ORDER', { ...common, count, n: f.number(count) })
    }
    case 'STOCK_LOW':
      return t('text.STOCK_LOW', {
        ...common,
        color: iso(data.colorName),
        size: iso(data.sizeLabel),
        n: f.number(Number(data.stock ?? 0)),
      })
    case 'NEW_REVIEW':
      return t('text.NEW_REVIEW', { ...common, rating: f.number(Number(data.rating ?? 0)) })
    case 'REVIEW_INVITE': {
      const products = Array.isArray(data.products) ? data.products : []
      const first = products[0] as Record<string, unknown> | undefined
      const count = products.length
      return count === 1 && first
        ? t('text.REVIEW_INVITE_single', {
            ...common,
            product: iso(productTitleIn(f.locale, first)),
          })
        : t('text.REVIEW_INVITE', { ...common, count, n: f.number(count) })
    }
  }
}
