import { afterEach, describe, expect, test, vi } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { runDueJobs } from '~/infra/jobs/worker.server.ts'
import { logger } from '~/infra/logger.server.ts'
import { getCart } from '~/services/orders/cart.server.ts'
import { InsufficientStockError } from '~/services/orders/checkout-errors.server.ts'
import { placeOrder } from '~/services/orders/checkout.server.ts'
import type { CheckoutInput } from '~/services/orders/schemas.ts'
import { orderTotal } from '~/services/orders/shipping.ts'
import { createUser } from '../support/fixtures.ts'
import { SAMPLE_ADDRESS, createProduct, createSeller, putInCart } from '../support/shop-fixtures.ts'
import { tasksExceptMailAndSearch } from '../support/jobs.ts'
import { mailsTo } from '../support/queued-mail.ts'

// Stock must be exact whatever the concurrency: these run real transactions side by side against
// PostgreSQL (the pool has DATABASE_POOL_MAX connections, so many really overlap).

async function inputFor(userId: string): Promise<CheckoutInput> {
  const cart = await getCart({ userId })
  return {
    idempotencyKey: cart.checkoutToken!,
    address: { kind: 'new', fields: SAMPLE_ADDRESS, save: false },
    shippingMethod: 'standard',
    paymentMethod: 'pay-on-delivery',
    expectedTotal: orderTotal(cart.itemsTotal, 'standard', 'USD'),
  }
}

const settle = <T>(promises: Array<Promise<T>>) => Promise.allSettled(promises)

afterEach(() => vi.restoreAllMocks())

describe('concurrent checkouts', () => {
  test('100 shoppers racing for an item with stock 5: exactly 5 orders, stock 0, never negative', async () => {
    const { shop } = await createSeller()
    const dress = await createProduct(shop.id, { price: 3000, variants: [{ stock: 5 }] })
    const variantId = dress.variants[0]!.id
    const shoppers = await Promise.all(Array.from({ length: 100 }, () => createUser()))
    const inputs = await Promise.all(
      shoppers.map(async (shopper) => {
        await putInCart(shopper.id, variantId, 1, 3000)
        return inputFor(shopper.id)
      }),
    )

    const started = performance.now()
    const results = await settle(
      shoppers.map((shopper, index) => placeOrder(shopper.id, inputs[index]!)),
    )
    const elapsed = performance.now() - started

    const placed = results.filter((result) => result.status === 'fulfilled')
    const refused = results.filter((result) => result.status === 'rejected')
    expect(placed).toHaveLength(5)
    expect(refused).toHaveLength(95)
    for (const result of refused) {
      expect(result.reason).toBeInstanceOf(InsufficientStockError)
      expect((result.reason as InsufficientStockError).lines).toMatchObject([
        { variantId, requested: 1, available: 0 },
      ])
    }
    expect((await prisma.variant.findUniqueOrThrow({ where: { id: variantId } })).stock).toBe(0)
    expect(await prisma.order.count({ where: { lines: { some: { variantId } } } })).toBe(5)
    expect(
      (await prisma.orderLine.aggregate({ where: { variantId }, _sum: { quantity: true } }))._sum
        .quantity,
    ).toBe(5)
    expect((await prisma.product.findUniqueOrThrow({ where: { id: dress.id } })).salesCount).toBe(5)
    console.log(`100 concurrent checkouts for stock 5: ${elapsed.toFixed(0)} ms in all`)
  })

  test('carts holding the same items in opposite orders never deadlock (many rounds at once)', async () => {
    const warn = vi.spyOn(logger, 'warn')
    const { shop } = await createSeller()
    const ROUNDS = 25
    const first = await createProduct(shop.id, {
      title: 'Item A',
      price: 1000,
      variants: [{ stock: 2 * ROUNDS * 2 }],
    })
    const second = await createProduct(shop.id, {
      title: 'Item B',
      price: 1000,
      variants: [{ stock: 2 * ROUNDS * 2 }],
    })
    const a = first.variants[0]!.id
    const b = second.variants[0]!.id

    // Each round: one cart added A then B, the other B then A, both checking out at once;
    // all the rounds run at the same time.
    const pairs = await Promise.all(
      Array.from({ length: ROUNDS }, async () => {
        const [left, right] = await Promise.all([createUser(), createUser()])
        await putInCart(left.id, a, 2, 1000)
        await putInCart(left.id, b, 2, 1000)
        await putInCart(right.id, b, 2, 1000)
        await putInCart(right.id, a, 2, 1000)
        return [
          { userId: left.id, input: await inputFor(left.id) },
          { userId: right.id, input: await inputFor(right.id) },
        ]
      }),
    )
    const results = await settle(pairs.flat().map(({ userId, input }) => placeOrder(userId, input)))
    const failures = results
      .filter((result) => result.status === 'rejected')
      .map((result) => String((result as PromiseRejectedResult).reason))
    expect(failures).toEqual([])
    expect(results).toHaveLength(2 * ROUNDS)
    // Not even a retried deadlock: the lock order prevents them, rather than the retry hiding them.
    expect(
      warn.mock.calls.filter((call) => JSON.stringify(call).match(/deadlock|retryable/i)),
    ).toEqual([])
    const stocks = await prisma.variant.findMany({
      where: { id: { in: [a, b] } },
      select: { stock: true },
    })
    expect(stocks.map((variant) => variant.stock)).toEqual([0, 0])
  })

  test('20 concurrent submissions of one checkout key place one order and all answer with it', async () => {
    const shopper = await createUser()
    const { shop } = await createSeller()
    const tee = await createProduct(shop.id, { price: 2000, variants: [{ stock: 50 }] })
    await putInCart(shopper.id, tee.variants[0]!.id, 3, 2000)
    const input = await inputFor(shopper.id)

    const results = await Promise.all(
      Array.from({ length: 20 }, () => placeOrder(shopper.id, input)),
    )
    const numbers = new Set(results.map((result) => result.number))
    expect(numbers.size).toBe(1)
    expect(results.filter((result) => result.created)).toHaveLength(1)
    expect(await prisma.order.count({ where: { userId: shopper.id } })).toBe(1)
    expect(
      (await prisma.variant.findUniqueOrThrow({ where: { id: tee.variants[0]!.id } })).stock,
    ).toBe(47)
    // Each order's confirmation is rendered by its job, after the commit.
    await runDueJobs(tasksExceptMailAndSearch)
    expect(
      (await mailsTo(shopper.email)).filter((mail) => mail.key.startsWith('order:')),
    ).toHaveLength(1)
  })
})
