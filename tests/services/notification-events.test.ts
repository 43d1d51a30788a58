import { describe, expect, it } from 'vitest'
import { prisma, type NotificationKind } from '~/infra/db.server.ts'
import { runDueJobs } from '~/infra/jobs/worker.server.ts'
import { suspendShopAsAdmin } from '~/services/admin/catalog.server.ts'
import { markDelivered, markShipped } from '~/services/orders/fulfilment.server.ts'
import { decideReviews } from '~/services/reviews/moderation.server.ts'
import { reportReview, submitReview } from '~/services/reviews/reviews.server.ts'
import { createUser } from '../support/fixtures.ts'
import { mailsTo } from '../support/queued-mail.ts'
import { createProduct, createSeller, placeTestOrder } from '../support/shop-fixtures.ts'
import { tasksExceptMailAndSearch } from '../support/jobs.ts'

// Every event that exists in the code notifies the people it concerns, in its own transaction.

async function kindsOf(userId: string) {
  const rows = await prisma.notification.findMany({ where: { userId }, orderBy: { id: 'asc' } })
  return rows.map((row) => ({ kind: row.kind, data: row.data }))
}

const onlyKinds = async (userId: string) => (await kindsOf(userId)).map((row) => row.kind)

type MailWithHeaders = {
  subject: string
  text: string
  html: string
  headers?: Record<string, string>
}

describe('orders', () => {
  it('tells the seller of a new order and of a size running low, and the shopper of shipping and delivery', async () => {
    const { user: seller, shop } = await createSeller()
    const shopper = await createUser({ email: 'shopper-events@example.test' })
    const product = await createProduct(shop.id, {
      title: 'Silk scarf',
      variants: [{ stock: 7 }, { stock: 20 }],
    })
    const [low, plenty] = product.variants
    // 7 → 5 crosses the line (5 or fewer left); 20 → 19 does not.
    const order = await placeTestOrder(shopper.id, [
      { variantId: low!.id, quantity: 2 },
      { variantId: plenty!.id, quantity: 1 },
    ])
    expect(await kindsOf(seller.id)).toEqual([
      {
        kind: 'STOCK_LOW',
        data: expect.objectContaining({
          productId: product.id,
          productTitle: 'Silk scarf',
          stock: 5,
        }),
      },
    ])
    await runDueJobs(tasksExceptMailAndSearch)
    expect(await kindsOf(seller.id)).toContainEqual({
      kind: 'NEW_ORDER',
      data: { orderNumber: order.number, itemCount: 3 },
    })
    // The new-order email carries the kind's one-click unsubscribe.
    const sellerMails = (await mailsTo(seller.email)) as MailWithHeaders[]
    const sellerMail = sellerMails.find((mail) =>
      mail.headers?.['List-Unsubscribe']?.includes('k=NEW_ORDER'),
    )!
    expect(
      sellerMails.some((mail) => mail.headers?.['List-Unsubscribe']?.includes('k=STOCK_LOW')),
    ).toBe(true)
    expect(sellerMail.text).toMatch(/notifications\/unsubscribe\?u=.+&k=NEW_ORDER&s=/)

    // Another order of the low size: it was already low, so no second alert.
    await placeTestOrder(shopper.id, [{ variantId: low!.id, quantity: 1 }])
    expect((await onlyKinds(seller.id)).filter((kind) => kind === 'STOCK_LOW')).toHaveLength(1)

    // The shopper turned shipment emails off: the notification still comes, the email does not.
    await prisma.user.update({
      where: { id: shopper.id },
      data: { notificationEmailsOff: ['ORDER_SHIPPED'] },
    })
    const before = (await mailsTo(shopper.email)).length
    await markShipped(seller.id, order.number, { carrier: 'dhl', trackingNumber: '1234567890' })
    expect(await mailsTo(shopper.email)).toHaveLength(before)
    await markDelivered(seller.id, order.number)
    const delivered = ((await mailsTo(shopper.email)) as MailWithHeaders[]).find((mail) =>
      mail.html.includes('k=ORDER_DELIVERED'),
    )!
    expect(delivered.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    // Delivered, then invited to review what came (tests/services/review-invitations.test.ts).
    expect(await kindsOf(shopper.id)).toEqual([
      { kind: 'ORDER_SHIPPED', data: { orderNumber: order.number, shopName: shop.name } },
      { kind: 'ORDER_DELIVERED', data: { orderNumber: order.number, shopName: shop.name } },
      { kind: 'REVIEW_INVITE', data: expect.objectContaining({ orderNumber: order.number }) },
    ])
  })
})

describe('reviews', () => {
  it('tells admins of a review waiting and of a report, the author of the decision and the seller of a published review', async () => {
    const admin = await createUser({ roles: ['SHOPPER', 'ADMIN'] })
    const blockedAdmin = await createUser({ roles: ['SHOPPER', 'ADMIN'], status: 'BLOCKED' })
    const { user: seller, shop } = await createSeller()
    const product = await createProduct(shop.id, { title: 'Wool coat' })
    const author = await createUser()
    const reader = await createUser()

    const { id } = await submitReview(author.id, product.slug, {
      rating: 5,
      title: 'Warm',
      body: 'Warm and well made, worth the price.',
    })
    expect(await onlyKinds(admin.id)).toContain('REVIEW_WAITING')
    expect(await onlyKinds(blockedAdmin.id)).toEqual([])

    const review = await prisma.review.findUniqueOrThrow({ where: { id } })
    await decideReviews(admin, [{ id, version: review.version }], { approve: true })
    expect(await onlyKinds(author.id)).toEqual(['REVIEW_APPROVED'])
    expect(await kindsOf(seller.id)).toEqual([
      {
        kind: 'NEW_REVIEW',
        data: {
          productSlug: product.slug,
          productTitle: 'Wool coat',
          productTitleFa: null,
          rating: 5,
        },
      },
    ])

    await reportReview(reader.id, id, 'This review is an advertisement.')
    expect((await kindsOf(admin.id)).at(-1)).toEqual({
      kind: 'REVIEW_REPORTED',
      data: expect.objectContaining({ reason: 'This review is an advertisement.' }),
    })
    const reported = await prisma.review.findUniqueOrThrow({ where: { id } })
    await decideReviews(admin, [{ id, version: reported.version }], {
      approve: false,
      reason: 'Reads like an advertisement.',
    })
    expect(await onlyKinds(author.id)).toEqual(['REVIEW_APPROVED', 'REVIEW_REJECTED'])
    // Rejecting a published review is no news for the seller.
    expect(await onlyKinds(seller.id)).toEqual(['NEW_REVIEW'])
  })
})

describe('shops', () => {
  it('tells the owner their shop is suspended, once', async () => {
    const admin = await createUser({ roles: ['SHOPPER', 'ADMIN'] })
    const { user: owner, shop } = await createSeller()
    await suspendShopAsAdmin(admin, shop.id, 'Counterfeit goods reported')
    await suspendShopAsAdmin(admin, shop.id, 'Counterfeit goods reported')
    expect(await kindsOf(owner.id)).toEqual([
      {
        kind: 'SHOP_SUSPENDED' satisfies NotificationKind,
        data: { shopName: shop.name, reason: 'Counterfeit goods reported' },
      },
    ])
  })
})
