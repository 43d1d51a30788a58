import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { action as loginAction } from '~/routes/($locale).login.tsx'
import { action as productAction } from '~/routes/($locale).p.$slug/route.tsx'
import {
  action as wishlistAction,
  loader as wishlistLoader,
} from '~/routes/($locale).wishlist/route.tsx'
import { loader as rootLoader } from '~/root.tsx'
import { getCart } from '~/services/orders/cart.server.ts'
import type { WishlistLine } from '~/services/wishlist/wishlist.server.ts'
import { TEST_PASSWORD, createUser, signIn } from '../support/fixtures.ts'
import { callRoute, cookieFrom, routeRequest } from '../support/remix.ts'
import { createProduct, createSeller } from '../support/shop-fixtures.ts'

// The wishlist through its routes: the heart as a guest (the cookie) and as a shopper, the
// merge at sign-in, the page's commands, and bad input answered at the field with nothing saved.

const SAVED_COOKIE = 'shikposh_saved'

const post = (form: Record<string, string>, cookie?: string) =>
  callRoute(wishlistAction, routeRequest('/wishlist', { form, cookie }))

const heart = (productId: string, variantId = '', cookie?: string, want = 'save') =>
  post({ intent: 'toggle', productId, variantId, want, redirectTo: '/c/dresses' }, cookie)

async function catalog() {
  const { shop } = await createSeller()
  const dress = await createProduct(shop.id, {
    title: 'Wrap dress',
    price: 6000,
    variants: [
      { size: 'S', stock: 2 },
      { size: 'M', stock: 0 },
    ],
  })
  const scarf = await createProduct(shop.id, { title: 'Silk scarf', price: 2500 })
  const draft = await createProduct(shop.id, { title: 'Draft top', status: 'DRAFT' })
  return { dress, scarf, draft }
}

const lines = async (cookie?: string) =>
  (
    (await callRoute(wishlistLoader, routeRequest('/wishlist', { cookie }))).data as {
      lines: WishlistLine[]
    }
  ).lines

