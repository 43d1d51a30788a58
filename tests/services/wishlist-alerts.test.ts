import { afterEach, describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { enqueueJobs, listQueuedJobs } from '~/infra/jobs/queue.server.ts'
import { runDueJobs, startJobWorker } from '~/infra/jobs/worker.server.ts'
import { addToCart, getCart } from '~/services/orders/cart.server.ts'
import { placeOrder } from '~/services/orders/checkout.server.ts'
import { cancelOrder } from '~/services/orders/orders.server.ts'
import { orderTotal } from '~/services/orders/shipping.ts'
import {
  BACK_IN_STOCK_TASK,
  PRICE_DROP_TASK,
  subscribeBackInStock,
} from '~/services/wishlist/alerts.server.ts'
import { setPriceAlert, toggleSave } from '~/services/wishlist/wishlist.server.ts'
import { createUser, uniqueEmail } from '../support/fixtures.ts'
import { mailsTo } from '../support/queued-mail.ts'
import { createProduct, createSeller } from '../support/shop-fixtures.ts'
import { tasksExceptMailAndSearch } from '../support/jobs.ts'

// Back-in-stock and price-drop alerts: queued in the transaction of the stock or price change
// (by the database's triggers, whichever command made it), and one email per subscriber per
// return even when two workers run several jobs for the same variant at once.

const stops: Array<() => Promise<void>> = []
afterEach(async () => {
  while (stops.length) await stops.pop()!()
})

const ADDRESS = {
  fullName: 'Ada Shopper',
  line1: '1 High Street',
  line2: '',
  city: 'London',
  region: '',
  postalCode: 'N1 1AA',
  country: 'GB',
  phone: '+44 20 7946 0000',
}

async function buyAll(userId: string, variantId: string, quantity: number) {
  await addToCart({ userId }, { variantId, quantity })
  const cart = await getCart({ userId })
  return placeOrder(userId, {
    idempotencyKey: cart.checkoutToken!,
    address: { kind: 'new', fields: ADDRESS, save: false },
    shippingMethod: 'standard',
    paymentMethod: 'pay-on-delivery',
    expectedTotal: orderTotal(cart.itemsTotal, 'standard', getEnv().STORE_CURRENCY),
  })
}

const waitingJobs = async (task: string) => (await listQueuedJobs(task)).length

describe('back-in-stock alerts', () => {
  test('a cancelled order’s restock emails every subscriber exactly once, with two workers racing duplicate jobs', async () => {
    const { shop } = await createSeller()
    const dress = await createProduct(shop.id, {
      title: 'Poplin dress',
      variants: [{ size: 'M', stock: 2 }, { size: 'L' }],
    })
    const medium = dress.variants[0]!
    const buyer = await createUser()
    const order = await buyAll(buyer.id, medium.id, 2)
    expect((await prisma.variant.findUniqueOrThrow({ where: { id: medium.id } })).stock).toBe(0)

    const accounts = await Promise.all([createUser(), createUser(), createUser()])
    const guests = [uniqueEmail('guest'), uniqueEmail('guest-fa')]
    for (const account of accounts)
      await subscribeBackInStock({
        variantId: medium.id,
        email: account.email,
        userId: account.id,
        locale: 'en',
      })
    await subscribeBackInStock({
      variantId: medium.id,
      email: guests[0]!,
      userId: null,
      locale: 'en',
    })
    await subscribeBackInStock({
      variantId: medium.id,
      // Stored lower-cased: the same person asking twice is one subscriber.
      email: guests[1]!.toUpperCase(),
      userId: null,
      locale: 'fa',
    })
    await subscribeBackInStock({
      variantId: medium.id,
      email: guests[1]!,
      userId: null,
      locale: 'fa',
    })
    expect(await prisma.stockAlert.count({ where: { variantId: medium.id } })).toBe(5)
    await prisma.user.update({
      where: { id: accounts[2]!.id },
      data: { notificationEmailsOff: ['BACK_IN_STOCK'] },
    })
    // Nothing is queued while the size stays sold out.
    expect(await waitingJobs(BACK_IN_STOCK_TASK)).toBe(0)

    // A restock that rolls back queues nothing.
    await prisma
      .$transaction(async (tx) => {
        await tx.variant.update({ where: { id: medium.id }, data: { stock: 5 } })
        throw new Error('the edit failed')
      })
      .catch(() => {})
    expect(await waitingJobs(BACK_IN_STOCK_TASK)).toBe(0)

    // The cancellation returns the stock; its transaction queued the job.
    await cancelOrder(buyer.id, order.number)
    expect(await waitingJobs(BACK_IN_STOCK_TASK)).toBe(1)
    // Eight more jobs for the same variant (as if retried or queued twice), then two workers.
    await prisma.$transaction((tx) =>
      enqueueJobs(
        tx,
        ...Array.from({ length: 8 }, () => ({
          task: BACK_IN_STOCK_TASK,
          payload: { variantId: medium.id },
        })),
      ),
    )
    for (let worker = 0; worker < 2; worker++)
      stops.push(
        await startJobWorker({
          tasks: tasksExceptMailAndSearch,
          concurrency: 4,
          pollIntervalMs: 100,
        }),
      )
    await expect.poll(() => waitingJobs(BACK_IN_STOCK_TASK), { timeout: 15_000 }).toBe(0)

    // The third account turned these emails off: its notification only.
    for (const email of [accounts[0]!.email, accounts[1]!.email, ...guests]) {
      const mails = await mailsTo(email)
      expect(mails, email).toHaveLength(1)
    }
    expect(await mailsTo(accounts[2]!.email)).toHaveLength(0)
    for (const account of accounts)
      expect(
        await prisma.notification.count({ where: { userId: account.id, kind: 'BACK_IN_STOCK' } }),
      ).toBe(1)
    const [english] = await mailsTo(accounts[0]!.email)
    expect(english!.subject).toBe('Back in stock: Poplin dress')
    expect(english!.text).toContain('/p/')
    expect(english!.text).toContain('size=M')
    // An account's email carries the unsubscribe link of its kind.
    expect(english!.text).toContain('Stop these emails: http')
    const [persian] = await mailsTo(guests[1]!)
    expect(persian!.subject).toMatch(/^دوباره موجود شد/)
    expect(persian!.html).toContain('dir="rtl"')
    expect(
      await prisma.stockAlert.count({ where: { variantId: medium.id, notifiedAt: null } }),
    ).toBe(0)
  })

  test('a seller’s restock emails; a later return emails only those who asked again', async () => {
    const { shop } = await createSeller()
    const coat = await createProduct(shop.id, { variants: [{ size: 'S', stock: 0 }] })
    const small = coat.variants[0]!
    const [first, second] = await Promise.all([createUser(), createUser()])
    for (const user of [first, second])
      await subscribeBackInStock({
        variantId: small.id,
        email: user.email,
        userId: user.id,
        locale: 'en',
      })
    await prisma.variant.update({ where: { id: small.id }, data: { stock: 3 } })
    await runDueJobs(tasksExceptMailAndSearch)
    await runDueJobs(tasksExceptMailAndSearch)
    expect(await mailsTo(first.email)).toHaveLength(1)
    expect(await mailsTo(second.email)).toHaveLength(1)
    await expect(
      subscribeBackInStock({
        variantId: small.id,
        email: first.email,
        userId: first.id,
        locale: 'en',
      }),
    ).rejects.toMatchObject({ code: 'in-stock' })

    // Sold out and back again: only the shopper who asked again hears of it.
    await prisma.variant.update({ where: { id: small.id }, data: { stock: 0 } })
    await subscribeBackInStock({
      variantId: small.id,
      email: first.email,
      userId: first.id,
      locale: 'en',
    })
    await prisma.variant.update({ where: { id: small.id }, data: { stock: 1 } })
    await runDueJobs(tasksExceptMailAndSearch)
    expect(await mailsTo(first.email)).toHaveLength(2)
    expect(await mailsTo(second.email)).toHaveLength(1)
  })
})

describe('price-drop alerts', () => {
  test('a price drop emails the shoppers who asked, once, and a rise only moves the mark', async () => {
    const { shop } = await createSeller()
    const bag = await createProduct(shop.id, { title: 'Tote bag', price: 5000 })
    const [watcher, quiet] = await Promise.all([createUser(), createUser()])
    await toggleSave({ userId: watcher.id }, { productId: bag.id, want: 'save' })
    await toggleSave({ userId: quiet.id }, { productId: bag.id, want: 'save' })
    await setPriceAlert(watcher.id, bag.id, true)

    // The seller's save (a new version) lowers the price.
    await prisma.product.update({
      where: { id: bag.id },
      data: { price: 4000, minPrice: 4000, effectivePrice: 4000, version: { increment: 1 } },
    })
    expect(await waitingJobs(PRICE_DROP_TASK)).toBe(1)
    await runDueJobs(tasksExceptMailAndSearch)
    // Another job for the same change finds nothing new.
    await prisma.$transaction((tx) =>
      enqueueJobs(tx, { task: PRICE_DROP_TASK, payload: { productId: bag.id } }),
    )
    await runDueJobs(tasksExceptMailAndSearch)
    const mails = await mailsTo(watcher.email)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toBe('Price drop: Tote bag')
    expect(mails[0]!.text).toMatch(/now costs .*40\.00.*\(it was .*50\.00\)/)
    expect(await mailsTo(quiet.email)).toHaveLength(0)

    // Up, then down to the same price: announced again (it dropped again).
    await prisma.product.update({
      where: { id: bag.id },
      data: { price: 4500, minPrice: 4500, effectivePrice: 4500, version: { increment: 1 } },
    })
    await runDueJobs(tasksExceptMailAndSearch)
    expect(await mailsTo(watcher.email)).toHaveLength(1)
    await prisma.product.update({
      where: { id: bag.id },
      data: { price: 4000, minPrice: 4000, effectivePrice: 4000, version: { increment: 1 } },
    })
    await runDueJobs(tasksExceptMailAndSearch)
    expect(await mailsTo(watcher.email)).toHaveLength(2)
  })
})
