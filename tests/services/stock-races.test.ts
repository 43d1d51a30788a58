import { afterEach, describe, expect, test, vi } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { logger } from '~/infra/logger.server.ts'
import {
  getProductForEdit,
  stockToSave,
  updateProduct,
  type EditableProduct,
} from '~/services/catalog/products.server.ts'
import type { ProductInput } from '~/services/catalog/schemas.ts'
import { getCart } from '~/services/orders/cart.server.ts'
import { CheckoutError } from '~/services/orders/checkout-errors.server.ts'
import { placeOrder } from '~/services/orders/checkout.server.ts'
import type { CheckoutInput } from '~/services/orders/schemas.ts'
import { orderTotal } from '~/services/orders/shipping.ts'
import {
  createListedProduct,
  createSeller,
  productInput,
  taxonomyFixture,
  type Taxonomy,
} from '../support/catalog.ts'
import { createUser } from '../support/fixtures.ts'
import { SAMPLE_ADDRESS, placeTestOrder, putInCart } from '../support/shop-fixtures.ts'

// The seller's product form and the shoppers' checkouts both write Variant.stock. Checkout
// locks products, then variants, in id order; the product save claims the product row, then
// locks its variants in id order. These race real transactions against PostgreSQL.

afterEach(() => vi.restoreAllMocks())

/** The edit form as the seller would post it back: every cell as loaded, `stockWas` = what the form showed. */
function formOf(
  t: Taxonomy,
  loaded: EditableProduct,
  stock: Record<string, number> = {},
): ProductInput {
  return productInput(t, {
    title: loaded.title,
    variants: loaded.variants.map((variant) => ({
      colorId: variant.colorId,
      sizeId: variant.sizeId,
      sku: variant.sku,
      stock: stock[variant.id] ?? variant.stock,
      stockWas: variant.stock,
      price: variant.price,
    })),
  })
}

async function checkoutInput(userId: string): Promise<CheckoutInput> {
  const cart = await getCart({ userId })
  return {
    idempotencyKey: cart.checkoutToken!,
    address: { kind: 'new', fields: SAMPLE_ADDRESS, save: false },
    shippingMethod: 'standard',
    paymentMethod: 'pay-on-delivery',
    expectedTotal: orderTotal(cart.itemsTotal, 'standard', 'USD'),
  }
}

const stockOf = async (variantId: string) =>
  (await prisma.variant.findUniqueOrThrow({ where: { id: variantId }, select: { stock: true } }))
    .stock

async function listedProduct(stock = 5) {
  const t = await taxonomyFixture()
  const { user } = await createSeller()
  const product = await createListedProduct(user.id, t, {
    variants: productInput(t).variants.map((variant) => ({ ...variant, stock })),
  })
  const loaded = (await getProductForEdit(user.id, product.id))!
  return { t, seller: user, productId: product.id, loaded }
}

describe('a sale between loading the product form and saving it', () => {
  test('is never undone: untouched cells keep the current stock, changed cells apply the change to it', async () => {
    const { t, seller, productId, loaded } = await listedProduct(5)
    const [a, b, c] = loaded.variants as [
      EditableProduct['variants'][number],
      EditableProduct['variants'][number],
      EditableProduct['variants'][number],
    ]
    // The seller opened the form (every cell at 5); then shoppers bought 2 of A, 1 of B and 3 of C.
    await placeTestOrder((await createUser()).id, [{ variantId: a.id, quantity: 2 }])
    await placeTestOrder((await createUser()).id, [
      { variantId: b.id, quantity: 1 },
      { variantId: c.id, quantity: 3 },
    ])

    // A untouched; B restocked from 5 to 9 (+4); C counted down from 5 to 1 (−4, more than is left).
    const saved = await updateProduct(
      seller.id,
      productId,
      loaded.version,
      formOf(t, loaded, { [b.id]: 9, [c.id]: 1 }),
    )
    expect(await stockOf(a.id)).toBe(3)
    expect(await stockOf(b.id)).toBe(8)
    expect(await stockOf(c.id)).toBe(0)
    expect(saved.stockMovedMeanwhile).toBe(3)
  })

  test('the rule cell by cell', () => {
    expect(stockToSave(3, { stock: 5, stockWas: 5 })).toBe(3) // left alone: what is there now
    expect(stockToSave(3, { stock: 9, stockWas: 5 })).toBe(7) // +4 on top of the sale
    expect(stockToSave(1, { stock: 0, stockWas: 5 })).toBe(0) // never below zero
    expect(stockToSave(3, { stock: 12 })).toBe(12) // a form without stockWas: the seller's number
  })
})

