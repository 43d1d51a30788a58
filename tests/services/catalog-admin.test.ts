import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { CatalogValidationError } from '~/services/catalog/errors.ts'
import { setFeatured } from '~/services/catalog/product-status.server.ts'
import { reinstateShop, suspendShop, openShop } from '~/services/catalog/shops.server.ts'
import { getHomeCollections, getShopHeading } from '~/services/catalog/storefront.server.ts'
import { getProductPage } from '~/services/catalog/product-page.server.ts'
import { getCategoryTree } from '~/services/catalog/taxonomy.server.ts'
import {
  createCategory,
  deleteCategory,
  reorderCategory,
  updateCategory,
} from '~/services/catalog/category-admin.server.ts'
import { createBrand, deleteBrand, updateBrand } from '~/services/catalog/brand-admin.server.ts'
import { createUser } from '../support/fixtures.ts'
import { createListedProduct, createSeller, taxonomyFixture } from '../support/catalog.ts'
import { clearQueuedJobs, queuedKeys } from '../support/jobs.ts'
import { gridIds } from '../support/search.ts'

const messageOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) =>
      error instanceof CatalogValidationError ? error.fieldErrors : String(error),
  )

describe('admin catalog: categories', () => {
  test('delete only when empty: no sub-categories and no products, archived ones included', async () => {
    const t = await taxonomyFixture()
    const parent = await createCategory({ name: 'Outerwear' })
    const child = await createCategory({ name: 'Parkas', parentId: parent.id })
    expect(await messageOf(deleteCategory(parent.id))).toEqual({
      '': ['“Outerwear” still has 1 sub-category. Move or delete them first.'],
    })

    const { user } = await createSeller()
    const product = await createListedProduct(user.id, t, { categoryId: child.id })
    await prisma.product.update({
      where: { id: product.id },
      data: { status: 'ARCHIVED', listed: false },
    })
    expect(await messageOf(deleteCategory(child.id))).toEqual({
      '': ['“Parkas” still has 1 product. Move or delete them first.'],
    })

    await prisma.product.update({
      where: { id: product.id },
      data: { categoryId: t.categories.dresses.id },
    })
    await deleteCategory(child.id)
    await deleteCategory(parent.id)
    expect(await prisma.category.count({ where: { id: { in: [parent.id, child.id] } } })).toBe(0)
  })

  test('moving never builds a cycle', async () => {
    const t = await taxonomyFixture()
    const { clothing, women, dresses } = t.categories
    expect(
      await messageOf(updateCategory(clothing.id, { name: 'Clothing', parentId: clothing.id })),
    ).toEqual({
      parentId: ['A category cannot move under itself or one of its sub-categories'],
    })
    expect(
      await messageOf(updateCategory(clothing.id, { name: 'Clothing', parentId: dresses.id })),
    ).toEqual({
      parentId: ['A category cannot move under itself or one of its sub-categories'],
    })
    // Two opposite moves at once: the tree lock lets one through, the other sees the new tree.
    const a = await createCategory({ name: 'Cycle A' })
    const b = await createCategory({ name: 'Cycle B' })
    const results = await Promise.allSettled([
      updateCategory(a.id, { name: 'Cycle A', parentId: b.id }),
      updateCategory(b.id, { name: 'Cycle B', parentId: a.id }),
    ])
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    const rows = await prisma.category.findMany({
      where: { id: { in: [a.id, b.id] } },
      select: { id: true, parentId: true },
    })
    expect(rows.filter((row) => row.parentId !== null)).toHaveLength(1)
    expect(women.parentId).toBe(clothing.id)
  })

  test('renaming or moving a category re-indexes every product below it; slugs stay unique', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const dress = await createListedProduct(user.id, t, { categoryId: t.categories.dresses.id })
    const top = await createListedProduct(user.id, t, { categoryId: t.categories.tops.id })
    const shoe = await createListedProduct(user.id, t, { categoryId: t.categories.shoes.id })
    const before = (await queuedKeys()).length
    await updateCategory(t.categories.women.id, { name: 'Womenswear', slug: 'women' })
    const keys = (await queuedKeys()).slice(before).map((row) => row.key)
    const inSubtree = await prisma.product.findMany({
      where: {
        categoryId: { in: [t.categories.women.id, t.categories.dresses.id, t.categories.tops.id] },
      },
      select: { id: true },
    })
    expect(keys.sort()).toEqual(inSubtree.map((row) => row.id).sort())
    expect(keys).toEqual(expect.arrayContaining([dress.id, top.id]))
    expect(keys).not.toContain(shoe.id)
    expect((await getCategoryTree()).bySlug.get('women')?.name).toBe('Womenswear')

    expect(await messageOf(createCategory({ name: 'Dresses again', slug: 'dresses' }))).toEqual({
      slug: ['That web address is already used'],
    })
    await updateCategory(t.categories.women.id, { name: 'Women', slug: 'women' })
  })

  test('categories can be reordered among their siblings', async () => {
    const parent = await createCategory({ name: 'Reorder Parent' })
    const first = await createCategory({ name: 'First', parentId: parent.id })
    const second = await createCategory({ name: 'Second', parentId: parent.id })
    await reorderCategory(second.id, 'up')
    const tree = await getCategoryTree()
    expect(tree.byId.get(parent.id)!.children.map((child) => child.id)).toEqual([
      second.id,
      first.id,
    ])
  })
})

