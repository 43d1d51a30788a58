import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { listQueuedJobs } from '~/infra/jobs/queue.server.ts'
import { runDueJobs } from '~/infra/jobs/worker.server.ts'
import { getCart } from '~/services/orders/cart.server.ts'
import { ORDER_PLACED_TASK, enqueueOrderPlaced } from '~/services/orders/order-placed.server.ts'
import {
  CartChangedError,
  CartEmptyError,
  CheckoutError,
  InsufficientStockError,
  TotalChangedError,
  UnavailableItemsError,
} from '~/services/orders/checkout-errors.server.ts'
import { getCheckout } from '~/services/orders/checkout-page.server.ts'
import { placeOrder } from '~/services/orders/checkout.server.ts'
import type { CheckoutInput } from '~/services/orders/schemas.ts'
import { findShippingMethod, orderTotal } from '~/services/orders/shipping.ts'
import { createUser } from '../support/fixtures.ts'
import { SAMPLE_ADDRESS, createProduct, createSeller, putInCart } from '../support/shop-fixtures.ts'
import { tasksExceptMailAndSearch, queuedKeys } from '../support/jobs.ts'
import { queuedMails } from '../support/queued-mail.ts'

async function checkoutInput(
  userId: string,
  overrides: Partial<CheckoutInput> = {},
): Promise<CheckoutInput> {
  const cart = await getCart({ userId })
  const shippingMethod = overrides.shippingMethod ?? 'standard'
  return {
    idempotencyKey: cart.checkoutToken!,
    address: { kind: 'new', fields: SAMPLE_ADDRESS, save: false },
    shippingMethod,
    paymentMethod: 'pay-on-delivery',
    expectedTotal: findShippingMethod(shippingMethod)
      ? orderTotal(cart.itemsTotal, shippingMethod, 'USD')
      : cart.itemsTotal,
    ...overrides,
  }
}

const stockOf = async (variantId: string) =>
  (await prisma.variant.findUniqueOrThrow({ where: { id: variantId } })).stock

