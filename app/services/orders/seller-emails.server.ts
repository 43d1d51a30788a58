import type { Locale } from '~/i18n/locales.ts'
import type { Tx } from '~/infra/db.server.ts'
import {
  emailButton,
  emailDocument,
  emailLink,
  emailLocale,
  type RenderedEmail,
} from '~/services/mail/layout.server.ts'
import { enqueueMail } from '~/services/mail/mail.server.ts'
import { wantsEmail, withUnsubscribe } from '~/services/notifications/emails.server.ts'
import { notifyAll, type NotifyInput } from '~/services/notifications/notify.server.ts'
import { html } from '~/utils/html.ts'
import { addressLines } from './address-format.ts'
import type { AddressInput } from './schemas.ts'
import {
  type EmailLine,
  addressHtml,
  amountsTable,
  kit,
  linesTable,
  textLines,
} from './emails.server.ts'

// The email each seller gets for a new order (their parcel's lines only), in the seller's
// language, queued with the order.

export type SellerEmailOrder = {
  number: string
  customerName: string
  currency: string
  placedAt: Date
  shippingMethod: string
  address: AddressInput
  shopName: string
  /** This shop's lines only. */
  lines: EmailLine[]
}

export function renderNewOrderForSeller(
  locale: Locale,
  seller: { name: string },
  order: SellerEmailOrder,
): RenderedEmail {
  const k = kit(locale, order.currency)
  const { t, f, labels, iso } = k
  const number = iso(order.number)
  const shop = iso(order.shopName)
  const subject = t('seller.newOrder.subject', { number, shop })
  const itemsTotal = order.lines.reduce((sum, line) => sum + line.lineTotal, 0)
  const url = emailLink(locale, `/sell/orders/${order.number}`)
  const delivery = labels.shippingMethod(order.shippingMethod)
  const address = addressLines(order.address, locale)
  const intro = t('seller.newOrder.body', {
    customer: order.customerName,
    shop,
    date: f.dateTime(order.placedAt),
  })
  const text = [
    t('seller.greeting', { name: seller.name }),
    '',
    intro,
    '',
    textLines(k, order.lines),
    '',
    `${t('seller.newOrder.itemsTotal')}: ${f.money(itemsTotal)}`,
    `${t('seller.newOrder.delivery')}: ${delivery}`,
    '',
    `${t('seller.newOrder.shipTo')}:`,
    ...address,
    '',
    `${t('seller.newOrder.action')}: ${url}`,
  ].join('\n')
  const body = html`<h1 style="font-size:20px;margin:0 0 8px">${t('seller.newOrder.title')}</h1>
<p>${t('seller.greeting', { name: seller.name })} ${intro}</p>
${linesTable(k, order.lines)}
${amountsTable(locale, [
  [t('seller.newOrder.itemsTotal'), f.money(itemsTotal), 'font-weight:700'],
  [t('seller.newOrder.delivery'), delivery],
])}
<p style="font-size:14px"><strong>${t('seller.newOrder.shipTo')}:</strong><br>${addressHtml(address)}</p>
${emailButton(url, t('seller.newOrder.action'))}`
  return {
    subject,
    text,
    html: emailDocument(locale, {
      title: subject,
      body,
      footer: t('seller.footer', { shop, store: k.store }),
    }),
  }
}

/**
 * Tells each shop of a new order what it has to ship, in the shop owner's language. Call it in
 * the order's transaction, so the emails go if and only if the order is placed.
 */
export async function enqueueNewOrderForSellers(
  tx: Tx,
  order: Omit<SellerEmailOrder, 'shopName' | 'lines'> & {
    id: string
    lines: Array<EmailLine & { shopId: string }>
  },
) {
  const shopIds = [...new Set(order.lines.map((line) => line.shopId))]
  const shops = await tx.shop.findMany({
    where: { id: { in: shopIds } },
    select: {
      id: true,
      name: true,
      owner: { select: { id: true, email: true, name: true, locale: true } },
    },
    orderBy: { id: 'asc' },
  })
  const notes: NotifyInput[] = []
  for (const shop of shops) {
    const lines = order.lines.filter((line) => line.shopId === shop.id)
    const locale = emailLocale(shop.owner.locale)
    notes.push({
      userId: shop.owner.id,
      kind: 'NEW_ORDER',
      data: {
        orderNumber: order.number,
        itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
      },
    })
    if (!(await wantsEmail(tx, shop.owner.id, 'NEW_ORDER'))) continue
    const email = renderNewOrderForSeller(locale, shop.owner, {
      ...order,
      shopName: shop.name,
      lines,
    })
    await enqueueMail(tx, `order:${order.id}:shop:${shop.id}:new`, {
      to: shop.owner.email,
      ...withUnsubscribe(email, locale, shop.owner.id, 'NEW_ORDER'),
    })
  }
  // Each seller's open order list hears of it at once (the notification's live push).
  await notifyAll(tx, notes)
}
