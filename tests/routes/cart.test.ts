import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { message } from '~/i18n/validation.ts'
import { action as cartAction, loader as cartLoader } from '~/routes/($locale).cart/route.tsx'
import { action as loginAction } from '~/routes/($locale).login.tsx'
import { action as registerAction } from '~/routes/($locale).register.tsx'
import { action as verifyAction } from '~/routes/($locale).verify-email.tsx'
import { loader as rootLoader } from '~/root.tsx'
import { getCart } from '~/services/orders/cart.server.ts'
import { TEST_PASSWORD, createUser, signIn, uniqueEmail } from '../support/fixtures.ts'
import { callRoute, cookieFrom, routeRequest } from '../support/remix.ts'
import { linkToken, mailsTo } from '../support/queued-mail.ts'
import { createProduct, createSeller } from '../support/shop-fixtures.ts'

const CART_COOKIE = 'shikposh_cart'

function fieldErrors(result: { data: unknown }) {
  const data = result.data as { result?: { error?: Record<string, string[]> } }
  return data.result?.error ?? {}
}

async function product(stock = 5) {
  const { shop } = await createSeller()
  return createProduct(shop.id, { title: 'Pleated skirt', price: 4500, variants: [{ stock }] })
}

const add = (form: Record<string, string>, cookie?: string) =>
  callRoute(cartAction, routeRequest('/cart', { form: { intent: 'add', ...form }, cookie }))

describe('POST /cart intent=add (the product page form)', () => {
  test('a guest gets a cart cookie, a toast, and is sent back where they were', async () => {
    const skirt = await product()
    const result = await add({
      variantId: skirt.variants[0]!.id,
      quantity: '2',
      redirectTo: `/p/${skirt.slug}`,
    })
    expect(result.status).toBe(302)
    expect(result.headers.get('Location')).toBe(`/p/${skirt.slug}`)
    const cookie = cookieFrom(result.headers, CART_COOKIE)!
    expect(cookie).toBeTruthy()
    expect(cookieFrom(result.headers, 'shikposh_toast')).toBeTruthy()

    const root = await callRoute(rootLoader, routeRequest('/', { cookie }))
    expect((root.data as { cartCount: number }).cartCount).toBe(2)
    const page = await callRoute(cartLoader, routeRequest('/cart', { cookie }))
    expect(
      (page.data as { cart: { lines: Array<{ title: string; quantity: number }> } }).cart.lines,
    ).toMatchObject([{ title: 'Pleated skirt', quantity: 2 }])
  })

  test('an off-site redirectTo goes to the cart instead; a missing quantity means one', async () => {
    const skirt = await product()
    const user = await createUser()
    const { cookie } = await signIn(user.id)
    const result = await add(
      { variantId: skirt.variants[0]!.id, redirectTo: 'https://evil.example/' },
      cookie,
    )
    expect(result.headers.get('Location')).toBe('/cart')
    expect(cookieFrom(result.headers, CART_COOKIE)).toBeUndefined()
    expect((await getCart({ userId: user.id })).lines.map((line) => line.quantity)).toEqual([1])
  })

  test.each([
    ['no variant', { quantity: '1' }, 'variantId'],
    ['a quantity that is not a number', { variantId: 'x', quantity: 'lots' }, 'quantity'],
    ['a quantity of zero', { variantId: 'x', quantity: '0' }, 'quantity'],
    ['a fractional quantity', { variantId: 'x', quantity: '1.5' }, 'quantity'],
    ['more than ten', { variantId: 'x', quantity: '11' }, 'quantity'],
  ])('%s is a 400 at the field', async (_, form, field) => {
    const result = await add(form)
    expect(result.status).toBe(400)
    expect(fieldErrors(result)[field]?.length).toBe(1)
  })

  test('the message for a missing variant asks for a colour and size', async () => {
    expect(fieldErrors(await add({ variantId: '  ', quantity: '1' })).variantId).toEqual([
      message('cart.chooseVariant'),
    ])
  })

  test('a quantity in Persian or Arabic-Indic digits counts; over the limit it says the limit', async () => {
    const skirt = await product()
    const persian = await add({ variantId: skirt.variants[0]!.id, quantity: '۲' })
    expect(persian.status).toBe(302)
    const cookie = cookieFrom(persian.headers, CART_COOKIE)!
    expect((await add({ variantId: skirt.variants[0]!.id, quantity: '٣' }, cookie)).status).toBe(
      302,
    )
    const page = await callRoute(cartLoader, routeRequest('/cart', { cookie }))
    expect(
      (page.data as { cart: { lines: Array<{ quantity: number }> } }).cart.lines[0]?.quantity,
    ).toBe(5)
    const tooMany = await add({ variantId: skirt.variants[0]!.id, quantity: '۱۱' })
    expect(tooMany.status).toBe(400)
    expect(fieldErrors(tooMany).quantity).toEqual([message('cart.quantityMax', { max: 10 })])
  })

  test('an unknown or sold-out variant is a 400 at the field, and no cart is made', async () => {
    const unknown = await add({ variantId: 'cl_no_such_variant', quantity: '1' })
    expect(unknown.status).toBe(400)
    expect(fieldErrors(unknown).variantId).toEqual(['This item is not available any more.'])
    const soldOut = await product(0)
    const refused = await add({ variantId: soldOut.variants[0]!.id, quantity: '1' })
    expect(refused.status).toBe(400)
    expect(fieldErrors(refused).quantity).toEqual(['Sorry, this one is sold out.'])
    expect(await prisma.cartItem.count({ where: { variantId: soldOut.variants[0]!.id } })).toBe(0)
  })
})

