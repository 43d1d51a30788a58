import { prisma } from '~/infra/db.server.ts'
import type { Role } from '~/infra/db.server.ts'
import { hashPassword } from '~/services/accounts/passwords.server.ts'
import { seedDemoProducts, seedShops, seedTaxonomy } from './catalog.ts'
import { seedDemoPhotos, type PhotoSeedOptions, type PhotoSeedReport } from './photos/index.ts'
import { seedStorePages } from './pages.ts'
import { seedDemoOrders } from './orders.ts'
import { DEMO_REVIEWERS, seedDemoReviewers, seedDemoReviews } from './reviews.ts'

// Demo data for the embedded default and for trying the store: accounts, then a believable
// catalog (prisma/seed/catalog.ts). Idempotent, so running it twice changes nothing.

export const DEMO_PASSWORD = 'shikposh-demo'

export const DEMO_ACCOUNTS: Array<{
  role: string
  email: string
  name: string
  password: string
  roles: Role[]
}> = [
  {
    role: 'admin',
    email: 'admin@shikposh.test',
    name: 'Ada Admin',
    password: DEMO_PASSWORD,
    roles: ['SHOPPER', 'ADMIN'],
  },
  {
    role: 'seller',
    email: 'seller@shikposh.test',
    name: 'Sami Seller',
    password: DEMO_PASSWORD,
    roles: ['SHOPPER', 'SELLER'],
  },
  {
    role: 'shopper',
    email: 'shopper@shikposh.test',
    name: 'Shirin Shopper',
    password: DEMO_PASSWORD,
    roles: ['SHOPPER'],
  },
]

/**
 * Accounts, catalogue, two months of orders and reviews; with `photos`, product photos too (drawn, rendered and
 * uploaded through the media service: seconds to a minute the first time, see photos/index.ts).
 */
export async function seedDemoData(options: { photos?: PhotoSeedOptions } = {}) {
  const hash = await hashPassword(DEMO_PASSWORD)
  for (const account of DEMO_ACCOUNTS) {
    await prisma.user.upsert({
      where: { email: account.email },
      update: {},
      create: {
        email: account.email,
        name: account.name,
        roles: account.roles,
        emailVerifiedAt: new Date(),
        password: { create: { hash } },
      },
    })
  }
  const vocabulary = await seedTaxonomy()
  await seedStorePages()
  const shops = await seedShops(hash)
  const products = await seedDemoProducts(shops, vocabulary)
  await seedDemoReviewers(hash)
  const orders = await seedDemoOrders([
    'shopper@shikposh.test',
    ...DEMO_REVIEWERS.map((reviewer) => reviewer.email),
  ])
  const reviews = await seedDemoReviews(hash)
  const photos: PhotoSeedReport | null = options.photos
    ? await seedDemoPhotos(options.photos)
    : null
  return { ...products, orders: orders.created, reviews: reviews.created, photos }
}
