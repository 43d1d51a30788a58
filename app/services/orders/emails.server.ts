import { getT } from '~/i18n/i18n.server.ts'
import type { Locale } from '~/i18n/locales.ts'
import {
  emailButton,
  emailDocument,
  emailFormatter,
  emailLink,
  emailLocale,
  isolate,
  storeName,
  type RenderedEmail,
} from '~/services/mail/layout.server.ts'
import { html, type SafeHtml } from '~/utils/html.ts'
import { addressLines } from './address-format.ts'
import { trackingUrl } from './carriers.ts'
import { orderLabels } from './labels.ts'
import type { AddressInput } from './schemas.ts'

// The order emails, each in its recipient's language: the shopper's (the account's chosen
// language, else the language of the page the order was placed from) and each seller's (their
// own choice, else the store's default). Plain text and simple HTML with the language's `lang`
// and direction, money and dates as the store's pages show them; every value escaped (names,
// titles and addresses are typed by people).

export type { RenderedEmail }

/** The shopper's language for an order's emails: the account's choice, else the order's page's. */
export function orderEmailLocale(order: {
  locale: string
  user?: { locale: string | null } | null
}): Locale {
  return emailLocale(order.user?.locale, order.locale)
}

export type EmailLine = {
  title: string
  colorName: string
  sizeLabel: string
  quantity: number
  unitPrice: number
  lineTotal: number
  shopName: string
  /** What each promo code took off the line (lineTotal is before them). */
  discounts?: ReadonlyArray<{ code: string; amount: number }>
}

export type EmailOrder = {
  number: string
  /** The order page's app path: a guest's carries its access token. */
  path: string
  customerName: string
  currency: string
  placedAt: Date
  itemsTotal: number
  itemsRegular: number
  /** What promo codes took off the items and the delivery; shippingCost is after them. */
  promoDiscount?: number
  shippingDiscount?: number
  promoCodes?: string[]
  shippingCost: number
  total: number
  shippingMethod: string
  paymentMethod: string
  address: AddressInput
  lines: EmailLine[]
}

/** Words, money and names of one email's language. */
export function kit(locale: Locale, currency: string) {
  const t = getT(locale, 'email')
  return {
    locale,
    t,
    f: emailFormatter(locale, currency),
    labels: orderLabels(getT(locale, 'orders')),
    iso: (value: string) => isolate(locale, value),
    store: storeName(locale),
  }
}
type Kit = ReturnType<typeof kit>

const cell = 'padding:8px 0;border-bottom:1px solid #e7e5e4'

export function linesTable({ t, f, iso, locale }: Kit, lines: EmailLine[]): SafeHtml {
  const end = locale === 'fa' ? 'left' : 'right'
  return html`<table role="presentation" style="width:100%;border-collapse:collapse;font-size:14px">
${lines.map(
  (line) => html`<tr>
<td style="${cell}">${iso(line.title)}<br><span style="color:#78716c">${t('order.lineDetails', { color: line.colorName, size: line.sizeLabel, shop: iso(line.shopName) })}</span></td>
<td style="${cell};padding:8px;text-align:${end};white-space:nowrap">${f.number(line.quantity)} × ${f.money(line.unitPrice)}</td>
<td style="${cell};text-align:${end};white-space:nowrap">${f.money(line.lineTotal)}${(
    line.discounts ?? []
  ).map(
    (discount) =>
      html`<br><span style="color:#15803d;font-size:12px">${t('order.lineDiscount', { code: iso(discount.code), amount: f.money(discount.amount) })}</span>`,
  )}</td>
</tr>`,
)}
</table>`
}

export function textLines({ t, f, iso }: Kit, lines: EmailLine[]) {
  return lines
    .map(
      (line) =>
        `- ${t('order.lineText', {
          title: iso(line.title),
          color: line.colorName,
          size: line.sizeLabel,
          shop: iso(line.shopName),
          quantity: f.number(line.quantity),
          price: f.money(line.unitPrice),
          total: f.money(line.lineTotal),
        })}${(line.discounts ?? [])
          .map(
            (discount) =>
              ` (${t('order.lineDiscount', { code: iso(discount.code), amount: f.money(discount.amount) })})`,
          )
          .join('')}`,
    )
    .join('\n')
}

