import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { message } from '~/i18n/validation.ts'
import {
  action as addressAction,
  loader as addressLoader,
} from '~/routes/($locale).account.addresses.$addressId.tsx'
import {
  action as addressesAction,
  loader as addressesLoader,
} from '~/routes/($locale).account.addresses._index.tsx'
import {
  action as orderAction,
  loader as orderLoader,
} from '~/routes/($locale).orders.$number/route.tsx'
import { loader as ordersLoader } from '~/routes/($locale).orders._index.tsx'
import {
  action as sellOrderAction,
  loader as sellOrderLoader,
} from '~/routes/($locale).sell.orders.$number/route.tsx'
import { loader as sellOrdersLoader } from '~/routes/($locale).sell.orders._index.tsx'
import { loader as salesLoader } from '~/routes/($locale).sell.sales/route.tsx'
import { createUser, signIn } from '../support/fixtures.ts'
import { callRoute, routeRequest } from '../support/remix.ts'
import {
  SAMPLE_ADDRESS,
  createProduct,
  createSeller,
  placeTestOrder,
} from '../support/shop-fixtures.ts'

function errors(result: { data: unknown }) {
  const data = result.data as {
    error?: Record<string, string[]>
    result?: { error?: Record<string, string[]> }
  }
  return data.result?.error ?? data.error ?? {}
}

async function placedOrder() {
  const shopper = await createUser()
  const seller = await createSeller()
  const dress = await createProduct(seller.shop.id, {
    title: 'Slip dress',
    price: 8000,
    variants: [{ stock: 4 }],
  })
  const placed = await placeTestOrder(shopper.id, [
    { variantId: dress.variants[0]!.id, quantity: 1 },
  ])
  return {
    shopper,
    seller,
    dress,
    placed,
    shopperCookie: (await signIn(shopper.id)).cookie,
    sellerCookie: (await signIn(seller.user.id)).cookie,
  }
}

describe('/orders for shoppers', () => {
  test('lists only one’s own orders, and another shopper’s order is a 404', async () => {
    const { placed, shopperCookie } = await placedOrder()
    const stranger = await signIn((await createUser()).id)
    const mine = await callRoute(
      ordersLoader,
      routeRequest('/orders?page=abc', { cookie: shopperCookie }),
    )
    expect(
      (mine.data as { orders: Array<{ number: string }> }).orders.map((order) => order.number),
    ).toEqual([placed.number])
    expect(
      (await callRoute(ordersLoader, routeRequest('/orders', { cookie: stranger.cookie }))).data,
    ).toMatchObject({ orders: [] })

    const page = await callRoute(
      orderLoader,
      routeRequest(`/orders/${placed.number}`, { cookie: shopperCookie }),
      { params: { number: placed.number } },
    )
    expect(page.status).toBe(200)
    const theirs = await callRoute(
      orderLoader,
      routeRequest(`/orders/${placed.number}`, { cookie: stranger.cookie }),
      { params: { number: placed.number } },
    )
    expect(theirs).toMatchObject({ status: 404, thrown: true })
    const garbage = await callRoute(
      orderLoader,
      routeRequest('/orders/%27%3B--', { cookie: shopperCookie }),
      { params: { number: "';--" } },
    )
    expect(garbage.status).toBe(404)
    const lowerCase = await callRoute(
      orderLoader,
      routeRequest('/orders/x', { cookie: shopperCookie }),
      { params: { number: placed.number.toLowerCase() } },
    )
    expect(lowerCase.status).toBe(200)
  })

  test('cancelling: another shopper gets a 404 and nothing changes; the owner cancels; after shipping it is a 409', async () => {
    const { placed, shopperCookie, dress, seller, sellerCookie } = await placedOrder()
    const stranger = await signIn((await createUser()).id)
    const cancel = (cookie: string) =>
      callRoute(
        orderAction,
        routeRequest(`/orders/${placed.number}`, { cookie, form: { intent: 'cancel' } }),
        { params: { number: placed.number } },
      )

    expect(await cancel(stranger.cookie)).toMatchObject({ status: 404 })
    expect((await prisma.order.findUniqueOrThrow({ where: { id: placed.id } })).status).toBe(
      'PLACED',
    )
    expect(
      (
        await callRoute(
          orderAction,
          routeRequest('/orders/x', { cookie: shopperCookie, form: { intent: 'explode' } }),
          { params: { number: placed.number } },
        )
      ).status,
    ).toBe(400)

    const second = await placeTestOrder(
      (await prisma.order.findUniqueOrThrow({ where: { id: placed.id } })).userId!,
      [{ variantId: dress.variants[0]!.id, quantity: 1 }],
    )
    await callRoute(
      sellOrderAction,
      routeRequest(`/sell/orders/${second.number}`, {
        cookie: sellerCookie,
        form: { intent: 'ship', carrier: 'dhl', trackingNumber: 'JD0146000038' },
      }),
      { params: { number: second.number } },
    )
    const late = await callRoute(
      orderAction,
      routeRequest(`/orders/${second.number}`, {
        cookie: shopperCookie,
        form: { intent: 'cancel' },
      }),
      { params: { number: second.number } },
    )
    expect(late.status).toBe(409)

    const ok = await cancel(shopperCookie)
    expect(ok.status).toBe(302)
    expect((await prisma.order.findUniqueOrThrow({ where: { id: placed.id } })).status).toBe(
      'CANCELLED',
    )
    expect(
      (await prisma.variant.findUniqueOrThrow({ where: { id: dress.variants[0]!.id } })).stock,
    ).toBe(3)
    expect(seller.shop.id).toBeTruthy()
  })
})