describe('Add to cart from the product page', () => {
  test('back on the product page: the redirect replaces the history entry (a fetcher stays in place), with the toast and the count', async () => {
    const skirt = await product()
    const here = `/p/${skirt.slug}?color=black&size=XS`
    const result = await add({ variantId: skirt.variants[0]!.id, quantity: '1', redirectTo: here })
    expect(result.status).toBe(302)
    expect(result.headers.get('Location')).toBe(here)
    expect(result.headers.get('X-Remix-Replace')).toBe('true')
    // Sent to the cart (no way back given), the history is left alone.
    const toCart = await add(
      { variantId: skirt.variants[0]!.id, quantity: '1' },
      cookieFrom(result.headers, CART_COOKIE),
    )
    expect(toCart.headers.get('Location')).toBe('/cart')
    expect(toCart.headers.get('X-Remix-Replace')).toBeNull()
  })

  test('quantity limits count what is already in the cart: a 400 at the quantity, and nothing added', async () => {
    const skirt = await product(12)
    const first = await add({ variantId: skirt.variants[0]!.id, quantity: '8' })
    const cookie = cookieFrom(first.headers, CART_COOKIE)!
    const overLimit = await add({ variantId: skirt.variants[0]!.id, quantity: '3' }, cookie)
    expect(overLimit.status).toBe(400)
    expect(fieldErrors(overLimit).quantity).toEqual([
      'You can buy at most 10 of one item (8 already in your cart).',
    ])

    const few = await product(3)
    await add({ variantId: few.variants[0]!.id, quantity: '2' }, cookie)
    const overStock = await add({ variantId: few.variants[0]!.id, quantity: '2' }, cookie)
    expect(overStock.status).toBe(400)
    expect(fieldErrors(overStock).quantity).toEqual([
      'Only 3 left, and 2 are already in your cart.',
    ])

    const page = await callRoute(cartLoader, routeRequest('/cart', { cookie }))
    expect(
      (page.data as { cart: { lines: Array<{ title: string; quantity: number }> } }).cart.lines.map(
        (line) => line.quantity,
      ),
    ).toEqual([8, 2])
  })

  test('a draft’s variant (a seller previewing it) cannot be added', async () => {
    const { shop } = await createSeller()
    const draft = await createProduct(shop.id, { status: 'DRAFT', variants: [{ stock: 5 }] })
    const refused = await add({
      variantId: draft.variants[0]!.id,
      quantity: '1',
      redirectTo: `/p/${draft.slug}`,
    })
    expect(refused.status).toBe(400)
    expect(fieldErrors(refused).variantId).toEqual(['This item is not available any more.'])
    expect(await prisma.cartItem.count({ where: { variantId: draft.variants[0]!.id } })).toBe(0)
  })
})

describe('changing lines on /cart', () => {
  test('update, remove, bad input and unknown intents', async () => {
    const skirt = await product(5)
    const user = await createUser()
    const { cookie } = await signIn(user.id)
    await add({ variantId: skirt.variants[0]!.id, quantity: '1' }, cookie)
    const variantId = skirt.variants[0]!.id
    const post = (form: Record<string, string>) =>
      callRoute(cartAction, routeRequest('/cart', { form, cookie }))

    expect(await post({ intent: 'update', variantId, quantity: '3' })).toMatchObject({
      status: 200,
      data: { error: null },
    })
    expect((await getCart({ userId: user.id })).lines[0]!.quantity).toBe(3)

    const tooMany = await post({ intent: 'update', variantId, quantity: '6' })
    expect(tooMany).toMatchObject({ status: 400, data: { variantId, error: 'Only 5 left.' } })
    expect(await post({ intent: 'update', variantId, quantity: '-1' })).toMatchObject({
      status: 400,
      data: { variantId, error: message('cart.quantityMin', { min: 1 }) },
    })
    expect(await post({ intent: 'update', variantId, quantity: '۴' })).toMatchObject({
      status: 200,
      data: { error: null },
    })
    expect((await getCart({ userId: user.id })).lines[0]!.quantity).toBe(4)
    expect(
      await post({ intent: 'update', variantId: 'someone-elses', quantity: '1' }),
    ).toMatchObject({ status: 404, data: { error: 'That item is no longer in your cart.' } })
    expect((await post({ intent: 'dance' })).status).toBe(400)

    expect((await post({ intent: 'remove', variantId })).status).toBe(200)
    expect((await getCart({ userId: user.id })).lines).toEqual([])
  })

  test('a guest without a cart changing a line gets a 404 at the line, not a 500', async () => {
    const result = await callRoute(
      cartAction,
      routeRequest('/cart', { form: { intent: 'update', variantId: 'x', quantity: '2' } }),
    )
    expect(result).toMatchObject({
      status: 404,
      data: { error: 'That item is no longer in your cart.' },
    })
  })
})