describe('admin catalog: brands', () => {
  test('delete only when no product carries the brand; renaming re-indexes its products', async () => {
    const t = await taxonomyFixture()
    const brand = await createBrand({ name: 'Northwind' })
    expect(brand.slug).toBe('northwind')
    const { user } = await createSeller()
    const product = await createListedProduct(user.id, t, { brandId: brand.id })
    expect(await messageOf(deleteBrand(brand.id))).toEqual({
      '': ['“Northwind” still has 1 product. Change their brand first.'],
    })

    const before = (await queuedKeys()).length
    await updateBrand(brand.id, { name: 'Northwind Co' })
    expect((await queuedKeys()).slice(before).map((row) => row.key)).toEqual([product.id])
    expect(await messageOf(createBrand({ name: 'Northwind Co' }))).toEqual({
      name: ['That name is already used'],
    })

    await prisma.product.update({ where: { id: product.id }, data: { brandId: null } })
    await deleteBrand(brand.id)
  })
})

describe('shops', () => {
  test('opening a shop grants the SELLER role; a taken address is refused at the field', async () => {
    const user = await createUser()
    const shop = await openShop(user.id, { name: 'Corner Store', slug: 'corner-store' })
    expect(shop.status).toBe('ACTIVE')
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).roles).toEqual([
      'SHOPPER',
      'SELLER',
    ])
    const other = await createUser()
    expect(await messageOf(openShop(other.id, { name: 'Copycat', slug: 'corner-store' }))).toEqual({
      slug: ['That web address is taken. Try another.'],
    })
    expect(await messageOf(openShop(user.id, { name: 'Second', slug: 'second-shop' }))).toEqual({
      '': ['You already have a shop.'],
    })
    expect((await prisma.user.findUniqueOrThrow({ where: { id: other.id } })).roles).toEqual([
      'SHOPPER',
    ])
  })

  test('suspension hides every product of the shop everywhere; reinstatement brings back the published ones', async () => {
    const t = await taxonomyFixture()
    const { user, shop } = await createSeller('suspended')
    const listed = await createListedProduct(user.id, t, { title: 'Hidden When Suspended' })
    await setFeatured(listed.id, true)
    const draft = await createListedProduct(
      user.id,
      t,
      { title: 'Still A Draft' },
      { publish: false },
    )
    const visible = async () => {
      const category = await gridIds('c', 'clothing')
      const [brand, home, page] = await Promise.all([
        gridIds('brands', 'acme'),
        getHomeCollections(),
        getProductPage(listed.slug),
      ])
      return {
        category: category.includes(listed.id),
        brand: brand.includes(listed.id),
        featured: home.featured.some((item) => item.id === listed.id),
        newArrivals: home.newArrivals.some((item) => item.id === listed.id),
        page: page !== null,
      }
    }
    expect(await visible()).toEqual({
      category: true,
      brand: true,
      featured: true,
      newArrivals: true,
      page: true,
    })

    await clearQueuedJobs()
    await suspendShop(shop.id, { reason: 'Counterfeit goods reported' })
    expect((await queuedKeys()).map((row) => row.key).sort()).toEqual([listed.id, draft.id].sort())
    expect(await visible()).toEqual({
      category: false,
      brand: false,
      featured: false,
      newArrivals: false,
      page: false,
    })
    expect(await getShopHeading(shop.slug)).toEqual({ suspended: true, shop: { name: shop.name } })
    expect((await getProductPage(listed.slug, { viewerId: user.id }))?.preview).toEqual({
      status: 'ACTIVE',
      shopSuspended: true,
    })
    expect(await prisma.shop.findUniqueOrThrow({ where: { id: shop.id } })).toMatchObject({
      status: 'SUSPENDED',
      suspendedReason: 'Counterfeit goods reported',
    })

    await reinstateShop(shop.id)
    expect(await visible()).toEqual({
      category: true,
      brand: true,
      featured: true,
      newArrivals: true,
      page: true,
    })
    expect(await prisma.product.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      listed: false,
      status: 'DRAFT',
    })
  })

  test('products published while the shop is suspended stay hidden', async () => {
    const t = await taxonomyFixture()
    const { user, shop } = await createSeller('quiet')
    await suspendShop(shop.id, { reason: 'Paused for review' })
    const product = await createListedProduct(user.id, t)
    expect(await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({
      status: 'ACTIVE',
      listed: false,
    })
  })
})

