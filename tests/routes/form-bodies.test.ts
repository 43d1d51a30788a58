import type { ActionFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, test } from 'vitest'
import { MAX_FORM_BYTES } from '~/infra/uploads/form-body.server.ts'
import { action as profileAction } from '~/routes/($locale).account._index/route.tsx'
import { action as addressAction } from '~/routes/($locale).account.addresses.$addressId.tsx'
import { action as addressesAction } from '~/routes/($locale).account.addresses._index.tsx'
import { action as securityAction } from '~/routes/($locale).account.security.tsx'
import { action as adminCatalogAction } from '~/routes/($locale).admin.catalog/route.tsx'
import { action as adminProductsAction } from '~/routes/($locale).admin.products.tsx'
import { action as adminReviewsAction } from '~/routes/($locale).admin.reviews/route.tsx'
import { action as adminShopsAction } from '~/routes/($locale).admin.shops.tsx'
import { action as adminUserAction } from '~/routes/($locale).admin.users.$userId/route.tsx'
import { action as cartAction } from '~/routes/($locale).cart/route.tsx'
import { action as checkoutAction } from '~/routes/($locale).checkout/route.tsx'
import { action as loginAction } from '~/routes/($locale).login.tsx'
import { action as orderAction } from '~/routes/($locale).orders.$number/route.tsx'
import { action as productPageAction } from '~/routes/($locale).p.$slug/route.tsx'
import { action as registerAction } from '~/routes/($locale).register.tsx'
import { action as localeAction } from '~/routes/locale.ts'
import { action as openShopAction } from '~/routes/($locale).sell._index/route.tsx'
import { action as sellOrderAction } from '~/routes/($locale).sell.orders.$number/route.tsx'
import { action as editProductAction } from '~/routes/($locale).sell.products.$productId/route.tsx'
import { action as sellProductsAction } from '~/routes/($locale).sell.products._index.tsx'
import { action as newProductAction } from '~/routes/($locale).sell.products.new.tsx'
import { action as shopProfileAction } from '~/routes/($locale).sell.shop.tsx'
import { createUser, signIn } from '../support/fixtures.ts'
import { callRoute } from '../support/remix.ts'
import { createProduct, createShop } from '../support/shop-fixtures.ts'

// Every form action reads its body through readFormData: a body that is not a form, does not
// parse or never ends is a 4xx, never a 500 and never read whole into memory.

type Action = (args: ActionFunctionArgs) => unknown

let cookie: string
let routes: Array<{ path: string; action: Action; params?: Record<string, string> }>

beforeAll(async () => {
  const user = await createUser({ roles: ['SHOPPER', 'SELLER', 'ADMIN'] })
  const shop = await createShop({ ownerId: user.id })
  const product = await createProduct(shop.id)
  cookie = (await signIn(user.id)).cookie
  routes = [
    { path: '/login', action: loginAction },
    { path: '/register', action: registerAction },
    { path: '/locale', action: localeAction },
    { path: '/account', action: profileAction },
    { path: '/account/security', action: securityAction },
    { path: '/account/addresses', action: addressesAction },
    { path: '/account/addresses/a1', action: addressAction, params: { addressId: 'a1' } },
    { path: '/cart', action: cartAction },
    { path: '/checkout', action: checkoutAction },
    { path: '/orders/SP-AAAA-AAAA', action: orderAction, params: { number: 'SP-AAAA-AAAA' } },
    { path: '/sell', action: openShopAction },
    { path: '/sell/shop', action: shopProfileAction },
    { path: '/sell/products', action: sellProductsAction },
    { path: '/sell/products/new', action: newProductAction },
    {
      path: `/sell/products/${product.id}`,
      action: editProductAction,
      params: { productId: product.id },
    },
    {
      path: '/sell/orders/SP-AAAA-AAAA',
      action: sellOrderAction,
      params: { number: 'SP-AAAA-AAAA' },
    },
    { path: '/admin/catalog', action: adminCatalogAction },
    { path: '/admin/products', action: adminProductsAction },
    { path: '/admin/shops', action: adminShopsAction },
    { path: '/admin/reviews', action: adminReviewsAction },
    { path: `/p/${product.slug}`, action: productPageAction, params: { slug: product.slug } },
    { path: `/admin/users/${user.id}`, action: adminUserAction, params: { userId: user.id } },
  ]
})

function post(path: string, init: { contentType?: string; body?: BodyInit }) {
  const headers = new Headers({ Cookie: cookie })
  if (init.contentType) headers.set('Content-Type', init.contentType)
  return new Request(new URL(path, 'http://localhost:3000'), {
    method: 'POST',
    headers,
    body: init.body,
    duplex: 'half',
  } as RequestInit)
}

/** A body that never ends: only a reader that stops on its own can answer it. */
function endlessBody() {
  const chunk = new TextEncoder().encode(`a=${'x'.repeat(64 * 1024)}&`)
  let sent = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      sent += chunk.byteLength
      controller.enqueue(chunk)
    },
  })
  return { stream, sent: () => sent }
}

describe('form actions refuse bodies that are not forms', () => {
  test('no Content-Type, or JSON, is a 415', async () => {
    for (const { path, action, params } of routes) {
      const bare = await callRoute(action, post(path, {}), { params })
      expect({ path, status: bare.status }).toEqual({ path, status: 415 })
      const json = await callRoute(
        action,
        post(path, { contentType: 'application/json', body: '{"email":"a@b.c"}' }),
        { params },
      )
      expect({ path, status: json.status }).toEqual({ path, status: 415 })
    }
  })

  test('a broken multipart body is a 400', async () => {
    const broken = '--xx\r\nContent-Disposition: form-data; name="intent"\r\n\r\nsave'
    for (const { path, action, params } of routes.filter((route) => route.path !== '/account')) {
      const result = await callRoute(
        action,
        post(path, { contentType: 'multipart/form-data; boundary=xx', body: broken }),
        { params },
      )
      expect({ path, status: result.status }).toEqual({ path, status: 400 })
    }
  })

  test('a form larger than the limit is a 413, and reading stops soon after the limit', async () => {
    for (const { path, action, params } of routes) {
      const body = endlessBody()
      const result = await callRoute(
        action,
        post(path, { contentType: 'application/x-www-form-urlencoded', body: body.stream }),
        { params },
      )
      expect({ path, status: result.status }).toEqual({ path, status: 413 })
      expect(body.sent()).toBeLessThan(MAX_FORM_BYTES * 2)
    }
  })
})
