import { z } from 'zod'
import { isLocale, type Locale } from '~/i18n/locales.ts'
import { prisma, Prisma, type Tx } from '~/infra/db.server.ts'
import type { JobTask } from '~/infra/jobs/worker.server.ts'
import { localLabel, localName, localTitle } from '~/services/catalog/localized.ts'
import { lowestQuote, quote } from '~/services/catalog/pricing.ts'
import { getEnv } from '~/infra/env.server.ts'
import { emailLocale } from '~/services/mail/layout.server.ts'
import { unsubscribeFor, wantsEmail } from '~/services/notifications/emails.server.ts'
import { notifyAll } from '~/services/notifications/notify.server.ts'
import { enqueueMail } from '~/services/mail/mail.server.ts'
import { renderBackInStock, renderPriceDrop } from './emails.server.ts'
import { WishlistError } from './wishlist.server.ts'

// Back-in-stock and price-drop alerts. A database trigger queues the job in the transaction of
// the stock or price change (migration 20261206040045, docs/decisions/022). The job claims each
// subscriber with an UPDATE that only matches unclaimed rows, and queues the email in that same
// transaction: two jobs (two workers) for one variant cannot both claim a row, and a retried job
// finds its rows claimed. So each subscriber gets one email per return.

export const BACK_IN_STOCK_TASK = 'wishlist.back-in-stock'
export const PRICE_DROP_TASK = 'wishlist.price-drop'

/** One alert to one person. Every alert goes out through sendAlerts. */
export type Alert = {
  key: string
  email: string
  /** The account, or null for a guest's address (no notification, only the email). */
  userId: string | null
  locale: Locale
  /** The product as the notification records it: slug and title in both languages. */
  about: { slug: string; title: string; titleFa: string | null }
} & (
  | {
      kind: 'back-in-stock'
      product: { title: string; shop: string; color: string; size: string; path: string }
    }
  | { kind: 'price-drop'; product: { title: string; path: string; price: number; was: number } }
)

const KIND = { 'back-in-stock': 'BACK_IN_STOCK', 'price-drop': 'PRICE_DROP' } as const

/**
 * Sends alerts once the transaction commits: an account's as an in-app notification (notify)
 * and, unless they turned that kind off, this email with its unsubscribe link; a guest's as the
 * email only. `key` names each email for the mail queue.
 */
export async function sendAlerts(tx: Tx, alerts: Alert[]) {
  const accounts = alerts.filter((alert) => alert.userId !== null)
  // One call: notifyAll takes its per-person locks in one order (no deadlock between two jobs).
  await notifyAll(
    tx,
    accounts.map((alert) => ({
      userId: alert.userId!,
      kind: KIND[alert.kind],
      data: {
        productSlug: alert.about.slug,
        productTitle: alert.about.title,
        productTitleFa: alert.about.titleFa,
        ...(alert.kind === 'back-in-stock'
          ? { colorName: alert.product.color, sizeLabel: alert.product.size }
          : { price: alert.product.price, currency: getEnv().STORE_CURRENCY }),
      },
    })),
  )
  for (const alert of alerts) {
    let unsubscribe: ReturnType<typeof unsubscribeFor> | null = null
    if (alert.userId) {
      if (!(await wantsEmail(tx, alert.userId, KIND[alert.kind]))) continue
      unsubscribe = unsubscribeFor(alert.locale, alert.userId, KIND[alert.kind])
    }
    const message =
      alert.kind === 'back-in-stock'
        ? renderBackInStock(alert.locale, alert.product, unsubscribe?.url)
        : renderPriceDrop(alert.locale, alert.product, unsubscribe?.url)
    await enqueueMail(tx, alert.key, {
      to: alert.email,
      ...message,
      ...(unsubscribe ? { headers: unsubscribe.headers } : {}),
    })
  }
}

/** The product's title in each language, as notifications keep it. */
function titles(product: {
  slug: string
  locale: string
  title: string
  translatedTitle: string | null
}) {
  const fa = localTitle('fa', product)
  const en = localTitle('en', product)
  return { slug: product.slug, title: en, titleFa: fa === en ? null : fa }
}

// ---------------------------------------------------------------- subscribing

/**
 * "Email me when it's back" for a sold-out colour and size. Asking again after an earlier
 * email waits for the next return. Refuses a variant that is in stock or not in the store.
 */
export async function subscribeBackInStock(input: {
  variantId: string
  email: string
  userId: string | null
  locale: Locale
}) {
  const variant = await prisma.variant.findUnique({
    where: { id: input.variantId },
    select: { stock: true, product: { select: { listed: true } } },
  })
  if (!variant?.product.listed)
    throw new WishlistError('not-found', 'variant-unavailable', 'This item is not available.', {
      field: 'variantId',
    })
  if (variant.stock > 0)
    throw new WishlistError('conflict', 'in-stock', 'It is in stock: add it to your cart.', {
      field: 'variantId',
    })
  const email = input.email.toLowerCase()
  await prisma.stockAlert.upsert({
    where: { variantId_email: { variantId: input.variantId, email } },
    create: { variantId: input.variantId, email, userId: input.userId, locale: input.locale },
    update: { notifiedAt: null, locale: input.locale, userId: input.userId ?? undefined },
  })
}

