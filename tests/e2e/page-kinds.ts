import type { Page } from '@playwright/test'
import { createUser } from '../support/fixtures.ts'
import { createProduct, createSeller, placeTestOrder, putInCart } from '../support/shop-fixtures.ts'
import { signInContext, test } from './fixtures.ts'
import { waitForSearchIndex } from './search-index.ts'

/**
 * One page of every kind the store has, for checks that must hold everywhere (hydration,
 * accessibility, layout): a shop with a product in stock and one sold-out size, an order, a cart,
 * and who may see each page. Add a new kind of page here and every such check covers it.
 */
export async function arrangeEveryPageKind() {
  const seller = await createSeller('Every Page Studio')
  const product = await createProduct(seller.shop.id, {
    title: 'Every page coat',
    price: 12000,
    discountPercent: 10,
    variants: [
      { color: 'Navy', size: 'M', stock: 4 },
      { color: 'Rose', size: 'S', stock: 0 },
    ],
  })
  const shopper = await createUser({ name: 'Hana Shopper' })
  const order = await placeTestOrder(shopper.id, [
    { variantId: product.variants[0]!.id, quantity: 1 },
  ])
  // Something in the cart for /cart and /checkout.
  await putInCart(shopper.id, product.variants[0]!.id, 1, 10800)
  const admin = await createUser({ name: 'Ada Admin', roles: ['SHOPPER', 'ADMIN'] })
  await waitForSearchIndex()

  return [
    {
      role: 'anonymous',
      userId: null,
      paths: [
        '/',
        '/c/test-dresses',
        `/p/${product.slug}`,
        '/search?q=coat',
        '/brands',
        `/shops/${seller.shop.slug}`,
        '/login',
        '/register',
        '/forgot-password',
        '/pages/help',
        '/size-guide/letters',
        '/nowhere-at-all-404',
      ],
    },
    {
      role: 'shopper',
      userId: shopper.id,
      paths: [
        '/cart',
        '/checkout',
        '/orders',
        `/orders/${order.number}`,
        `/orders/${order.number}/invoice`,
        '/account',
        '/account/addresses',
        '/account/security',
        '/account/tokens',
        '/account/notifications',
        '/wishlist',
        '/notifications',
      ],
    },
    {
      role: 'seller',
      userId: seller.user.id,
      paths: [
        '/sell',
        '/sell/products',
        '/sell/products/new',
        `/sell/products/${product.id}`,
        `/sell/products/${product.id}/images`,
        '/sell/orders',
        `/sell/orders/${order.number}`,
        `/sell/orders/${order.number}/slip`,
        '/sell/sales',
        '/sell/finances',
        '/sell/promos',
        '/sell/promos/new',
        '/sell/shop',
      ],
    },
    {
      role: 'admin',
      userId: admin.id,
      paths: [
        '/admin',
        '/admin/users',
        `/admin/users/${shopper.id}`,
        '/admin/products',
        '/admin/reviews',
        '/admin/shops',
        '/admin/catalog',
        '/admin/audit',
        '/admin/jobs',
        '/admin/promos',
        '/admin/promos/new',
        '/admin/commissions',
        '/admin/payouts',
        '/admin/payouts?status=PAID',
        '/admin/pages',
        '/admin/pages/returns',
        '/admin/size-guides/letters',
      ],
    },
  ]
}

export const PAGE_ROLES = ['anonymous', 'shopper', 'seller', 'admin'] as const
export type PageRole = (typeof PAGE_ROLES)[number]

// Arranged once per Playwright worker (each has its own app and database), whichever of the
// roles' tests comes first.
let arranged: ReturnType<typeof arrangeEveryPageKind> | undefined

/**
 * Visits every page kind one role may see, signed in as that role: in English, and a shopper's
 * (anonymous or signed in) in Persian too.
 */
export async function visitEveryPageKind(
  page: Page,
  role: PageRole,
  /** Which share of the role's pages: every `of`-th, starting with the `part`-th (from 1). */
  share: { part: number; of: number },
  visit: (path: string) => Promise<void>,
) {
  arranged ??= arrangeEveryPageKind()
  const group = (await arranged).find((candidate) => candidate.role === role)
  if (!group) throw new Error(`No pages arranged for ${role}`)
  await page.context().clearCookies()
  if (group.userId) await signInContext(page.context(), group.userId)
  const paths = group.paths.filter((_, index) => index % share.of === share.part - 1)
  // Shoppers' pages in both languages; the seller's and admin's in Persian are walked by their own
  // Persian journeys (admin.spec, documents.spec, catalog.spec), which keeps this check's minutes
  // in the CI budget.
  const languages = role === 'anonymous' || role === 'shopper' ? ['', '/fa'] : ['']
  for (const path of paths) {
    for (const prefix of languages) {
      const localized = prefix ? `${prefix}${path === '/' ? '' : path}` : path
      await test.step(localized, () => visit(localized))
    }
  }
}
