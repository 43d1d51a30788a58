import { afterEach, describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { listQueuedJobs } from '~/infra/jobs/queue.server.ts'
import { runDueJobs } from '~/infra/jobs/worker.server.ts'
import {
  ShipmentNotFoundError,
  ShipmentStateError,
  getShipment,
  listShipments,
  markDelivered,
  markShipped,
} from '~/services/orders/fulfilment.server.ts'
import {
  CannotCancelError,
  OrderNotFoundError,
  PAYMENT_REFUND_TASK,
  cancelOrder,
  getOrder,
  listOrders,
} from '~/services/orders/orders.server.ts'
import { paymentProviders, type PaymentProvider } from '~/services/orders/payments/index.server.ts'
import { getSalesSummary } from '~/services/orders/sales.server.ts'
import { deriveOrderStatus } from '~/services/orders/status.ts'
import { createUser } from '../support/fixtures.ts'
import { createProduct, createSeller, placeTestOrder } from '../support/shop-fixtures.ts'
import { tasksExceptMailAndSearch, clearQueuedJobs, queuedKeys } from '../support/jobs.ts'
import { queuedMails } from '../support/queued-mail.ts'
import { MAIL_TASK } from '~/services/mail/mail.server.ts'

const stockOf = async (variantId: string) =>
  (await prisma.variant.findUniqueOrThrow({ where: { id: variantId } })).stock

/** A shopper with an order split between two sellers' shops. */
async function twoShopOrder() {
  const shopper = await createUser({ name: 'Olga Orderer' })
  const ana = await createSeller('Ana')
  const bo = await createSeller('Bo')
  const dress = await createProduct(ana.shop.id, {
    title: 'Linen dress',
    price: 5000,
    variants: [{ stock: 5 }],
  })
  const boots = await createProduct(bo.shop.id, {
    title: 'Ankle boots',
    price: 9000,
    variants: [{ stock: 5 }],
  })
  const placed = await placeTestOrder(shopper.id, [
    { variantId: dress.variants[0]!.id, quantity: 2 },
    { variantId: boots.variants[0]!.id, quantity: 1 },
  ])
  return { shopper, ana, bo, dress, boots, placed }
}

describe('status follows from the shipments', () => {
  test.each([
    [['PENDING', 'PENDING'], 'PLACED'],
    [['SHIPPED', 'PENDING'], 'PARTIALLY_SHIPPED'],
    [['DELIVERED', 'PENDING'], 'PARTIALLY_SHIPPED'],
    [['SHIPPED', 'DELIVERED'], 'SHIPPED'],
    [['DELIVERED', 'DELIVERED'], 'DELIVERED'],
    [['CANCELLED', 'CANCELLED'], 'CANCELLED'],
  ] as const)('%j gives %s', (statuses, expected) => {
    expect(deriveOrderStatus(statuses.map((status) => ({ status })))).toBe(expected)
  })
})

describe('a shopper’s orders', () => {
  test('lists and shows only their own orders; another shopper’s number is not found', async () => {
    const { shopper, placed } = await twoShopOrder()
    const stranger = await createUser()
    const list = await listOrders(shopper.id)
    expect(list.orders.map((order) => order.number)).toEqual([placed.number])
    expect(list.orders[0]).toMatchObject({
      status: 'PLACED',
      itemCount: 3,
      total: 19000,
      titles: ['Linen dress', 'Ankle boots'],
    })
    expect((await listOrders(stranger.id)).orders).toEqual([])

    const detail = await getOrder(shopper.id, placed.number)
    expect(detail).toMatchObject({
      number: placed.number,
      status: 'PLACED',
      total: 19000,
      canCancel: true,
      paymentLabel: 'Pay on delivery',
      paymentStatus: 'PENDING',
    })
    expect(
      detail!.shipments
        .map((shipment) => [
          shipment.shopName,
          shipment.status,
          shipment.lines.map((line) => line.title),
        ])
        .sort(),
    ).toEqual([
      ["Ana's shop", 'PENDING', ['Linen dress']],
      ["Bo's shop", 'PENDING', ['Ankle boots']],
    ])
    expect(await getOrder(stranger.id, placed.number)).toBeNull()
    await expect(cancelOrder(stranger.id, placed.number)).rejects.toBeInstanceOf(OrderNotFoundError)
    expect((await prisma.order.findUniqueOrThrow({ where: { id: placed.id } })).status).toBe(
      'PLACED',
    )
  })

  test('cancelling before anything shipped puts the stock back, in one transaction with its jobs', async () => {
    const { shopper, dress, boots, placed } = await twoShopOrder()
    expect(await stockOf(dress.variants[0]!.id)).toBe(3)
    await clearQueuedJobs()
    await cancelOrder(shopper.id, placed.number)

    expect(await stockOf(dress.variants[0]!.id)).toBe(5)
    expect(await stockOf(boots.variants[0]!.id)).toBe(5)
    expect((await prisma.product.findUniqueOrThrow({ where: { id: dress.id } })).salesCount).toBe(0)
    const order = await prisma.order.findUniqueOrThrow({
      where: { id: placed.id },
      include: { shipments: true },
    })
    expect(order).toMatchObject({ status: 'CANCELLED', paymentStatus: 'VOIDED' })
    expect(order.cancelledAt).toBeInstanceOf(Date)
    expect(order.shipments.map((shipment) => shipment.status)).toEqual(['CANCELLED', 'CANCELLED'])
    expect((await queuedKeys('search.product')).map((item) => item.key).sort()).toEqual(
      [dress.id, boots.id].sort(),
    )
    expect((await queuedMails()).map((mail) => mail.key)).toEqual([`order:${placed.id}:cancelled`])

    // Cancelling twice changes nothing more.
    await cancelOrder(shopper.id, placed.number)
    expect(await stockOf(dress.variants[0]!.id)).toBe(5)
    expect(await getOrder(shopper.id, placed.number)).toMatchObject({ canCancel: false })
  })

  test('once a parcel shipped, the order cannot be cancelled and nothing changes', async () => {
    const { shopper, ana, dress, placed } = await twoShopOrder()
    await markShipped(ana.user.id, placed.number, {
      carrier: 'ups',
      trackingNumber: '1Z999AA10123456784',
    })
    await expect(cancelOrder(shopper.id, placed.number)).rejects.toBeInstanceOf(CannotCancelError)
    expect(await stockOf(dress.variants[0]!.id)).toBe(3)
    expect((await prisma.order.findUniqueOrThrow({ where: { id: placed.id } })).status).toBe(
      'PARTIALLY_SHIPPED',
    )
  })

  test('a cancelled order whose variant the catalog deleted still cancels', async () => {
    const shopper = await createUser()
    const { shop } = await createSeller()
    const tee = await createProduct(shop.id, { price: 2000 })
    const placed = await placeTestOrder(shopper.id, [
      { variantId: tee.variants[0]!.id, quantity: 1 },
    ])
    await prisma.variant.delete({ where: { id: tee.variants[0]!.id } })
    await cancelOrder(shopper.id, placed.number)
    const order = await getOrder(shopper.id, placed.number)
    expect(order).toMatchObject({ status: 'CANCELLED' })
    expect(order!.shipments[0]!.lines[0]).toMatchObject({
      title: tee.title,
      sku: tee.variants[0]!.sku,
    })
  })
})

describe('sellers fulfilling their part', () => {
  test('each seller sees only their own shop’s shipment and lines', async () => {
    const { ana, bo, placed } = await twoShopOrder()
    const anas = await listShipments(ana.user.id)
    expect(
      anas.shipments.map((shipment) => [
        shipment.number,
        shipment.units,
        shipment.itemsTotal,
        shipment.recipient,
      ]),
    ).toEqual([[placed.number, 2, 10000, 'Shirin Shopper']])
    expect(anas.counts).toEqual({ 'to-ship': 1, shipped: 0, delivered: 0, cancelled: 0 })
    const detail = await getShipment(ana.user.id, placed.number)
    expect(detail!.lines.map((line) => line.title)).toEqual(['Linen dress'])
    expect(detail!.address.line1).toBe('12 Market Street')
    expect((await getShipment(bo.user.id, placed.number))!.lines.map((line) => line.title)).toEqual(
      ['Ankle boots'],
    )
  })

  test('shipping then delivering each part moves the order through its states; pay on delivery is paid when all arrived', async () => {
    const { shopper, ana, bo, placed } = await twoShopOrder()
    await clearQueuedJobs(MAIL_TASK)
    const shippedAt = new Date('2030-03-01T09:00:00Z')
    expect(
      await markShipped(
        ana.user.id,
        placed.number,
        { carrier: 'dhl', trackingNumber: 'JD014600003828' },
        shippedAt,
      ),
    ).toEqual({ orderStatus: 'PARTIALLY_SHIPPED' })
    expect(
      await markShipped(bo.user.id, placed.number, {
        carrier: 'ups',
        trackingNumber: '1Z999AA10123456784',
      }),
    ).toEqual({ orderStatus: 'SHIPPED' })
    expect(await markDelivered(ana.user.id, placed.number)).toEqual({ orderStatus: 'SHIPPED' })
    expect((await prisma.order.findUniqueOrThrow({ where: { id: placed.id } })).paymentStatus).toBe(
      'PENDING',
    )
    expect(await markDelivered(bo.user.id, placed.number)).toEqual({ orderStatus: 'DELIVERED' })

    const order = await getOrder(shopper.id, placed.number)
    expect(order).toMatchObject({ status: 'DELIVERED', paymentStatus: 'PAID', canCancel: false })
    const anas = order!.shipments.find((shipment) => shipment.shopName === "Ana's shop")!
    expect(anas).toMatchObject({
      status: 'DELIVERED',
      carrier: 'dhl',
      trackingNumber: 'JD014600003828',
      shippedAt,
    })
    expect(anas.trackingUrl).toBe(
      'https://www.dhl.com/global-en/home/tracking.html?tracking-id=JD014600003828',
    )

    const sent = await queuedMails()
    // Each delivered parcel also invites a review of its items (tests/services/review-invitations.test.ts).
    const invitations = sent.filter((mail) => mail.key.endsWith(':review-invite'))
    expect(invitations).toHaveLength(2)
    const mails = sent.filter((mail) => !invitations.includes(mail))
    // Shipped twice, then delivered twice: the shopper hears of each parcel.
    expect(mails.map((mail) => mail.key.split(':').at(-1))).toEqual([
      'shipped',
      'shipped',
      'delivered',
      'delivered',
    ])
    expect(mails[2]).toMatchObject({
      to: shopper.email,
      subject: `Your parcel from Ana's shop has arrived (order ${placed.number})`,
    })
    expect(mails[0]).toMatchObject({
      to: shopper.email,
      subject: `Your items from Ana's shop are on their way (order ${placed.number})`,
    })
    expect(mails[0]!.text).toContain('Tracking number: JD014600003828')
  })

  test('a seller cannot see or change another shop’s shipment: not found, and nothing changes', async () => {
    const { ana, placed } = await twoShopOrder()
    const carol = await createSeller('Carol')
    const shopperOnly = await createUser()
    for (const userId of [carol.user.id, shopperOnly.id]) {
      expect(await getShipment(userId, placed.number)).toBeNull()
      expect((await listShipments(userId, { filter: 'all' })).shipments).toEqual([])
      await expect(
        markShipped(userId, placed.number, { carrier: 'ups', trackingNumber: 'ABC123456' }),
      ).rejects.toBeInstanceOf(ShipmentNotFoundError)
      await expect(markDelivered(userId, placed.number)).rejects.toBeInstanceOf(
        ShipmentNotFoundError,
      )
    }
    const shipments = await prisma.shipment.findMany({ where: { orderId: placed.id } })
    expect(
      shipments.every(
        (shipment) => shipment.status === 'PENDING' && shipment.trackingNumber === null,
      ),
    ).toBe(true)
    const shippedKeys = shipments.map((shipment) => `shipment:${shipment.id}:shipped`)
    expect((await queuedMails()).filter((mail) => shippedKeys.includes(mail.key))).toEqual([])
    // The owner still can.
    await expect(
      markShipped(ana.user.id, placed.number, { carrier: 'ups', trackingNumber: 'ABC123456' }),
    ).resolves.toBeTruthy()
  })

  test('shipments move forward only: no delivering before shipping, no shipping twice, nothing for a cancelled order', async () => {
    const { shopper, ana, bo, placed } = await twoShopOrder()
    await expect(markDelivered(ana.user.id, placed.number)).rejects.toThrow(
      new ShipmentStateError('This parcel has not been shipped yet.', 'PENDING'),
    )
    await markShipped(ana.user.id, placed.number, { carrier: 'ups', trackingNumber: 'ABC123456' })
    await expect(
      markShipped(ana.user.id, placed.number, { carrier: 'ups', trackingNumber: 'OTHER99999' }),
    ).rejects.toThrow('This parcel is already marked shipped.')
    expect(
      (
        await prisma.shipment.findFirstOrThrow({
          where: { orderId: placed.id, shopId: ana.shop.id },
        })
      ).trackingNumber,
    ).toBe('ABC123456')

    const second = await twoShopOrder()
    await cancelOrder(second.shopper.id, second.placed.number)
    await expect(
      markShipped(second.ana.user.id, second.placed.number, {
        carrier: 'ups',
        trackingNumber: 'ABC123456',
      }),
    ).rejects.toThrow('The shopper cancelled this order, so there is nothing to ship.')
    expect(shopper.id).not.toBe(second.shopper.id)
    expect(bo.user.id).toBeTruthy()
  })

  test('a shopper cancelling while a seller ships: exactly one of them wins', async () => {
    for (let round = 0; round < 5; round++) {
      const { shopper, ana, dress, placed } = await twoShopOrder()
      const [cancel, ship] = await Promise.allSettled([
        cancelOrder(shopper.id, placed.number),
        markShipped(ana.user.id, placed.number, { carrier: 'ups', trackingNumber: 'RACE123456' }),
      ])
      const order = await prisma.order.findUniqueOrThrow({
        where: { id: placed.id },
        include: { shipments: true },
      })
      if (cancel.status === 'fulfilled') {
        expect(ship.status).toBe('rejected')
        expect(order.status).toBe('CANCELLED')
        expect(await stockOf(dress.variants[0]!.id)).toBe(5)
      } else {
        expect(cancel.reason).toBeInstanceOf(CannotCancelError)
        expect(ship.status).toBe('fulfilled')
        expect(order.status).toBe('PARTIALLY_SHIPPED')
        expect(await stockOf(dress.variants[0]!.id)).toBe(3)
      }
    }
  })
})

describe('a card provider plugs in without touching checkout', () => {
  const refunds: string[] = []
  const fakeCard: PaymentProvider = {
    id: 'test-card',
    label: 'Test card',
    description: 'A provider that takes the money at once',
    settles: 'provider',
    isAvailable: () => true,
    start: async (order) => ({ kind: 'paid', reference: `ch_${order.number}` }),
    refund: async (order) => void refunds.push(order.reference),
  }
  afterEach(() => {
    paymentProviders.splice(paymentProviders.indexOf(fakeCard), 1)
  })

  test('paid at checkout, refunded by a job when cancelled', async () => {
    paymentProviders.push(fakeCard)
    const shopper = await createUser()
    const { shop } = await createSeller()
    const tee = await createProduct(shop.id, { price: 2000 })
    const placed = await placeTestOrder(
      shopper.id,
      [{ variantId: tee.variants[0]!.id, quantity: 1 }],
      { paymentMethod: 'test-card' },
    )
    expect(await prisma.order.findUniqueOrThrow({ where: { id: placed.id } })).toMatchObject({
      paymentStatus: 'PAID',
      paymentReference: `ch_${placed.number}`,
    })

    await cancelOrder(shopper.id, placed.number)
    expect((await prisma.order.findUniqueOrThrow({ where: { id: placed.id } })).paymentStatus).toBe(
      'REFUND_PENDING',
    )
    expect((await listQueuedJobs(PAYMENT_REFUND_TASK)).map((job) => job.payload)).toEqual([
      { orderId: placed.id },
    ])
    await runDueJobs(tasksExceptMailAndSearch)
    expect(refunds).toEqual([`ch_${placed.number}`])
    expect(await listQueuedJobs(PAYMENT_REFUND_TASK)).toEqual([])
    expect((await prisma.order.findUniqueOrThrow({ where: { id: placed.id } })).paymentStatus).toBe(
      'REFUNDED',
    )
  })
})

describe('the sales summary', () => {
  test('counts the last 30 days for the seller’s own shop, leaving out cancelled orders, with best sellers and low stock', async () => {
    const seller = await createSeller('Dana')
    const other = await createSeller('Eve')
    const dress = await createProduct(seller.shop.id, {
      title: 'Dress',
      price: 5000,
      variants: [{ stock: 20 }, { stock: 2, size: 'L' }],
    })
    const scarf = await createProduct(seller.shop.id, {
      title: 'Scarf',
      price: 1000,
      variants: [{ stock: 20 }],
    })
    const theirs = await createProduct(other.shop.id, {
      title: 'Not mine',
      price: 7000,
      variants: [{ stock: 20 }],
    })
    const now = new Date('2030-06-30T12:00:00Z')
    const day = (n: number) => new Date(now.getTime() - n * 24 * 60 * 60 * 1000)

    const buyer = await createUser()
    await placeTestOrder(
      buyer.id,
      [
        { variantId: dress.variants[0]!.id, quantity: 2 },
        { variantId: theirs.variants[0]!.id, quantity: 1 },
      ],
      { now: day(1) },
    )
    await placeTestOrder(buyer.id, [{ variantId: scarf.variants[0]!.id, quantity: 3 }], {
      now: day(0),
    })
    await placeTestOrder(buyer.id, [{ variantId: scarf.variants[0]!.id, quantity: 1 }], {
      now: day(40),
    }) // too old
    const cancelled = await placeTestOrder(
      buyer.id,
      [{ variantId: dress.variants[0]!.id, quantity: 5 }],
      { now: day(2) },
    )
    await cancelOrder(buyer.id, cancelled.number)

    const summary = (await getSalesSummary(seller.user.id, now))!
    expect(summary).toMatchObject({ revenue: 2 * 5000 + 3 * 1000, units: 5, orders: 2, toShip: 3 })
    expect(summary.daily).toHaveLength(30)
    expect(summary.daily.at(-1)).toEqual({ day: '2030-06-30', revenue: 3000, units: 3 })
    expect(summary.daily.at(-2)).toEqual({ day: '2030-06-29', revenue: 10000, units: 2 })
    expect(summary.bestSellers.map((row) => [row.title, row.units, row.revenue])).toEqual([
      ['Scarf', 3, 3000],
      ['Dress', 2, 10000],
    ])
    expect(summary.lowStock.map((row) => [row.title, row.sizeLabel, row.stock])).toEqual([
      ['Dress', 'L', 2],
    ])
    expect(await getSalesSummary((await createUser()).id, now)).toBeNull()
  })
})