describe('checkouts racing product saves', () => {
  test('neither deadlocks nor fails, and every sale and every restock is counted', async () => {
    const { t, seller, productId, loaded } = await listedProduct(40)
    const [a, b] = loaded.variants as [
      EditableProduct['variants'][number],
      EditableProduct['variants'][number],
    ]
    const warn = vi.spyOn(logger, 'warn')
    const shoppers = await Promise.all(Array.from({ length: 24 }, () => createUser()))
    let restocked = 0

    for (let round = 0; round < 6; round++) {
      const form = (await getProductForEdit(seller.id, productId))!
      const buyers = shoppers.slice(round * 4, round * 4 + 4)
      // Each round: the seller saves (+5 on A, B untouched) while four shoppers check out A and B,
      // listed in opposite orders in alternate carts.
      const results = await Promise.allSettled([
        updateProduct(
          seller.id,
          productId,
          form.version,
          formOf(t, form, {
            [a.id]: form.variants.find((variant) => variant.id === a.id)!.stock + 5,
          }),
        ),
        ...buyers.map((buyer, index) =>
          placeTestOrder(
            buyer.id,
            index % 2
              ? [
                  { variantId: a.id, quantity: 1 },
                  { variantId: b.id, quantity: 1 },
                ]
              : [
                  { variantId: b.id, quantity: 1 },
                  { variantId: a.id, quantity: 1 },
                ],
          ),
        ),
      ])
      const failures = results
        .filter((result) => result.status === 'rejected')
        .map((result) => (result as PromiseRejectedResult).reason)
      expect(failures).toEqual([])
      restocked += 5
    }

    const sold = await prisma.orderLine.groupBy({
      by: ['variantId'],
      where: { productId },
      _sum: { quantity: true },
    })
    const soldOf = (variantId: string) =>
      sold.find((row) => row.variantId === variantId)?._sum.quantity ?? 0
    expect(soldOf(a.id)).toBe(24)
    expect(soldOf(b.id)).toBe(24)
    expect(await stockOf(a.id)).toBe(40 + restocked - 24)
    expect(await stockOf(b.id)).toBe(40 - 24)
    // Nothing had to be tried again on either side.
    expect(
      warn.mock.calls.filter(
        ([, message]) => typeof message === 'string' && /retryable/.test(message),
      ),
    ).toEqual([])
  })

  test('a save that removes a variant while shoppers check it out: both finish, each shopper gets an order or a clear refusal', async () => {
    const { t, seller, productId, loaded } = await listedProduct(20)
    const [gone, kept] = loaded.variants as [
      EditableProduct['variants'][number],
      EditableProduct['variants'][number],
    ]
    const buyers = await Promise.all(Array.from({ length: 6 }, () => createUser()))
    // Their carts are filled first; the save and the checkouts then start together.
    for (const buyer of buyers) {
      await putInCart(buyer.id, gone.id, 1, 4990)
      await putInCart(buyer.id, kept.id, 1, 4990)
    }
    const inputs = await Promise.all(buyers.map((buyer) => checkoutInput(buyer.id)))
    const form = formOf(t, loaded)
    form.variants = form.variants.filter((variant) => variant.sku !== gone.sku)

    const warn = vi.spyOn(logger, 'warn')
    const [save, ...checkouts] = await Promise.allSettled([
      updateProduct(seller.id, productId, loaded.version, form),
      ...buyers.map((buyer, index) => placeOrder(buyer.id, inputs[index]!)),
    ])
    expect(save.status).toBe('fulfilled')
    for (const checkout of checkouts) {
      if (checkout.status === 'rejected') expect(checkout.reason).toBeInstanceOf(CheckoutError)
    }
    expect(await prisma.variant.count({ where: { id: gone.id } })).toBe(0)
    const placed = checkouts.filter((checkout) => checkout.status === 'fulfilled').length
    expect(await stockOf(kept.id)).toBe(20 - placed)
    // No deadlock: the save takes the deleted variant's lock before the product's. (A checkout
    // that finds the variant gone while writing its line tries again, and then refuses.)
    expect(
      warn.mock.calls
        .filter(([fields]) => /deadlock/i.test(String((fields as { err?: unknown }).err)))
        .map(([, message]) => message),
    ).toEqual([])
  })
})
