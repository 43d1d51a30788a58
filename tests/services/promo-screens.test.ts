import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { getCheckout } from '~/services/orders/checkout-page.server.ts'
import { placeOrder } from '~/services/orders/checkout.server.ts'
import { cancelOrder, getOrder } from '~/services/orders/orders.server.ts'
import { getShipment } from '~/services/orders/fulfilment.server.ts'
import { applyPromoCode } from '~/services/orders/cart-codes.server.ts'
import { promoFormSchema, type PromoInput } from '~/services/promos/form.ts'
import {
  createPromoCode,
  getPromoCode,
  listPromoCodes,
  setPromoActive,
  updatePromoCode,
} from '~/services/promos/manage.server.ts'
import { DomainError } from '~/utils/domain-error.ts'
import { createUser } from '../support/fixtures.ts'
import { SAMPLE_ADDRESS, createProduct, createSeller, putInCart } from '../support/shop-fixtures.ts'

// The seller's and the admin's promo code commands on PostgreSQL: whose codes each may reach,
// the rules beyond the form's schema, the audit of admins' changes, and the usage and revenue
// figures read from real orders (a cancelled order's use given back).

const input = (overrides: Partial<PromoInput> = {}): PromoInput => ({
  code: 'SAVE10',
  kind: 'PERCENT',
  value: 10,
  maxDiscount: null,
  minOrder: 0,
  startsAt: null,
  endsAt: null,
  usageLimit: null,
  perCustomerLimit: null,
  categoryIds: [],
  productIds: [],
  ...overrides,
})

async function refusal(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    if (error instanceof DomainError)
      return { kind: error.kind, fieldErrors: error.fieldErrors ?? {} }
    throw error
  }
  throw new Error('expected a refusal')
}

async function checkoutInput(userId: string) {
  const page = await getCheckout(userId)
  const discount = page.promo?.applied?.itemsDiscount ?? 0
  const delivery = page.shippingMethods.find((method) => method.id === 'standard')!.price
  return {
    idempotencyKey: page.cart.checkoutToken!,
    address: { kind: 'new' as const, fields: SAMPLE_ADDRESS, save: false },
    shippingMethod: 'standard',
    paymentMethod: 'pay-on-delivery',
    expectedTotal:
      page.cart.itemsTotal - discount + (page.promo?.applied?.freeDelivery ? 0 : delivery),
  }
}

describe('whose codes', () => {
  test('a seller reaches their own shop’s codes only; an admin edits platform codes and reads shops’', async () => {
    const a = await createSeller('Ava')
    const b = await createSeller('Bo')
    const admin = await createUser({ roles: ['SHOPPER', 'ADMIN'] })
    const mine = await createPromoCode({ sellerId: a.user.id }, input({ code: 'AVA-10' }))
    expect(await prisma.promoCode.findUnique({ where: { id: mine.id } })).toMatchObject({
      shopId: a.shop.id,
    })

    // Seller B: not found everywhere, nothing changed.
    const asB = { sellerId: b.user.id }
    expect((await refusal(getPromoCode(asB, mine.id))).kind).toBe('not-found')
    expect((await refusal(updatePromoCode(asB, mine.id, input({ code: 'BO-OWNS' }), 1))).kind).toBe(
      'not-found',
    )
    expect((await refusal(setPromoActive(asB, mine.id, false))).kind).toBe('not-found')
    expect((await listPromoCodes(asB)).codes).toEqual([])
    expect(await prisma.promoCode.findUnique({ where: { id: mine.id } })).toMatchObject({
      code: 'AVA-10',
      active: true,
    })

    // The admin: the shop's code is readable in the shops' list only, not editable.
    const asAdmin = { admin: { id: admin.id, email: admin.email } }
    expect((await refusal(getPromoCode(asAdmin, mine.id))).kind).toBe('not-found')
    expect((await refusal(setPromoActive(asAdmin, mine.id, false))).kind).toBe('not-found')
    const shops = await listPromoCodes(asAdmin, { shops: true })
    expect(shops.codes.map((code) => [code.code, code.shopName])).toEqual([
      ['AVA-10', "Ava's shop"],
    ])
    expect((await listPromoCodes(asAdmin)).codes).toEqual([])

    // A platform code: made, edited and deactivated by the admin, each audited in its transaction.
    const platform = await createPromoCode(
      asAdmin,
      input({ code: 'ALL-5', kind: 'FIXED', value: 500 }),
    )
    expect((await refusal(getPromoCode({ sellerId: a.user.id }, platform.id))).kind).toBe(
      'not-found',
    )
    await updatePromoCode(
      asAdmin,
      platform.id,
      input({ code: 'ALL-6', kind: 'FIXED', value: 600 }),
      1,
    )
    await setPromoActive(asAdmin, platform.id, false)
    const audit = await prisma.auditEntry.findMany({
      where: { targetId: platform.id },
      orderBy: { createdAt: 'asc' },
    })
    expect(audit.map((entry) => [entry.action, entry.targetType, entry.actorId])).toEqual([
      ['promo.create', 'PROMO_CODE', admin.id],
      ['promo.update', 'PROMO_CODE', admin.id],
      ['promo.deactivate', 'PROMO_CODE', admin.id],
    ])
    expect((await listPromoCodes(asAdmin)).codes).toMatchObject([
      { code: 'ALL-6', value: 600, active: false, status: 'inactive' },
    ])
    // Sellers' changes are theirs, not admin actions: no audit entry.
    expect(await prisma.auditEntry.count({ where: { targetId: mine.id } })).toBe(0)
  })
})

