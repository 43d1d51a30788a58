import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { runDueJobs } from '~/infra/jobs/worker.server.ts'
import { issueEmailToken } from '~/services/accounts/email-tokens.server.ts'
import { resetPassword } from '~/services/accounts/recovery.server.ts'
import { confirmEmail } from '~/services/accounts/verification.server.ts'
import { addToCart, getCart } from '~/services/orders/cart.server.ts'
import {
  CartChangedError,
  CheckoutError,
  InsufficientStockError,
  TotalChangedError,
} from '~/services/orders/checkout-errors.server.ts'
import {
  GUEST_CHECKOUT_LIMITS,
  GuestCheckoutLimitError,
  placeGuestOrder,
  type Guest,
} from '~/services/orders/guest-checkout.server.ts'
import {
  ACCESS_PARAM,
  guestOrderPath,
  orderAccessToken,
} from '~/services/orders/order-access.server.ts'
import {
  OrderNotFoundError,
  cancelOrder,
  getOrder,
  listOrders,
} from '~/services/orders/orders.server.ts'
import { adoptGuestOrders } from '~/services/accounts/verification.server.ts'
import type { CheckoutInput } from '~/services/orders/schemas.ts'
import { orderTotal } from '~/services/orders/shipping.ts'
import { createUser, uniqueEmail } from '../support/fixtures.ts'
import { SAMPLE_ADDRESS, createProduct, createSeller } from '../support/shop-fixtures.ts'
import { tasksExceptMailAndSearch } from '../support/jobs.ts'
import { queuedMails } from '../support/queued-mail.ts'

const newGuest = (overrides: Partial<Guest> = {}): Guest => ({
  guestToken: randomBytes(32).toString('base64url'),
  email: uniqueEmail('guest'),
  clientIp: `10.0.${randomBytes(1)[0]}.${randomBytes(1)[0]}`,
  ...overrides,
})

async function guestInput(
  guest: Guest,
  overrides: Partial<CheckoutInput> = {},
): Promise<CheckoutInput> {
  const cart = await getCart({ guestToken: guest.guestToken })
  return {
    // An empty cart has no token; any well-formed key will do for a refusal.
    idempotencyKey: cart.checkoutToken ?? 'k'.repeat(22),
    address: { kind: 'new', fields: SAMPLE_ADDRESS, save: true },
    shippingMethod: 'standard',
    paymentMethod: 'pay-on-delivery',
    expectedTotal: orderTotal(cart.itemsTotal, 'standard', 'USD'),
    ...overrides,
  }
}

async function productWithStock(stock: number, price = 4000) {
  const { shop } = await createSeller()
  return createProduct(shop.id, { title: 'Wool coat', price, variants: [{ stock }] })
}

/** A guest whose cart holds one of a new product with `stock` in stock. */
async function guestWithCart(stock: number, overrides: Partial<Guest> = {}) {
  const coat = await productWithStock(stock)
  const guest = newGuest(overrides)
  const variantId = coat.variants[0]!.id
  await addToCart({ guestToken: guest.guestToken }, { variantId, quantity: 1 })
  return { guest, variantId }
}

const stockOf = async (variantId: string) =>
  (await prisma.variant.findUniqueOrThrow({ where: { id: variantId } })).stock