describe('/fa/orders: the shopper’s orders in Persian', () => {
  test('titles, refusals and the redirect after cancelling stay in Persian', async () => {
    const { placed, shopperCookie, dress, sellerCookie } = await placedOrder()
    const list = await callRoute(
      ordersLoader,
      routeRequest('/fa/orders', { cookie: shopperCookie }),
    )
    expect(list.data).toMatchObject({ title: 'سفارش‌های شما · شیک‌پوش' })
    const page = await callRoute(
      orderLoader,
      routeRequest(`/fa/orders/${placed.number}`, { cookie: shopperCookie }),
      { params: { locale: 'fa', number: placed.number } },
    )
    expect(page.data).toMatchObject({ title: `سفارش ${placed.number} · شیک‌پوش` })

    const second = await placeTestOrder(
      (await prisma.order.findUniqueOrThrow({ where: { id: placed.id } })).userId!,
      [{ variantId: dress.variants[0]!.id, quantity: 1 }],
    )
    await callRoute(
      sellOrderAction,
      routeRequest(`/sell/orders/${second.number}`, {
        cookie: sellerCookie,
        form: { intent: 'ship', carrier: 'tipax', trackingNumber: '1234567890' },
      }),
      { params: { number: second.number } },
    )
    const cancel = (number: string) =>
      callRoute(
        orderAction,
        routeRequest(`/fa/orders/${number}`, { cookie: shopperCookie, form: { intent: 'cancel' } }),
        { params: { locale: 'fa', number } },
      )
    const late = await cancel(second.number)
    expect(late.status).toBe(409)
    expect(late.data).toMatchObject({ error: expect.stringContaining('ارسال شده') })

    const ok = await cancel(placed.number)
    expect(ok.status).toBe(302)
    expect(ok.headers.get('Location')).toBe(`/fa/orders/${placed.number}`)
  })
})

