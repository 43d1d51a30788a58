import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { cannotAddReason } from '~/routes/($locale).p.$slug/add-to-cart.tsx'
import { ProductGallery } from '~/components/media/product-gallery.tsx'
import { i18nFor } from '~/i18n/i18n.server.ts'
import { prisma } from '~/infra/db.server.ts'
import { requestContext } from '~/infra/request-context.server.ts'
import { loader as homeLoader } from '~/routes/($locale)._index/route.tsx'
import { loader as categoryLoader } from '~/routes/($locale).c.$slug.tsx'
import { loader as cartLoader } from '~/routes/($locale).cart/route.tsx'
import { loader as checkoutLoader } from '~/routes/($locale).checkout/route.tsx'
import { loader as orderLoader } from '~/routes/($locale).orders.$number/route.tsx'
import { loader as productLoader } from '~/routes/($locale).p.$slug/route.tsx'
import { loader as shopLoader } from '~/routes/($locale).shops.$slug.tsx'
import type { ProductCardData } from '~/services/catalog/storefront.server.ts'
import { syncProducts } from '~/services/search/indexer.server.ts'
import type { SearchPageData } from '~/services/search/page.server.ts'
import { linePhotoKey, orderImagesForColor, type ProductImageView } from '~/services/media/views.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { attachPhoto } from '../support/media.ts'
import { callRoute, routeRequest } from '../support/remix.ts'
import {
  catalogBasics,
  createProduct,
  createSeller,
  placeTestOrder,
  putInCart,
} from '../support/shop-fixtures.ts'

// The product page and the grids with the media and orders domains: photos in the gallery (the
// picked colour's first), photos on every card (from the index, or one query per grid), photos beside cart and
// order lines, and what the Add to cart form is told.

afterEach(() => vi.restoreAllMocks())

type PageData = {
  images: ProductImageView[]
  colors: Array<{ id: string; slug: string; name: string }>
  imageUrl: string | null
  jsonLd: { image?: string[] }
  moreFromShop: Promise<ProductCardData[]>
}

/** Counts the calls of a Prisma model method (vi.spyOn cannot put Prisma's delegates back). */
function countCalls<T extends object, K extends keyof T & string>(delegate: T, method: K) {
  const original = delegate[method] as (...args: unknown[]) => unknown
  const counter = {
    calls: 0,
    restore: () => Object.assign(delegate, { [method]: original }),
  }
  Object.assign(delegate, {
    [method]: (...args: unknown[]) => (counter.calls++, original.apply(delegate, args)),
  })
  return counter
}

async function productPage(slug: string, query = '') {
  const result = await callRoute(productLoader, routeRequest(`/p/${slug}${query}`), {
    params: { slug },
  })
  expect(result.status).toBe(200)
  return result.data as PageData
}

async function twoColourDress() {
  const seller = await createSeller('Gallery Shop')
  const dress = await createProduct(seller.shop.id, {
    title: 'Wrap dress',
    variants: [
      { color: 'Black', size: 'S', stock: 4 },
      { color: 'Rose', size: 'S', stock: 4 },
    ],
  })
  const { colors } = await catalogBasics()
  return { seller, dress, black: colors.get('Black')!, rose: colors.get('Rose')! }
}