describe('a guest checks out with only an email', () => {
  test('the order is tied to the email (lower-cased) and the page language, takes the stock and empties the cart', async () => {
    const coat = await productWithStock(5)
    const variantId = coat.variants[0]!.id
    const guest = newGuest({ email: 'Guest.Buyer@Example.TEST' })
    await addToCart({ guestToken: guest.guestToken }, { variantId, quantity: 2 })

    const placed = await placeGuestOrder(guest, await guestInput(guest), { locale: 'fa' })

    expect(placed.created).toBe(true)
    const order = await prisma.order.findUniqueOrThrow({ where: { id: placed.id } })
    expect(order).toMatchObject({
      userId: null,
      email: 'guest.buyer@example.test',
      locale: 'fa',
      total: orderTotal(8000, 'standard', 'USD'),
    })
    expect(await stockOf(variantId)).toBe(3)
    expect((await getCart({ guestToken: guest.guestToken })).lines).toEqual([])
    // "Save this address" means nothing without an account: no address row anywhere.
    expect(await prisma.address.count()).toBe(0)

    await runDueJobs(tasksExceptMailAndSearch)
    const payload = (await queuedMails()).find((mail) => mail.key === `order:${order.id}:placed`)!
    expect(payload.to).toBe('guest.buyer@example.test')
    expect(payload.text).toContain(
      `/orders/${order.number}?${ACCESS_PARAM}=${orderAccessToken(order.id)}`,
    )
  })

  test('a double submission gives one order, whether sequential or concurrent', async () => {
    const { guest, variantId } = await guestWithCart(10)
    const input = await guestInput(guest)

    const results = await Promise.all(
      Array.from({ length: 5 }, () => placeGuestOrder(guest, input)),
    )
    const again = await placeGuestOrder(guest, input)

    expect(new Set([...results, again].map((result) => result.number)).size).toBe(1)
    expect(results.filter((result) => result.created)).toHaveLength(1)
    expect(again.created).toBe(false)
    expect(await prisma.order.count({ where: { email: guest.email } })).toBe(1)
    expect(await stockOf(variantId)).toBe(9)
  })

  test('the key does not reach another guest’s order, nor an account’s', async () => {
    const { guest, variantId } = await guestWithCart(10)
    const input = await guestInput(guest)
    await placeGuestOrder(guest, input)

    // Another guest (another cart cookie, another email) replaying the first one's key.
    const other = newGuest()
    await addToCart({ guestToken: other.guestToken }, { variantId: variantId, quantity: 1 })
    await expect(placeGuestOrder(other, input)).rejects.toBeInstanceOf(CartChangedError)
    // The same cart cookie with another email is not the first order's buyer either.
    await addToCart({ guestToken: guest.guestToken }, { variantId: variantId, quantity: 1 })
    await expect(
      placeGuestOrder({ ...guest, email: uniqueEmail('else') }, input),
    ).rejects.toBeInstanceOf(CartChangedError)
    expect(await prisma.order.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1)
    expect(await prisma.order.count({ where: { email: other.email } })).toBe(0)
  })

  test('the total guard and the stock check refuse as for accounts, leaving nothing behind', async () => {
    const coat = await productWithStock(2, 5000)
    const variantId = coat.variants[0]!.id
    const guest = newGuest()
    await addToCart({ guestToken: guest.guestToken }, { variantId, quantity: 2 })
    const input = await guestInput(guest)

    const changed = await placeGuestOrder(guest, { ...input, expectedTotal: 100 }).catch(
      (error: unknown) => error,
    )
    expect(changed).toBeInstanceOf(TotalChangedError)
    expect(changed).toMatchObject({ shown: 100, total: input.expectedTotal })

    await prisma.variant.update({ where: { id: variantId }, data: { stock: 1 } })
    const short = await placeGuestOrder(guest, input).catch((error: unknown) => error)
    expect(short).toBeInstanceOf(InsufficientStockError)
    expect(short).toMatchObject({ lines: [{ requested: 2, available: 1 }] })

    expect(await prisma.order.count({ where: { email: guest.email } })).toBe(0)
    expect(await stockOf(variantId)).toBe(1)
    expect((await getCart({ guestToken: guest.guestToken })).itemCount).toBe(2)
  })

  test('a guest has no saved addresses to choose', async () => {
    const shopper = await createUser()
    const saved = await prisma.address.create({
      data: { ...SAMPLE_ADDRESS, userId: shopper.id },
    })
    const { guest } = await guestWithCart(3)
    const refused = await placeGuestOrder(
      guest,
      await guestInput(guest, { address: { kind: 'saved', id: saved.id } }),
    ).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(CheckoutError)
    expect(refused).toMatchObject({ field: 'addressId' })
    expect(await prisma.order.count({ where: { email: guest.email } })).toBe(0)
  })
})

describe('rate limits', () => {
  test('per email: after the limit, a guest checkout to that address is refused until later', async () => {
    const email = uniqueEmail('spammed')
    const input = await guestInput(newGuest())
    for (let attempt = 0; attempt < GUEST_CHECKOUT_LIMITS.perEmail.points; attempt++) {
      // Each from another IP and another (empty) cart: only the email is shared.
      await expect(placeGuestOrder(newGuest({ email }), input)).rejects.toBeInstanceOf(
        CheckoutError,
      )
    }
    const refused = await placeGuestOrder(newGuest({ email }), input).catch(
      (error: unknown) => error,
    )
    expect(refused).toBeInstanceOf(GuestCheckoutLimitError)
    expect((refused as GuestCheckoutLimitError).retryAt.getTime()).toBeGreaterThan(Date.now())
    // Another address from a fresh IP is not affected.
    await expect(placeGuestOrder(newGuest(), input)).rejects.toBeInstanceOf(CheckoutError)
  })

  test('per IP: after the limit, guest checkouts from that IP are refused whatever the email', async () => {
    const clientIp = '203.0.113.9'
    const input = await guestInput(newGuest())
    for (let attempt = 0; attempt < GUEST_CHECKOUT_LIMITS.perIp.points; attempt++) {
      await expect(placeGuestOrder(newGuest({ clientIp }), input)).rejects.not.toBeInstanceOf(
        GuestCheckoutLimitError,
      )
    }
    const { guest } = await guestWithCart(3, { clientIp })
    await expect(placeGuestOrder(guest, await guestInput(guest))).rejects.toBeInstanceOf(
      GuestCheckoutLimitError,
    )
    expect(await prisma.order.count({ where: { email: guest.email } })).toBe(0)
  })
})

async function placedGuestOrder(email = uniqueEmail('guest')) {
  const { guest } = await guestWithCart(5, { email })
  return placeGuestOrder(guest, await guestInput(guest))
}