describe('admin commands run the caller’s work in their transaction (for the audit log)', () => {
  test('what `within` writes commits with the change, and its failure undoes the change', async () => {
    const { enqueueJobs, listQueuedJobs } = await import('~/infra/jobs/queue.server.ts')
    const within = async () =>
      (await listQueuedJobs('test.within')).map((job) => (job.payload as { key: string }).key)
    const enqueue = (tx: Parameters<typeof enqueueJobs>[0], key: string) =>
      enqueueJobs(tx, { task: 'test.within', payload: { key } })
    const { shop } = await createSeller('hooked')
    await expect(
      suspendShop(
        shop.id,
        { reason: 'Testing' },
        {
          within: async () => {
            throw new Error('audit log unavailable')
          },
        },
      ),
    ).rejects.toThrow('audit log unavailable')
    expect((await prisma.shop.findUniqueOrThrow({ where: { id: shop.id } })).status).toBe('ACTIVE')

    let seen: unknown
    await suspendShop(
      shop.id,
      { reason: 'Testing' },
      {
        within: async (tx, change) => {
          seen = change
          await enqueue(tx, change.shop.id)
        },
      },
    )
    expect(seen).toMatchObject({
      shop: { id: shop.id, status: 'SUSPENDED', suspendedReason: 'Testing' },
      previousStatus: 'ACTIVE',
      products: 0,
    })
    expect(await within()).toEqual([shop.id])

    const brand = await createBrand(
      { name: 'Hooked Brand' },
      { within: (tx, change) => enqueue(tx, change.brand.id) },
    )
    await deleteBrand(brand.id, {
      within: (tx, change) => enqueue(tx, `deleted:${change.brand.slug}`),
    })
    expect(await within()).toEqual([shop.id, brand.id, 'deleted:hooked-brand'])
  })
})

describe('featured', () => {
  test('setFeatured toggles the flag and tells search', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const product = await createListedProduct(user.id, t)
    await setFeatured(product.id, true)
    expect((await getHomeCollections()).featured.map((card) => card.id)).toContain(product.id)
    await setFeatured(product.id, false)
    expect((await getHomeCollections()).featured.map((card) => card.id)).not.toContain(product.id)
    expect((await queuedKeys()).filter((row) => row.key === product.id)).toHaveLength(3)
    await expect(setFeatured('no-such-product', true)).rejects.toThrow('That product was not found')
  })
})