describe('the product page gallery', () => {
  test('carries the photos in the seller’s order; picking a colour puts its photos first, the first one with priority', async () => {
    const { seller, dress, black, rose } = await twoColourDress()
    const everyColour = await attachPhoto(dress.id, seller.user.id, { alt: 'Flat lay' })
    const roseFront = await attachPhoto(dress.id, seller.user.id, {
      colorId: rose,
      alt: 'Rose, front',
    })
    const blackFront = await attachPhoto(dress.id, seller.user.id, { colorId: black })
    const roseBack = await attachPhoto(dress.id, seller.user.id, { colorId: rose })

    const page = await productPage(dress.slug, '?color=rose')
    expect(page.images.map((image) => image.id)).toEqual([
      everyColour.id,
      roseFront.id,
      blackFront.id,
      roseBack.id,
    ])
    expect(page.images[1]).toMatchObject({ colorId: rose, alt: 'Rose, front' })
    expect(page.images[0]!.image.srcSet.webp).toContain(
      `/media/img/${everyColour.tag}/320-${everyColour.tag}.webp 320w`,
    )

    // The page orders them for the picked colour (the same function on the server and in the browser).
    expect(orderImagesForColor(page.images, rose).map((image) => image.id)).toEqual([
      roseFront.id,
      roseBack.id,
      everyColour.id,
      blackFront.id,
    ])
    expect(orderImagesForColor(page.images, black).map((image) => image.id)).toEqual([
      blackFront.id,
      everyColour.id,
      roseFront.id,
      roseBack.id,
    ])

    const html = renderToStaticMarkup(
      createElement(
        I18nextProvider,
        { i18n: i18nFor('en') },
        createElement(ProductGallery, {
          images: page.images,
          productTitle: 'Wrap dress',
          colorId: rose,
        }),
      ),
    )
    const main = html.slice(html.indexOf('<figure'))
    expect(main).toContain(`/media/img/${roseFront.tag}/640-${roseFront.tag}.jpg`)
    expect(main).toContain('alt="Rose, front"')
    expect(main).toContain('fetchpriority="high"')
    // The thumbnails load lazily.
    expect(html.slice(0, html.indexOf('<figure')).match(/loading="lazy"/g)).toHaveLength(4)
  })

  test('search engines and link previews get absolute photo addresses', async () => {
    const { seller, dress } = await twoColourDress()
    const first = await attachPhoto(dress.id, seller.user.id)
    await attachPhoto(dress.id, seller.user.id)
    const page = await productPage(dress.slug)
    expect(page.jsonLd.image).toHaveLength(2)
    expect(page.jsonLd.image![0]).toMatch(
      new RegExp(`^https?://[^/]+/media/img/${first.tag}/640-${first.tag}\\.jpg$`),
    )
    expect(page.imageUrl).toBe(page.jsonLd.image![0])
  })

  test('without photos: no image in the structured data, and the gallery shows the placeholder in the picked colour', async () => {
    const { dress } = await twoColourDress()
    const page = await productPage(dress.slug)
    expect(page.images).toEqual([])
    expect(page.jsonLd.image).toBeUndefined()
    expect(page.imageUrl).toBeNull()
    const html = renderToStaticMarkup(
      createElement(
        I18nextProvider,
        { i18n: i18nFor('en') },
        createElement(ProductGallery, { images: [], productTitle: 'Wrap dress', hex: '#d4768f' }),
      ),
    )
    expect(html).toContain('aria-label="Wrap dress: no photos yet"')
    expect(html).toContain('#d4768f')
  })
})

describe('product cards carry their photos', () => {
  test('in the category, shop, home and more-from-this-shop grids: the first two, in order, from the index or in the grid’s own query', async () => {
    const seller = await createSeller('Card Shop')
    const products: Array<Awaited<ReturnType<typeof createProduct>>> = []
    for (let index = 0; index < 6; index++)
      products.push(await createProduct(seller.shop.id, { title: `Card dress ${index}` }))
    const photos = new Map<string, string[]>()
    for (const product of products.slice(0, 5)) {
      const ids = []
      for (let n = 0; n < 3; n++) ids.push((await attachPhoto(product.id, seller.user.id)).id)
      photos.set(product.id, ids)
    }
    const expectCards = (cards: ProductCardData[]) => {
      for (const card of cards.filter((candidate) =>
        products.some((product) => product.id === candidate.id),
      )) {
        expect(card.images.map((image) => image.id)).toEqual(photos.get(card.id)?.slice(0, 2) ?? [])
      }
    }

    // The category and shop grids are search results: their cards come whole from the index
    // (the fixtures write rows only, so the products are sent to it here), no photo query at all.
    await syncProducts(products.map((product) => product.id))
    const findMany = countCalls(prisma.productImage, 'findMany')
    const gridCards = (data: unknown) => {
      const { page } = data as { page: SearchPageData }
      if (page.status !== 'ok') throw new Error('expected results')
      return page.result.hits.map((hit) => hit.card)
    }
    const category = await callRoute(categoryLoader, routeRequest('/c/test-dresses'), {
      params: { slug: 'test-dresses' },
    })
    const categoryCards = gridCards(category.data)
    expect(categoryCards.length).toBeGreaterThanOrEqual(6)
    expectCards(categoryCards)
    expect(findMany.calls).toBe(0)

    const shop = await callRoute(shopLoader, routeRequest(`/shops/${seller.shop.slug}`), {
      params: { slug: seller.shop.slug },
    })
    const shopCards = gridCards(shop.data)
    expect(shopCards).toHaveLength(6)
    expect(shopCards.find((card) => card.id === products[5]!.id)!.images).toEqual([])
    expectCards(shopCards)
    expect(findMany.calls).toBe(0)

    findMany.restore()
    const context = { requestId: 'test', roundTrips: 0 }
    const home = await requestContext.run(context, () => callRoute(homeLoader, routeRequest('/')))
    const { featured, newArrivals, onSale } = home.data as Record<
      'featured' | 'newArrivals' | 'onSale',
      ProductCardData[]
    >
    expectCards([...featured, ...newArrivals, ...onSale])
    expect(newArrivals.some((card) => card.images.length === 2)).toBe(true)
    // The three rows, their cards and their photos share one round trip.
    expect(context.roundTrips).toBe(1)

    const page = await productPage(products[0]!.slug)
    const more = await page.moreFromShop
    expect(more).toHaveLength(4)
    expectCards(more)
  })
})