describe('the signed link', () => {
  test('opens its order without an account, and no other order', async () => {
    const first = await placedGuestOrder()
    const second = await placedGuestOrder()
    const token = orderAccessToken(first.id)
    expect(guestOrderPath(first.number, first.id)).toBe(
      `/orders/${first.number}?${ACCESS_PARAM}=${token}`,
    )

    expect(await getOrder({ accessToken: token }, first.number)).toMatchObject({
      number: first.number,
    })
    // The same token on another order's number, a forged one, a truncated one: nothing.
    expect(await getOrder({ accessToken: token }, second.number)).toBeNull()
    const forged = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`
    expect(await getOrder({ accessToken: forged }, first.number)).toBeNull()
    expect(await getOrder({ accessToken: token.slice(0, 20) }, first.number)).toBeNull()
    expect(await getOrder({ accessToken: '' }, first.number)).toBeNull()
  })

  test('lets the guest cancel that order, and no other', async () => {
    const first = await placedGuestOrder()
    const second = await placedGuestOrder()
    await expect(
      cancelOrder({ accessToken: orderAccessToken(first.id) }, second.number),
    ).rejects.toBeInstanceOf(OrderNotFoundError)
    expect((await prisma.order.findUniqueOrThrow({ where: { id: second.id } })).status).toBe(
      'PLACED',
    )

    await cancelOrder({ accessToken: orderAccessToken(first.id) }, first.number)
    expect((await prisma.order.findUniqueOrThrow({ where: { id: first.id } })).status).toBe(
      'CANCELLED',
    )
    const mail = (await queuedMails()).find(
      (queued) => queued.key === `order:${first.id}:cancelled`,
    )!
    // The guest is greeted by the name on the address, and the link is the signed one again.
    expect(mail.text).toContain(SAMPLE_ADDRESS.fullName)
    expect(mail.text).toContain(orderAccessToken(first.id))
  })

  test('an account’s order is not opened by its number alone', async () => {
    const guestOrder = await placedGuestOrder()
    const stranger = await createUser()
    expect(await getOrder(stranger.id, guestOrder.number)).toBeNull()
    await expect(cancelOrder(stranger.id, guestOrder.number)).rejects.toBeInstanceOf(
      OrderNotFoundError,
    )
  })
})

describe('adoptGuestOrders', () => {
  test('guest orders placed with the email join the account; others stay where they are', async () => {
    const email = uniqueEmail('later-member')
    const mine = [await placedGuestOrder(email), await placedGuestOrder(email.toUpperCase())]
    const someoneElses = await placedGuestOrder()
    const user = await createUser({ email })

    expect(await adoptGuestOrders(user.id, email.toUpperCase())).toBe(2)

    const { orders } = await listOrders(user.id)
    expect(orders.map((order) => order.number).sort()).toEqual(
      mine.map((order) => order.number).sort(),
    )
    expect(
      (await prisma.order.findUniqueOrThrow({ where: { id: someoneElses.id } })).userId,
    ).toBeNull()
    // Adopting again changes nothing, and the emailed link still opens the order.
    expect(await adoptGuestOrders(user.id, email)).toBe(0)
    expect(
      await getOrder({ accessToken: orderAccessToken(mine[0]!.id) }, mine[0]!.number),
    ).not.toBeNull()
  })

  test('a password reset that verifies the email adopts the guest orders; an account already verified adopts nothing new', async () => {
    const email = uniqueEmail('unverified')
    const guestOrder = await placedGuestOrder(email)
    const user = await createUser({ email, verified: false })
    const token = await prisma.$transaction((tx) =>
      issueEmailToken(tx, { userId: user.id, purpose: 'PASSWORD_RESET', email }),
    )

    await resetPassword(token, 'a brand new password')

    expect((await prisma.order.findUniqueOrThrow({ where: { id: guestOrder.id } })).userId).toBe(
      user.id,
    )

    // Verified accounts do not pick up orders later placed as a guest with their email by a reset.
    const later = await placedGuestOrder(email)
    const again = await prisma.$transaction((tx) =>
      issueEmailToken(tx, { userId: user.id, purpose: 'PASSWORD_RESET', email }),
    )
    await resetPassword(again, 'another new password')
    expect((await prisma.order.findUniqueOrThrow({ where: { id: later.id } })).userId).toBeNull()
  })

  test('confirming an address by its link (registration or a change) adopts its guest orders', async () => {
    const registered = uniqueEmail('registered')
    const changedTo = uniqueEmail('changed-to')
    const first = await placedGuestOrder(registered)
    const second = await placedGuestOrder(changedTo)
    const user = await createUser({ email: registered, verified: false })
    const link = (email: string) =>
      prisma.$transaction((tx) =>
        issueEmailToken(tx, { userId: user.id, purpose: 'VERIFY_EMAIL', email }),
      )

    await confirmEmail(await link(registered))
    expect((await prisma.order.findUniqueOrThrow({ where: { id: first.id } })).userId).toBe(user.id)
    expect((await prisma.order.findUniqueOrThrow({ where: { id: second.id } })).userId).toBeNull()

    await confirmEmail(await link(changedTo))
    expect((await prisma.order.findUniqueOrThrow({ where: { id: second.id } })).userId).toBe(
      user.id,
    )
  })
})
