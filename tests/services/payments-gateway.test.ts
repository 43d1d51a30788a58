import { afterAll, describe, expect, test, vi } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { listQueuedJobs } from '~/infra/jobs/queue.server.ts'
import { runDueJobs } from '~/infra/jobs/worker.server.ts'
import { PAYMENT_HOLD_TASK, releaseUnpaidOrder } from '~/services/orders/payments/holds.server.ts'
import { payAgain } from '~/services/orders/payments/pay-again.server.ts'
import { completeZarinpalReturn } from '~/services/orders/payments/returns.server.ts'
import { loader as gatewayReturn } from '~/routes/payments.zarinpal.return.ts'
import { createUser } from '../support/fixtures.ts'
import { callRoute, routeRequest } from '../support/remix.ts'
import { createProduct, createSeller, placeTestOrder } from '../support/shop-fixtures.ts'
import { tasksExceptMailAndSearch } from '../support/jobs.ts'

// The redirect-and-verify bank gateway (Zarinpal's protocol) against its local stand-in, in a
// store that sells in rials: request → gateway page → callback → verify, and every way it fails.
const gateway = await vi.hoisted(async () => {
  const { startZarinpalStandIn, STAND_IN_MERCHANT_ID } =
    await import('../support/payments/zarinpal-stand-in.ts')
  const started = await startZarinpalStandIn()
  process.env.STORE_CURRENCY = 'IRR'
  process.env.PAYMENT_PROVIDERS = 'zarinpal,pay-on-delivery'
  process.env.ZARINPAL_MERCHANT_ID = STAND_IN_MERCHANT_ID
  process.env.ZARINPAL_API_URL = started.apiUrl
  process.env.ZARINPAL_GATEWAY_URL = started.gatewayUrl
  process.env.PAYMENT_HOLD_MINUTES = '20'
  process.env.PAYMENT_TIMEOUT_MS = '500'
  return started
})

afterAll(() => gateway.close())

const stockOf = async (variantId: string) =>
  (await prisma.variant.findUniqueOrThrow({ where: { id: variantId } })).stock
const orderOf = (id: string) => prisma.order.findUniqueOrThrow({ where: { id } })
const AFTER_HOLD = () => new Date(Date.now() + 21 * 60_000)

async function placeGatewayOrder(stock = 3) {
  const shopper = await createUser()
  const { shop } = await createSeller()
  const dress = await createProduct(shop.id, { price: 25_000_000, variants: [{ stock }] })
  const variantId = dress.variants[0]!.id
  const placed = await placeTestOrder(shopper.id, [{ variantId, quantity: 1 }], {
    paymentMethod: 'zarinpal',
  })
  const order = await orderOf(placed.id)
  return { shopper, placed, order, variantId, authority: order.paymentReference! }
}