describe('/sell/orders for sellers', () => {
  test('needs the SELLER role: a shopper gets a 403, a guest is sent to sign in', async () => {
    const shopper = await signIn((await createUser()).id)
    expect(
      (await callRoute(sellOrdersLoader, routeRequest('/sell/orders', { cookie: shopper.cookie })))
        .status,
    ).toBe(403)
    expect(
      (await callRoute(salesLoader, routeRequest('/sell/sales', { cookie: shopper.cookie })))
        .status,
    ).toBe(403)
    expect((await callRoute(sellOrdersLoader, routeRequest('/sell/orders'))).status).toBe(302)
  })

  test('a seller sees their own shipments; another shop’s order is a 404 and cannot be changed', async () => {
    const { placed, sellerCookie } = await placedOrder()
    const other = await createSeller('Other')
    const otherCookie = (await signIn(other.user.id)).cookie
    const list = await callRoute(
      sellOrdersLoader,
      routeRequest('/sell/orders?status=nonsense&page=-4', { cookie: sellerCookie }),
    )
    expect(list.data).toMatchObject({
      list: { filter: 'to-ship', page: 1, shipments: [{ number: placed.number }] },
    })
    expect(
      (await callRoute(sellOrdersLoader, routeRequest('/sell/orders', { cookie: otherCookie })))
        .data,
    ).toMatchObject({ list: { shipments: [] } })

    const params = { number: placed.number }
    expect(
      (
        await callRoute(
          sellOrderLoader,
          routeRequest(`/sell/orders/${placed.number}`, { cookie: otherCookie }),
          { params },
        )
      ).status,
    ).toBe(404)
    const ship = await callRoute(
      sellOrderAction,
      routeRequest(`/sell/orders/${placed.number}`, {
        cookie: otherCookie,
        form: { intent: 'ship', carrier: 'ups', trackingNumber: '1Z999AA10123456784' },
      }),
      { params },
    )
    expect(ship.status).toBe(404)
    const deliver = await callRoute(
      sellOrderAction,
      routeRequest(`/sell/orders/${placed.number}`, {
        cookie: otherCookie,
        form: { intent: 'deliver' },
      }),
      { params },
    )
    expect(deliver.status).toBe(404)
    const shipment = await prisma.shipment.findFirstOrThrow({ where: { orderId: placed.id } })
    expect(shipment).toMatchObject({ status: 'PENDING', carrier: null, trackingNumber: null })
  })

  test('shipping needs a known carrier and a plausible tracking number (400 at the field); then delivery', async () => {
    const { placed, sellerCookie, shopperCookie } = await placedOrder()
    const params = { number: placed.number }
    const ship = (form: Record<string, string>) =>
      callRoute(
        sellOrderAction,
        routeRequest(`/sell/orders/${placed.number}`, {
          cookie: sellerCookie,
          form: { intent: 'ship', ...form },
        }),
        { params },
      )

    const bad = await ship({ carrier: 'pigeon', trackingNumber: '12' })
    expect(bad.status).toBe(400)
    expect(errors(bad)).toMatchObject({
      carrier: [message('shipment.carrier')],
      trackingNumber: [message('shipment.trackingMin', { min: 6 })],
    })
    const weird = await ship({ carrier: 'ups', trackingNumber: '<b>1234567</b>' })
    expect(errors(weird).trackingNumber).toEqual([message('shipment.trackingFormat')])
    const early = await callRoute(
      sellOrderAction,
      routeRequest(`/sell/orders/${placed.number}`, {
        cookie: sellerCookie,
        form: { intent: 'deliver' },
      }),
      { params },
    )
    expect(early).toMatchObject({
      status: 409,
      data: { error: 'This parcel has not been shipped yet.' },
    })

    expect((await ship({ carrier: 'ups', trackingNumber: ' 1z 999 aa1 0123456784 ' })).status).toBe(
      302,
    )
    const twice = await ship({ carrier: 'ups', trackingNumber: '1Z999AA10123456784' })
    expect(twice.status).toBe(409)
    const page = await callRoute(
      sellOrderLoader,
      routeRequest(`/sell/orders/${placed.number}`, { cookie: sellerCookie }),
      { params },
    )
    expect(page.data).toMatchObject({
      shipment: { status: 'SHIPPED', carrier: 'ups', trackingNumber: '1Z999AA10123456784' },
    })

    expect(
      (
        await callRoute(
          sellOrderAction,
          routeRequest(`/sell/orders/${placed.number}`, {
            cookie: sellerCookie,
            form: { intent: 'deliver' },
          }),
          { params },
        )
      ).status,
    ).toBe(302)
    const shopperView = await callRoute(
      orderLoader,
      routeRequest(`/orders/${placed.number}`, { cookie: shopperCookie }),
      { params },
    )
    expect(shopperView.data).toMatchObject({
      order: {
        status: 'DELIVERED',
        paymentStatus: 'PAID',
        shipments: [{ status: 'DELIVERED', trackingNumber: '1Z999AA10123456784' }],
      },
    })
  })

  test('the sales page shows the seller’s summary', async () => {
    const { sellerCookie } = await placedOrder()
    const result = await callRoute(
      salesLoader,
      routeRequest('/sell/sales', { cookie: sellerCookie }),
    )
    expect(result.data).toMatchObject({
      analytics: { totals: { revenue: 8000, units: 1, orders: 1 } },
    })
  })
})

