import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import {
  CartLineNotFoundError,
  NotEnoughStockError,
  QuantityLimitError,
  VariantUnavailableError,
} from '~/services/orders/cart-errors.server.ts'
import {
  acknowledgePriceChanges,
  addToCart,
  getCart,
  getCartCount,
  removeCartLine,
  updateCartLine,
} from '~/services/orders/cart.server.ts'
import {
  adoptGuestCart,
  mergeGuestCart,
  pruneGuestCarts,
} from '~/services/orders/cart-merge.server.ts'
import { cartCookie, requireCartOwner } from '~/services/orders/cart-owner.server.ts'
import { MAX_LINE_QUANTITY } from '~/services/orders/schemas.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { routeRequest } from '../support/remix.ts'
import { createProduct, createSeller } from '../support/shop-fixtures.ts'

const guest = () => ({ guestToken: `guest-${crypto.randomUUID()}`.padEnd(43, 'x').slice(0, 43) })

async function product(options: Parameters<typeof createProduct>[1] = {}) {
  const { shop } = await createSeller()
  return createProduct(shop.id, options)
}

describe('adding to the cart', () => {
  test('creates the cart on first add, adds up quantities and records the price seen', async () => {
    const user = await createUser()
    const dress = await product({ price: 5000, discountPercent: 10, variants: [{ stock: 4 }] })
    const variantId = dress.variants[0]!.id
    expect(await addToCart({ userId: user.id }, { variantId, quantity: 1 })).toEqual({
      quantity: 1,
      itemCount: 1,
    })
    expect(await addToCart({ userId: user.id }, { variantId, quantity: 2 })).toEqual({
      quantity: 3,
      itemCount: 3,
    })
    const cart = await getCart({ userId: user.id })
    expect(cart.lines).toHaveLength(1)
    expect(cart.lines[0]).toMatchObject({
      variantId,
      quantity: 3,
      regularPrice: 5000,
      unitPrice: 4500,
      onSale: true,
      percentOff: 10,
      lineTotal: 13500,
      seenPrice: 4500,
      priceChange: null,
      problem: null,
    })
    expect(cart).toMatchObject({
      itemCount: 3,
      itemsRegular: 15000,
      itemsTotal: 13500,
      canCheckout: true,
    })
  })

  test('refuses more than the stock or the per-item limit, and changes nothing', async () => {
    const user = await createUser()
    const owner = { userId: user.id }
    const dress = await product({ variants: [{ stock: 3 }, { stock: 50 }] })
    await addToCart(owner, { variantId: dress.variants[0]!.id, quantity: 2 })
    const tooMany = await addToCart(owner, { variantId: dress.variants[0]!.id, quantity: 2 }).catch(
      (error: unknown) => error,
    )
    expect(tooMany).toBeInstanceOf(NotEnoughStockError)
    expect((tooMany as Error).message).toBe('Only 3 left, and 2 are already in your cart.')
    await expect(
      addToCart(owner, { variantId: dress.variants[1]!.id, quantity: MAX_LINE_QUANTITY + 1 }),
    ).rejects.toBeInstanceOf(QuantityLimitError)
    const cart = await getCart(owner)
    expect(cart.lines.map((line) => line.quantity)).toEqual([2])
  })

  test('refuses sold-out, unpublished, unpriced and unknown variants and those of suspended shops', async () => {
    const owner = { userId: (await createUser()).id }
    const soldOut = await product({ variants: [{ stock: 0 }] })
    const draft = await product({ status: 'DRAFT' })
    const unpriced = await product({ price: null })
    const { shop } = await createSeller()
    const suspended = await createProduct(shop.id)
    await prisma.shop.update({ where: { id: shop.id }, data: { status: 'SUSPENDED' } })

    await expect(
      addToCart(owner, { variantId: soldOut.variants[0]!.id, quantity: 1 }),
    ).rejects.toThrow('Sorry, this one is sold out.')
    for (const variantId of [
      draft.variants[0]!.id,
      unpriced.variants[0]!.id,
      suspended.variants[0]!.id,
      'no-such-variant',
    ]) {
      await expect(addToCart(owner, { variantId, quantity: 1 })).rejects.toBeInstanceOf(
        VariantUnavailableError,
      )
    }
    expect((await getCart(owner)).lines).toEqual([])
  })

  test('a double click adds twice, one after the other, never losing an update', async () => {
    const owner = { userId: (await createUser()).id }
    const dress = await product({ variants: [{ stock: 10 }] })
    await Promise.all(
      Array.from({ length: 5 }, () =>
        addToCart(owner, { variantId: dress.variants[0]!.id, quantity: 1 }),
      ),
    )
    expect((await getCart(owner)).lines[0]!.quantity).toBe(5)
    expect(await prisma.cart.count({ where: { userId: owner.userId } })).toBe(1)
  })
})

