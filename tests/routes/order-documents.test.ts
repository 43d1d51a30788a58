import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import type { RouteObject } from 'react-router-dom'
import {
  createStaticHandler,
  createStaticRouter,
  StaticRouterProvider,
} from 'react-router-dom/server'
import { describe, expect, test, vi } from 'vitest'
import { getLocale, i18nFor } from '~/i18n/i18n.server.ts'
import { prisma } from '~/infra/db.server.ts'
import App, { loader as rootLoader } from '~/root.tsx'
import InvoicePage, {
  ErrorBoundary as InvoiceErrorBoundary,
  loader as invoiceLoader,
} from '~/routes/($locale).orders.$number_.invoice/route.tsx'
import SellLayout, { loader as sellLoader } from '~/routes/($locale).sell.tsx'
import SlipPage, { loader as slipLoader } from '~/routes/($locale).sell.orders.$number_.slip.tsx'
import type { Invoice, PackingSlip } from '~/services/orders/documents.server.ts'
import { getCheckout } from '~/services/orders/checkout-page.server.ts'
import { placeOrder } from '~/services/orders/checkout.server.ts'
import { orderAccessToken } from '~/services/orders/order-access.server.ts'
import { applyPromoCode } from '~/services/orders/cart-codes.server.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { createPromo } from '../support/promo-fixtures.ts'
import { callRoute, routeRequest, testContext } from '../support/remix.ts'
import { SAMPLE_ADDRESS, createProduct, createSeller, putInCart } from '../support/shop-fixtures.ts'

// The invoice and the packing slip through their loaders, and rendered as the server renders
// them. This file's store sells in rials and shows Toman, in Tehran's time.
vi.hoisted(() => {
  process.env.STORE_CURRENCY = 'IRR'
  process.env.STORE_PRICE_DISPLAY = 'toman'
  process.env.STORE_TIMEZONE = 'Asia/Tehran'
})

const PERSIAN_DIGIT = /[۰-۹]/
const LATIN_DIGIT = /[0-9]/

/**
 * An order from two shops, with a sale price on one line and a 10% shop code on the other
 * shop's line, placed through the real cart, promo and checkout services.
 */
let orders = 0

async function twoShopOrder() {
  const code = `NASTARAN${++orders}`
  const shopper = await createUser()
  const first = await createSeller('Golestan')
  const second = await createSeller('Nastaran')
  const dress = await createProduct(first.shop.id, {
    title: 'Saffron dress',
    price: 1_250_000,
    discountPercent: 20,
    variants: [{ stock: 5 }],
  })
  const scarf = await createProduct(second.shop.id, {
    title: 'Silk scarf',
    price: 455_550,
    variants: [{ stock: 5 }],
  })
  await createPromo({ code, shopId: second.shop.id, value: 10 })
  await putInCart(shopper.id, dress.variants[0]!.id, 2, 1)
  await putInCart(shopper.id, scarf.variants[0]!.id, 3, 1)
  await applyPromoCode({ userId: shopper.id }, code.toLowerCase())
  const page = await getCheckout(shopper.id)
  const delivery = page.shippingMethods.find((method) => method.id === 'standard')!.price
  const placed = await placeOrder(shopper.id, {
    idempotencyKey: page.cart.checkoutToken!,
    address: { kind: 'new', fields: SAMPLE_ADDRESS, save: false },
    shippingMethod: 'standard',
    paymentMethod: 'pay-on-delivery',
    expectedTotal: page.cart.itemsTotal - (page.promo?.applied?.itemsDiscount ?? 0) + delivery,
  })
  const order = await prisma.order.findUniqueOrThrow({ where: { id: placed.id } })
  return {
    order,
    code,
    shopper,
    first,
    second,
    shopperCookie: (await signIn(shopper.id)).cookie,
    firstCookie: (await signIn(first.user.id)).cookie,
    secondCookie: (await signIn(second.user.id)).cookie,
  }
}

function invoiceOf(result: { data: unknown }) {
  return (result.data as { invoice: Invoice }).invoice
}

function slipOf(result: { data: unknown }) {
  return (result.data as { slip: PackingSlip }).slip
}

