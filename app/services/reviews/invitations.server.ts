import { getT } from '~/i18n/i18n.server.ts'
import type { Locale } from '~/i18n/locales.ts'
import { prisma, type Tx } from '~/infra/db.server.ts'
import {
  emailButton,
  emailDocument,
  emailLink,
  emailLocale,
  isolate,
  storeName,
  type RenderedEmail,
} from '~/services/mail/layout.server.ts'
import { enqueueMail } from '~/services/mail/mail.server.ts'
import { wantsEmail, withUnsubscribe } from '~/services/notifications/emails.server.ts'
import { productNames } from '~/services/notifications/kinds.ts'
import { notify } from '~/services/notifications/notify.server.ts'
import { html } from '~/utils/html.ts'

// A delivered parcel invites its buyer to review what was in it: one notification and (unless
// they turned the kind off) one email listing each product with a link to its review form,
// written in the delivery's transaction, so they exist if and only if the delivery does.
// Guests cannot review (reviews need an account); products already reviewed, or no longer on
// sale, are left out, and a parcel with nothing left invites nothing.

export const REVIEW_INVITE_MAX_PRODUCTS = 20

type InvitedProduct = { productSlug: string; productTitle: string; productTitleFa: string | null }

/** Invites the buyer of this (just delivered) shipment to review its products. */
export async function inviteReviews(tx: Tx, shipmentId: string) {
  const shipment = await tx.shipment.findUniqueOrThrow({
    where: { id: shipmentId },
    select: {
      shop: { select: { name: true } },
      order: {
        select: {
          number: true,
          locale: true,
          user: { select: { id: true, email: true, locale: true } },
        },
      },
      lines: { select: { productId: true }, orderBy: { id: 'asc' } },
    },
  })
  const user = shipment.order.user
  if (!user) return null
  const ids = [...new Set(shipment.lines.flatMap((line) => line.productId ?? []))]
  const [products, reviewed] = await Promise.all([
    tx.product.findMany({
      where: { id: { in: ids }, listed: true },
      select: { id: true, slug: true, title: true, translatedTitle: true, locale: true },
    }),
    tx.review.findMany({
      where: { userId: user.id, productId: { in: ids } },
      select: { productId: true },
    }),
  ])
  const done = new Set(reviewed.map((review) => review.productId))
  const byId = new Map(products.map((product) => [product.id, product]))
  const invited: InvitedProduct[] = ids
    .flatMap((id) => (done.has(id) ? [] : (byId.get(id) ?? [])))
    .slice(0, REVIEW_INVITE_MAX_PRODUCTS)
    .map((product) => {
      const names = productNames(product)
      return {
        productSlug: product.slug,
        productTitle: names.productTitle,
        productTitleFa: names.productTitleFa,
      }
    })
  if (!invited.length) return null

  const facts = {
    orderNumber: shipment.order.number,
    shopName: shipment.shop.name,
    products: invited,
  }
  if (await wantsEmail(tx, user.id, 'REVIEW_INVITE')) {
    const locale = emailLocale(user.locale, shipment.order.locale)
    const email = renderReviewInvite(locale, facts)
    await enqueueMail(tx, `shipment:${shipmentId}:review-invite`, {
      to: user.email,
      ...withUnsubscribe(email, locale, user.id, 'REVIEW_INVITE'),
    })
  }
  return notify(tx, { userId: user.id, kind: 'REVIEW_INVITE', data: facts })
}

/** Where a product's review form is: its page's reviews section. */
export const reviewFormPath = (productSlug: string) =>
  `/p/${encodeURIComponent(productSlug)}#reviews`

export function renderReviewInvite(
  locale: Locale,
  invite: { orderNumber: string; shopName: string; products: InvitedProduct[] },
): RenderedEmail {
  const t = getT(locale, 'email')
  const iso = (value: string) => isolate(locale, value)
  const shop = iso(invite.shopName)
  const number = iso(invite.orderNumber)
  const count = invite.products.length
  const subject = t('reviewInvite.subject', { shop, count })
  const intro = t('reviewInvite.body', { shop, number, count })
  const items = invite.products.map((product) => {
    const title =
      locale === 'fa' && product.productTitleFa ? product.productTitleFa : product.productTitle
    return { title: iso(title), url: emailLink(locale, reviewFormPath(product.productSlug)) }
  })
  const button = t('reviewInvite.button')
  const text = [
    intro,
    '',
    ...items.map((item) => `${item.title}\n${button}: ${item.url}`),
    '',
    t('reviewInvite.footer'),
  ].join('\n')
  const body = html`<h1 style="font-size:20px;margin:0 0 8px">${t('reviewInvite.title')}</h1>
<p>${intro}</p>
${items.map(
  (item) => html`<div style="border-top:1px solid #e7e5e4;padding-top:12px;margin-top:12px">
<p style="font-weight:600;margin:0">${item.title}</p>
${emailButton(item.url, button)}</div>`,
)}
<p style="font-size:13px;color:#57534e">${t('reviewInvite.footer')}</p>`
  return {
    subject,
    text,
    html: emailDocument(locale, {
      title: subject,
      body,
      footer: getT(locale, 'notifications')('email.footer', { store: storeName(locale) }),
    }),
  }
}

/**
 * Of these products (from an order's delivered parcels), the ones `userId` can review now: still
 * on sale and not reviewed by them yet. One query.
 */
export async function listReviewableProducts(userId: string, productIds: string[]) {
  if (!productIds.length) return []
  const rows = await prisma.product.findMany({
    where: {
      id: { in: [...new Set(productIds)] },
      listed: true,
      reviews: { none: { userId } },
    },
    select: { id: true },
  })
  return rows.map((row) => row.id)
}
