import { describe, expect, test } from 'vitest'
import { statusOf } from '~/http/errors.server.ts'
import { prisma } from '~/infra/db.server.ts'
import { blockUser } from '~/services/admin/users.server.ts'
import { recordProductChanges } from '~/services/events/product-changes.server.ts'
import { markDelivered, markShipped } from '~/services/orders/fulfilment.server.ts'
import {
  AUTHOR_BLOCKED_REASON,
  decideReviews,
  listModerationQueue,
} from '~/services/reviews/moderation.server.ts'
import {
  REVIEW_LIMITS,
  ReviewError,
  markHelpful,
  reportReview,
  submitReview,
} from '~/services/reviews/reviews.server.ts'
import {
  getOwnReview,
  getReviewSummary,
  listApprovedReviews,
} from '~/services/reviews/reading.server.ts'
import type { ReviewInput } from '~/services/reviews/schemas.ts'
import { createUser } from '../support/fixtures.ts'
import { createProduct, createSeller, placeTestOrder } from '../support/shop-fixtures.ts'
import { runSearchJobs, indexedDocuments } from '../support/search.ts'

const createAdmin = (name = 'Moderator') => createUser({ name, roles: ['SHOPPER', 'ADMIN'] })

function input(overrides: Partial<ReviewInput> = {}): ReviewInput {
  return {
    rating: 4,
    title: 'Lovely dress',
    body: 'Soft fabric and a good cut for the price.',
    ...overrides,
  }
}

async function listedProduct(title?: string) {
  const { shop, user: seller } = await createSeller()
  const product = await createProduct(shop.id, { title, variants: [{ size: 'S' }, { size: 'M' }] })
  return { product, seller }
}

/** The rating columns, and the same figures counted from the APPROVED rows: they must agree. */
async function aggregates(productId: string) {
  const columns = await prisma.product.findUniqueOrThrow({
    where: { id: productId },
    select: {
      ratingCount: true,
      ratingSum: true,
      rating1: true,
      rating2: true,
      rating3: true,
      rating4: true,
      rating5: true,
    },
  })
  const rows = await prisma.review.findMany({
    where: { productId, status: 'APPROVED' },
    select: { rating: true },
  })
  const counted = {
    ratingCount: rows.length,
    ratingSum: rows.reduce((sum, row) => sum + row.rating, 0),
  } as Record<string, number>
  for (const stars of [1, 2, 3, 4, 5])
    counted[`rating${stars}`] = rows.filter((row) => row.rating === stars).length
  expect(columns).toEqual(counted)
  return columns
}

async function refOf(reviewId: string) {
  const review = await prisma.review.findUniqueOrThrow({
    where: { id: reviewId },
    select: { id: true, version: true },
  })
  return { id: review.id, version: review.version }
}

/** The whole queue (every page), oldest first: other tests of this file leave reviews in it. */
async function queueEntries() {
  const entries = []
  for (let page = 1; ; page++) {
    const result = await listModerationQueue({ page })
    entries.push(...result.reviews)
    if (page >= result.pageCount) return entries
  }
}

async function rejected(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(ReviewError)
  return error as ReviewError
}