describe('the invoice', () => {
  test('its figures are the order’s: lines, sale prices, the code per line, delivery and total', async () => {
    const { order, code, shopperCookie } = await twoShopOrder()
    const result = await callRoute(
      invoiceLoader,
      routeRequest(`/orders/${order.number}/invoice`, { cookie: shopperCookie }),
      { params: { number: order.number } },
    )
    expect(result.status).toBe(200)
    const invoice = invoiceOf(result)
    expect(invoice.store.name).toBe('Shikposh')
    expect(invoice.shops.map((shop) => shop.name)).toEqual(["Golestan's shop", "Nastaran's shop"])
    expect(invoice.totals).toMatchObject({
      itemsRegular: order.itemsRegular,
      itemsTotal: order.itemsTotal,
      promoDiscount: order.promoDiscount,
      shippingCost: order.shippingCost,
      shippingDiscount: order.shippingDiscount,
      total: order.total,
      promoCodes: [{ code, amount: order.promoDiscount }],
    })
    expect(order.promoDiscount).toBe(136_665)
    expect(invoice.totals.saleDiscount).toBe(2 * 250_000)

    const lines = invoice.shops.flatMap((shop) => shop.lines)
    const stored = await prisma.orderLine.findMany({
      where: { orderId: order.id },
      include: { discounts: true },
      orderBy: { id: 'asc' },
    })
    for (const line of stored) {
      const shown = lines.find((candidate) => candidate.id === line.id)!
      const off = line.discounts.reduce((sum, discount) => sum + discount.amount, 0)
      expect(shown.net).toBe(line.lineTotal - off)
      expect(shown.discounts).toEqual(
        line.discounts.map((discount) => ({ code: discount.code, amount: discount.amount })),
      )
    }
    // Each shop's subtotal is its parcel's lines, and everything adds up to the order's total.
    expect(
      invoice.shops.reduce((sum, shop) => sum + shop.subtotal, 0) + invoice.totals.shippingCost,
    ).toBe(order.total)
  })

  test('another shopper, a wrong link and a stranger get a 404; the signed link opens it without an account', async () => {
    const { order } = await twoShopOrder()
    const stranger = await signIn((await createUser()).id)
    const path = `/orders/${order.number}/invoice`
    const params = { number: order.number }
    expect(
      await callRoute(invoiceLoader, routeRequest(path, { cookie: stranger.cookie }), { params }),
    ).toMatchObject({ status: 404, thrown: true })
    const otherOrder = await twoShopOrder()
    expect(
      await callRoute(
        invoiceLoader,
        routeRequest(`${path}?access=${orderAccessToken(otherOrder.order.id)}`),
        { params },
      ),
    ).toMatchObject({ status: 404 })
    // Signed out, without a link: off to sign in.
    const anonymous = await callRoute(invoiceLoader, routeRequest(path), { params })
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.get('Location')).toMatch(/^\/login/)

    const guest = await callRoute(
      invoiceLoader,
      routeRequest(`${path}?access=${orderAccessToken(order.id)}`),
      { params },
    )
    expect(guest.status).toBe(200)
    expect(invoiceOf(guest).totals.total).toBe(order.total)
  })

  test('in Persian: Persian digits, Toman, Solar Hijri date, the code and total as the order’s', async () => {
    const { order, code, shopperCookie } = await twoShopOrder()
    const { status, html } = await render(`/fa/orders/${order.number}/invoice`, shopperCookie)
    expect(status).toBe(200)
    expect(html).toContain('aria-label="فاکتور"')
    const total = textOf(html, 'data-testid="invoice-total"')
    expect(total).toBe(`${persian(Math.round(order.total / 10))} تومان`)
    expect(total).not.toMatch(LATIN_DIGIT)
    expect(textOf(html, 'data-testid="promo-total"')).toContain(code)
    expect(textOf(html, 'data-testid="promo-total"')).toContain(
      `−${persian(Math.round(order.promoDiscount / 10))} تومان`,
    )
    // Solar Hijri year of the order's date.
    expect(html).toMatch(/۱۴۰[۴-۹]/)
    // The page's own figures (quantities, money) are Persian.
    for (const cell of html.matchAll(/data-testid="line-net">([^<]*)</g))
      expect(cell[1]).toMatch(PERSIAN_DIGIT)

    const en = await render(`/orders/${order.number}/invoice`, shopperCookie)
    expect(en.html).toContain('aria-label="Invoice"')
    expect(textOf(en.html, 'data-testid="invoice-total"')).toBe(
      `${Math.round(order.total / 10).toLocaleString('en-US')} Toman`,
    )
  })

  test('an unknown order in Persian is a 404 page in Persian', async () => {
    const shopper = await signIn((await createUser()).id)
    const { status, html } = await render('/fa/orders/SP-AAAA-AAAA/invoice', shopper.cookie)
    expect(status).toBe(404)
    expect(html).toContain('سفارش پیدا نشد')
  })
})