export function amountsTable(locale: Locale, rows: Array<[string, string, string?]>) {
  const end = locale === 'fa' ? 'left' : 'right'
  return html`<table role="presentation" style="width:100%;font-size:14px;margin-top:12px">
${rows.map(
  ([label, amount, style = '']) =>
    html`<tr><td style="${style}">${label}</td><td style="text-align:${end};${style}">${amount}</td></tr>`,
)}
</table>`
}

export const addressHtml = (lines: string[]) =>
  lines.map((line, index) => (index ? html`<br>${line}` : line))

function shopperEmail(k: Kit, subject: string, body: SafeHtml, text: string[]): RenderedEmail {
  return {
    subject,
    text: text.join('\n'),
    html: emailDocument(k.locale, {
      title: subject,
      body,
      footer: k.t('order.footer', { store: k.store }),
    }),
  }
}

export function renderOrderPlaced(locale: Locale, order: EmailOrder): RenderedEmail {
  const k = kit(locale, order.currency)
  const { t, f, labels, iso } = k
  const number = iso(order.number)
  const subject = t('order.placed.subject', { store: k.store, number })
  const savings = order.itemsRegular - order.itemsTotal
  const url = emailLink(locale, order.path)
  const delivery = labels.shippingMethod(order.shippingMethod)
  const shippingCost = order.shippingCost ? f.money(order.shippingCost) : t('order.free')
  const payment = labels.paymentMethod(order.paymentMethod)
  const address = addressLines(order.address, locale)
  const intro = t('order.placed.body', { number, date: f.dateTime(order.placedAt) })
  const codes = iso((order.promoCodes ?? []).join(', '))
  const promoRows: Array<[string, string, string]> = [
    ...(order.promoDiscount
      ? [
          [
            t('order.promo', { code: codes }),
            `−${f.money(order.promoDiscount)}`,
            'color:#15803d',
          ] as [string, string, string],
        ]
      : []),
    ...(order.shippingDiscount
      ? [
          [
            t('order.freeDelivery', { code: codes }),
            `−${f.money(order.shippingDiscount)}`,
            'color:#15803d',
          ] as [string, string, string],
        ]
      : []),
  ]
  const text = [
    t('order.greeting', { name: order.customerName }),
    '',
    intro,
    '',
    textLines(k, order.lines),
    '',
    `${t('order.items')}: ${f.money(order.itemsTotal)}${savings > 0 ? ` (${t('order.youSaveText', { amount: f.money(savings) })})` : ''}`,
    ...promoRows.map(([label, amount]) => `${label}: ${amount}`),
    `${delivery}: ${shippingCost}`,
    `${t('order.total')}: ${f.money(order.total)}`,
    `${t('order.payment')}: ${payment}`,
    '',
    `${t('order.deliveringTo')}:`,
    ...address,
    '',
    `${t('order.followOrder')}: ${url}`,
  ]
  const green = 'color:#15803d'
  const body = html`<h1 style="font-size:20px;margin:0 0 8px">${t('order.placed.title')}</h1>
<p>${t('order.greeting', { name: order.customerName })} ${intro}</p>
${linesTable(k, order.lines)}
${amountsTable(locale, [
  [t('order.items'), f.money(order.itemsTotal)],
  ...(savings > 0
    ? [[t('order.youSave'), f.money(savings), green] as [string, string, string]]
    : []),
  ...promoRows,
  [delivery, shippingCost],
  [t('order.total'), f.money(order.total), 'font-weight:700'],
])}
<p style="font-size:14px"><strong>${t('order.payment')}:</strong> ${payment}</p>
<p style="font-size:14px"><strong>${t('order.deliveringTo')}:</strong><br>${addressHtml(address)}</p>
${emailButton(url, t('order.viewOrder'))}`
  return shopperEmail(k, subject, body, text)
}

export type EmailShipment = {
  number: string
  path: string
  customerName: string
  currency: string
  shopName: string
  carrier: string
  trackingNumber: string
  shippedAt: Date
  lines: EmailLine[]
}