describe('the moderation lifecycle', () => {
  test('pending -> approved -> edited -> pending -> rejected, with the aggregates after each step', async () => {
    const { product } = await listedProduct()
    const admin = await createAdmin()
    const author = await createUser({ name: 'Rana' })
    const other = await createUser()

    // Another approved review, so the product's figures are not just this one's.
    const { id: otherId } = await submitReview(other.id, product.slug, input({ rating: 2 }))
    await decideReviews(admin, [await refOf(otherId)], { approve: true })

    const { id, edited } = await submitReview(
      author.id,
      product.slug,
      input({ rating: 5, fit: 'RUNS_SMALL' }),
    )
    expect(edited).toBe(false)
    expect(await getOwnReview(product.id, author.id)).toMatchObject({
      status: 'PENDING',
      rating: 5,
    })
    expect(await aggregates(product.id)).toMatchObject({
      ratingCount: 1,
      ratingSum: 2,
      rating2: 1,
      rating5: 0,
    })
    expect(
      (
        await listApprovedReviews(product.id, { reviewSort: 'newest', reviewPage: 1 }, null)
      ).reviews.map((review) => review.id),
    ).toEqual([otherId])

    const approved = await decideReviews(admin, [await refOf(id)], { approve: true })
    expect(approved).toEqual({ decided: [{ id, status: 'APPROVED' }], conflicts: [] })
    expect(await aggregates(product.id)).toMatchObject({
      ratingCount: 2,
      ratingSum: 7,
      rating2: 1,
      rating5: 1,
    })
    const summary = await getReviewSummary(product.id)
    expect(summary).toMatchObject({
      count: 2,
      average: 3.5,
      fitApplies: true,
      fit: { fit: 'RUNS_SMALL', total: 1 },
    })
    expect(summary.distribution.map((row) => [row.stars, row.count])).toEqual([
      [5, 1],
      [4, 0],
      [3, 0],
      [2, 1],
      [1, 0],
    ])

    // The author edits it: back to PENDING, out of the figures, back in the queue.
    expect(
      (await submitReview(author.id, product.slug, input({ rating: 3, title: 'Changed my mind' })))
        .edited,
    ).toBe(true)
    expect(await getOwnReview(product.id, author.id)).toMatchObject({
      status: 'PENDING',
      rating: 3,
      title: 'Changed my mind',
    })
    expect(await aggregates(product.id)).toMatchObject({
      ratingCount: 1,
      ratingSum: 2,
      rating5: 0,
      rating3: 0,
    })
    expect(
      (await queueEntries())
        .filter((review) => review.product.id === product.id)
        .map((review) => review.id),
    ).toEqual([id])

    const outcome = await decideReviews(admin, [await refOf(id)], {
      approve: false,
      reason: 'Please keep it about the product',
    })
    expect(outcome.decided).toEqual([{ id, status: 'REJECTED' }])
    expect(await getOwnReview(product.id, author.id)).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'Please keep it about the product',
    })
    expect(await aggregates(product.id)).toMatchObject({ ratingCount: 1, ratingSum: 2 })
    expect((await queueEntries()).filter((review) => review.product.id === product.id)).toEqual([])

    const audit = await prisma.auditEntry.findMany({
      where: { targetId: id },
      orderBy: { createdAt: 'asc' },
    })
    expect(audit.map((entry) => [entry.action, entry.actorId, entry.reason])).toEqual([
      ['review.approve', admin.id, null],
      ['review.reject', admin.id, 'Please keep it about the product'],
    ])
  })

  test('a review that was approved and is then rejected (after a report) leaves the figures', async () => {
    const { product } = await listedProduct()
    const admin = await createAdmin()
    const author = await createUser()
    const reader = await createUser()
    const { id } = await submitReview(author.id, product.slug, input({ rating: 1 }))
    await decideReviews(admin, [await refOf(id)], { approve: true })
    expect(await aggregates(product.id)).toMatchObject({ ratingCount: 1, rating1: 1 })

    await reportReview(reader.id, id, 'Insults the seller')
    const queued = (await queueEntries()).find((review) => review.id === id)
    expect(queued).toMatchObject({
      id,
      status: 'APPROVED',
      reportCount: 1,
      reports: [{ reason: 'Insults the seller' }],
    })
    await decideReviews(admin, [await refOf(id)], { approve: false, reason: 'Abusive' })
    expect(await aggregates(product.id)).toMatchObject({ ratingCount: 0, ratingSum: 0, rating1: 0 })
    expect(await prisma.reviewReport.findMany({ where: { reviewId: id } })).toEqual([
      expect.objectContaining({ resolvedAt: expect.any(Date) }),
    ])
    expect((await prisma.review.findUniqueOrThrow({ where: { id } })).reportCount).toBe(0)
  })
})

