import { describe, expect, test } from 'vitest'
import { message } from '~/i18n/validation.ts'
import { prisma } from '~/infra/db.server.ts'
import {
  action as orderAction,
  loader as orderLoader,
} from '~/routes/($locale).orders.$number/route.tsx'
import {
  action as sellOrderAction,
  loader as sellOrderLoader,
} from '~/routes/($locale).sell.orders.$number/route.tsx'
import { loader as sellOrdersLoader } from '~/routes/($locale).sell.orders._index.tsx'
import { markDelivered, markShipped } from '~/services/orders/fulfilment.server.ts'
import { guestOrderPath } from '~/services/orders/order-access.server.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { callRoute, routeRequest } from '../support/remix.ts'
import { createProduct, createSeller, placeTestOrder } from '../support/shop-fixtures.ts'

// The returns forms through the real loaders and actions: each bad input a 400 (or the
// service's refusal) with its message at its field, in English and Persian, nothing written.

async function delivered(quantity = 2) {
  const shopper = await createUser()
  const seller = await createSeller()
  const product = await createProduct(seller.shop.id, { variants: [{ stock: 5 }] })
  const placed = await placeTestOrder(shopper.id, [
    { variantId: product.variants[0]!.id, quantity },
  ])
  const order = await prisma.order.findUniqueOrThrow({
    where: { id: placed.id },
    include: { lines: true },
  })
  await markShipped(seller.user.id, order.number, { carrier: 'ups', trackingNumber: '1Z999AA1' })
  await markDelivered(seller.user.id, order.number)
  return {
    order,
    line: order.lines[0]!,
    shopper: { ...shopper, cookie: (await signIn(shopper.id)).cookie },
    seller: { ...seller, cookie: (await signIn(seller.user.id)).cookie },
  }
}

type FormReply = { result?: { error?: Record<string, string[]> } }
const errorsOf = (data: unknown) => (data as FormReply).result?.error ?? {}

function askReturn(cookie: string, number: string, form: Record<string, string>, prefix = '') {
  return callRoute(
    orderAction,
    routeRequest(`${prefix}/orders/${number}`, { cookie, form: { intent: 'return', ...form } }),
    { params: { number } },
  )
}

describe('the shopper’s return form', () => {
  test('bad fields are 400s at their fields; nothing is written', async () => {
    const { order, line, shopper } = await delivered()
    const empty = await askReturn(shopper.cookie, order.number, { lineId: line.id, quantity: '0' })
    expect(empty.status).toBe(400)
    expect(errorsOf(empty.data)).toMatchObject({
      quantity: [message('returns.quantity')],
      reason: [message('returns.reason')],
    })
    const badReason = await askReturn(shopper.cookie, order.number, {
      lineId: line.id,
      quantity: '1',
      reason: 'BORED',
      note: 'x'.repeat(1001),
    })
    expect(errorsOf(badReason.data)).toMatchObject({
      reason: [message('returns.reason')],
      note: [message('returns.noteMax', { max: 1000 })],
    })
    expect(await prisma.returnRequest.count({ where: { orderId: order.id } })).toBe(0)
  })

  test('more than bought: at the quantity field, in Persian with Persian digits', async () => {
    const { order, line, shopper } = await delivered(2)
    const refused = await askReturn(
      shopper.cookie,
      order.number,
      { lineId: line.id, quantity: '۳', reason: 'WRONG_SIZE' },
      '/fa',
    )
    expect(refused.status).toBe(400)
    expect(errorsOf(refused.data)).toEqual({
      quantity: ['از این کالا حداکثر ۲ عدد را می‌توانید برگردانید.'],
    })
    const english = await askReturn(shopper.cookie, order.number, {
      lineId: line.id,
      quantity: '3',
      reason: 'WRONG_SIZE',
    })
    expect(errorsOf(english.data)).toEqual({
      quantity: ['You can return at most 2 of this item.'],
    })
    expect(await prisma.returnRequest.count({ where: { orderId: order.id } })).toBe(0)
  })

  test('after the window: a 409 saying so; a stranger’s 404; the owner’s request goes through', async () => {
    const { order, line, shopper } = await delivered()
    const stranger = await signIn((await createUser()).id)
    const theirs = await askReturn(stranger.cookie, order.number, {
      lineId: line.id,
      quantity: '1',
      reason: 'DAMAGED',
    })
    expect(theirs).toMatchObject({ status: 404, thrown: true })

    const asked = await askReturn(shopper.cookie, order.number, {
      lineId: line.id,
      quantity: '1',
      reason: 'DAMAGED',
      note: 'The seam is open',
    })
    expect(asked.status).toBe(302)
    const page = await callRoute(
      orderLoader,
      routeRequest(`/orders/${order.number}`, { cookie: shopper.cookie }),
      { params: { number: order.number } },
    )
    expect(page.data).toMatchObject({
      returns: {
        requests: [
          { quantity: 1, reason: 'DAMAGED', note: 'The seam is open', status: 'REQUESTED' },
        ],
        returnable: { [line.id]: { units: 1 } },
      },
    })

    await prisma.shipment.updateMany({
      where: { orderId: order.id },
      data: { deliveredAt: new Date(Date.now() - 15 * 24 * 60 * 60 * 1000) },
    })
    const late = await askReturn(shopper.cookie, order.number, {
      lineId: line.id,
      quantity: '1',
      reason: 'DAMAGED',
    })
    expect(late.status).toBe(409)
    expect(errorsOf(late.data)).toEqual({
      lineId: ["Returns are accepted for 14 days after delivery; this item's time is over."],
    })
  })

  test('a guest asks through the order’s signed link', async () => {
    const { order, line } = await delivered()
    await prisma.order.update({ where: { id: order.id }, data: { userId: null } })
    const path = guestOrderPath(order.number, order.id)
    const asked = await callRoute(
      orderAction,
      routeRequest(path, {
        form: { intent: 'return', lineId: line.id, quantity: '1', reason: 'WRONG_ITEM' },
      }),
      { params: { number: order.number } },
    )
    expect(asked.status).toBe(302)
    expect(asked.headers.get('location')).toContain('access=')
    expect(await prisma.returnRequest.count({ where: { orderId: order.id } })).toBe(1)
  })
})

