import { prisma } from '~/infra/db.server.ts'
import { recountProductRatings } from '~/services/reviews/ratings.server.ts'
import { hasDeliveredPurchase } from '~/services/reviews/reviews.server.ts'
import type { ReviewFitValue } from '~/services/reviews/schemas.ts'
import { createRandom } from './random.ts'

// Demo reviews, approved, on the first listed products (by slug), from a handful of reviewer
// accounts, so ratings, the star distribution, fit summaries and "top rated" show from the
// start. Deterministic and idempotent: a review that exists (product, author) is left alone.

export const DEMO_REVIEWERS = [
  { email: 'noor@shikposh.test', name: 'Noor Haddad' },
  { email: 'leo@shikposh.test', name: 'Leo Martins' },
  { email: 'mina@shikposh.test', name: 'Mina Karimi' },
  { email: 'tom@shikposh.test', name: 'Tom Becker' },
  { email: 'aya@shikposh.test', name: 'Aya Tanaka' },
  { email: 'sam@shikposh.test', name: 'Sam Okafor' },
]
export const DEMO_REVIEWED_PRODUCTS = 30

const BY_STARS: Record<number, Array<[title: string, body: string]>> = {
  5: [
    [
      'Love it',
      'Beautifully made and exactly as pictured. I have worn it every week since it arrived.',
    ],
    [
      'Perfect',
      'Great fabric, neat stitching and it washes well. Would buy again in another colour.',
    ],
    ['Better than expected', 'The quality surprised me for the price. Shipping was quick too.'],
  ],
  4: [
    [
      'Really nice',
      'Very happy with it. The colour is a touch darker than on screen, but I like it.',
    ],
    [
      'Good buy',
      'Comfortable and well finished. Took one star off because the packaging was excessive.',
    ],
  ],
  3: [
    ['It is fine', 'Does the job. The material is thinner than I hoped, but it looks good on.'],
    ['Okay', 'Nice design, average quality. I would wait for a sale next time.'],
  ],
  2: [['Not for me', 'The cut did not suit me and the fabric creases easily. Returned it.']],
  1: [
    [
      'Disappointed',
      'A seam came loose after the first wash. The shop replied quickly, to be fair.',
    ],
  ],
}
const FITS: ReviewFitValue[] = [
  'RUNS_SMALL',
  'TRUE_TO_SIZE',
  'TRUE_TO_SIZE',
  'TRUE_TO_SIZE',
  'RUNS_LARGE',
]

/** The reviewer accounts (they are the demo's other shoppers too); idempotent. */
export async function seedDemoReviewers(passwordHash: string) {
  const reviewers = []
  for (const reviewer of DEMO_REVIEWERS) {
    reviewers.push(
      await prisma.user.upsert({
        where: { email: reviewer.email },
        update: {},
        create: { ...reviewer, roles: ['SHOPPER'], password: { create: { hash: passwordHash } } },
        select: { id: true },
      }),
    )
  }
  return reviewers
}

export async function seedDemoReviews(passwordHash: string) {
  const reviewers = await seedDemoReviewers(passwordHash)
  const products = await prisma.product.findMany({
    where: { listed: true },
    orderBy: { slug: 'asc' },
    take: DEMO_REVIEWED_PRODUCTS,
    select: { id: true, sizeScale: { select: { _count: { select: { sizes: true } } } } },
  })
  const random = createRandom(7)
  let created = 0
  const now = Date.now()
  for (const product of products) {
    const authors = random.sample(reviewers, random.int(1, reviewers.length))
    const sized = product.sizeScale._count.sizes > 1
    const rows = []
    for (const [index, author] of authors.entries()) {
      const rating = random.weighted([
        [5, 40],
        [4, 30],
        [3, 15],
        [2, 8],
        [1, 7],
      ] as const)
      const [title, body] = random.pick(BY_STARS[rating]!)
      const at = new Date(now - (index + 1) * random.int(1, 20) * 86_400_000)
      rows.push({
        productId: product.id,
        userId: author.id,
        rating,
        title,
        body,
        fit: sized && random.chance(0.7) ? random.pick(FITS) : null,
        status: 'APPROVED' as const,
        verifiedPurchase: await hasDeliveredPurchase(prisma, author.id, product.id),
        helpfulCount: random.int(0, 12),
        decidedAt: at,
        createdAt: at,
      })
    }
    const { count } = await prisma.review.createMany({ data: rows, skipDuplicates: true })
    if (count > 0) {
      created += count
      await prisma.$transaction((tx) => recountProductRatings(tx, product.id))
    }
  }
  return { created }
}
