import { z } from 'zod'

// The kinds of notification, who gets each, what each one's data holds and where it leads.
// Shared by the server (notify, emails) and the browser (the bell, the list), so it names no
// server module. Data is what the event saw, in ids, numbers and names; words come from the
// `notifications` catalogue in the reader's language.

export const NOTIFICATION_KINDS = [
  'ORDER_SHIPPED',
  'ORDER_DELIVERED',
  'BACK_IN_STOCK',
  'PRICE_DROP',
  'REVIEW_APPROVED',
  'REVIEW_REJECTED',
  'NEW_ORDER',
  'STOCK_LOW',
  'NEW_REVIEW',
  'SHOP_SUSPENDED',
  'REVIEW_WAITING',
  'REVIEW_REPORTED',
  'REVIEW_INVITE',
] as const

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS)

/** Which people a kind is for: the preferences page lists the kinds of the viewer's roles. */
export const KIND_AUDIENCE: Record<NotificationKind, 'shopper' | 'seller' | 'admin'> = {
  ORDER_SHIPPED: 'shopper',
  ORDER_DELIVERED: 'shopper',
  BACK_IN_STOCK: 'shopper',
  PRICE_DROP: 'shopper',
  REVIEW_APPROVED: 'shopper',
  REVIEW_REJECTED: 'shopper',
  NEW_ORDER: 'seller',
  STOCK_LOW: 'seller',
  NEW_REVIEW: 'seller',
  SHOP_SUSPENDED: 'seller',
  REVIEW_WAITING: 'admin',
  REVIEW_REPORTED: 'admin',
  REVIEW_INVITE: 'shopper',
}

/** The kinds a person with these roles can get. */
export function kindsFor(roles: readonly string[]) {
  return NOTIFICATION_KINDS.filter((kind) => {
    const audience = KIND_AUDIENCE[kind]
    return (
      audience === 'shopper' ||
      (audience === 'seller' && roles.includes('SELLER')) ||
      (audience === 'admin' && roles.includes('ADMIN'))
    )
  })
}

const text = z.string().max(2000)
const product = {
  productSlug: text,
  /** The product's title as the event saw it, and its Persian title when it has one. */
  productTitle: text,
  productTitleFa: text.nullish(),
}

/** What each kind's data holds; notify() refuses anything else. */
export const NOTIFICATION_DATA = {
  ORDER_SHIPPED: z.object({ orderNumber: text, shopName: text }),
  ORDER_DELIVERED: z.object({ orderNumber: text, shopName: text }),
  BACK_IN_STOCK: z.object({ ...product, colorName: text.nullish(), sizeLabel: text.nullish() }),
  PRICE_DROP: z.object({
    ...product,
    /** The new price in minor units of `currency`. */
    price: z.number().int().nonnegative().nullish(),
    currency: z.string().length(3).nullish(),
  }),
  REVIEW_APPROVED: z.object(product),
  REVIEW_REJECTED: z.object({ ...product, reason: text.nullish() }),
  NEW_ORDER: z.object({ orderNumber: text, itemCount: z.number().int().positive() }),
  STOCK_LOW: z.object({
    productId: text,
    productTitle: text,
    productTitleFa: text.nullish(),
    colorName: text,
    sizeLabel: text,
    stock: z.number().int().nonnegative(),
  }),
  NEW_REVIEW: z.object({ ...product, rating: z.number().int().min(1).max(5) }),
  SHOP_SUSPENDED: z.object({ shopName: text, reason: text.nullish() }),
  REVIEW_WAITING: z.object(product),
  REVIEW_REPORTED: z.object({ ...product, reason: text.nullish() }),
  /** A delivered parcel's products the buyer has not reviewed yet (at most 20). */
  REVIEW_INVITE: z.object({
    orderNumber: text,
    shopName: text,
    products: z.array(z.object(product)).min(1).max(20),
  }),
} satisfies Record<NotificationKind, z.ZodType>

export type NotificationData<K extends NotificationKind> = z.infer<(typeof NOTIFICATION_DATA)[K]>

/** Where a notification leads (an app path without the language prefix). */
export function notificationPath(kind: NotificationKind, data: Record<string, unknown>): string {
  const value = (name: string) => encodeURIComponent(String(data[name] ?? ''))
  switch (kind) {
    case 'ORDER_SHIPPED':
    case 'ORDER_DELIVERED':
      return `/orders/${value('orderNumber')}`
    case 'REVIEW_INVITE':
      // The order page has a "Review this item" link on each delivered line not reviewed yet.
      return `/orders/${value('orderNumber')}`
    case 'NEW_ORDER':
      return `/sell/orders/${value('orderNumber')}`
    case 'STOCK_LOW':
      return `/sell/products/${value('productId')}`
    case 'SHOP_SUSPENDED':
      return '/sell/shop'
    case 'REVIEW_WAITING':
    case 'REVIEW_REPORTED':
      return '/admin/reviews'
    case 'BACK_IN_STOCK':
    case 'PRICE_DROP':
    case 'REVIEW_APPROVED':
    case 'REVIEW_REJECTED':
    case 'NEW_REVIEW':
      return `/p/${value('productSlug')}`
  }
}

/** The product's title in the reader's language when the event knew it. */
export function productTitleIn(locale: string, data: Record<string, unknown>) {
  const fa = data.productTitleFa
  return locale === 'fa' && typeof fa === 'string' && fa ? fa : String(data.productTitle ?? '')
}

/** A notification as pages and the live stream carry it. */
export type NotificationView = {
  id: string
  kind: NotificationKind
  data: Record<string, unknown>
  readAt: string | null
  createdAt: string
}

/** A product's title in each language as notifications keep it (docs/decisions/018). */
export function productNames(product: {
  title: string
  translatedTitle?: string | null
  locale: string
}) {
  const other = product.translatedTitle || null
  return product.locale === 'fa'
    ? { productTitle: other ?? product.title, productTitleFa: product.title }
    : { productTitle: product.title, productTitleFa: other }
}