describe('changing the cart', () => {
  test('sets and removes lines; every change gives the cart a new checkout token', async () => {
    const owner = guest()
    const dress = await product({ variants: [{ stock: 5 }, { stock: 5 }] })
    await addToCart(owner, { variantId: dress.variants[0]!.id, quantity: 1 })
    await addToCart(owner, { variantId: dress.variants[1]!.id, quantity: 1 })
    const before = (await getCart(owner)).checkoutToken
    await updateCartLine(owner, { variantId: dress.variants[0]!.id, quantity: 4 })
    const afterUpdate = await getCart(owner)
    expect(afterUpdate.lines.map((line) => line.quantity)).toEqual([4, 1])
    expect(afterUpdate.checkoutToken).not.toBe(before)

    await removeCartLine(owner, dress.variants[1]!.id)
    await removeCartLine(owner, dress.variants[1]!.id) // a second click is harmless
    const afterRemove = await getCart(owner)
    expect(afterRemove.lines.map((line) => line.variantId)).toEqual([dress.variants[0]!.id])
    expect(afterRemove.checkoutToken).not.toBe(afterUpdate.checkoutToken)

    await expect(
      updateCartLine(owner, { variantId: dress.variants[0]!.id, quantity: 6 }),
    ).rejects.toBeInstanceOf(NotEnoughStockError)
    await expect(
      updateCartLine(owner, { variantId: dress.variants[1]!.id, quantity: 1 }),
    ).rejects.toBeInstanceOf(CartLineNotFoundError)
    await expect(
      updateCartLine(guest(), { variantId: dress.variants[0]!.id, quantity: 1 }),
    ).rejects.toBeInstanceOf(CartLineNotFoundError)
  })

  test('lowering a line is allowed even when stock fell below it', async () => {
    const owner = guest()
    const dress = await product({ variants: [{ stock: 5 }] })
    const variantId = dress.variants[0]!.id
    await addToCart(owner, { variantId, quantity: 5 })
    await prisma.variant.update({ where: { id: variantId }, data: { stock: 2 } })
    expect((await getCart(owner)).lines[0]!.problem).toEqual({ kind: 'not-enough', available: 2 })
    await updateCartLine(owner, { variantId, quantity: 2 })
    const cart = await getCart(owner)
    expect(cart.lines[0]).toMatchObject({ quantity: 2, problem: null })
    expect(cart.canCheckout).toBe(true)
  })
})

