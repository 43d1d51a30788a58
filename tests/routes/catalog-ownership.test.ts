import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import {
  action as editAction,
  loader as editLoader,
} from '~/routes/($locale).sell.products.$productId/route.tsx'
import { action as listAction } from '~/routes/($locale).sell.products._index.tsx'
import { CatalogNotFoundError } from '~/services/catalog/errors.ts'
import { changeProductStatus, type StatusAction } from '~/services/catalog/product-status.server.ts'
import { getProductForEdit, updateProduct } from '~/services/catalog/products.server.ts'
import { variantKey } from '~/services/catalog/schemas.ts'
import { signIn } from '../support/fixtures.ts'
import {
  createListedProduct,
  createSeller,
  productInput,
  taxonomyFixture,
} from '../support/catalog.ts'
import { callRoute, routeRequest } from '../support/remix.ts'
import { pendingWorkCount } from '../support/jobs.ts'

// Seller A reaches for seller B's product through every service and route that takes a product
// id: each answers "not found" (404) and B's product, variants and the job queue stay exactly as they were.

async function setup() {
  const t = await taxonomyFixture()
  const a = await createSeller('alice')
  const b = await createSeller('bob')
  const theirs = await createListedProduct(b.user.id, t, { title: 'Bob Only Dress' })
  const { cookie } = await signIn(a.user.id)
  const state = async () => ({
    product: await prisma.product.findUniqueOrThrow({ where: { id: theirs.id } }),
    variants: await prisma.variant.findMany({
      where: { productId: theirs.id },
      orderBy: { id: 'asc' },
    }),
    jobs: await pendingWorkCount(),
  })
  return { t, a, b, theirs, cookie, state }
}

describe("seller A with seller B's product", () => {
  test('services: read, save and every status change are not found, and change nothing', async () => {
    const { t, a, theirs, state } = await setup()
    const before = await state()
    expect(await getProductForEdit(a.user.id, theirs.id)).toBeNull()
    // Started one at a time, so no rejection is left unobserved while another is awaited.
    const attempts: Array<() => Promise<unknown>> = [
      () =>
        updateProduct(
          a.user.id,
          theirs.id,
          before.product.version,
          productInput(t, { title: 'Hijacked' }),
        ),
      ...(['publish', 'unpublish', 'archive', 'restore'] satisfies StatusAction[]).map(
        (action) => () => changeProductStatus(a.user.id, theirs.id, action),
      ),
    ]
    for (const attempt of attempts)
      await expect(attempt()).rejects.toBeInstanceOf(CatalogNotFoundError)
    expect(await state()).toEqual(before)
  })

  test('routes: the edit page, saving, the status buttons and the list’s quick actions answer 404', async () => {
    const { t, theirs, cookie, state } = await setup()
    const before = await state()
    const path = `/sell/products/${theirs.id}`
    const params = { productId: theirs.id }

    const page = await callRoute(editLoader, routeRequest(path, { cookie }), { params })
    expect(page.status).toBe(404)

    const input = productInput(t)
    const form: Record<string, string | string[]> = {
      intent: 'save',
      version: String(before.product.version),
      title: 'Hijacked Title',
      categoryId: input.categoryId,
      sizeScaleId: input.sizeScaleId,
      price: '10.00',
      colorIds: [t.colors.black.id],
      sizeIds: [t.letters.S.id],
      [`variants.${variantKey(t.colors.black.id, t.letters.S.id)}.sku`]: 'HIJACK-1',
      [`variants.${variantKey(t.colors.black.id, t.letters.S.id)}.stock`]: '1',
    }
    const save = await callRoute(editAction, routeRequest(path, { cookie, form }), { params })
    expect(save.status).toBe(404)

    for (const statusAction of ['publish', 'unpublish', 'archive', 'restore']) {
      const result = await callRoute(
        editAction,
        routeRequest(path, { cookie, form: { intent: 'status', statusAction } }),
        { params },
      )
      expect(result.status).toBe(404)
      const quick = await callRoute(
        listAction,
        routeRequest('/sell/products', {
          cookie,
          form: { intent: statusAction, productId: theirs.id },
        }),
      )
      expect(quick.status).toBe(404)
    }
    expect(await state()).toEqual(before)
  })

  test('unknown ids look exactly like other sellers’ ids', async () => {
    const { cookie } = await setup()
    const result = await callRoute(editLoader, routeRequest('/sell/products/nope', { cookie }), {
      params: { productId: 'nope' },
    })
    expect(result).toMatchObject({ status: 404, data: 'That product was not found in your shop.' })
  })

  test('a signed-in user without a shop is sent to open one; a visitor to sign in', async () => {
    const { theirs } = await setup()
    const { createUser } = await import('../support/fixtures.ts')
    const shopper = await createUser()
    const { cookie } = await signIn(shopper.id)
    const path = `/sell/products/${theirs.id}`
    const noShop = await callRoute(editLoader, routeRequest(path, { cookie }), {
      params: { productId: theirs.id },
    })
    expect(noShop).toMatchObject({ status: 302 })
    expect(noShop.headers.get('Location')).toBe('/sell')
    const anonymous = await callRoute(editLoader, routeRequest(path), {
      params: { productId: theirs.id },
    })
    expect(anonymous.headers.get('Location')).toMatch(/^\/login\?redirectTo=/)
  })
})