describe('paying through the gateway', () => {
  test('checkout asks the gateway for a payment, holds the stock and sends the shopper to pay; the return verifies it once', async () => {
    const { placed, order, variantId, authority } = await placeGatewayOrder()
    expect(placed.paymentRedirect).toBe(`${gateway.gatewayUrl}${authority}`)
    expect(gateway.payments.get(authority)).toMatchObject({ amount: order.total, state: 'new' })
    expect(order).toMatchObject({ paymentStatus: 'PENDING', status: 'PLACED' })
    expect(order.paymentHeldUntil!.getTime() - order.placedAt.getTime()).toBe(20 * 60_000)
    expect(await stockOf(variantId)).toBe(2)
    const holds = (await listQueuedJobs(PAYMENT_HOLD_TASK)).filter(
      (job) => (job.payload as { orderId: string }).orderId === order.id,
    )
    expect(holds.map((job) => job.runAt.getTime())).toEqual([order.paymentHeldUntil!.getTime()])

    const callback = gateway.complete(authority, true)
    const answer = await callRoute(gatewayReturn, routeRequest(callback.pathname + callback.search))
    expect(answer.status).toBe(303)
    expect(answer.headers.get('location')).toBe(`/orders/${order.number}?payment=paid`)
    expect(await orderOf(order.id)).toMatchObject({
      paymentStatus: 'PAID',
      paymentReference: authority,
      paymentHeldUntil: null,
    })
    expect(gateway.payments.get(authority)).toMatchObject({ state: 'verified', verifyCalls: 1 })

    // The hold's job finds it paid and leaves it alone.
    expect(await releaseUnpaidOrder(order.id, AFTER_HOLD())).toBe('not-waiting')
    expect(await stockOf(variantId)).toBe(2)
  })

  test('a declined payment leaves the order waiting (nothing verified); paying again completes it', async () => {
    const { order, authority, shopper } = await placeGatewayOrder()
    const callback = gateway.complete(authority, false)
    expect(callback.searchParams.get('Status')).toBe('NOK')
    expect(await completeZarinpalReturn({ authority, status: 'NOK' })).toMatchObject({
      outcome: 'failed',
    })
    expect(gateway.payments.get(authority)!.verifyCalls).toBe(0)
    expect((await orderOf(order.id)).paymentStatus).toBe('PENDING')

    const again = await payAgain({ userId: shopper.id }, order.number)
    const second = (await orderOf(order.id)).paymentReference!
    expect(second).not.toBe(authority)
    expect(again).toBe(`${gateway.gatewayUrl}${second}`)
    gateway.complete(second, true)
    expect(await completeZarinpalReturn({ authority: second, status: 'OK' })).toMatchObject({
      outcome: 'paid',
    })
    expect((await orderOf(order.id)).paymentStatus).toBe('PAID')
    // The first, declined authority can no longer be verified, and finds the order paid.
    expect(await completeZarinpalReturn({ authority, status: 'OK' })).toBeNull()
  })

  test('an unknown authority is a 404, and a Status=OK the gateway does not confirm is a failure', async () => {
    const unknown = await callRoute(
      gatewayReturn,
      routeRequest(
        '/payments/zarinpal/return?Authority=A000000000000000000000000000000000001&Status=OK',
      ),
    )
    expect(unknown.status).toBe(404)
    const hostile = await callRoute(
      gatewayReturn,
      routeRequest('/payments/zarinpal/return?Authority=%00%27;--&Status=OK'),
    )
    expect(hostile.status).toBe(404)

    // The shopper edits the callback to say OK without paying: verify says -51.
    const { order, authority } = await placeGatewayOrder()
    expect(await completeZarinpalReturn({ authority, status: 'OK' })).toMatchObject({
      outcome: 'failed',
    })
    expect((await orderOf(order.id)).paymentStatus).toBe('PENDING')
  })

  test('the return racing itself (a double load, a second tab) gives one paid order', async () => {
    const { order, authority } = await placeGatewayOrder()
    gateway.complete(authority, true)
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => completeZarinpalReturn({ authority, status: 'OK' })),
    )
    expect(answers.map((answer) => answer?.outcome)).toEqual(Array(10).fill('paid'))
    expect(await orderOf(order.id)).toMatchObject({ paymentStatus: 'PAID', status: 'PLACED' })
    expect(gateway.payments.get(authority)!.state).toBe('verified')
  })
})

describe('when verifying fails', () => {
  test('a gateway that answers 502 leaves the order waiting; the hold’s last check completes it once the gateway is back', async () => {
    const { order, authority, variantId } = await placeGatewayOrder()
    gateway.complete(authority, true)
    gateway.settings.verifyBroken = true
    try {
      expect(await completeZarinpalReturn({ authority, status: 'OK' })).toMatchObject({
        outcome: 'pending',
      })
      expect((await orderOf(order.id)).paymentStatus).toBe('PENDING')
      // The hold ends while the gateway is still down: the release waits (the job retries).
      await expect(releaseUnpaidOrder(order.id, AFTER_HOLD())).rejects.toThrow()
      expect(await orderOf(order.id)).toMatchObject({ paymentStatus: 'PENDING', status: 'PLACED' })
    } finally {
      gateway.settings.verifyBroken = false
    }
    expect(await releaseUnpaidOrder(order.id, AFTER_HOLD())).toBe('paid')
    expect(await orderOf(order.id)).toMatchObject({ paymentStatus: 'PAID', status: 'PLACED' })
    expect(await stockOf(variantId)).toBe(2)
  })

  test('a gateway that does not answer in time: the return says “still confirming”, nothing is lost', async () => {
    const { order, authority } = await placeGatewayOrder()
    gateway.complete(authority, true)
    gateway.settings.delayMs = 1500
    try {
      expect(await completeZarinpalReturn({ authority, status: 'OK' })).toMatchObject({
        outcome: 'pending',
      })
    } finally {
      gateway.settings.delayMs = 0
    }
    expect((await orderOf(order.id)).paymentStatus).toBe('PENDING')
    // Coming back again once the gateway answers completes it.
    expect(await completeZarinpalReturn({ authority, status: 'OK' })).toMatchObject({
      outcome: 'paid',
    })
  })
})

