import { getEnv } from '~/infra/env.server.ts'
import { html, type SafeHtml } from '~/utils/html.ts'
import { formatMoney } from '~/utils/money.ts'
import { addressLines } from './address-format.ts'
import { findCarrier, trackingUrl } from './carriers.ts'
import type { AddressInput } from './schemas.ts'
import { shippingMethodLabel } from './shipping.ts'

// The order emails: plain text and simple HTML, every value escaped (names, titles and addresses
// are typed by people).

export type EmailLine = {
  title: string
  colorName: string
  sizeLabel: string
  quantity: number
  unitPrice: number
  lineTotal: number
  shopName: string
}

export type EmailOrder = {
  number: string
  /** The order page's app path: a guest's carries its access token. */
  path: string
  customerName: string
  currency: string
  itemsTotal: number
  itemsRegular: number
  shippingCost: number
  total: number
  shippingMethod: string
  paymentLabel: string
  address: AddressInput
  lines: EmailLine[]
}

export type RenderedEmail = { subject: string; text: string; html: string }

const store = () => getEnv().STORE_NAME
const orderUrl = (path: string) => new URL(path, getEnv().appUrl).href

function layout(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head>
<body style="margin:0;background:#f5f5f4;font-family:-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1c1917">
<div style="max-width:600px;margin:0 auto;padding:24px">
<p style="font-size:20px;font-weight:700;color:#8a2749;margin:0 0 16px">${store()}</p>
<div style="background:#ffffff;border:1px solid #e7e5e4;border-radius:8px;padding:24px">${body}</div>
<p style="font-size:12px;color:#78716c;margin-top:16px">You get this email because you ordered from ${store()}.</p>
</div>
</body>
</html>`.value
}

function linesTable(lines: EmailLine[], currency: string): SafeHtml {
  return html`<table role="presentation" style="width:100%;border-collapse:collapse;font-size:14px">
${lines.map(
  (line) => html`<tr>
<td style="padding:8px 0;border-bottom:1px solid #e7e5e4">${line.title}<br><span style="color:#78716c">${line.colorName} · ${line.sizeLabel} · ${line.shopName}</span></td>
<td style="padding:8px;border-bottom:1px solid #e7e5e4;text-align:right;white-space:nowrap">${line.quantity} × ${formatMoney(line.unitPrice, currency)}</td>
<td style="padding:8px 0;border-bottom:1px solid #e7e5e4;text-align:right;white-space:nowrap">${formatMoney(line.lineTotal, currency)}</td>
</tr>`,
)}
</table>`
}

function textLines(lines: EmailLine[], currency: string) {
  return lines
    .map(
      (line) =>
        `- ${line.title} (${line.colorName}, ${line.sizeLabel}) from ${line.shopName}: ${line.quantity} × ${formatMoney(line.unitPrice, currency)} = ${formatMoney(line.lineTotal, currency)}`,
    )
    .join('\n')
}

export function renderOrderPlaced(order: EmailOrder): RenderedEmail {
  const money = (amount: number) => formatMoney(amount, order.currency)
  const subject = `Your ${store()} order ${order.number}`
  const savings = order.itemsRegular - order.itemsTotal
  const text = [
    `Hello ${order.customerName},`,
    '',
    `Thank you for your order ${order.number}. We have passed it to the shops, and we will email you as parcels leave.`,
    '',
    textLines(order.lines, order.currency),
    '',
    `Items: ${money(order.itemsTotal)}${savings > 0 ? ` (you save ${money(savings)})` : ''}`,
    `${shippingMethodLabel(order.shippingMethod)}: ${order.shippingCost ? money(order.shippingCost) : 'free'}`,
    `Total: ${money(order.total)}`,
    `Payment: ${order.paymentLabel}`,
    '',
    'Delivering to:',
    ...addressLines(order.address),
    '',
    `Follow your order: ${orderUrl(order.path)}`,
  ].join('\n')
  const body = html`<h1 style="font-size:20px;margin:0 0 8px">Thank you for your order</h1>
<p>Hello ${order.customerName}, your order <strong>${order.number}</strong> is placed. We will email you as parcels leave.</p>
${linesTable(order.lines, order.currency)}
<table role="presentation" style="width:100%;font-size:14px;margin-top:12px">
<tr><td>Items</td><td style="text-align:right">${money(order.itemsTotal)}</td></tr>
${savings > 0 ? html`<tr><td style="color:#15803d">You save</td><td style="text-align:right;color:#15803d">${money(savings)}</td></tr>` : ''}
<tr><td>${shippingMethodLabel(order.shippingMethod)}</td><td style="text-align:right">${order.shippingCost ? money(order.shippingCost) : 'Free'}</td></tr>
<tr><td style="font-weight:700">Total</td><td style="text-align:right;font-weight:700">${money(order.total)}</td></tr>
</table>
<p style="font-size:14px"><strong>Payment:</strong> ${order.paymentLabel}</p>
<p style="font-size:14px"><strong>Delivering to:</strong><br>${addressLines(order.address).map((line, index) => (index ? html`<br>${line}` : line))}</p>
<p><a href="${orderUrl(order.path)}" style="display:inline-block;background:#a8325a;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:600">View your order</a></p>`
  return { subject, text, html: layout(subject, body) }
}

export type EmailShipment = {
  number: string
  path: string
  customerName: string
  currency: string
  shopName: string
  carrier: string
  trackingNumber: string
  lines: EmailLine[]
}

export function renderShipmentShipped(shipment: EmailShipment): RenderedEmail {
  const subject = `Your items from ${shipment.shopName} are on their way (order ${shipment.number})`
  const url = trackingUrl(shipment.carrier, shipment.trackingNumber)
  const carrier = findCarrier(shipment.carrier)?.brand ?? shipment.carrier
  const text = [
    `Hello ${shipment.customerName},`,
    '',
    `${shipment.shopName} has shipped these items from your order ${shipment.number} with ${carrier}.`,
    `Tracking number: ${shipment.trackingNumber}${url ? `\nTrack it: ${url}` : ''}`,
    '',
    textLines(shipment.lines, shipment.currency),
    '',
    `Your order: ${orderUrl(shipment.path)}`,
  ].join('\n')
  const body = html`<h1 style="font-size:20px;margin:0 0 8px">Your parcel is on its way</h1>
<p>Hello ${shipment.customerName}, ${shipment.shopName} has shipped these items from order <strong>${shipment.number}</strong> with ${carrier}.</p>
<p style="font-size:14px"><strong>Tracking number:</strong> ${url ? html`<a href="${url}">${shipment.trackingNumber}</a>` : shipment.trackingNumber}</p>
${linesTable(shipment.lines, shipment.currency)}
<p><a href="${orderUrl(shipment.path)}" style="display:inline-block;background:#a8325a;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:600">View your order</a></p>`
  return { subject, text, html: layout(subject, body) }
}

export function renderOrderCancelled(order: {
  number: string
  path: string
  customerName: string
  currency: string
  total: number
  refund: boolean
}): RenderedEmail {
  const subject = `Your ${store()} order ${order.number} is cancelled`
  const money = formatMoney(order.total, order.currency)
  const refundText = order.refund
    ? `We are refunding ${money} to your payment method.`
    : 'You have not been charged.'
  const text = [
    `Hello ${order.customerName},`,
    '',
    `Your order ${order.number} is cancelled, as you asked. ${refundText}`,
    '',
    `Your order: ${orderUrl(order.path)}`,
  ].join('\n')
  const body = html`<h1 style="font-size:20px;margin:0 0 8px">Your order is cancelled</h1>
<p>Hello ${order.customerName}, your order <strong>${order.number}</strong> is cancelled, as you asked. ${refundText}</p>
<p><a href="${orderUrl(order.path)}">View your order</a></p>`
  return { subject, text, html: layout(subject, body) }
}