describe('the seller’s return forms', () => {
  async function withRequest() {
    const setup = await delivered()
    await askReturn(setup.shopper.cookie, setup.order.number, {
      lineId: setup.line.id,
      quantity: '1',
      reason: 'WRONG_SIZE',
    })
    const request = await prisma.returnRequest.findFirstOrThrow({
      where: { orderId: setup.order.id },
    })
    return { ...setup, request }
  }
  const sellerPost = (cookie: string, number: string, form: Record<string, string>) =>
    callRoute(sellOrderAction, routeRequest(`/sell/orders/${number}`, { cookie, form }), {
      params: { number },
    })

  test('refusing without a reason, receiving without saying whether resellable: 400s at the fields', async () => {
    const { order, seller, request } = await withRequest()
    const list = await callRoute(
      sellOrdersLoader,
      routeRequest('/sell/orders', { cookie: seller.cookie }),
    )
    expect(list.data).toMatchObject({ returns: { total: 1, returns: [{ id: request.id }] } })
    const page = await callRoute(
      sellOrderLoader,
      routeRequest(`/sell/orders/${order.number}`, { cookie: seller.cookie }),
      { params: { number: order.number } },
    )
    expect(page.data).toMatchObject({ returns: [{ id: request.id, status: 'REQUESTED' }] })

    const noReason = await sellerPost(seller.cookie, order.number, {
      intent: 'decide-return',
      returnId: request.id,
      decision: 'refuse',
      reason: '  ',
    })
    expect(noReason.status).toBe(400)
    expect(errorsOf(noReason.data)).toEqual({ reason: [message('returns.refusalReason')] })

    const early = await sellerPost(seller.cookie, order.number, {
      intent: 'receive-return',
      returnId: request.id,
      resellable: 'yes',
    })
    expect(early.status).toBe(409)
    expect(errorsOf(early.data)).toEqual({ '': ['This return waits for your decision.'] })

    expect(
      (
        await sellerPost(seller.cookie, order.number, {
          intent: 'decide-return',
          returnId: request.id,
          decision: 'approve',
        })
      ).status,
    ).toBe(302)
    const unsaid = await sellerPost(seller.cookie, order.number, {
      intent: 'receive-return',
      returnId: request.id,
    })
    expect(unsaid.status).toBe(400)
    expect(errorsOf(unsaid.data)).toEqual({ resellable: [message('returns.resellable')] })
    expect(await prisma.refund.count({ where: { orderId: order.id } })).toBe(0)
  })

  test('another seller’s return is a 404 and stays as it was', async () => {
    const { order, request } = await withRequest()
    const other = await createSeller('Other Seller')
    const { cookie } = await signIn(other.user.id)
    const answer = await sellerPost(cookie, order.number, {
      intent: 'decide-return',
      returnId: request.id,
      decision: 'approve',
    })
    expect(answer).toMatchObject({ status: 404, thrown: true })
    expect(
      (await prisma.returnRequest.findUniqueOrThrow({ where: { id: request.id } })).status,
    ).toBe('REQUESTED')
  })
})
