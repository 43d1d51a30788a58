import type { LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { requestContext } from '~/infra/request-context.server.ts'
import { loader as rootLoader } from '~/root.tsx'
import { loader as homeLoader } from '~/routes/($locale)._index/route.tsx'
import { loader as productLoader } from '~/routes/($locale).p.$slug/route.tsx'
import { createUser, signIn } from '../support/fixtures.ts'
import { attachPhoto } from '../support/media.ts'
import { callRoute, routeRequest } from '../support/remix.ts'
import { createProduct, createSeller, putInCart } from '../support/shop-fixtures.ts'

// How many times a page goes to PostgreSQL: the root's loader and the page's, for one HTTP
// request, as the server runs them (one request context, each loader with its own Request).

type Loader = (args: LoaderFunctionArgs) => unknown

async function roundTrips(path: string, loaders: Loader[], params = {}, cookie?: string) {
  const context = { requestId: 'test', roundTrips: 0 }
  await requestContext.run(context, () =>
    Promise.all(
      loaders.map(async (loader) => {
        const result = await callRoute(loader, routeRequest(path, { cookie }), { params })
        expect(result.status).toBe(200)
      }),
    ),
  )
  return context.roundTrips
}

async function bareProduct() {
  const seller = await createSeller('Round Trip Shop')
  const product = await createProduct(seller.shop.id, { title: 'Plain tee' })
  return { seller, product }
}

describe('database round trips per page', () => {
  test('the product page: two for a visitor, four for a signed-in shopper with a cart; none for what the product does not have', async () => {
    const { seller, product } = await bareProduct()
    const shopper = await createUser()
    await putInCart(shopper.id, product.variants[0]!.id, 1, 4000)
    const { cookie } = await signIn(shopper.id)
    const page = (path: string, slug: string, as?: string) =>
      roundTrips(path, [rootLoader, productLoader], { slug }, as)
    // The category tree is cached by the process: fill it first.
    await page(`/p/${product.slug}`, product.slug)

    // No photos, no reviews, no brand, no other products in the shop.
    expect(await page(`/p/${product.slug}`, product.slug)).toBe(2)
    // Signed in: the session, and the header's bell, cart count and saved hearts in one query;
    // the sizes the shopper asked to hear about ride in the product's own query
    // (tests/routes/product-page-round-trips.test.ts).
    expect(await page(`/p/${product.slug}`, product.slug, cookie)).toBe(4)

    // With all of those the count stays the same.
    const full = await createProduct(seller.shop.id, { title: 'Wrap dress' })
    await attachPhoto(full.id, seller.user.id)
    await attachPhoto(full.id, seller.user.id)
    await attachPhoto(product.id, seller.user.id)
    const author = await createUser()
    await prisma.review.create({
      data: {
        productId: full.id,
        userId: author.id,
        rating: 5,
        title: 'Lovely',
        body: 'Fits well and washes well.',
        status: 'APPROVED',
        fit: 'TRUE_TO_SIZE',
        votes: { create: { userId: shopper.id } },
      },
    })
    await prisma.review.create({
      data: {
        productId: full.id,
        userId: shopper.id,
        rating: 4,
        title: 'Mine',
        body: 'Waiting for approval.',
      },
    })
    expect(await page(`/p/${full.slug}?reviewSort=helpful`, full.slug)).toBe(2)
    expect(await page(`/p/${full.slug}?reviewSort=helpful`, full.slug, cookie)).toBe(4)
  })

  test('the home page: its three rows, their cards and photos in one round trip', async () => {
    const { seller, product } = await bareProduct()
    await attachPhoto(product.id, seller.user.id)
    await roundTrips('/', [rootLoader, homeLoader])
    expect(await roundTrips('/', [rootLoader, homeLoader])).toBe(1)
  })
})