describe('writing reviews', () => {
  test('verified purchase: only with a DELIVERED order line of that product by that user', async () => {
    const { product, seller } = await listedProduct()
    const { product: elsewhere } = await listedProduct()
    const buyer = await createUser({ name: 'Buyer' })
    const shippedOnly = await createUser({ name: 'Shipped only' })
    const otherProduct = await createUser({ name: 'Other product' })

    const delivered = await placeTestOrder(buyer.id, [
      { variantId: product.variants[0]!.id, quantity: 1 },
    ])
    await markShipped(seller.id, delivered.number, {
      carrier: 'dhl',
      trackingNumber: 'JD014600003828',
    })
    await markDelivered(seller.id, delivered.number)
    const shipped = await placeTestOrder(shippedOnly.id, [
      { variantId: product.variants[1]!.id, quantity: 1 },
    ])
    await markShipped(seller.id, shipped.number, {
      carrier: 'dhl',
      trackingNumber: 'JD014600003829',
    })
    await placeTestOrder(otherProduct.id, [{ variantId: elsewhere.variants[0]!.id, quantity: 1 }])

    for (const [user, verified] of [
      [buyer, true],
      [shippedOnly, false],
      [otherProduct, false],
    ] as const) {
      await submitReview(user.id, product.slug, input())
      expect((await getOwnReview(product.id, user.id))!.verifiedPurchase, user.name).toBe(verified)
    }
  })

  test('one review per user per product: a second submission edits it, two at once make one row', async () => {
    const { product } = await listedProduct()
    const author = await createUser()
    const results = await Promise.allSettled([
      submitReview(author.id, product.slug, input({ title: 'First' })),
      submitReview(author.id, product.slug, input({ title: 'Second' })),
    ])
    expect(results.every((result) => result.status === 'fulfilled')).toBe(true)
    expect(await prisma.review.count({ where: { productId: product.id, userId: author.id } })).toBe(
      1,
    )
    await expect(
      prisma.review.create({
        data: {
          productId: product.id,
          userId: author.id,
          rating: 3,
          title: 'Dup',
          body: 'Direct insert',
        },
      }),
    ).rejects.toThrow()
  })

  test('fit feedback only for sized products; a seller cannot review their own product; unlisted products are 404', async () => {
    const { shop, user: seller } = await createSeller()
    const oneSize = await createProduct(shop.id, { variants: [{ size: 'M' }] })
    const shopper = await createUser()
    // The fixtures' scale has five sizes: fit applies.
    expect((await getReviewSummary(oneSize.id)).fitApplies).toBe(true)
    expect(statusOf(await rejected(submitReview(seller.id, oneSize.slug, input())))).toBe(403)
    const draft = await createProduct(shop.id, { status: 'DRAFT' })
    expect(statusOf(await rejected(submitReview(shopper.id, draft.slug, input())))).toBe(404)

    const scale = await prisma.sizeScale.create({
      data: {
        code: `one-${Date.now()}`,
        name: 'One size',
        sizes: { create: [{ label: 'One size', position: 0 }] },
      },
    })
    await prisma.product.update({ where: { id: oneSize.id }, data: { sizeScaleId: scale.id } })
    expect((await getReviewSummary(oneSize.id)).fitApplies).toBe(false)
    const refused = await rejected(
      submitReview(shopper.id, oneSize.slug, input({ fit: 'RUNS_LARGE' })),
    )
    expect([statusOf(refused), refused.field]).toEqual([400, 'fit'])
    expect(await prisma.review.count({ where: { productId: oneSize.id } })).toBe(0)
  })
})

