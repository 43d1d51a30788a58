import { prisma } from '~/infra/db.server.ts'
import { message } from '~/i18n/validation.ts'
import { invalidatePages } from '~/infra/page-cache/page-cache.server.ts'
import { productsChanged } from './changes.server.ts'
import { isForeignKeyViolation, slugTaken } from './constraint-errors.server.ts'
import { CatalogNotFoundError, fieldError } from './errors.ts'
import type { WithinTransaction } from './hooks.ts'
import { PAGE_TAGS } from './page-tags.server.ts'
import { TAXONOMY_TEXT, taxonomyText, type TaxonomyTextInput } from './taxonomy.server.ts'
import { slugify } from './schemas.ts'

// The admin's brand commands: create, rename, delete, and the admin page's list. A rename
// re-indexes the brand's products (their search documents carry its name).

export type BrandInput = TaxonomyTextInput & {
  slug?: string
}

type BrandRow = { id: string; name: string; nameFa: string | null; slug: string }

export async function createBrand(
  input: BrandInput,
  { within }: WithinTransaction<{ brand: BrandRow }> = {},
) {
  const slug = input.slug || slugify(input.name)
  if (!slug) throw fieldError('slug', message('catalog.slug'))
  try {
    return await prisma.$transaction(async (tx) => {
      const brand = await tx.brand.create({
        data: {
          ...taxonomyText(input),
          slug,
        },
      })
      await within?.(tx, { brand })
      return brand
    })
  } catch (error) {
    throw slugTaken(error) ?? error
  }
}

export async function updateBrand(
  brandId: string,
  input: BrandInput,
  { within }: WithinTransaction<{ before: BrandRow; after: BrandRow; products: number }> = {},
) {
  let previousSlug = ''
  try {
    const updated = await prisma.$transaction(
      async (tx) => {
        const current = await tx.brand.findUnique({ where: { id: brandId } })
        if (!current) throw new CatalogNotFoundError('That brand')
        previousSlug = current.slug
        const slug = input.slug || current.slug
        const brand = await tx.brand.update({
          where: { id: brandId },
          data: {
            ...taxonomyText(input, current),
            slug,
          },
        })
        let products = 0
        if (
          brand.name !== current.name ||
          brand.nameFa !== current.nameFa ||
          brand.slug !== current.slug
        ) {
          const rows = await tx.product.findMany({ where: { brandId }, select: { id: true } })
          await productsChanged(
            tx,
            rows.map((row) => row.id),
          )
          products = rows.length
        }
        await within?.(tx, {
          before: {
            id: current.id,
            name: current.name,
            nameFa: current.nameFa,
            slug: current.slug,
          },
          after: brand,
          products,
        })
        return brand
      },
      { timeout: 120_000 },
    )
    // The brand's page shows its name and description (a rename re-indexes its products too,
    // which outdates their pages through their search jobs).
    await invalidatePages([PAGE_TAGS.brand(previousSlug), PAGE_TAGS.brand(updated.slug)])
    return updated
  } catch (error) {
    throw slugTaken(error) ?? error
  }
}

export async function deleteBrand(
  brandId: string,
  { within }: WithinTransaction<{ brand: BrandRow }> = {},
) {
  await prisma
    .$transaction(async (tx) => {
      const brand = await tx.brand.findUnique({
        where: { id: brandId },
        select: {
          id: true,
          name: true,
          nameFa: true,
          slug: true,
          _count: { select: { products: true } },
        },
      })
      if (!brand) throw new CatalogNotFoundError('That brand')
      const count = brand._count.products
      if (count)
        throw fieldError(
          '',
          `“${brand.name}” still has ${count} product${count === 1 ? '' : 's'}. Change their brand first.`,
        )
      await tx.brand.delete({ where: { id: brandId } })
      await within?.(tx, {
        brand: { id: brand.id, name: brand.name, nameFa: brand.nameFa, slug: brand.slug },
      })
    })
    .catch((error: unknown) => {
      if (isForeignKeyViolation(error))
        throw fieldError('', 'This brand just received a product. Change its brand first.')
      throw error
    })
}

export async function listBrandsForAdmin() {
  const [brands, counts] = await Promise.all([
    prisma.brand.findMany({
      select: { id: true, ...TAXONOMY_TEXT },
      orderBy: { name: 'asc' },
    }),
    prisma.product.groupBy({
      by: ['brandId'],
      _count: { _all: true },
      where: { brandId: { not: null } },
    }),
  ])
  const byBrand = new Map(counts.map((row) => [row.brandId, row._count._all]))
  return brands.map((brand) => ({ ...brand, products: byBrand.get(brand.id) ?? 0 }))
}