describe('what changed since an item was added', () => {
  test('warns about cheaper, dearer, sold out, short and unpublished items, and blocks checkout for the last three', async () => {
    const owner = guest()
    const { shop } = await createSeller()
    const cheaper = await createProduct(shop.id, { title: 'Cheaper', price: 4000 })
    const dearer = await createProduct(shop.id, { title: 'Dearer', price: 4000 })
    const soldOut = await createProduct(shop.id, { title: 'Sold out', price: 4000 })
    const short = await createProduct(shop.id, { title: 'Short', price: 4000 })
    const gone = await createProduct(shop.id, { title: 'Gone', price: 4000 })
    for (const item of [cheaper, dearer, soldOut, short, gone])
      await addToCart(owner, { variantId: item.variants[0]!.id, quantity: 2 })
    expect(
      (await getCart(owner)).lines.every(
        (line) => line.priceChange === null && line.problem === null,
      ),
    ).toBe(true)

    await prisma.product.update({ where: { id: cheaper.id }, data: { discountPercent: 25 } })
    await prisma.variant.update({ where: { id: dearer.variants[0]!.id }, data: { price: 4500 } })
    await prisma.variant.update({ where: { id: soldOut.variants[0]!.id }, data: { stock: 0 } })
    await prisma.variant.update({ where: { id: short.variants[0]!.id }, data: { stock: 1 } })
    await prisma.product.update({
      where: { id: gone.id },
      data: { status: 'DRAFT', listed: false },
    })

    const cart = await getCart(owner)
    const byTitle = Object.fromEntries(cart.lines.map((line) => [line.title, line]))
    expect(byTitle.Cheaper).toMatchObject({
      unitPrice: 3000,
      priceChange: { direction: 'cheaper', from: 4000, to: 3000 },
      problem: null,
    })
    expect(byTitle.Dearer).toMatchObject({
      unitPrice: 4500,
      priceChange: { direction: 'dearer', from: 4000, to: 4500 },
      problem: null,
    })
    expect(byTitle['Sold out']!.problem).toEqual({ kind: 'sold-out' })
    expect(byTitle.Short!.problem).toEqual({ kind: 'not-enough', available: 1 })
    expect(byTitle.Gone).toMatchObject({
      problem: { kind: 'unavailable' },
      priceChange: null,
      lineTotal: 0,
    })
    // Unavailable lines do not count towards the total.
    expect(cart.itemsTotal).toBe(2 * 3000 + 2 * 4500 + 2 * 4000 + 2 * 4000)
    expect(cart).toMatchObject({ hasPriceChanges: true, hasProblems: true, canCheckout: false })

    await acknowledgePriceChanges(owner)
    const seen = await getCart(owner)
    expect(seen.hasPriceChanges).toBe(false)
    expect(seen.lines.find((line) => line.title === 'Cheaper')!.seenPrice).toBe(3000)
  })

  test('a discount that ends makes the item dearer at that moment', async () => {
    const owner = guest()
    const ends = new Date('2030-01-10T00:00:00Z')
    const dress = await product({ price: 10000, discountPercent: 30, discountEndsAt: ends })
    await addToCart(
      owner,
      { variantId: dress.variants[0]!.id, quantity: 1 },
      new Date('2030-01-09T12:00:00Z'),
    )
    expect(
      (await getCart(owner, new Date('2030-01-09T23:59:59.999Z'))).lines[0]!.priceChange,
    ).toBeNull()
    expect((await getCart(owner, ends)).lines[0]!.priceChange).toEqual({
      direction: 'dearer',
      from: 7000,
      to: 10000,
    })
  })
})

describe('guest carts', () => {
  test('a guest gets a random token in a signed cookie; a forged cookie is no cart at all', async () => {
    const first = await requireCartOwner(routeRequest('/cart'))
    expect(first.owner).toEqual({ guestToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) })
    expect(first.setCookie).toMatch(
      /^shikposh_cart=.+; Max-Age=5184000; Path=\/; HttpOnly; SameSite=Lax$/,
    )
    const cookie = first.setCookie!.split(';')[0]!
    const again = await requireCartOwner(routeRequest('/cart', { cookie }))
    expect(again.owner).toEqual(first.owner)
    const dress = await product()
    await addToCart(again.owner, { variantId: dress.variants[0]!.id, quantity: 2 })
    expect(await getCartCount(routeRequest('/', { cookie }))).toBe(2)
    expect(
      await getCartCount(
        routeRequest('/', {
          cookie: `shikposh_cart=${encodeURIComponent(btoa(JSON.stringify('x'.repeat(43))))}.forged`,
        }),
      ),
    ).toBe(0)
    // The database knows only the token's hash.
    const token = (first.owner as { guestToken: string }).guestToken
    expect(await prisma.cart.count({ where: { tokenHash: token } })).toBe(0)
  })
})

