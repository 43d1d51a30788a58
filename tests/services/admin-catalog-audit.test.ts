import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import {
  createBrandAsAdmin,
  createCategoryAsAdmin,
  deleteBrandAsAdmin,
  deleteCategoryAsAdmin,
  moveCategoryAsAdmin,
  reinstateShopAsAdmin,
  setFeaturedAsAdmin,
  suspendShopAsAdmin,
  updateBrandAsAdmin,
  updateCategoryAsAdmin,
} from '~/services/admin/catalog.server.ts'
import { createUser } from '../support/fixtures.ts'
import { createListedProduct, createSeller, taxonomyFixture } from '../support/catalog.ts'

async function entriesFor(targetId: string) {
  return prisma.auditEntry.findMany({
    where: { targetId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      actorId: true,
      action: true,
      targetType: true,
      targetLabel: true,
      reason: true,
      details: true,
    },
  })
}

describe("admin catalog commands write the audit log in the change's transaction", () => {
  test('suspending and reinstating a shop, featuring and unfeaturing a product', async () => {
    const t = await taxonomyFixture()
    const admin = await createUser({ roles: ['SHOPPER', 'ADMIN'] })
    const { user, shop } = await createSeller()
    const product = await createListedProduct(user.id, t)

    await suspendShopAsAdmin(admin, shop.id, 'Counterfeit goods')
    await reinstateShopAsAdmin(admin, shop.id)
    expect(await entriesFor(shop.id)).toEqual([
      {
        actorId: admin.id,
        action: 'shop.suspend',
        targetType: 'SHOP',
        targetLabel: shop.name,
        reason: 'Counterfeit goods',
        details: { previousStatus: 'ACTIVE', products: 1 },
      },
      {
        actorId: admin.id,
        action: 'shop.reinstate',
        targetType: 'SHOP',
        targetLabel: shop.name,
        reason: null,
        details: { previousStatus: 'SUSPENDED', products: 1 },
      },
    ])

    await setFeaturedAsAdmin(admin, product.id, true)
    await setFeaturedAsAdmin(admin, product.id, false)
    expect((await entriesFor(product.id)).map((entry) => [entry.action, entry.details])).toEqual([
      ['product.feature', { slug: product.slug, before: false, after: true }],
      ['product.unfeature', { slug: product.slug, before: true, after: false }],
    ])
  })

  test('categories and brands: every change is logged, a refused one logs nothing', async () => {
    const t = await taxonomyFixture()
    const admin = await createUser({ roles: ['SHOPPER', 'ADMIN'] })
    const category = await createCategoryAsAdmin(admin, {
      name: 'Raincoats',
      parentId: t.categories.dresses.parentId,
    })
    await updateCategoryAsAdmin(admin, category.id, { name: 'Rain jackets' })
    await moveCategoryAsAdmin(admin, category.id, 'up')

    // A category with a product cannot be deleted: the refusal leaves no entry behind.
    const { user } = await createSeller()
    const product = await createListedProduct(user.id, t, { categoryId: category.id })
    await expect(deleteCategoryAsAdmin(admin, category.id)).rejects.toThrow()
    await prisma.product.update({
      where: { id: product.id },
      data: { categoryId: t.categories.dresses.id },
    })
    await deleteCategoryAsAdmin(admin, category.id)

    expect(
      (await entriesFor(category.id)).map((entry) => [entry.action, entry.targetLabel]),
    ).toEqual([
      ['category.create', 'Raincoats'],
      ['category.update', 'Rain jackets'],
      ['category.move', 'Rain jackets'],
      ['category.delete', 'Rain jackets'],
    ])

    const brand = await createBrandAsAdmin(admin, { name: 'Drizzle' })
    await updateBrandAsAdmin(admin, brand.id, { name: 'Drizzle & Co' })
    await deleteBrandAsAdmin(admin, brand.id)
    const brandEntries = await entriesFor(brand.id)
    expect(brandEntries.map((entry) => entry.action)).toEqual([
      'brand.create',
      'brand.update',
      'brand.delete',
    ])
    expect(brandEntries[1]!.details).toMatchObject({
      before: { name: 'Drizzle' },
      after: { name: 'Drizzle & Co' },
      productsReindexed: 0,
    })
    expect(brandEntries.every((entry) => entry.actorId === admin.id)).toBe(true)
  })
})
