import { prisma } from '~/infra/db.server.ts'
import { IMAGE_ASSET_SELECT, toImageView } from '~/services/media/assets.server.ts'

// What search engines may list: listed products, categories, brands and active shops, each with
// when it last changed; products with their photos. Paged, so no sitemap file passes the
// protocol's 50,000 URLs (each page here becomes one URL per language).

export const SITEMAP_SECTIONS = ['products', 'categories', 'brands', 'shops'] as const
export type SitemapSection = (typeof SITEMAP_SECTIONS)[number]

/** Pages per sitemap file: with two languages, 20,000 URLs. */
export const SITEMAP_PAGE_SIZE = 10_000
/** Photos listed per product (the protocol allows 1,000; the first few are what matter). */
const IMAGES_PER_PRODUCT = 4

export type SitemapEntry = {
  /** The page's path in the default language ("/p/linen-shirt"). */
  path: string
  lastModified: Date
  /** Photo URLs as stored (absolute on S3, or paths on the app's own origin). */
  images: string[]
}

export function isSitemapSection(value: string): value is SitemapSection {
  return (SITEMAP_SECTIONS as readonly string[]).includes(value)
}

/** How many files each section needs (at least one, so an empty store still has a valid index). */
export async function sitemapFiles(): Promise<Array<{ section: SitemapSection; page: number }>> {
  const [products, categories, brands, shops] = await Promise.all([
    prisma.product.count({ where: { listed: true } }),
    prisma.category.count(),
    prisma.brand.count(),
    prisma.shop.count({ where: { status: 'ACTIVE' } }),
  ])
  const counts: Record<SitemapSection, number> = { products, categories, brands, shops }
  return SITEMAP_SECTIONS.flatMap((section) =>
    Array.from({ length: Math.max(1, Math.ceil(counts[section] / SITEMAP_PAGE_SIZE)) }, (_, i) => ({
      section,
      page: i + 1,
    })),
  )
}

type Paging = { orderBy: { id: 'asc' }; skip: number; take: number }
const SLUG_AND_DATE = { slug: true, updatedAt: true } as const

/** The sections whose pages are a slug under a prefix, without photos. */
const PLAIN_SECTIONS = {
  categories: {
    prefix: '/c/',
    rows: (paging: Paging) => prisma.category.findMany({ ...paging, select: SLUG_AND_DATE }),
  },
  brands: {
    prefix: '/brands/',
    rows: (paging: Paging) => prisma.brand.findMany({ ...paging, select: SLUG_AND_DATE }),
  },
  shops: {
    prefix: '/shops/',
    rows: (paging: Paging) =>
      prisma.shop.findMany({ ...paging, where: { status: 'ACTIVE' }, select: SLUG_AND_DATE }),
  },
} satisfies Record<Exclude<SitemapSection, 'products'>, unknown>

/** One file's entries, in a stable order (by id), or null for a page past the end. */
export async function sitemapPage(
  section: SitemapSection,
  page: number,
): Promise<SitemapEntry[] | null> {
  const paging = { orderBy: { id: 'asc' as const }, skip: (page - 1) * SITEMAP_PAGE_SIZE }
  const take = SITEMAP_PAGE_SIZE
  let entries: SitemapEntry[]
  switch (section) {
    case 'products': {
      const rows = await prisma.product.findMany({
        ...paging,
        take,
        where: { listed: true },
        select: {
          slug: true,
          updatedAt: true,
          images: {
            orderBy: { position: 'asc' },
            take: IMAGES_PER_PRODUCT,
            select: { asset: { select: IMAGE_ASSET_SELECT } },
          },
        },
      })
      entries = rows.map((row) => ({
        path: `/p/${row.slug}`,
        lastModified: row.updatedAt,
        images: row.images.map(({ asset }) => toImageView(asset).src).filter(Boolean),
      }))
      break
    }
    default: {
      const rows = await PLAIN_SECTIONS[section].rows({ ...paging, take })
      entries = rows.map((row) => ({
        path: `${PLAIN_SECTIONS[section].prefix}${row.slug}`,
        lastModified: row.updatedAt,
        images: [],
      }))
    }
  }
  return entries.length === 0 && page > 1 ? null : entries
}