describe('the heart and /wishlist', () => {
  test('a guest’s saves live in their cookie and join the account at sign-in, keeping the account’s own', async () => {
    const { dress, scarf, draft } = await catalog()
    const user = await createUser()
    // The account already saved the scarf, when it cost more.
    await prisma.wishlistItem.create({
      data: {
        userId: user.id,
        productId: scarf.id,
        target: scarf.id,
        savedPrice: 3000,
        alertPrice: 3000,
      },
    })

    const first = await heart(dress.id, dress.variants[0]!.id)
    expect(first.status).toBe(302)
    expect(first.headers.get('Location')).toBe('/c/dresses')
    let cookie = cookieFrom(first.headers, SAVED_COOKIE)!
    expect(cookie).toBeTruthy()
    const second = await heart(scarf.id, '', cookie)
    cookie = cookieFrom(second.headers, SAVED_COOKIE)!
    // A draft cannot be saved: refused, the cookie unchanged.
    const refused = await heart(draft.id, '', cookie)
    expect(refused.status).toBe(404)
    expect(cookieFrom(refused.headers, SAVED_COOKIE)).toBeUndefined()

    const guestLines = await lines(cookie)
    expect(guestLines.map((line) => line.title)).toEqual(['Silk scarf', 'Wrap dress'])
    expect(guestLines[1]).toMatchObject({ size: 'S', stock: 2, savedPrice: 6000 })
    const root = await callRoute(rootLoader, routeRequest('/', { cookie }))
    expect((root.data as { saved: string[] }).saved).toEqual(
      expect.arrayContaining([dress.id, dress.variants[0]!.id, scarf.id]),
    )

    // Signing in: the saves move to the account and the cookie is cleared.
    const login = await callRoute(
      loginAction,
      routeRequest('/login', {
        form: { email: user.email, password: TEST_PASSWORD, redirectTo: '/wishlist' },
        cookie,
      }),
    )
    expect(login.status).toBe(302)
    const cleared = login.headers.getSetCookie().find((c) => c.startsWith(`${SAVED_COOKIE}=`))
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/)
    const rows = await prisma.wishlistItem.findMany({
      where: { userId: user.id },
      orderBy: { target: 'asc' },
    })
    expect(rows.map((row) => [row.productId, row.variantId, row.savedPrice]).sort()).toEqual(
      [
        [dress.id, dress.variants[0]!.id, 6000],
        // Saved on both sides: the account's row and its price stay.
        [scarf.id, null, 3000],
      ].sort(),
    )
    // The same cookie again (another tab) adds nothing twice.
    const again = await callRoute(
      loginAction,
      routeRequest('/login', { form: { email: user.email, password: TEST_PASSWORD }, cookie }),
    )
    expect(again.status).toBe(302)
    expect(await prisma.wishlistItem.count({ where: { userId: user.id } })).toBe(2)

    // The account's page: the scarf is cheaper than when saved.
    const session = (await signIn(user.id)).cookie
    const accountLines = await lines(session)
    const scarfLine = accountLines.find((line) => line.productId === scarf.id)!
    expect(scarfLine.drop).toBe(500)
    expect(scarfLine.price?.effective).toBe(2500)
  })

  test('a shopper’s heart, move to cart, price alert and remove; bad input is refused with nothing saved', async () => {
    const { dress, scarf } = await catalog()
    const user = await createUser()
    const cookie = (await signIn(user.id)).cookie

    // With JavaScript the heart answers in place.
    const inPlace = await post(
      {
        intent: 'toggle',
        productId: dress.id,
        variantId: dress.variants[0]!.id,
        want: 'save',
        inPlace: '1',
      },
      cookie,
    )
    expect(inPlace.status).toBe(200)
    // A double click saves once.
    await heart(dress.id, dress.variants[0]!.id, cookie)
    await heart(scarf.id, '', cookie)
    expect(await prisma.wishlistItem.count({ where: { userId: user.id } })).toBe(2)

    // Bad input: a 400 with nothing changed.
    const missing = await post({ intent: 'toggle', productId: '', want: 'save' }, cookie)
    expect(missing.status).toBe(400)
    const wrongVariant = await heart(scarf.id, dress.variants[0]!.id, cookie)
    expect(wrongVariant.status).toBe(400)
    const unknown = await post({ intent: 'explode' }, cookie)
    expect(unknown.status).toBe(400)
    expect(await prisma.wishlistItem.count({ where: { userId: user.id } })).toBe(2)

    // A whole product cannot go in the cart without a size.
    const noSize = await post({ intent: 'move', itemId: scarf.id }, cookie)
    expect(noSize.status).toBe(400)
    expect(noSize.data).toMatchObject({
      target: scarf.id,
      error: 'Choose a colour and size first.',
    })

    const alert = await post({ intent: 'price-alert', itemId: scarf.id, on: 'true' }, cookie)
    expect(alert.status).toBe(302)
    expect(
      (
        await prisma.wishlistItem.findFirstOrThrow({
          where: { userId: user.id, productId: scarf.id },
        })
      ).priceAlert,
    ).toBe(true)

    const moved = await post({ intent: 'move', itemId: dress.variants[0]!.id }, cookie)
    expect(moved.status).toBe(302)
    expect((await getCart({ userId: user.id })).lines.map((line) => line.variantId)).toEqual([
      dress.variants[0]!.id,
    ])
    const removed = await post({ intent: 'remove', itemId: scarf.id }, cookie)
    expect(removed.status).toBe(302)
    expect(await prisma.wishlistItem.count({ where: { userId: user.id } })).toBe(0)
  })

  test('“Email me when it’s back”: a guest’s address at the field, a shopper’s own address', async () => {
    const { dress } = await catalog()
    const soldOut = dress.variants[1]!
    const back = (form: Record<string, string>, cookie?: string) =>
      callRoute(
        productAction,
        routeRequest(`/p/${dress.slug}?size=M`, {
          form: { intent: 'back-in-stock', variantId: soldOut.id, ...form },
          cookie,
        }),
        { params: { slug: dress.slug } },
      )
    const bad = await back({ email: 'not an address' })
    expect(bad.status).toBe(400)
    expect(bad.data).toMatchObject({
      intent: 'back-in-stock',
      fieldErrors: { email: ['validation:account.emailInvalid'] },
    })
    const inStock = await back({ email: 'ada@example.test', variantId: dress.variants[0]!.id })
    expect(inStock.status).toBe(409)
    expect(await prisma.stockAlert.count()).toBe(0)

    const guest = await back({ email: 'Ada@Example.test' })
    expect(guest.status).toBe(302)
    expect(guest.headers.get('Location')).toBe(`/p/${dress.slug}?size=M`)
    const user = await createUser()
    const mine = await back({}, (await signIn(user.id)).cookie)
    expect(mine.status).toBe(302)
    expect(
      (await prisma.stockAlert.findMany({ orderBy: { email: 'asc' } })).map((row) => row.email),
    ).toEqual(['ada@example.test', user.email].sort())
  })
})