describe('concurrency', () => {
  test('many approvals and rejections of one product at once keep the aggregates exact', async () => {
    const { product } = await listedProduct()
    const admins = await Promise.all([createAdmin('A'), createAdmin('B'), createAdmin('C')])
    const authors = await Promise.all(
      Array.from({ length: 24 }, (_, i) => createUser({ name: `Author ${i}` })),
    )
    const ids: string[] = []
    for (const [i, author] of authors.entries())
      ids.push((await submitReview(author.id, product.slug, input({ rating: (i % 5) + 1 }))).id)
    // Half approved first, so the second wave both adds and removes.
    await Promise.all(
      ids
        .slice(0, 12)
        .map(async (id, i) => decideReviews(admins[i % 3]!, [await refOf(id)], { approve: true })),
    )
    const firstWave = await aggregates(product.id)
    expect(firstWave.ratingCount).toBe(12)

    // Second wave: reports on approved ones put them back in the queue; then everything at once.
    const reporters = await Promise.all([createUser(), createUser()])
    for (const [i, id] of ids.slice(0, 12).entries())
      await reportReview(reporters[i % 2]!.id, id, 'Check this please')
    const refs = await Promise.all(ids.map(refOf))
    await Promise.all(
      refs.map((ref, i) =>
        decideReviews(
          admins[i % 3]!,
          [ref],
          i % 3 === 0 ? { approve: false, reason: 'Off topic' } : { approve: true },
        ),
      ),
    )
    const final = await aggregates(product.id)
    const approvedRatings = ids.map((_, i) => (i % 5) + 1).filter((_, i) => i % 3 !== 0)
    expect(final.ratingCount).toBe(approvedRatings.length)
    expect(final.ratingSum).toBe(approvedRatings.reduce((sum, rating) => sum + rating, 0))
  })

  test('two admins deciding the same review: the second is told who decided and changes nothing', async () => {
    const { product } = await listedProduct()
    const ada = await createAdmin('Ada')
    const bob = await createAdmin('Bob')
    const author = await createUser()
    const { id } = await submitReview(author.id, product.slug, input({ rating: 5 }))
    const ref = await refOf(id)
    const [first, second] = await Promise.all([
      decideReviews(ada, [ref], { approve: true }),
      decideReviews(bob, [ref], { approve: false, reason: 'Spam' }),
    ])
    const outcomes = [first, second]
    const winner = outcomes.findIndex((outcome) => outcome.decided.length === 1)
    expect(winner).toBeGreaterThanOrEqual(0)
    const loser = outcomes[1 - winner]!
    expect(loser.decided).toEqual([])
    expect(loser.conflicts).toHaveLength(1)
    expect(loser.conflicts[0]!.message).toMatch(
      new RegExp(`already (approved|rejected) by ${winner === 0 ? 'Ada' : 'Bob'}`),
    )
    expect(await prisma.auditEntry.count({ where: { targetId: id } })).toBe(1)
    const review = await prisma.review.findUniqueOrThrow({ where: { id } })
    expect(review.status).toBe(winner === 0 ? 'APPROVED' : 'REJECTED')
    expect(await aggregates(product.id)).toMatchObject({ ratingCount: winner === 0 ? 1 : 0 })

    // A decision from a stale version (the author edited since) is refused too.
    await submitReview(author.id, product.slug, input({ rating: 1 }))
    const stale = await decideReviews(ada, [ref], { approve: true })
    expect(stale.decided).toEqual([])
    expect(stale.conflicts[0]!.message).toMatch(/changed since you loaded the queue/)
  })

  test('a bulk decision decides what is still waiting and reports the rest', async () => {
    const { product } = await listedProduct()
    const admin = await createAdmin('Ada')
    const other = await createAdmin('Bob')
    const ids = []
    for (let i = 0; i < 3; i++)
      ids.push((await submitReview((await createUser()).id, product.slug, input({ rating: 4 }))).id)
    const refs = await Promise.all(ids.map(refOf))
    await decideReviews(other, [refs[1]!], { approve: false, reason: 'Spam' })
    const outcome = await decideReviews(admin, refs, { approve: true })
    expect(outcome.decided.map((entry) => entry.id).sort()).toEqual([ids[0], ids[2]].sort())
    expect(outcome.conflicts.map((conflict) => conflict.id)).toEqual([ids[1]])
    expect(await aggregates(product.id)).toMatchObject({ ratingCount: 2, ratingSum: 8, rating4: 2 })
    const audit = await prisma.auditEntry.findMany({
      where: { action: 'review.approve', actorId: admin.id },
    })
    expect(audit).toHaveLength(2)
    expect(audit[0]!.details).toMatchObject({ bulk: 3 })
  })
})