describe('two people editing one code', () => {
  test('of two saves from forms loaded at the same version exactly one is written; the other is refused as stale, and a (de)activation makes an open form stale too', async () => {
    const a = await createSeller('Ava')
    const asA = { sellerId: a.user.id }
    const code = await createPromoCode(asA, input({ code: 'TWO-TABS', value: 10 }))
    const loaded = await getPromoCode(asA, code.id)
    expect(loaded.version).toBe(1)

    const outcomes = await Promise.allSettled([
      updatePromoCode(asA, code.id, input({ code: 'TWO-TABS', value: 20 }), loaded.version),
      updatePromoCode(asA, code.id, input({ code: 'TWO-TABS', value: 30 }), loaded.version),
    ])
    const written = outcomes.filter((outcome) => outcome.status === 'fulfilled')
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected')
    expect(written).toHaveLength(1)
    expect(refused).toHaveLength(1)
    const reason = (refused[0] as PromiseRejectedResult).reason as DomainError
    expect(reason).toMatchObject({ kind: 'stale', code: 'version-conflict', currentVersion: 2 })
    const winner = outcomes.indexOf(written[0]!) === 0 ? 20 : 30
    expect(await prisma.promoCode.findUniqueOrThrow({ where: { id: code.id } })).toMatchObject({
      value: winner,
      version: 2,
    })

    // Deactivating moves the version on: the form still open at version 2 is now stale.
    await setPromoActive(asA, code.id, false)
    expect(
      (await refusal(updatePromoCode(asA, code.id, input({ code: 'TWO-TABS', value: 40 }), 2)))
        .kind,
    ).toBe('stale')
    expect(await prisma.promoCode.findUniqueOrThrow({ where: { id: code.id } })).toMatchObject({
      value: winner,
      active: false,
      version: 3,
    })
  })
})

describe('rules beyond the form', () => {
  test('a taken code, another shop’s product, an unknown category, a limit below the uses: each at its field', async () => {
    const a = await createSeller('Ava')
    const b = await createSeller('Bo')
    const theirs = await createProduct(b.shop.id)
    const ours = await createProduct(a.shop.id)
    const asA = { sellerId: a.user.id }
    await createPromoCode({ sellerId: b.user.id }, input({ code: 'TAKEN' }))

    expect((await refusal(createPromoCode(asA, input({ code: 'TAKEN' })))).fieldErrors).toEqual({
      code: ['validation:promoForm.codeTaken'],
    })
    expect(
      (await refusal(createPromoCode(asA, input({ productIds: [ours.id, theirs.id] }))))
        .fieldErrors,
    ).toEqual({ productIds: ['validation:promoForm.notYourProduct'] })
    expect(
      (await refusal(createPromoCode(asA, input({ categoryIds: ['no-such-category'] }))))
        .fieldErrors,
    ).toEqual({ categoryIds: ['validation:promoForm.unknownCategory'] })
    expect(await prisma.promoCode.count({ where: { shopId: a.shop.id } })).toBe(0)

    const code = await createPromoCode(asA, input({ code: 'OURS', productIds: [ours.id] }))
    await prisma.promoCode.update({ where: { id: code.id }, data: { usedCount: 3 } })
    expect(
      (await refusal(updatePromoCode(asA, code.id, input({ code: 'OURS', usageLimit: 2 }), 1)))
        .fieldErrors,
    ).toEqual({ usageLimit: ['validation:promoForm.limitBelowUsed {"used":3}'] })
    // Its own code is not "taken" by itself; a limit at the uses is fine.
    await updatePromoCode(
      asA,
      code.id,
      input({ code: 'OURS', usageLimit: 3, productIds: [ours.id] }),
      1,
    )
    expect(await prisma.promoCode.findUniqueOrThrow({ where: { id: code.id } })).toMatchObject({
      usageLimit: 3,
      productIds: [ours.id],
    })
  })

  test('the form’s schema: percent 1–100, end after start, limits, Solar Hijri dates on the store clock', () => {
    const schema = promoFormSchema({
      currency: 'USD',
      timeZone: 'Asia/Tehran',
      priceDisplay: 'currency',
    })
    const errors = (form: Record<string, string>) => {
      const result = schema.safeParse(form)
      return result.success
        ? {}
        : Object.fromEntries(
            result.error.issues.map((issue) => [issue.path.join('.'), issue.message]),
          )
    }
    expect(errors({ code: 'x', kind: 'PERCENT', percent: '101' })).toEqual({
      code: 'validation:promo.format',
      percent: 'validation:promoForm.percent',
    })
    expect(
      errors({
        code: 'ok-1',
        kind: 'FIXED',
        startsAt: '2026-03-21T10:00',
        endsAt: '2026-03-21T09:00',
        usageLimit: '0',
      }),
    ).toEqual({
      amount: 'validation:promoForm.amountNeeded',
      endsAt: 'validation:promoForm.order',
      usageLimit: 'validation:promoForm.limit',
    })
    expect(
      errors({
        code: 'ok-1',
        kind: 'PERCENT',
        percent: '5',
        usageLimit: '2',
        perCustomerLimit: '3',
      }),
    ).toEqual({
      perCustomerLimit: 'validation:promoForm.perCustomerAboveTotal',
    })
    const parsed = schema.parse({
      code: 'nowruz ۱۴۰۵',
      kind: 'PERCENT',
      percent: '۲۰',
      minOrder: '۱۲٫۵۰',
      startsAt: '۱۴۰۵/۰۱/۰۱ ۹:۳۰',
      endsAt: '۱۴۰۵/۰۱/۱۴',
    })
    expect(parsed).toMatchObject({
      code: 'NOWRUZ1405',
      value: 20,
      minOrder: 1250,
      // Tehran is UTC+3:30.
      startsAt: new Date('2026-03-21T06:00:00Z'),
      endsAt: new Date('2026-04-02T20:30:00Z'),
    })
  })
})