describe('merging a guest cart on sign-in', () => {
  test('moves new lines, adds up shared ones (capped), keeps the guest’s seen price, and deletes the guest cart', async () => {
    const user = await createUser()
    const owner = guest()
    const { shop } = await createSeller()
    const shared = await createProduct(shop.id, {
      title: 'Shared',
      price: 3000,
      variants: [{ stock: 50 }],
    })
    const capped = await createProduct(shop.id, {
      title: 'Capped',
      price: 3000,
      variants: [{ stock: 50 }],
    })
    const onlyGuest = await createProduct(shop.id, { title: 'Only guest', price: 3000 })
    const onlyUser = await createProduct(shop.id, { title: 'Only user', price: 3000 })

    await addToCart({ userId: user.id }, { variantId: shared.variants[0]!.id, quantity: 1 })
    await addToCart({ userId: user.id }, { variantId: capped.variants[0]!.id, quantity: 7 })
    await addToCart({ userId: user.id }, { variantId: onlyUser.variants[0]!.id, quantity: 1 })
    await prisma.cartItem.updateMany({
      where: { variantId: shared.variants[0]!.id },
      data: { seenPrice: 3500 },
    })
    await addToCart(owner, { variantId: shared.variants[0]!.id, quantity: 2 })
    await addToCart(owner, { variantId: capped.variants[0]!.id, quantity: 6 })
    await addToCart(owner, { variantId: onlyGuest.variants[0]!.id, quantity: 1 })
    const tokenBefore = (await getCart({ userId: user.id })).checkoutToken

    expect(await mergeGuestCart(owner.guestToken, user.id)).toEqual({
      moved: 1,
      combined: 2,
      dropped: 0,
    })
    const cart = await getCart({ userId: user.id })
    expect(
      Object.fromEntries(cart.lines.map((line) => [line.title, [line.quantity, line.seenPrice]])),
    ).toEqual({
      Shared: [3, 3000],
      Capped: [MAX_LINE_QUANTITY, 3000],
      'Only user': [1, 3000],
      'Only guest': [1, 3000],
    })
    expect(cart.checkoutToken).not.toBe(tokenBefore)
    expect((await getCart(owner)).id).toBeNull()
    // Merging again (a second tab signing in) finds nothing left to merge.
    expect(await mergeGuestCart(owner.guestToken, user.id)).toEqual({
      moved: 0,
      combined: 0,
      dropped: 0,
    })
  })

  test('a user without a cart gets the guest’s; the sign-in hook clears the cookie', async () => {
    const user = await createUser()
    const { setCookie, owner } = await requireCartOwner(routeRequest('/'))
    const dress = await product()
    await addToCart(owner, { variantId: dress.variants[0]!.id, quantity: 2 })
    const request = routeRequest('/login', { cookie: setCookie!.split(';')[0]! })
    const clear = await adoptGuestCart(request, user.id)
    expect(clear).toMatch(/^shikposh_cart=; Max-Age=0/)
    expect((await getCart({ userId: user.id })).lines.map((line) => line.quantity)).toEqual([2])
    // The signed-in user's count comes from their own cart, whatever cookie is left.
    const { cookie } = await signIn(user.id)
    expect(await getCartCount(routeRequest('/', { cookie }))).toBe(2)
    expect(await adoptGuestCart(routeRequest('/login'), user.id)).toBeNull()
    expect(await cartCookie.parse(clear!.split(';')[0]!)).toBe('')
  })
})

describe('abandoned guest carts', () => {
  test('are deleted after 60 days without a change; users’ carts never are', async () => {
    const stale = guest()
    const fresh = guest()
    const user = await createUser()
    const dress = await product()
    for (const owner of [stale, fresh, { userId: user.id }])
      await addToCart(owner, { variantId: dress.variants[0]!.id, quantity: 1 })
    const now = new Date()
    const old = new Date(now.getTime() - 61 * 24 * 60 * 60 * 1000)
    const staleId = (await getCart(stale)).id!
    await prisma.$executeRaw`UPDATE "Cart" SET "updatedAt" = ${old} WHERE "id" = ${staleId} OR "userId" = ${user.id}`
    expect(await pruneGuestCarts(now)).toBe(1)
    expect((await getCart(stale)).id).toBeNull()
    expect((await getCart(fresh)).lines).toHaveLength(1)
    expect((await getCart({ userId: user.id })).lines).toHaveLength(1)
  })
})