describe('the hold', () => {
  test('an abandoned payment: the hold job releases the stock and cancels the order; paying later is not verified (the gateway returns the money)', async () => {
    const { order, authority, variantId } = await placeGatewayOrder()
    expect(await stockOf(variantId)).toBe(2)
    expect(await releaseUnpaidOrder(order.id, new Date())).toBe('not-due')

    // The job runs when the hold ends (moved into the past here rather than waited for).
    await prisma.order.update({
      where: { id: order.id },
      data: { paymentHeldUntil: new Date(Date.now() - 1000) },
    })
    await prisma.$executeRaw`
      UPDATE graphile_worker._private_jobs SET run_at = now() - interval '1 second'
      WHERE key = ${`payment-hold:${order.id}`}`
    await runDueJobs(tasksExceptMailAndSearch)
    expect(await orderOf(order.id)).toMatchObject({
      status: 'CANCELLED',
      paymentStatus: 'VOIDED',
      paymentHeldUntil: null,
    })
    expect(await stockOf(variantId)).toBe(3)
    expect(await prisma.shipment.findMany({ where: { orderId: order.id } })).toEqual([
      expect.objectContaining({ status: 'CANCELLED' }),
    ])
    const checksBefore = gateway.payments.get(authority)!.verifyCalls

    // The shopper pays on the gateway's page after all and comes back.
    gateway.complete(authority, true)
    expect(await completeZarinpalReturn({ authority, status: 'OK' })).toMatchObject({
      outcome: 'expired',
    })
    expect(gateway.payments.get(authority)).toMatchObject({
      state: 'paid',
      verifyCalls: checksBefore,
    })
    expect(await orderOf(order.id)).toMatchObject({ status: 'CANCELLED', paymentStatus: 'VOIDED' })
    expect(await stockOf(variantId)).toBe(3)
    // Paying again is no longer offered.
    const shopper = await prisma.order.findUniqueOrThrow({ where: { id: order.id } })
    expect(await payAgain({ userId: shopper.userId! }, order.number)).toBeNull()
  })

  test('a shopper who paid but never came back: the hold’s check verifies the payment instead of releasing', async () => {
    const { order, authority, variantId } = await placeGatewayOrder()
    gateway.complete(authority, true)
    expect(await releaseUnpaidOrder(order.id, AFTER_HOLD())).toBe('paid')
    expect(await orderOf(order.id)).toMatchObject({ status: 'PLACED', paymentStatus: 'PAID' })
    expect(await stockOf(variantId)).toBe(2)
  })

  test('pay on delivery holds nothing and queues no hold job', async () => {
    const shopper = await createUser()
    const { shop } = await createSeller()
    const tee = await createProduct(shop.id, { price: 5_000_000 })
    const placed = await placeTestOrder(shopper.id, [
      { variantId: tee.variants[0]!.id, quantity: 1 },
    ])
    expect((await orderOf(placed.id)).paymentHeldUntil).toBeNull()
    expect(placed.paymentRedirect).toBeNull()
    expect(
      (await listQueuedJobs(PAYMENT_HOLD_TASK)).some(
        (job) => (job.payload as { orderId: string }).orderId === placed.id,
      ),
    ).toBe(false)
  })
})