describe('/account/addresses', () => {
  test('saves addresses, the first as default, with bad input refused at the field', async () => {
    const user = await createUser()
    const { cookie } = await signIn(user.id)
    const create = (form: Record<string, string>) =>
      callRoute(
        addressesAction,
        routeRequest('/account/addresses', { cookie, form: { intent: 'create', ...form } }),
      )

    const bad = await create({ ...SAMPLE_ADDRESS, city: '', country: 'XX', postalCode: '<>' })
    expect(bad.status).toBe(400)
    expect(errors(bad)).toMatchObject({
      city: ['validation:address.city'],
      country: ['validation:address.country'],
      postalCode: ['validation:address.postalCodeFormat'],
    })
    const long = await create({ ...SAMPLE_ADDRESS, line1: 'x'.repeat(500) })
    expect(errors(long).line1).toEqual(['validation:address.tooLong'])
    expect(await prisma.address.count({ where: { userId: user.id } })).toBe(0)

    expect((await create({ ...SAMPLE_ADDRESS, country: 'us' })).status).toBe(302)
    expect((await create({ ...SAMPLE_ADDRESS, fullName: 'Second' })).status).toBe(302)
    const page = await callRoute(addressesLoader, routeRequest('/account/addresses', { cookie }))
    const addresses = (
      page.data as {
        addresses: Array<{ id: string; fullName: string; isDefault: boolean; country: string }>
      }
    ).addresses
    expect(
      addresses.map((address) => [address.fullName, address.isDefault, address.country]),
    ).toEqual([
      ['Shirin Shopper', true, 'US'],
      ['Second', false, 'US'],
    ])

    const second = addresses[1]!.id
    expect(
      (
        await callRoute(
          addressesAction,
          routeRequest('/account/addresses', {
            cookie,
            form: { intent: 'set-default', addressId: second },
          }),
        )
      ).status,
    ).toBe(302)
    expect((await prisma.address.findUniqueOrThrow({ where: { id: second } })).defaultOf).toBe(
      user.id,
    )
    expect(await prisma.address.count({ where: { defaultOf: user.id } })).toBe(1)

    // Deleting the default hands it to the other address.
    expect(
      (
        await callRoute(
          addressesAction,
          routeRequest('/account/addresses', {
            cookie,
            form: { intent: 'delete', addressId: second },
          }),
        )
      ).status,
    ).toBe(302)
    expect((await prisma.address.findFirstOrThrow({ where: { userId: user.id } })).defaultOf).toBe(
      user.id,
    )
  })

  test('another user’s address cannot be seen, edited, made default or deleted', async () => {
    const owner = await createUser()
    const address = await prisma.address.create({
      data: { ...SAMPLE_ADDRESS, userId: owner.id, defaultOf: owner.id },
    })
    const { cookie } = await signIn((await createUser()).id)
    const params = { addressId: address.id }
    expect(
      (
        await callRoute(
          addressLoader,
          routeRequest(`/account/addresses/${address.id}`, { cookie }),
          { params },
        )
      ).status,
    ).toBe(404)
    expect(
      (
        await callRoute(
          addressAction,
          routeRequest(`/account/addresses/${address.id}`, {
            cookie,
            form: { ...SAMPLE_ADDRESS, fullName: 'Hijacked' },
          }),
          { params },
        )
      ).status,
    ).toBe(404)
    for (const intent of ['set-default', 'delete']) {
      expect(
        (
          await callRoute(
            addressesAction,
            routeRequest('/account/addresses', { cookie, form: { intent, addressId: address.id } }),
          )
        ).status,
      ).toBe(404)
    }
    expect(await prisma.address.findUniqueOrThrow({ where: { id: address.id } })).toMatchObject({
      fullName: SAMPLE_ADDRESS.fullName,
      defaultOf: owner.id,
    })
  })

  test('editing one’s own address, with bad input at the field', async () => {
    const user = await createUser()
    const address = await prisma.address.create({
      data: { ...SAMPLE_ADDRESS, userId: user.id, defaultOf: user.id },
    })
    const { cookie } = await signIn(user.id)
    const params = { addressId: address.id }
    const bad = await callRoute(
      addressAction,
      routeRequest(`/account/addresses/${address.id}`, {
        cookie,
        form: { ...SAMPLE_ADDRESS, phone: '' },
      }),
      { params },
    )
    expect(bad.status).toBe(400)
    expect(errors(bad).phone).toEqual(['validation:address.phone'])
    const ok = await callRoute(
      addressAction,
      routeRequest(`/account/addresses/${address.id}`, {
        cookie,
        form: { ...SAMPLE_ADDRESS, line2: '', city: 'Salem' },
      }),
      { params },
    )
    expect(ok.status).toBe(302)
    expect(await prisma.address.findUniqueOrThrow({ where: { id: address.id } })).toMatchObject({
      city: 'Salem',
      line2: '',
      defaultOf: user.id,
    })
  })
})