describe('signing in or registering merges the guest cart', () => {
  test('sign-in moves the guest’s items into the account’s cart and forgets the guest cookie', async () => {
    const skirt = await product(5)
    const user = await createUser()
    const guest = await add({ variantId: skirt.variants[0]!.id, quantity: '2' })
    const cookie = cookieFrom(guest.headers, CART_COOKIE)!

    const result = await callRoute(
      loginAction,
      routeRequest('/login', {
        form: { email: user.email, password: TEST_PASSWORD, redirectTo: '/checkout' },
        cookie,
      }),
      { context: { clientIp: '198.51.100.200' } },
    )
    expect(result.status).toBe(302)
    expect(result.headers.get('Location')).toBe('/checkout')
    expect(result.headers.getSetCookie().find((c) => c.startsWith(`${CART_COOKIE}=`))).toMatch(
      /Max-Age=0/,
    )
    expect(cookieFrom(result.headers, 'shikposh_session')).toBeTruthy()
    expect((await getCart({ userId: user.id })).lines.map((line) => line.quantity)).toEqual([2])
  })

  test('confirming a new account’s email in the browser that registered keeps the cart too', async () => {
    const skirt = await product(5)
    const guest = await add({ variantId: skirt.variants[0]!.id, quantity: '1' })
    const cookie = cookieFrom(guest.headers, CART_COOKIE)
    const email = uniqueEmail('new')
    const registered = await callRoute(
      registerAction,
      routeRequest('/register', {
        form: { name: 'New Buyer', email, password: 'a good password' },
        cookie,
      }),
      { context: { clientIp: '198.51.100.201' } },
    )
    expect(registered.status).toBe(200)
    const token = linkToken((await mailsTo(email))[0], '/verify-email')!
    const result = await callRoute(
      verifyAction,
      routeRequest('/verify-email', { form: { token }, cookie }),
      { context: { clientIp: '198.51.100.201' } },
    )
    expect(result.status).toBe(302)
    const user = await prisma.user.findUniqueOrThrow({ where: { email } })
    expect((await getCart({ userId: user.id })).lines).toHaveLength(1)
  })

  test('signing in without a guest cart sets no cart cookie', async () => {
    const user = await createUser()
    const result = await callRoute(
      loginAction,
      routeRequest('/login', { form: { email: user.email, password: TEST_PASSWORD } }),
      { context: { clientIp: '198.51.100.202' } },
    )
    expect(result.status).toBe(302)
    expect(result.headers.getSetCookie().some((c) => c.startsWith(`${CART_COOKIE}=`))).toBe(false)
  })
})

describe('the cart in Persian (/fa/cart)', () => {
  test('refusals, the toast and the title are Persian, with Persian digits', async () => {
    const skirt = await product(3)
    const variantId = skirt.variants[0]!.id
    const addFa = (form: Record<string, string>, cookie?: string) =>
      callRoute(cartAction, routeRequest('/fa/cart', { form: { intent: 'add', ...form }, cookie }))
    const first = await addFa({ variantId, quantity: '2', redirectTo: `/fa/p/${skirt.slug}` })
    expect(first.status).toBe(302)
    const cookie = cookieFrom(first.headers, CART_COOKIE)!

    const overStock = await addFa({ variantId, quantity: '2' }, cookie)
    expect(overStock.status).toBe(400)
    expect(fieldErrors(overStock).quantity).toEqual([
      'فقط ۳ عدد مانده است و ۲ عدد از آن در سبد خریدتان است.',
    ])
    const overLimit = await addFa({ variantId, quantity: '11' }, cookie)
    expect(overLimit.status).toBe(400)

    const line = await callRoute(
      cartAction,
      routeRequest('/fa/cart', { form: { intent: 'update', variantId, quantity: '5' }, cookie }),
    )
    expect(line).toMatchObject({ status: 400, data: { variantId, error: 'فقط ۳ عدد مانده است.' } })
    const gone = await callRoute(
      cartAction,
      routeRequest('/fa/cart', {
        form: { intent: 'update', variantId: 'x', quantity: '1' },
        cookie,
      }),
    )
    expect(gone).toMatchObject({
      status: 404,
      data: { error: 'این کالا دیگر در سبد خریدتان نیست.' },
    })

    const page = await callRoute(cartLoader, routeRequest('/fa/cart', { cookie }))
    expect((page.data as { title: string }).title).toBe('سبد خرید · شیک‌پوش')
    const english = await callRoute(cartLoader, routeRequest('/cart', { cookie }))
    expect((english.data as { title: string }).title).toBe('Your cart · Shikposh')
  })
})
