import {
  setCategoryCommission,
  setShopCommission,
} from '~/services/catalog/commission-rates.server.ts'
import { setFeatured } from '~/services/catalog/product-status.server.ts'
import { reinstateShop, suspendShop } from '~/services/catalog/shops.server.ts'
import {
  createCategory,
  deleteCategory,
  reorderCategory,
  updateCategory,
  type CategoryInput,
} from '~/services/catalog/category-admin.server.ts'
import {
  createBrand,
  deleteBrand,
  updateBrand,
  type BrandInput,
} from '~/services/catalog/brand-admin.server.ts'
import { recordAudit, type AuditInput } from '~/services/audit/audit.server.ts'

// The admin's catalog commands: the catalog service does the change, and its `within` hook
// writes the audit entry in the same transaction, so a change and its entry commit together.

type Admin = { id: string; email: string }

// What the create and delete entries of a category (or of a brand) say about it: the same both ways.

function categoryEntry(category: {
  id: string
  name: string
  slug: string
  parentId: string | null
}): Pick<AuditInput<'category.create'>, 'target' | 'details'> {
  return {
    target: { type: 'CATEGORY', id: category.id, label: category.name },
    details: { slug: category.slug, parentId: category.parentId },
  }
}

function brandEntry(brand: {
  id: string
  name: string
  slug: string
}): Pick<AuditInput<'brand.create'>, 'target' | 'details'> {
  return {
    target: { type: 'BRAND', id: brand.id, label: brand.name },
    details: { slug: brand.slug },
  }
}

export function suspendShopAsAdmin(admin: Admin, shopId: string, reason: string) {
  return suspendShop(
    shopId,
    { reason },
    {
      within: (tx, { shop, previousStatus, products }) =>
        recordAudit(tx, {
          actor: admin,
          action: 'shop.suspend',
          target: { type: 'SHOP', id: shop.id, label: shop.name },
          reason,
          details: { previousStatus, products },
        }),
    },
  )
}

export function reinstateShopAsAdmin(admin: Admin, shopId: string) {
  return reinstateShop(shopId, {
    within: (tx, { shop, previousStatus, products }) =>
      recordAudit(tx, {
        actor: admin,
        action: 'shop.reinstate',
        target: { type: 'SHOP', id: shop.id, label: shop.name },
        details: { previousStatus, products },
      }),
  })
}

export function setFeaturedAsAdmin(admin: Admin, productId: string, featured: boolean) {
  return setFeatured(productId, featured, {
    within: (tx, { product, previous }) =>
      recordAudit(tx, {
        actor: admin,
        action: featured ? 'product.feature' : 'product.unfeature',
        target: { type: 'PRODUCT', id: product.id, label: product.title },
        details: { slug: product.slug, before: previous, after: featured },
      }),
  })
}

export function createCategoryAsAdmin(admin: Admin, input: CategoryInput) {
  return createCategory(input, {
    within: (tx, { category }) =>
      recordAudit(tx, { actor: admin, action: 'category.create', ...categoryEntry(category) }),
  })
}

export function updateCategoryAsAdmin(admin: Admin, categoryId: string, input: CategoryInput) {
  return updateCategory(categoryId, input, {
    within: (tx, { before, after, products }) =>
      recordAudit(tx, {
        actor: admin,
        action: 'category.update',
        target: { type: 'CATEGORY', id: after.id, label: after.name },
        details: { before, after, productsReindexed: products },
      }),
  })
}

export function moveCategoryAsAdmin(admin: Admin, categoryId: string, direction: 'up' | 'down') {
  return reorderCategory(categoryId, direction, {
    within: async (tx) => {
      const category = await tx.category.findUniqueOrThrow({
        where: { id: categoryId },
        select: { name: true },
      })
      return recordAudit(tx, {
        actor: admin,
        action: 'category.move',
        target: { type: 'CATEGORY', id: categoryId, label: category.name },
        details: { direction },
      })
    },
  })
}

export function deleteCategoryAsAdmin(admin: Admin, categoryId: string) {
  return deleteCategory(categoryId, {
    within: (tx, { category }) =>
      recordAudit(tx, { actor: admin, action: 'category.delete', ...categoryEntry(category) }),
  })
}

export function createBrandAsAdmin(admin: Admin, input: BrandInput) {
  return createBrand(input, {
    within: (tx, { brand }) =>
      recordAudit(tx, { actor: admin, action: 'brand.create', ...brandEntry(brand) }),
  })
}

export function updateBrandAsAdmin(admin: Admin, brandId: string, input: BrandInput) {
  return updateBrand(brandId, input, {
    within: (tx, { before, after, products }) =>
      recordAudit(tx, {
        actor: admin,
        action: 'brand.update',
        target: { type: 'BRAND', id: after.id, label: after.name },
        details: {
          before,
          after: { id: after.id, name: after.name, slug: after.slug },
          productsReindexed: products,
        },
      }),
  })
}

export function deleteBrandAsAdmin(admin: Admin, brandId: string) {
  return deleteBrand(brandId, {
    within: (tx, { brand }) =>
      recordAudit(tx, { actor: admin, action: 'brand.delete', ...brandEntry(brand) }),
  })
}

export function setCategoryCommissionAsAdmin(admin: Admin, categoryId: string, bps: number | null) {
  return setCategoryCommission(categoryId, bps, {
    within: (tx, { target, before, after }) =>
      recordAudit(tx, {
        actor: admin,
        action: 'category.set-commission',
        target: { type: 'CATEGORY', id: target.id, label: target.name },
        details: { beforeBps: before, afterBps: after },
      }),
  })
}

export function setShopCommissionAsAdmin(admin: Admin, shopId: string, bps: number | null) {
  return setShopCommission(shopId, bps, {
    within: (tx, { target, before, after }) =>
      recordAudit(tx, {
        actor: admin,
        action: 'shop.set-commission',
        target: { type: 'SHOP', id: target.id, label: target.name },
        details: { beforeBps: before, afterBps: after },
      }),
  })
}