describe('placing an order', () => {
  test('writes the order with price snapshots, one shipment per shop, takes the stock, empties the cart and queues the follow-up jobs', async () => {
    const shopper = await createUser({ name: 'Nadia Buyer' })
    const a = await createSeller('Ana')
    const b = await createSeller('Bo')
    const dress = await createProduct(a.shop.id, {
      title: 'Linen dress',
      price: 5000,
      discountPercent: 20,
      variants: [{ color: 'Navy', size: 'M', stock: 4 }],
    })
    const scarf = await createProduct(a.shop.id, {
      title: 'Silk scarf',
      price: 1500,
      variants: [{ color: 'Rose', size: 'S', stock: 9 }],
    })
    const boots = await createProduct(b.shop.id, {
      title: 'Ankle boots',
      price: 9000,
      variants: [{ color: 'Black', size: 'L', stock: 2, price: 9500 }],
    })
    await putInCart(shopper.id, dress.variants[0]!.id, 2, 4000)
    await putInCart(shopper.id, scarf.variants[0]!.id, 1, 1500)
    await putInCart(shopper.id, boots.variants[0]!.id, 1, 9500)

    const input = await checkoutInput(shopper.id)
    expect(input.expectedTotal).toBe(2 * 4000 + 1500 + 9500) // free standard delivery
    const placed = await placeOrder(shopper.id, input)
    expect(placed).toMatchObject({ created: true, paymentRedirect: null })
    expect(placed.number).toMatch(/^SP-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/)

    const order = await prisma.order.findUniqueOrThrow({
      where: { id: placed.id },
      include: { lines: { orderBy: { title: 'asc' } }, shipments: { include: { lines: true } } },
    })
    expect(order).toMatchObject({
      userId: shopper.id,
      status: 'PLACED',
      email: shopper.email,
      itemsRegular: 2 * 5000 + 1500 + 9500,
      itemsTotal: 19000,
      shippingMethod: 'standard',
      shippingCost: 0, // free from $75
      total: 19000,
      currency: 'USD',
      paymentMethod: 'pay-on-delivery',
      paymentStatus: 'PENDING',
      shippingAddress: SAMPLE_ADDRESS,
    })
    expect(
      order.lines.map((line) => [
        line.title,
        line.colorName,
        line.sizeLabel,
        line.quantity,
        line.regularPrice,
        line.unitPrice,
        line.lineTotal,
      ]),
    ).toEqual([
      ['Ankle boots', 'Black', 'L', 1, 9500, 9500, 9500],
      ['Linen dress', 'Navy', 'M', 2, 5000, 4000, 8000],
      ['Silk scarf', 'Rose', 'S', 1, 1500, 1500, 1500],
    ])
    expect(order.lines.find((line) => line.title === 'Linen dress')).toMatchObject({
      sku: dress.variants[0]!.sku,
      shopName: a.shop.name,
      productSlug: dress.slug,
    })
    expect(
      order.shipments
        .map((s) => [s.shopId, s.itemsTotal, s.status, s.lines.length])
        .sort((x, y) => Number(x[3]) - Number(y[3])),
    ).toEqual([
      [b.shop.id, 9500, 'PENDING', 1],
      [a.shop.id, 9500, 'PENDING', 2],
    ])

    expect(await stockOf(dress.variants[0]!.id)).toBe(2)
    expect(await stockOf(scarf.variants[0]!.id)).toBe(8)
    expect(await stockOf(boots.variants[0]!.id)).toBe(1)
    const sales = await prisma.product.findMany({
      where: { id: { in: [dress.id, scarf.id, boots.id] } },
      select: { id: true, salesCount: true },
    })
    expect(Object.fromEntries(sales.map((p) => [p.id, p.salesCount]))).toEqual({
      [dress.id]: 2,
      [scarf.id]: 1,
      [boots.id]: 1,
    })

    const cart = await getCart({ userId: shopper.id })
    expect(cart.lines).toEqual([])
    expect(cart.checkoutToken).not.toBe(input.idempotencyKey)

    expect((await queuedKeys('search.product')).map((item) => item.key).sort()).toEqual(
      [dress.id, scarf.id, boots.id].sort(),
    )
    // The transaction queued the event, not the email: the job renders it after the commit.
    expect(await queuedMails()).toEqual([])
    expect((await listQueuedJobs(ORDER_PLACED_TASK)).map((job) => job.payload)).toEqual([
      { orderId: order.id, locale: 'en' },
    ])
    await runDueJobs(tasksExceptMailAndSearch)
    const [mail] = await queuedMails()
    expect(mail).toMatchObject({ key: `order:${order.id}:placed` })
    expect(mail).toMatchObject({
      to: shopper.email,
      subject: `Your Shikposh order ${order.number}`,
    })
    expect(mail!.text).toContain("Linen dress (Navy, M) from Ana's shop: 2 × $40.00 = $80.00")
    // A retried job (its success not recorded) does not queue the emails twice.
    const mails = (await queuedMails()).length
    await prisma.$transaction((tx) => enqueueOrderPlaced(tx, order.id, 'en'))
    await runDueJobs(tasksExceptMailAndSearch)
    expect(await queuedMails()).toHaveLength(mails)
  })

  test('charges the delivery option below the free threshold and saves a new address when asked', async () => {
    const shopper = await createUser()
    const { shop } = await createSeller()
    const tee = await createProduct(shop.id, { price: 2000, variants: [{ stock: 5 }] })
    await putInCart(shopper.id, tee.variants[0]!.id, 1, 2000)
    const placed = await placeOrder(
      shopper.id,
      await checkoutInput(shopper.id, {
        shippingMethod: 'express',
        address: { kind: 'new', fields: SAMPLE_ADDRESS, save: true },
      }),
    )
    const order = await prisma.order.findUniqueOrThrow({ where: { id: placed.id } })
    expect(order).toMatchObject({
      itemsTotal: 2000,
      shippingCost: 1495,
      total: 3495,
      shippingMethod: 'express',
    })
    const saved = await prisma.address.findMany({ where: { userId: shopper.id } })
    expect(saved).toHaveLength(1)
    expect(saved[0]).toMatchObject({ ...SAMPLE_ADDRESS, defaultOf: shopper.id })
  })

  test('ships to a saved address, but never to someone else’s', async () => {
    const shopper = await createUser()
    const other = await createUser()
    const { shop } = await createSeller()
    const tee = await createProduct(shop.id, { price: 2000 })
    const mine = await prisma.address.create({
      data: { ...SAMPLE_ADDRESS, fullName: 'Mine', userId: shopper.id, defaultOf: shopper.id },
    })
    const theirs = await prisma.address.create({
      data: { ...SAMPLE_ADDRESS, fullName: 'Theirs', userId: other.id },
    })
    await putInCart(shopper.id, tee.variants[0]!.id, 1, 2000)

    const refused = await placeOrder(
      shopper.id,
      await checkoutInput(shopper.id, { address: { kind: 'saved', id: theirs.id } }),
    ).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(CheckoutError)
    expect(refused).toMatchObject({ field: 'addressId', kind: 'invalid' })
    expect(await prisma.order.count({ where: { userId: shopper.id } })).toBe(0)

    const placed = await placeOrder(
      shopper.id,
      await checkoutInput(shopper.id, { address: { kind: 'saved', id: mine.id } }),
    )
    const order = await prisma.order.findUniqueOrThrow({ where: { id: placed.id } })
    expect(order.shippingAddress).toMatchObject({ fullName: 'Mine' })
  })

  test('when a line lacks stock nothing changes, and the error names the line and what is left', async () => {
    const shopper = await createUser()
    const { shop } = await createSeller()
    const dress = await createProduct(shop.id, {
      title: 'Wrap dress',
      price: 3000,
      variants: [{ color: 'Rose', size: 'S', stock: 5 }],
    })
    const coat = await createProduct(shop.id, {
      title: 'Wool coat',
      price: 12000,
      variants: [{ color: 'Navy', size: 'M', stock: 3 }],
    })
    await putInCart(shopper.id, dress.variants[0]!.id, 2, 3000)
    await putInCart(shopper.id, coat.variants[0]!.id, 3, 12000)
    const input = await checkoutInput(shopper.id)
    // Someone else bought two coats meanwhile.
    await prisma.variant.update({ where: { id: coat.variants[0]!.id }, data: { stock: 1 } })

    const error = await placeOrder(shopper.id, input).catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(InsufficientStockError)
    expect((error as InsufficientStockError).lines).toEqual([
      {
        variantId: coat.variants[0]!.id,
        title: 'Wool coat',
        colorName: 'Navy',
        sizeLabel: 'M',
        requested: 3,
        available: 1,
      },
    ])
    expect((error as Error).message).toBe('Only 1 left of Wool coat (Navy, M); you asked for 3.')

    expect(await stockOf(dress.variants[0]!.id)).toBe(5)
    expect(await stockOf(coat.variants[0]!.id)).toBe(1)
    expect(await prisma.order.count({ where: { userId: shopper.id } })).toBe(0)
    expect(await prisma.orderLine.count({ where: { shopId: shop.id } })).toBe(0)
    expect(
      (await queuedKeys('search.product')).filter((item) => [dress.id, coat.id].includes(item.key)),
    ).toEqual([])
    expect((await prisma.product.findUniqueOrThrow({ where: { id: dress.id } })).salesCount).toBe(0)
    expect((await getCart({ userId: shopper.id })).lines).toHaveLength(2)
  })

  test('refuses unpublished items, and a total that changed since the page was shown', async () => {
    const shopper = await createUser()
    const { shop } = await createSeller()
    const tee = await createProduct(shop.id, { title: 'Boxy tee', price: 2000 })
    await putInCart(shopper.id, tee.variants[0]!.id, 1, 2000)
    const input = await checkoutInput(shopper.id)

    await prisma.product.update({ where: { id: tee.id }, data: { price: 2500 } })
    const dearer = await placeOrder(shopper.id, input).catch((thrown: unknown) => thrown)
    expect(dearer).toBeInstanceOf(TotalChangedError)
    expect(dearer).toMatchObject({ shown: 2000 + 495, total: 2500 + 495, code: 'total-changed' })

    await prisma.product.update({
      where: { id: tee.id },
      data: { status: 'ARCHIVED', listed: false },
    })
    const gone = await placeOrder(shopper.id, input).catch((thrown: unknown) => thrown)
    expect(gone).toBeInstanceOf(UnavailableItemsError)
    expect((gone as Error).message).toBe(
      'Boxy tee is no longer available. Remove it from your cart to continue.',
    )
    expect(await prisma.order.count({ where: { userId: shopper.id } })).toBe(0)
    expect(await stockOf(tee.variants[0]!.id)).toBe(10)
  })

  test.each<[string, (productId: string) => Promise<unknown>, Partial<CheckoutInput>, number]>([
    [
      'the delivery chosen is not the one the total was shown for',
      async () => undefined,
      { shippingMethod: 'express', expectedTotal: 2000 + 495 },
      2000 + 1495,
    ],
    [
      'a discount ended',
      (id) => prisma.product.update({ where: { id }, data: { discountEndsAt: new Date(0) } }),
      {},
      2500 + 495,
    ],
    [
      'the price went down',
      (id) =>
        prisma.product.update({ where: { id }, data: { price: 1000, discountPercent: null } }),
      {},
      1000 + 495,
    ],
  ])(
    'places nothing at a total the shopper was not shown: %s',
    async (_, change, overrides, total) => {
      const shopper = await createUser()
      const { shop } = await createSeller()
      const tee = await createProduct(shop.id, {
        price: 2500,
        discountPercent: 20,
        variants: [{ stock: 5 }],
      })
      await putInCart(shopper.id, tee.variants[0]!.id, 1, 2000)
      const input = await checkoutInput(shopper.id, overrides)
      await change(tee.id)
      const refused = await placeOrder(shopper.id, input).catch((thrown: unknown) => thrown)
      expect(refused).toBeInstanceOf(TotalChangedError)
      expect(refused).toMatchObject({ kind: 'invalid', shown: input.expectedTotal, total })
      expect(await prisma.order.count({ where: { userId: shopper.id } })).toBe(0)
      expect(await stockOf(tee.variants[0]!.id)).toBe(5)
      // Agreeing to the new total places it.
      const placed = await placeOrder(shopper.id, { ...input, expectedTotal: total })
      const order = await prisma.order.findUniqueOrThrow({ where: { id: placed.id } })
      expect(order.total).toBe(total)
    },
  )

  test('refuses an empty cart and a form older than the cart', async () => {
    const shopper = await createUser()
    await expect(
      placeOrder(shopper.id, {
        ...(await checkoutInput(shopper.id)),
        idempotencyKey: 'k'.repeat(22),
      }),
    ).rejects.toBeInstanceOf(CartEmptyError)

    const { shop } = await createSeller()
    const tee = await createProduct(shop.id, { price: 2000 })
    const scarf = await createProduct(shop.id, { price: 1000 })
    await putInCart(shopper.id, tee.variants[0]!.id, 1, 2000)
    const stale = await checkoutInput(shopper.id)
    // Another tab adds a scarf: the cart gets a new token, so the old form cannot order.
    await putInCart(shopper.id, scarf.variants[0]!.id, 1, 1000)
    await expect(placeOrder(shopper.id, stale)).rejects.toBeInstanceOf(CartChangedError)
    expect(await prisma.order.count({ where: { userId: shopper.id } })).toBe(0)
  })

  test('submitting the same key again gives the same order (double click, retry after a timeout)', async () => {
    const shopper = await createUser()
    const { shop } = await createSeller()
    const tee = await createProduct(shop.id, { price: 2000, variants: [{ stock: 5 }] })
    await putInCart(shopper.id, tee.variants[0]!.id, 2, 2000)
    const input = await checkoutInput(shopper.id)
    const first = await placeOrder(shopper.id, input)
    const again = await placeOrder(shopper.id, input)
    expect(again).toEqual({ ...first, created: false })
    expect(await prisma.order.count({ where: { userId: shopper.id } })).toBe(1)
    expect(await stockOf(tee.variants[0]!.id)).toBe(3)
  })

  test('unknown delivery and payment choices are refused at their field', async () => {
    const shopper = await createUser()
    const { shop } = await createSeller()
    const tee = await createProduct(shop.id, { price: 2000 })
    await putInCart(shopper.id, tee.variants[0]!.id, 1, 2000)
    await expect(
      placeOrder(shopper.id, await checkoutInput(shopper.id, { shippingMethod: 'teleport' })),
    ).rejects.toMatchObject({ field: 'shippingMethod', kind: 'invalid' })
    await expect(
      placeOrder(shopper.id, await checkoutInput(shopper.id, { paymentMethod: 'iou' })),
    ).rejects.toMatchObject({ field: 'paymentMethod', kind: 'invalid' })
  })
})

describe('the checkout page', () => {
  test('shows the cart, the saved addresses, the delivery options priced for this cart and the ways to pay', async () => {
    const shopper = await createUser()
    const { shop } = await createSeller()
    const tee = await createProduct(shop.id, { price: 2000 })
    await putInCart(shopper.id, tee.variants[0]!.id, 2, 2000)
    await prisma.address.create({
      data: { ...SAMPLE_ADDRESS, userId: shopper.id, defaultOf: shopper.id },
    })
    const page = await getCheckout(shopper.id)
    expect(page.email).toBe(shopper.email)
    expect(page.cart.itemsTotal).toBe(4000)
    expect(page.addresses).toHaveLength(1)
    expect(page.shippingMethods.map((method) => [method.id, method.price])).toEqual([
      ['standard', 495],
      ['express', 1495],
    ])
    expect(page.paymentMethods.map((method) => method.id)).toEqual(['pay-on-delivery'])
  })
})
