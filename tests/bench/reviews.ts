// `npm run bench:reviews`: how fast moderation decides reviews when many decisions hit one
// product at once (they serialize on its row, docs/decisions/010), and how long the product
// page's reviews take to read. A scratch database of the PostgreSQL in TEST_DATABASE_URL
// (created, migrated and dropped here). Prints figures; it asserts only that the rating columns
// equal a recount from the rows.
import { withScratchDatabase } from './scratch-database.ts'

await withScratchDatabase(run)

async function run() {
  const { prisma } = await import('~/infra/db.server.ts')
  const { decideReviews } = await import('~/services/reviews/moderation.server.ts')
  const { getProductReviews } = await import('~/services/reviews/reading.server.ts')
  const { createUser } = await import('../support/fixtures.ts')
  const { createProduct, createSeller } = await import('../support/shop-fixtures.ts')

  const REVIEWS = 400
  const IN_FLIGHT = 10
  const moderator = await createUser({ name: 'Bench Admin', roles: ['SHOPPER', 'ADMIN'] })
  const { shop } = await createSeller('Bench Shop')
  const product = await createProduct(shop.id, { variants: [{ size: 'S' }, { size: 'M' }] })
  const authors = await Promise.all(
    Array.from({ length: REVIEWS }, (_, i) =>
      prisma.user.create({
        data: { email: `bench-author-${i}@example.test`, name: `Author ${i}` },
        select: { id: true },
      }),
    ),
  )
  await prisma.review.createMany({
    data: authors.map((author, i) => ({
      productId: product.id,
      userId: author.id,
      rating: (i % 5) + 1,
      title: `Review ${i}`,
      body: 'A benchmark review.',
      queuedAt: new Date(),
    })),
  })
  const reviews = await prisma.review.findMany({
    where: { productId: product.id },
    select: { id: true, version: true },
    orderBy: { id: 'asc' },
  })

  const percentile = (values: number[], p: number) =>
    [...values]
      .sort((a, b) => a - b)
      [Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!.toFixed(1)

  // Single decisions, IN_FLIGHT at a time, all on one product: the worst case for its row lock.
  const latencies: number[] = []
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let i = next++; i < reviews.length; i = next++) {
        const at = performance.now()
        await decideReviews(
          moderator,
          [reviews[i]!],
          i % 4 === 0 ? { approve: false, reason: 'Bench rejection' } : { approve: true },
        )
        latencies.push(performance.now() - at)
      }
    }),
  )
  const elapsed = performance.now() - started
  console.log(
    `one product, ${REVIEWS} single decisions, ${IN_FLIGHT} in flight: ${elapsed.toFixed(0)} ms (${((REVIEWS / elapsed) * 1000).toFixed(0)} decisions/s); ` +
      `latency p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms, p99 ${percentile(latencies, 99)} ms`,
  )

  const columns = await prisma.product.findUniqueOrThrow({
    where: { id: product.id },
    select: { ratingCount: true, ratingSum: true },
  })
  const approved = await prisma.review.aggregate({
    where: { productId: product.id, status: 'APPROVED' },
    _count: { _all: true },
    _sum: { rating: true },
  })
  const exact =
    columns.ratingCount === approved._count._all &&
    columns.ratingSum === (approved._sum.rating ?? 0)
  console.log(
    `rating columns ${columns.ratingCount} reviews / ${columns.ratingSum} stars; recount ${approved._count._all} / ${approved._sum.rating}: ${exact ? 'exact' : 'DRIFTED'}`,
  )
  if (!exact) process.exitCode = 1

  // Reading the product page's reviews section (summary, a page of 10, sorted), warm.
  for (const sort of ['newest', 'helpful', 'highest', 'lowest'] as const) {
    const reads: number[] = []
    for (let i = 0; i < 50; i++) {
      const at = performance.now()
      await getProductReviews(
        product.id,
        { reviewSort: sort, reviewPage: 1 + (i % 5) },
        moderator.id,
      )
      reads.push(performance.now() - at)
    }
    console.log(
      `reviews section (${columns.ratingCount} approved, sort ${sort}): p50 ${percentile(reads, 50)} ms, p95 ${percentile(reads, 95)} ms`,
    )
  }
}
