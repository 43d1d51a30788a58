import { prisma } from '~/infra/db.server.ts'
import { invalidatePages, LAYOUT_TAG } from '~/infra/page-cache/page-cache.server.ts'
import { ancestorsOf, getCategoryTree } from './taxonomy.server.ts'

// What the storefront's cached pages show, as page-cache tags (docs/decisions/026-page-cache.md):
// a product page shows its product and its shop's newest products; a grid shows its scope (a
// category with its descendants, a brand, a shop); the home page shows rows picked across the
// catalog. A change to a product outdates its page, its shop's pages and the grids of its
// category and every ancestor, its brand and the home page.

export const PAGE_TAGS = {
  home: 'home',
  product: (id: string) => `product:${id}`,
  category: (slug: string) => `category:${slug}`,
  brand: (slug: string) => `brand:${slug}`,
  shop: (slug: string) => `shop:${slug}`,
  contentPage: (slug: string) => `page:${slug}`,
} as const

/**
 * Called once these products' changes are committed and indexed (app/services/search/indexer):
 * every cached page that shows them, or could now show them, is rendered afresh.
 */
export async function invalidateProductPages(productIds: string[]) {
  if (!productIds.length) return
  const [rows, tree] = await Promise.all([
    prisma.product.findMany({
      where: { id: { in: productIds } },
      select: {
        id: true,
        categoryId: true,
        brand: { select: { slug: true } },
        shop: { select: { slug: true } },
      },
    }),
    getCategoryTree(),
  ])
  const tags = new Set<string>([PAGE_TAGS.home, ...productIds.map(PAGE_TAGS.product)])
  for (const row of rows) {
    tags.add(PAGE_TAGS.shop(row.shop.slug))
    if (row.brand) tags.add(PAGE_TAGS.brand(row.brand.slug))
    for (const node of ancestorsOf(tree, row.categoryId)) tags.add(PAGE_TAGS.category(node.slug))
  }
  await invalidatePages(tags)
}

/** Taxonomy, size guides and other things every page may show: nothing cached stays. */
export function invalidateAllPages() {
  return invalidatePages([LAYOUT_TAG])
}