describe('usage and revenue', () => {
  test(
    'uses against the limit, the discount given and the revenue of the lines each code applied to; a cancelled order counts for nothing',
    { timeout: 60_000 },
    async () => {
      const a = await createSeller('Ava')
      const b = await createSeller('Bo')
      const dress = await createProduct(a.shop.id, { price: 3000 })
      const shirt = await createProduct(a.shop.id, { price: 2000 })
      const hat = await createProduct(b.shop.id, { price: 1000 })
      const asA = { sellerId: a.user.id }
      const code = await createPromoCode(
        asA,
        input({ code: 'DRESS10', usageLimit: 5, productIds: [dress.id] }),
      )

      async function buy(withCode: string) {
        const shopper = await createUser()
        await putInCart(shopper.id, dress.variants[0]!.id, 1, 3000)
        await putInCart(shopper.id, shirt.variants[0]!.id, 1, 2000)
        await putInCart(shopper.id, hat.variants[0]!.id, 1, 1000)
        await applyPromoCode({ userId: shopper.id }, withCode)
        const order = await placeOrder(shopper.id, await checkoutInput(shopper.id))
        return { shopper, order }
      }
      const first = await buy('dress10')
      const second = await buy('dress10')
      await cancelOrder(second.shopper.id, second.order.number)

      const [row] = (await listPromoCodes(asA)).codes
      // One order holds it: 10% of the dress only; the dress's line net of it is the revenue.
      expect(row).toMatchObject({
        id: code.id,
        usedCount: 1,
        usageLimit: 5,
        discountGiven: 300,
        revenue: 2700,
        status: 'active',
      })

      // The order pages show what the code took off each line.
      const page = await getOrder(first.shopper.id, first.order.number)
      const lines = page!.shipments.flatMap((shipment) => shipment.lines)
      expect(lines.map((line) => [line.lineTotal, line.discounts])).toEqual(
        expect.arrayContaining([
          [3000, [{ code: 'DRESS10', amount: 300 }]],
          [2000, []],
          [1000, []],
        ]),
      )
      expect(page).toMatchObject({ promoDiscount: 300, promoCodes: ['DRESS10'] })
      const parcel = await getShipment(a.user.id, first.order.number)
      expect(parcel!.lines.flatMap((line) => line.discounts)).toEqual([
        { code: 'DRESS10', amount: 300 },
      ])

      // A platform free-delivery code: its revenue is every line of the orders that used it.
      const admin = await createUser({ roles: ['SHOPPER', 'ADMIN'] })
      const asAdmin = { admin: { id: admin.id, email: admin.email } }
      await createPromoCode(asAdmin, input({ code: 'SHIPFREE', kind: 'FREE_DELIVERY', value: 0 }))
      const third = await buy('shipfree')
      const [free] = (await listPromoCodes(asAdmin)).codes
      const charged = await prisma.order.findUniqueOrThrow({ where: { id: third.order.id } })
      expect(free).toMatchObject({
        code: 'SHIPFREE',
        usedCount: 1,
        discountGiven: charged.shippingDiscount,
        revenue: 6000,
      })
      expect(charged.shippingDiscount).toBeGreaterThan(0)
    },
  )
})
