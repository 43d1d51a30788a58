import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { getCart } from '~/services/orders/cart.server.ts'
import { TotalChangedError } from '~/services/orders/checkout-errors.server.ts'
import { getCheckout } from '~/services/orders/checkout-page.server.ts'
import { placeOrder, placeOrderAs } from '~/services/orders/checkout.server.ts'
import { cancelOrder } from '~/services/orders/orders.server.ts'
import { orderTotal } from '~/services/orders/shipping.ts'
import { applyPromoCode, removePromoCode } from '~/services/orders/cart-codes.server.ts'
import { PromoCodeError } from '~/services/promos/promos.server.ts'
import { createUser } from '../support/fixtures.ts'
import { SAMPLE_ADDRESS, createProduct, createSeller, putInCart } from '../support/shop-fixtures.ts'
import { createPromo } from '../support/promo-fixtures.ts'

// Codes through the real cart and checkout services on PostgreSQL: the reasons a code is
// refused, what an order records per line, the total guard, and uses given back on cancelling.

async function checkoutInput(userId: string, total?: number) {
  const page = await getCheckout(userId)
  const discount = page.promo?.applied?.itemsDiscount ?? 0
  const delivery = page.shippingMethods.find((method) => method.id === 'standard')!.price
  return {
    idempotencyKey: page.cart.checkoutToken!,
    address: { kind: 'new' as const, fields: SAMPLE_ADDRESS, save: false },
    shippingMethod: 'standard',
    paymentMethod: 'pay-on-delivery',
    expectedTotal:
      total ?? page.cart.itemsTotal - discount + (page.promo?.applied?.freeDelivery ? 0 : delivery),
  }
}

async function reasonOf(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    if (error instanceof PromoCodeError) return error.reason
    throw error
  }
  return 'applied'
}

describe('applying a code to a cart', () => {
  test('each reason a code cannot apply, and one that does', { timeout: 120_000 }, async () => {
    const { shop } = await createSeller()
    const { shop: other } = await createSeller('Other')
    const dress = await createProduct(shop.id, { price: 3000 })
    const shopper = await createUser()
    await putInCart(shopper.id, dress.variants[0]!.id, 1, 3000)
    const owner = { userId: shopper.id }
    const now = new Date('2026-12-01T12:00:00Z')

    expect(await reasonOf(applyPromoCode(owner, 'NOPE-123', now))).toBe('unknown')
    await createPromo({ code: 'LATER', startsAt: new Date('2026-12-02T00:00:00Z') })
    expect(await reasonOf(applyPromoCode(owner, 'later', now))).toBe('not-started')
    await createPromo({ code: 'OVER', endsAt: new Date('2026-12-01T12:00:00Z') })
    expect(await reasonOf(applyPromoCode(owner, 'over', now))).toBe('expired')
    await createPromo({ code: 'BIGSPEND', minOrder: 5000 })
    expect(await reasonOf(applyPromoCode(owner, 'bigspend', now))).toBe('min-not-met')
    await createPromo({ code: 'GONE', usageLimit: 3, usedCount: 3 })
    expect(await reasonOf(applyPromoCode(owner, 'gone', now))).toBe('used-up')
    await createPromo({ code: 'ELSEWHERE', shopId: other.id })
    expect(await reasonOf(applyPromoCode(owner, 'elsewhere', now))).toBe('not-for-these-items')
    await createPromo({ code: 'OFFNOW', active: false })
    expect(await reasonOf(applyPromoCode(owner, 'offnow', now))).toBe('unknown')
    // Nothing stuck to the cart.
    expect((await getCart(owner)).promoCode).toBeNull()

    await createPromo({ code: 'TEN', kind: 'PERCENT', value: 10 })
    expect(await reasonOf(applyPromoCode(owner, ' t e n ', now))).toBe('applied')
    expect((await getCart(owner)).promoCode).toBe('TEN')
    await removePromoCode(owner)
    expect((await getCart(owner)).promoCode).toBeNull()
  })

  test('a code limited to a category or product applies only to those lines', async () => {
    const { shop } = await createSeller()
    const dress = await createProduct(shop.id, { price: 3000 })
    const scarf = await createProduct(shop.id, { price: 1000 })
    const parent = await prisma.category.create({ data: { name: 'Parent', slug: 'promo-parent' } })
    await prisma.category.update({
      where: { id: dress.categoryId },
      data: { parentId: parent.id },
    })
    const shopper = await createUser()
    await putInCart(shopper.id, dress.variants[0]!.id, 1, 3000)
    await putInCart(shopper.id, scarf.variants[0]!.id, 1, 1000)
    await createPromo({ code: 'SCARF', kind: 'FIXED', value: 2500, productIds: [scarf.id] })
    const scarfOnly = await applyPromoCode({ userId: shopper.id }, 'scarf')
    expect(scarfOnly.applied!.lines).toEqual([{ variantId: scarf.variants[0]!.id, amount: 1000 }])
    // A parent category covers its subcategories.
    await createPromo({ code: 'PARENT', kind: 'PERCENT', value: 50, categoryIds: [parent.id] })
    const both = await applyPromoCode({ userId: shopper.id }, 'parent')
    expect(both.applied!.itemsDiscount).toBe(2000)
  })
})