describe('helpful votes and reports', () => {
  async function approvedReview() {
    const { product } = await listedProduct()
    const author = await createUser()
    const { id } = await submitReview(author.id, product.slug, input())
    await decideReviews(await createAdmin(), [await refOf(id)], { approve: true })
    return { product, author, id }
  }

  test('helpful once per shopper, never on one’s own review, only on approved reviews', async () => {
    const { product, author, id } = await approvedReview()
    const reader = await createUser()
    expect(await markHelpful(reader.id, id)).toEqual({ helpfulCount: 1 })
    expect(statusOf(await rejected(markHelpful(reader.id, id)))).toBe(409)
    expect(statusOf(await rejected(markHelpful(author.id, id)))).toBe(403)
    await Promise.allSettled([
      markHelpful((await createUser()).id, id),
      markHelpful((await createUser()).id, id),
    ])
    expect((await prisma.review.findUniqueOrThrow({ where: { id } })).helpfulCount).toBe(
      await prisma.reviewVote.count({ where: { reviewId: id } }),
    )
    const page = await listApprovedReviews(
      product.id,
      { reviewSort: 'helpful', reviewPage: 1 },
      reader.id,
    )
    expect(page.reviews[0]).toMatchObject({ id, votedHelpful: true, own: false, reported: false })

    const pending = await submitReview((await createUser()).id, product.slug, input())
    expect(statusOf(await rejected(markHelpful(reader.id, pending.id)))).toBe(404)
  })

  test('reports: once per shopper, with a reason; the review enters the queue once', async () => {
    const { author, id } = await approvedReview()
    const first = await createUser()
    const second = await createUser()
    await reportReview(first.id, id, 'Contains a phone number')
    const queuedAt = (await prisma.review.findUniqueOrThrow({ where: { id } })).queuedAt
    expect(queuedAt).toBeInstanceOf(Date)
    expect(statusOf(await rejected(reportReview(first.id, id, 'Again')))).toBe(409)
    expect(statusOf(await rejected(reportReview(author.id, id, 'My own')))).toBe(403)
    await reportReview(second.id, id, 'Spam')
    const review = await prisma.review.findUniqueOrThrow({ where: { id } })
    expect(review).toMatchObject({ reportCount: 2, queuedAt, status: 'APPROVED' })
    const queue = await queueEntries()
    expect(queue.filter((entry) => entry.id === id)).toHaveLength(1)
    expect(queue.find((entry) => entry.id === id)!.reports.map((report) => report.reason)).toEqual([
      'Contains a phone number',
      'Spam',
    ])
  })

  test('sorting: newest, most helpful, highest and lowest; pages of ten', async () => {
    const { product } = await listedProduct()
    const admin = await createAdmin()
    const ids: string[] = []
    for (let i = 0; i < 12; i++) {
      const { id } = await submitReview(
        (await createUser()).id,
        product.slug,
        input({ rating: (i % 5) + 1, title: `Review ${i}` }),
      )
      await prisma.review.update({
        where: { id },
        data: { createdAt: new Date(Date.UTC(2030, 0, i + 1)) },
      })
      ids.push(id)
    }
    await decideReviews(admin, await Promise.all(ids.map(refOf)), { approve: true })
    await markHelpful((await createUser()).id, ids[3]!)
    const list = (sort: 'newest' | 'helpful' | 'highest' | 'lowest', page = 1) =>
      listApprovedReviews(product.id, { reviewSort: sort, reviewPage: page }, null)
    const newest = await list('newest')
    expect(newest.reviews.map((review) => review.title)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Review ${11 - i}`),
    )
    expect(newest.pageCount).toBe(2)
    expect((await list('newest', 2)).reviews.map((review) => review.title)).toEqual([
      'Review 1',
      'Review 0',
    ])
    expect((await list('helpful')).reviews[0]!.id).toBe(ids[3])
    expect((await list('highest')).reviews.slice(0, 2).map((review) => review.rating)).toEqual([
      5, 5,
    ])
    expect((await list('lowest')).reviews.slice(0, 3).map((review) => review.rating)).toEqual([
      1, 1, 1,
    ])
  })
})

describe('rate limits', () => {
  test('writing (new reviews and edits) is limited per account per hour; the refusal changes nothing', async () => {
    const { product } = await listedProduct()
    const author = await createUser()
    for (let i = 0; i < REVIEW_LIMITS.write; i++)
      await submitReview(author.id, product.slug, input({ title: `Edit ${i}` }))
    const refused = await rejected(
      submitReview(author.id, product.slug, input({ title: 'One too many' })),
    )
    expect(statusOf(refused)).toBe(429)
    expect(refused.message).toMatch(/Try again in \d+ minutes?/)
    expect((await getOwnReview(product.id, author.id))!.title).toBe(
      `Edit ${REVIEW_LIMITS.write - 1}`,
    )
    // Another account is not affected.
    await submitReview((await createUser()).id, product.slug, input())
  })
})

describe('blocking an author', () => {
  test('hides their pending reviews in the block’s transaction and counts them in the audit entry', async () => {
    const { product } = await listedProduct()
    const { product: second } = await listedProduct()
    const { product: third } = await listedProduct()
    const admin = await createAdmin()
    const author = await createUser({ name: 'Troll' })
    const kept = await submitReview(author.id, third.slug, input({ rating: 5 }))
    await decideReviews(admin, [await refOf(kept.id)], { approve: true })
    await submitReview(author.id, product.slug, input())
    await submitReview(author.id, second.slug, input())
    await blockUser(admin, author.id, 'Spamming reviews')
    const reviews = await prisma.review.findMany({
      where: { userId: author.id },
      orderBy: { createdAt: 'asc' },
    })
    expect(
      reviews.map((review) => [review.status, review.rejectionReason, review.queuedAt]),
    ).toEqual([
      ['APPROVED', null, null],
      ['REJECTED', AUTHOR_BLOCKED_REASON, null],
      ['REJECTED', AUTHOR_BLOCKED_REASON, null],
    ])
    const entry = await prisma.auditEntry.findFirstOrThrow({
      where: { targetId: author.id, action: 'user.block' },
    })
    expect(entry.details).toMatchObject({ pendingReviewsHidden: 2 })
    expect((await queueEntries()).map((review) => review.user.id)).not.toContain(author.id)
    // A blocked account writes, votes and reports nothing.
    expect(statusOf(await rejected(submitReview(author.id, third.slug, input())))).toBe(403)
  })
})

describe('search', () => {
  test('the product document carries the approved rating once its search job has run', async () => {
    const { product } = await listedProduct()
    const admin = await createAdmin()
    // The fixture writes rows directly: put the product in the index first.
    await prisma.$transaction((tx) => recordProductChanges(tx, [product.id]))
    await runSearchJobs()
    const ids = []
    for (const rating of [5, 4, 2])
      ids.push((await submitReview((await createUser()).id, product.slug, input({ rating }))).id)
    await runSearchJobs()
    expect((await indexedDocuments()).get(product.id)).toMatchObject({ rating: 0, ratingCount: 0 })
    await decideReviews(admin, await Promise.all(ids.slice(0, 2).map(refOf)), { approve: true })
    await runSearchJobs()
    expect((await indexedDocuments()).get(product.id)).toMatchObject({
      rating: 4.5,
      ratingBucket: 4,
      ratingCount: 2,
    })
    await decideReviews(admin, [await refOf(ids[2]!)], { approve: true })
    await runSearchJobs()
    expect((await indexedDocuments()).get(product.id)).toMatchObject({
      rating: 3.7,
      ratingBucket: 3,
      ratingCount: 3,
    })
  })
})
