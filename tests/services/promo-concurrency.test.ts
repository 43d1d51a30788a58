import { expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { getCart } from '~/services/orders/cart.server.ts'
import { placeOrder } from '~/services/orders/checkout.server.ts'
import type { CheckoutInput } from '~/services/orders/schemas.ts'
import { applyPromoCode } from '~/services/orders/cart-codes.server.ts'
import { PromoCodeError } from '~/services/promos/promos.server.ts'
import { createUser } from '../support/fixtures.ts'
import { SAMPLE_ADDRESS, createProduct, createSeller, putInCart } from '../support/shop-fixtures.ts'
import { createPromo } from '../support/promo-fixtures.ts'

// The usage limit under real concurrency on PostgreSQL: every checkout below runs its own
// transaction at once (the pool has DATABASE_POOL_MAX connections, so many overlap for real).

test('100 concurrent checkouts with a code that has 10 uses left: 10 orders use it, 90 hear why', async () => {
  const { shop } = await createSeller()
  const dress = await createProduct(shop.id, { price: 3000, variants: [{ stock: 500 }] })
  const variantId = dress.variants[0]!.id
  const code = await createPromo({
    code: 'RUSH',
    kind: 'FIXED',
    value: 700,
    usageLimit: 15,
    usedCount: 5,
  })
  const shoppers = await Promise.all(Array.from({ length: 100 }, () => createUser()))
  // Set up one by one (only the checkouts race).
  const inputs: CheckoutInput[] = []
  for (const shopper of shoppers) {
    inputs.push(
      await (async () => {
        await putInCart(shopper.id, variantId, 1, 3000)
        await applyPromoCode({ userId: shopper.id }, 'rush')
        const cart = await getCart({ userId: shopper.id })
        return {
          idempotencyKey: cart.checkoutToken!,
          address: { kind: 'new' as const, fields: SAMPLE_ADDRESS, save: false },
          shippingMethod: 'standard',
          paymentMethod: 'pay-on-delivery',
          expectedTotal: 3000 - 700 + 495,
        }
      })(),
    )
  }

  const started = performance.now()
  const results = await Promise.allSettled(
    shoppers.map((shopper, index) => placeOrder(shopper.id, inputs[index]!)),
  )
  const elapsed = performance.now() - started

  const placed = results.filter((result) => result.status === 'fulfilled')
  const refused = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []))
  expect(placed).toHaveLength(10)
  expect(refused).toHaveLength(90)
  for (const reason of refused) {
    expect(reason).toBeInstanceOf(PromoCodeError)
    expect((reason as PromoCodeError).reason).toBe('used-up')
  }
  const row = await prisma.promoCode.findUniqueOrThrow({ where: { id: code.id } })
  expect(row.usedCount).toBe(15)
  expect(await prisma.promoRedemption.count({ where: { promoCodeId: code.id } })).toBe(10)
  expect(await prisma.order.count({ where: { promoDiscount: 700 } })).toBe(10)
  // Nothing half-written for the refused: no orders, their carts and stock untouched.
  expect(await prisma.order.count()).toBe(10)
  expect((await prisma.variant.findUniqueOrThrow({ where: { id: variantId } })).stock).toBe(490)
  console.log(`100 concurrent checkouts, a code with 10 uses left: ${elapsed.toFixed(0)} ms in all`)
}, 180_000)