export function renderShipmentShipped(locale: Locale, shipment: EmailShipment): RenderedEmail {
  const k = kit(locale, shipment.currency)
  const { t, f, labels, iso } = k
  const number = iso(shipment.number)
  const shop = iso(shipment.shopName)
  const subject = t('order.shipped.subject', { shop, number })
  const tracking = trackingUrl(shipment.carrier, shipment.trackingNumber)
  const trackingNumber = iso(shipment.trackingNumber)
  const url = emailLink(locale, shipment.path)
  const intro = t('order.shipped.body', {
    shop,
    number,
    carrier: iso(labels.carrier(shipment.carrier)),
    date: f.date(shipment.shippedAt),
  })
  const text = [
    t('order.greeting', { name: shipment.customerName }),
    '',
    intro,
    `${t('order.shipped.tracking')}: ${trackingNumber}`,
    ...(tracking ? [`${t('order.shipped.track')}: ${tracking}`] : []),
    '',
    textLines(k, shipment.lines),
    '',
    `${t('order.yourOrder')}: ${url}`,
  ]
  const body = html`<h1 style="font-size:20px;margin:0 0 8px">${t('order.shipped.title')}</h1>
<p>${t('order.greeting', { name: shipment.customerName })} ${intro}</p>
<p style="font-size:14px"><strong>${t('order.shipped.tracking')}:</strong> ${tracking ? html`<a href="${tracking}" dir="ltr">${shipment.trackingNumber}</a>` : html`<span dir="ltr">${shipment.trackingNumber}</span>`}</p>
${linesTable(k, shipment.lines)}
${emailButton(url, t('order.viewOrder'))}`
  return shopperEmail(k, subject, body, text)
}

export function renderShipmentDelivered(
  locale: Locale,
  shipment: Omit<EmailShipment, 'carrier' | 'trackingNumber' | 'shippedAt'> & { deliveredAt: Date },
): RenderedEmail {
  const k = kit(locale, shipment.currency)
  const { t, f, iso } = k
  const number = iso(shipment.number)
  const shop = iso(shipment.shopName)
  const subject = t('order.delivered.subject', { shop, number })
  const url = emailLink(locale, shipment.path)
  const intro = t('order.delivered.body', { shop, number, date: f.date(shipment.deliveredAt) })
  const text = [
    t('order.greeting', { name: shipment.customerName }),
    '',
    intro,
    '',
    textLines(k, shipment.lines),
    '',
    t('order.delivered.review'),
    `${t('order.yourOrder')}: ${url}`,
  ]
  const body = html`<h1 style="font-size:20px;margin:0 0 8px">${t('order.delivered.title')}</h1>
<p>${t('order.greeting', { name: shipment.customerName })} ${intro}</p>
${linesTable(k, shipment.lines)}
<p>${t('order.delivered.review')}</p>
${emailButton(url, t('order.viewOrder'))}`
  return shopperEmail(k, subject, body, text)
}

export function renderOrderCancelled(
  locale: Locale,
  order: {
    number: string
    path: string
    customerName: string
    currency: string
    total: number
    cancelledAt: Date
    refund: boolean
  },
): RenderedEmail {
  const k = kit(locale, order.currency)
  const { t, f, iso } = k
  const number = iso(order.number)
  const subject = t('order.cancelled.subject', { store: k.store, number })
  const refund = order.refund
    ? t('order.cancelled.refund', { amount: f.money(order.total) })
    : t('order.cancelled.noCharge')
  const intro = `${t('order.cancelled.body', { number, date: f.dateTime(order.cancelledAt) })} ${refund}`
  const url = emailLink(locale, order.path)
  const text = [
    t('order.greeting', { name: order.customerName }),
    '',
    intro,
    '',
    `${t('order.yourOrder')}: ${url}`,
  ]
  const body = html`<h1 style="font-size:20px;margin:0 0 8px">${t('order.cancelled.title')}</h1>
<p>${t('order.greeting', { name: order.customerName })} ${intro}</p>
${emailButton(url, t('order.viewOrder'))}`
  return shopperEmail(k, subject, body, text)
}