/** The variants of a product this address waits for (the page says so instead of the form). */
/**
 * The variants of a product this address waits for, as an SQL expression (a JSON array of ids)
 * that the product page's own query selects, so the page spends no round trip on it.
 */
export function waitingVariantsSql(productId: Prisma.Sql, email: string) {
  return Prisma.sql`(SELECT coalesce(json_agg(a."variantId" ORDER BY a."variantId"), '[]'::json)
      FROM "StockAlert" a JOIN "Variant" av ON av.id = a."variantId"
      WHERE a.email = ${email.toLowerCase()} AND a."notifiedAt" IS NULL AND av."productId" = ${productId})`
}

export async function listWaitingVariants(productId: string, email: string) {
  const [row] = await prisma.$queryRaw<Array<{ waiting: string[] }>>`
    SELECT ${waitingVariantsSql(Prisma.sql`${productId}`, email)} AS waiting`
  return row!.waiting
}

// ---------------------------------------------------------------- the jobs

const productPath = (slug: string, color?: string, size?: string) => {
  const query = new URLSearchParams()
  if (color) query.set('color', color)
  if (size) query.set('size', size)
  return `/p/${slug}${query.size ? `?${query}` : ''}`
}

export const backInStockTask: JobTask = async (payload) => {
  const { variantId } = z.object({ variantId: z.string().min(1) }).parse(payload)
  await prisma.$transaction(async (tx) => {
    const variant = await tx.variant.findUnique({
      where: { id: variantId },
      select: {
        stock: true,
        color: { select: { name: true, nameFa: true, slug: true } },
        size: { select: { label: true, labelFa: true } },
        product: {
          select: {
            slug: true,
            title: true,
            locale: true,
            translatedTitle: true,
            listed: true,
            shop: { select: { name: true } },
          },
        },
      },
    })
    // Sold out again (or gone) before the job ran: the subscribers wait for the next return.
    if (!variant || variant.stock <= 0 || !variant.product.listed) return
    const claimed = await tx.$queryRaw<
      Array<{ id: string; email: string; userId: string | null; locale: string; at: Date }>
    >`
      UPDATE "StockAlert" SET "notifiedAt" = now()
      WHERE "variantId" = ${variantId} AND "notifiedAt" IS NULL
      RETURNING "id", "email", "userId", "locale", "notifiedAt" AS at`
    const { product, color, size } = variant
    const alerts: Alert[] = claimed.map((row) => {
      const locale = emailLocale(row.locale)
      return {
        kind: 'back-in-stock',
        about: titles(product),
        key: `stock-alert:${row.id}:${row.at.getTime()}`,
        email: row.email,
        userId: row.userId,
        locale,
        product: {
          title: localTitle(locale, product),
          shop: product.shop.name,
          color: localName(locale, color),
          size: localLabel(locale, size),
          path: productPath(product.slug, color.slug, size.label),
        },
      }
    })
    await sendAlerts(tx, alerts)
  })
}

export const priceDropTask: JobTask = async (payload) => {
  const { productId } = z.object({ productId: z.string().min(1) }).parse(payload)
  const now = new Date()
  await prisma.$transaction(async (tx) => {
    // The lock makes a second job for this product wait, then see the prices this one set.
    const items = await tx.$queryRaw<
      Array<{ id: string; userId: string; variantId: string | null; alertPrice: number | null }>
    >`
      SELECT "id", "userId", "variantId", "alertPrice" FROM "WishlistItem"
      WHERE "productId" = ${productId} AND "priceAlert" ORDER BY "id" FOR UPDATE`
    if (!items.length) return
    const product = await tx.product.findUnique({
      where: { id: productId },
      select: {
        slug: true,
        title: true,
        locale: true,
        translatedTitle: true,
        listed: true,
        price: true,
        discountPercent: true,
        discountStartsAt: true,
        discountEndsAt: true,
        variants: { select: { id: true, price: true } },
      },
    })
    if (!product?.listed) return
    const users = new Map(
      (
        await tx.user.findMany({
          where: { id: { in: items.map((item) => item.userId) } },
          select: { id: true, email: true, locale: true },
        })
      ).map((user) => [user.id, user]),
    )
    const alerts: Alert[] = []
    for (const item of items) {
      const variant = product.variants.find((candidate) => candidate.id === item.variantId)
      const price = (
        item.variantId
          ? variant && quote(product, variant, now)
          : lowestQuote(product, product.variants, now)
      )?.effective
      if (price == null || item.alertPrice === price) continue
      // A rise only moves the mark; a drop below the last price announced is announced once.
      await tx.wishlistItem.update({ where: { id: item.id }, data: { alertPrice: price } })
      const user = users.get(item.userId)
      if (item.alertPrice === null || price > item.alertPrice || !user) continue
      const locale = emailLocale(user.locale, isLocale(product.locale) ? product.locale : null)
      alerts.push({
        kind: 'price-drop',
        about: titles(product),
        key: `price-alert:${item.id}:${price}:${now.getTime()}`,
        email: user.email,
        userId: user.id,
        locale,
        product: {
          title: localTitle(locale, product),
          path: productPath(product.slug),
          price,
          was: item.alertPrice,
        },
      })
    }
    await sendAlerts(tx, alerts)
  })
}
