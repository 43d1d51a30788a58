import { message } from '~/i18n/validation.ts'
import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import {
  action as catalogAction,
  loader as catalogLoader,
} from '~/routes/($locale).admin.catalog/route.tsx'
import {
  action as productsAction,
  loader as productsLoader,
} from '~/routes/($locale).admin.products.tsx'
import { action as shopsAction, loader as shopsLoader } from '~/routes/($locale).admin.shops.tsx'
import { loader as adminLoader } from '~/routes/($locale).admin/route.tsx'
import { createUser, signIn } from '../support/fixtures.ts'
import { createListedProduct, createSeller, taxonomyFixture } from '../support/catalog.ts'
import { callRoute, routeRequest } from '../support/remix.ts'

async function adminCookie() {
  const admin = await createUser({ roles: ['SHOPPER', 'ADMIN'] })
  return (await signIn(admin.id)).cookie
}

describe('admin routes', () => {
  test('shoppers and sellers get 403 from every admin page and action, and nothing changes', async () => {
    const t = await taxonomyFixture()
    const seller = await createSeller()
    const product = await createListedProduct(seller.user.id, t)
    const shopper = await createUser()
    for (const user of [shopper, seller.user]) {
      const { cookie } = await signIn(user.id)
      for (const [loader, path] of [
        [adminLoader, '/admin'],
        [catalogLoader, '/admin/catalog'],
        [shopsLoader, '/admin/shops'],
        [productsLoader, '/admin/products'],
      ] as const) {
        expect((await callRoute(loader, routeRequest(path, { cookie }))).status).toBe(403)
      }
      expect(
        (
          await callRoute(
            catalogAction,
            routeRequest('/admin/catalog', {
              cookie,
              form: { intent: 'delete-category', id: t.categories.shoes.id },
            }),
          )
        ).status,
      ).toBe(403)
      expect(
        (
          await callRoute(
            shopsAction,
            routeRequest('/admin/shops', {
              cookie,
              form: { shopId: seller.shop.id, reason: 'Because' },
            }),
          )
        ).status,
      ).toBe(403)
      expect(
        (
          await callRoute(
            productsAction,
            routeRequest('/admin/products', {
              cookie,
              form: { productId: product.id, featured: 'true' },
            }),
          )
        ).status,
      ).toBe(403)
    }
    expect(await prisma.category.count({ where: { id: t.categories.shoes.id } })).toBe(1)
    expect((await prisma.shop.findUniqueOrThrow({ where: { id: seller.shop.id } })).status).toBe(
      'ACTIVE',
    )
    expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).featured).toBe(
      false,
    )
    const anonymous = await callRoute(adminLoader, routeRequest('/admin'))
    expect(anonymous.status).toBe(302)
  })

  test('categories: add, refuse a cycle at the field, refuse deleting a non-empty one, delete an empty one', async () => {
    const t = await taxonomyFixture()
    const cookie = await adminCookie()
    const created = await callRoute(
      catalogAction,
      routeRequest('/admin/catalog', {
        cookie,
        form: {
          intent: 'create-category',
          name: 'Swimwear',
          slug: '',
          parentId: t.categories.women.id,
        },
      }),
    )
    expect(created.status).toBe(302)
    const swim = await prisma.category.findUniqueOrThrow({ where: { slug: 'swimwear' } })
    expect(swim.parentId).toBe(t.categories.women.id)

    const cycle = await callRoute(
      catalogAction,
      routeRequest('/admin/catalog', {
        cookie,
        form: {
          intent: 'update-category',
          id: t.categories.women.id,
          name: 'Women',
          slug: 'women',
          parentId: swim.id,
        },
      }),
    )
    expect(cycle).toMatchObject({
      status: 400,
      data: {
        form: `update-category:${t.categories.women.id}`,
        fieldErrors: {
          parentId: ['A category cannot move under itself or one of its sub-categories'],
        },
      },
    })

    const notEmpty = await callRoute(
      catalogAction,
      routeRequest('/admin/catalog', {
        cookie,
        form: { intent: 'delete-category', id: t.categories.women.id },
      }),
    )
    expect(notEmpty.status).toBe(400)
    expect((notEmpty.data as { formErrors: string[] }).formErrors[0]).toMatch(
      /^“Women” still has 3 sub-categories/,
    )

    const badName = await callRoute(
      catalogAction,
      routeRequest('/admin/catalog', { cookie, form: { intent: 'create-brand', name: 'x' } }),
    )
    expect(badName).toMatchObject({
      status: 400,
      data: { form: 'create-brand', fieldErrors: { name: [message('text.tooShort', { min: 2 })] } },
    })

    const deleted = await callRoute(
      catalogAction,
      routeRequest('/admin/catalog', { cookie, form: { intent: 'delete-category', id: swim.id } }),
    )
    expect(deleted.status).toBe(302)
    expect(await prisma.category.count({ where: { id: swim.id } })).toBe(0)
  })

  test('shops: suspending needs a reason; suspend and reinstate hide and restore the products', async () => {
    const t = await taxonomyFixture()
    const cookie = await adminCookie()
    const seller = await createSeller('moderated')
    const product = await createListedProduct(seller.user.id, t)
    const noReason = await callRoute(
      shopsAction,
      routeRequest('/admin/shops', { cookie, form: { shopId: seller.shop.id, reason: '' } }),
    )
    expect(noReason).toMatchObject({ status: 400, data: { shopId: seller.shop.id } })

    expect(
      (
        await callRoute(
          shopsAction,
          routeRequest('/admin/shops', {
            cookie,
            form: { shopId: seller.shop.id, reason: 'Fake reviews' },
          }),
        )
      ).status,
    ).toBe(302)
    expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).listed).toBe(
      false,
    )
    expect(
      (
        await callRoute(
          shopsAction,
          routeRequest('/admin/shops', {
            cookie,
            form: { shopId: seller.shop.id, intent: 'reinstate' },
          }),
        )
      ).status,
    ).toBe(302)
    expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).listed).toBe(
      true,
    )
    expect(
      (
        await callRoute(
          shopsAction,
          routeRequest('/admin/shops', {
            cookie,
            form: { shopId: 'missing', intent: 'reinstate' },
          }),
        )
      ).status,
    ).toBe(404)
  })

  test('products: feature and unfeature', async () => {
    const t = await taxonomyFixture()
    const cookie = await adminCookie()
    const seller = await createSeller()
    const product = await createListedProduct(seller.user.id, t)
    expect(
      (
        await callRoute(
          productsAction,
          routeRequest('/admin/products', {
            cookie,
            form: { productId: product.id, featured: 'true' },
          }),
        )
      ).status,
    ).toBe(302)
    expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).featured).toBe(
      true,
    )
    const listed = await callRoute(
      productsLoader,
      routeRequest('/admin/products?featured=yes', { cookie }),
    )
    expect(
      (listed.data as { products: Array<{ id: string }> }).products.map((row) => row.id),
    ).toContain(product.id)
    expect(
      (
        await callRoute(
          productsAction,
          routeRequest('/admin/products', {
            cookie,
            form: { productId: 'missing', featured: 'true' },
          }),
        )
      ).status,
    ).toBe(404)
  })
})