describe('cart, checkout and order lines show the product in their colour', () => {
  test('the line’s colour’s first photo, else the first for every colour; none without photos', async () => {
    const { seller, dress, black, rose } = await twoColourDress()
    const plain = await createProduct(seller.shop.id, { title: 'Plain tee' })
    const everyColour = await attachPhoto(dress.id, seller.user.id)
    const roseFront = await attachPhoto(dress.id, seller.user.id, { colorId: rose })
    const shopper = await createUser()
    const roseVariant = dress.variants.find((variant) => variant.colorId === rose)!
    const blackVariant = dress.variants.find((variant) => variant.colorId === black)!
    for (const variant of [roseVariant, blackVariant, plain.variants[0]!])
      await putInCart(shopper.id, variant.id, 1, 4000)
    const { cookie } = await signIn(shopper.id)

    const cart = await callRoute(cartLoader, routeRequest('/cart', { cookie }))
    const { photos } = cart.data as { photos: Record<string, ProductImageView> }
    expect(photos[linePhotoKey(dress.id, rose)]?.id).toBe(roseFront.id)
    expect(photos[linePhotoKey(dress.id, black)]?.id).toBe(everyColour.id)
    expect(photos[linePhotoKey(plain.id, plain.variants[0]!.colorId)]).toBeUndefined()

    const checkout = await callRoute(checkoutLoader, routeRequest('/checkout', { cookie }))
    expect((checkout.data as { photos: Record<string, ProductImageView> }).photos).toEqual(photos)

    const placed = await placeTestOrder(shopper.id, [])
    const order = await callRoute(
      orderLoader,
      routeRequest(`/orders/${placed.number}`, { cookie }),
      { params: { number: placed.number } },
    )
    expect(
      (order.data as { photos: Record<string, ProductImageView> }).photos[
        linePhotoKey(dress.id, rose)
      ]?.id,
    ).toBe(roseFront.id)
  })
})

describe('what the Add to cart form says', () => {
  const variant = { id: 'v1', stock: 3, priced: true }
  test('it is enabled only for a chosen, priced colour and size in stock, and otherwise says why', () => {
    expect(cannotAddReason({ variant, sizeChosen: true, preview: false })).toBeNull()
    expect(cannotAddReason({ variant: null, sizeChosen: false, preview: false })).toBe('chooseSize')
    expect(cannotAddReason({ variant: null, sizeChosen: true, preview: false })).toBe('notMade')
    expect(
      cannotAddReason({ variant: { ...variant, stock: 0 }, sizeChosen: true, preview: false }),
    ).toBe('soldOut')
    expect(
      cannotAddReason({ variant: { ...variant, priced: false }, sizeChosen: true, preview: false }),
    ).toBe('notForSale')
    expect(cannotAddReason({ variant, sizeChosen: true, preview: true })).toBe('preview')
  })
})