describe('placing an order with a code', () => {
  test('records what the code took off each line, sums exactly, and counts the use', async () => {
    const { shop } = await createSeller()
    const { shop: other } = await createSeller('Other')
    const a = await createProduct(shop.id, { price: 1000 })
    const b = await createProduct(shop.id, { price: 1000 })
    const c = await createProduct(shop.id, { price: 1000 })
    const elsewhere = await createProduct(other.id, { price: 5000 })
    const shopper = await createUser()
    for (const product of [a, b, c]) await putInCart(shopper.id, product.variants[0]!.id, 1, 1000)
    await putInCart(shopper.id, elsewhere.variants[0]!.id, 1, 5000)
    // A shop code: 1 minor unit short of an even split over three lines, only this shop's.
    const code = await createPromo({ code: 'SHOP10', shopId: shop.id, kind: 'FIXED', value: 1001 })
    await applyPromoCode({ userId: shopper.id }, 'shop10')

    const placed = await placeOrder(shopper.id, await checkoutInput(shopper.id))
    const order = await prisma.order.findUniqueOrThrow({
      where: { id: placed.id },
      include: { lines: { include: { discounts: true }, orderBy: { title: 'asc' } } },
    })
    const shares = order.lines.flatMap((line) => line.discounts.map((d) => d.amount))
    expect(shares.sort()).toEqual([333, 334, 334].sort())
    expect(order.promoDiscount).toBe(1001)
    expect(order.lines.find((line) => line.shopId === other.id)!.discounts).toEqual([])
    expect(order.itemsTotal).toBe(8000)
    expect(order.total).toBe(8000 - 1001 + order.shippingCost)
    const row = await prisma.promoCode.findUniqueOrThrow({ where: { id: code.id } })
    expect(row.usedCount).toBe(1)
    expect((await getCart({ userId: shopper.id })).promoCode).toBeNull()
  })

  test('free delivery: the delivery is charged at nothing and the saving recorded', async () => {
    const { shop } = await createSeller()
    const dress = await createProduct(shop.id, { price: 2000 })
    const shopper = await createUser()
    await putInCart(shopper.id, dress.variants[0]!.id, 1, 2000)
    await createPromo({ code: 'SHIPFREE', kind: 'FREE_DELIVERY', value: 0 })
    await applyPromoCode({ userId: shopper.id }, 'shipfree')
    const placed = await placeOrder(shopper.id, await checkoutInput(shopper.id))
    const order = await prisma.order.findUniqueOrThrow({ where: { id: placed.id } })
    expect(order).toMatchObject({ shippingCost: 0, shippingDiscount: 495, total: 2000 })
  })

  test('the total guard: a total shown without the code is refused, nothing placed', async () => {
    const { shop } = await createSeller()
    const dress = await createProduct(shop.id, { price: 2000 })
    const shopper = await createUser()
    await putInCart(shopper.id, dress.variants[0]!.id, 1, 2000)
    await createPromo({ code: 'FIVE', kind: 'FIXED', value: 500 })
    await applyPromoCode({ userId: shopper.id }, 'five')
    const input = await checkoutInput(shopper.id, orderTotal(2000, 'standard', 'USD'))
    await expect(placeOrder(shopper.id, input)).rejects.toBeInstanceOf(TotalChangedError)
    expect(await prisma.order.count({ where: { userId: shopper.id } })).toBe(0)
    // With the code's total it is placed.
    await placeOrder(shopper.id, await checkoutInput(shopper.id))
    expect(await prisma.order.count({ where: { userId: shopper.id } })).toBe(1)
  })

  test('a code that ended after it was applied is refused at checkout with its reason', async () => {
    const { shop } = await createSeller()
    const dress = await createProduct(shop.id, { price: 2000 })
    const shopper = await createUser()
    await putInCart(shopper.id, dress.variants[0]!.id, 1, 2000)
    const code = await createPromo({ code: 'SOON-OVER', kind: 'FIXED', value: 500 })
    await applyPromoCode({ userId: shopper.id }, 'soon-over')
    const input = await checkoutInput(shopper.id)
    await prisma.promoCode.update({
      where: { id: code.id },
      data: { endsAt: new Date(Date.now() - 1000) },
    })
    expect(await reasonOf(placeOrder(shopper.id, input))).toBe('expired')
    expect(await prisma.order.count({ where: { userId: shopper.id } })).toBe(0)
  })

  test('per-customer limit: an account, and a guest by email; cancelling gives the use back', async () => {
    const { shop } = await createSeller()
    const dress = await createProduct(shop.id, { price: 2000, variants: [{ stock: 20 }] })
    const variantId = dress.variants[0]!.id
    const code = await createPromo({ code: 'ONCE', kind: 'FIXED', value: 100, perCustomerLimit: 1 })
    const shopper = await createUser()
    await putInCart(shopper.id, variantId, 1, 2000)
    await applyPromoCode({ userId: shopper.id }, 'once')
    const first = await placeOrder(shopper.id, await checkoutInput(shopper.id))
    await putInCart(shopper.id, variantId, 1, 2000)
    expect(await reasonOf(applyPromoCode({ userId: shopper.id }, 'once'))).toBe('already-used')

    await cancelOrder(shopper.id, first.number)
    expect((await prisma.promoCode.findUniqueOrThrow({ where: { id: code.id } })).usedCount).toBe(0)
    expect(
      await prisma.promoRedemption.count({
        where: { promoCodeId: code.id, releasedAt: { not: null } },
      }),
    ).toBe(1)
    expect(await reasonOf(applyPromoCode({ userId: shopper.id }, 'once'))).toBe('applied')

    // A guest: the cart cannot know the email, the checkout can.
    const guestToken = 'g'.repeat(43)
    const placeAsGuest = async (email: string) => {
      const { lockCart } = await import('~/services/orders/cart-owner.server.ts')
      await prisma.$transaction((tx) => lockCart(tx, { guestToken }, { create: true }))
      const cart = await prisma.cart.findFirstOrThrow({ where: { userId: null } })
      await prisma.cartItem.upsert({
        where: { cartId_variantId: { cartId: cart.id, variantId } },
        update: {},
        create: { cartId: cart.id, variantId, quantity: 1, seenPrice: 2000 },
      })
      await applyPromoCode({ guestToken }, 'once')
      const view = await getCart({ guestToken })
      return placeOrderAs(
        { guestToken, email },
        {
          idempotencyKey: view.checkoutToken!,
          address: { kind: 'new', fields: SAMPLE_ADDRESS, save: false },
          shippingMethod: 'standard',
          paymentMethod: 'pay-on-delivery',
          expectedTotal: 2000 - 100 + 495,
        },
      )
    }
    await placeAsGuest('guest@example.com')
    expect(await reasonOf(placeAsGuest('GUEST@example.com'))).toBe('already-used')
  })
})