describe('the packing slip', () => {
  test('holds the seller’s own lines only, without prices; another seller and a shopper are refused', async () => {
    const { order, firstCookie, secondCookie, shopperCookie } = await twoShopOrder()
    const path = `/sell/orders/${order.number}/slip`
    const params = { number: order.number }
    const first = slipOf(
      await callRoute(slipLoader, routeRequest(path, { cookie: firstCookie }), { params }),
    )
    expect(first.shop.name).toBe("Golestan's shop")
    expect(first.lines.map((line) => [line.title, line.quantity])).toEqual([['Saffron dress', 2]])
    expect(first.units).toBe(2)
    expect(JSON.stringify(first)).not.toContain('1000000')
    const second = slipOf(
      await callRoute(slipLoader, routeRequest(path, { cookie: secondCookie }), { params }),
    )
    expect(second.lines.map((line) => [line.title, line.quantity])).toEqual([['Silk scarf', 3]])

    // A seller with no parcel in this order: 404; a shopper who sells nothing: refused.
    const outsider = await createSeller('Outsider')
    const { cookie } = await signIn(outsider.user.id)
    expect(await callRoute(slipLoader, routeRequest(path, { cookie }), { params })).toMatchObject({
      status: 404,
    })
    const shopper = await callRoute(slipLoader, routeRequest(path, { cookie: shopperCookie }), {
      params,
    })
    expect(shopper.status).toBeGreaterThanOrEqual(300)
    expect(shopper.status).not.toBe(200)
  })

  test('in Persian: right to left, Persian digits, the shop’s name and address', async () => {
    const { order, secondCookie } = await twoShopOrder()
    const { status, html } = await render(`/fa/sell/orders/${order.number}/slip`, secondCookie)
    expect(status).toBe(200)
    expect(html).toContain('aria-label="برگهٔ بسته‌بندی"')
    expect(html).toContain('Nastaran&#x27;s shop')
    expect(html).not.toContain('Saffron dress')
    expect(textOf(html, 'data-testid="slip-units"')).toBe('۳')
    expect(html).toContain('Market Street')
    expect(html).not.toContain('تومان')
  })
})

function persian(value: number) {
  return new Intl.NumberFormat('fa-IR').format(value)
}

const routes: RouteObject[] = [
  {
    id: 'root',
    path: '/',
    loader: rootLoader as RouteObject['loader'],
    Component: App,
    children: [
      {
        id: 'invoice',
        path: ':locale?/orders/:number/invoice',
        loader: invoiceLoader as RouteObject['loader'],
        Component: InvoicePage,
        ErrorBoundary: InvoiceErrorBoundary,
      },
      {
        id: 'sell',
        path: ':locale?/sell',
        loader: sellLoader as RouteObject['loader'],
        Component: SellLayout,
        children: [
          {
            id: 'slip',
            path: 'orders/:number/slip',
            loader: slipLoader as RouteObject['loader'],
            Component: SlipPage,
          },
        ],
      },
    ],
  },
]

/** Renders a page as the server does: the real loaders, the root layout, the request's language. */
async function render(path: string, cookie: string) {
  const request = routeRequest(path, { cookie })
  const handler = createStaticHandler(routes)
  const context = await handler.query(request, { requestContext: testContext() })
  if (context instanceof Response) return { status: context.status, html: '' }
  const router = createStaticRouter(handler.dataRoutes, context)
  const html = renderToString(
    createElement(
      I18nextProvider,
      { i18n: i18nFor(getLocale(request)) },
      createElement(StaticRouterProvider, { router, context, hydrate: false }),
    ),
  )
  return { status: context.statusCode, html }
}

/** The text inside the element with this attribute (the first one), tags stripped. */
function textOf(html: string, attribute: string) {
  const start = html.indexOf(attribute)
  expect(start, `${attribute} is on the page`).toBeGreaterThan(-1)
  const open = html.lastIndexOf('<', start)
  const tag = /^<([a-z0-9]+)/.exec(html.slice(open))![1]!
  const end = html.indexOf(`</${tag}>`, start)
  return html
    .slice(html.indexOf('>', start) + 1, end)
    .replace(/<[^>]+>/g, '')
    .replace(/<!-- -->/g, '')
}
