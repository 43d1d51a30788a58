import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { runDueJobs } from '~/infra/jobs/worker.server.ts'
import {
  action as payoutsAction,
  loader as payoutsLoader,
} from '~/routes/($locale).admin.payouts.tsx'
import {
  action as financesAction,
  loader as financesLoader,
} from '~/routes/($locale).sell.finances.tsx'
import { loader as csvLoader } from '~/routes/($locale).sell.finances[.]csv.ts'
import { LEDGER_POST_TASK } from '~/services/events/ledger-events.server.ts'
import { ledgerPostTask } from '~/services/finance/jobs.server.ts'
import { releaseDue } from '~/services/finance/ledger.server.ts'
import { ibanProblem, normalizeIban } from '~/services/finance/iban.ts'
import { markDelivered, markShipped } from '~/services/orders/fulfilment.server.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { callRoute, routeRequest } from '../support/remix.ts'
import { createProduct, createSeller, placeTestOrder } from '../support/shop-fixtures.ts'

// The finances pages through their real loaders and actions: bank details and payout requests
// with their errors at the field (English and Persian, what was typed kept, nothing written),
// the ledger's filters and CSV, and the admin marking a payout paid.

const DAY = 24 * 60 * 60 * 1000
const SHEBA = 'IR82 0540 1026 8002 0817 9090 02'

type Failure = { intent: string; values: Record<string, string>; errors: Record<string, string[]> }

async function sellerWithMoney() {
  const seller = await createSeller()
  const shopper = await createUser()
  const product = await createProduct(seller.shop.id, { price: 9_000, variants: [{ stock: 5 }] })
  const placed = await placeTestOrder(shopper.id, [
    { variantId: product.variants[0]!.id, quantity: 1 },
  ])
  await markShipped(seller.user.id, placed.number, { carrier: 'post', trackingNumber: 'TRACK-9' })
  await markDelivered(seller.user.id, placed.number, new Date(Date.now() - 30 * DAY))
  await runDueJobs({ [LEDGER_POST_TASK]: ledgerPostTask })
  await releaseDue()
  return { ...seller, cookie: (await signIn(seller.user.id)).cookie, number: placed.number }
}

const post = (cookie: string, form: Record<string, string>, prefix = '') =>
  callRoute(financesAction, routeRequest(`${prefix}/sell/finances`, { cookie, form }))

describe('IBAN and Sheba numbers', () => {
  test('checked by their checksum, typed any way', () => {
    expect(ibanProblem(normalizeIban(SHEBA))).toBeNull()
    expect(ibanProblem(normalizeIban('ir۸۲ ۰۵۴۰ ۱۰۲۶ ۸۰۰۲ ۰۸۱۷ ۹۰۹۰ ۰۲'))).toBeNull()
    expect(ibanProblem(normalizeIban('GB82 WEST 1234 5698 7654 32'))).toBeNull()
    expect(ibanProblem(normalizeIban('IR83 0540 1026 8002 0817 9090 02'))).toBe('iban-checksum')
    expect(ibanProblem(normalizeIban('IR82 0540 1026 8002 0817 9090'))).toBe('iban-length')
    expect(ibanProblem(normalizeIban('hello'))).toBe('iban-format')
  })
})

describe('the seller’s finances page', () => {
  test('bank details: a bad IBAN at its field in both languages, kept as typed; a good one saved', async () => {
    const seller = await sellerWithMoney()
    const bad = await post(seller.cookie, {
      intent: 'bank',
      holder: 'Sami',
      iban: 'IR83 0540 1026 8002 0817 9090 02',
    })
    expect(bad.status).toBe(400)
    expect(bad.data).toMatchObject({
      intent: 'bank',
      values: { iban: 'IR83 0540 1026 8002 0817 9090 02' },
      errors: { iban: [expect.stringContaining('check digits')], holder: [] },
    })
    const badFa = await post(seller.cookie, { intent: 'bank', holder: '', iban: 'x' }, '/fa')
    expect(badFa.status).toBe(400)
    expect((badFa.data as Failure).errors.holder).toEqual(['نام صاحب حساب را بنویسید.'])
    expect((badFa.data as Failure).errors.iban?.[0]).toMatch(/شبا/)
    expect(
      (await prisma.shop.findUniqueOrThrow({ where: { id: seller.shop.id } })).payoutIban,
    ).toBeNull()

    const good = await post(seller.cookie, { intent: 'bank', holder: 'Sami', iban: SHEBA })
    expect(good.status).toBe(302)
    expect(
      (await prisma.shop.findUniqueOrThrow({ where: { id: seller.shop.id } })).payoutIban,
    ).toBe('IR820540102680020817909002')
  })

  test('a payout: more than available, or not an amount, is a 400 at the amount; then it is asked', async () => {
    const seller = await sellerWithMoney()
    await post(seller.cookie, { intent: 'bank', holder: 'Sami', iban: SHEBA })
    const page = await callRoute(
      financesLoader,
      routeRequest('/sell/finances', { cookie: seller.cookie }),
    )
    const available = (page.data as { finances: { balance: { available: number } } }).finances
      .balance.available
    expect(available).toBeGreaterThan(0)

    const tooMuch = await post(seller.cookie, {
      intent: 'payout',
      amount: String((available + 100) / 100),
    })
    expect(tooMuch.status).toBe(400)
    expect((tooMuch.data as Failure).errors.amount?.[0]).toMatch(/at most \$/)
    expect((tooMuch.data as Failure).values.amount).toBe(String((available + 100) / 100))
    const notAmount = await post(seller.cookie, { intent: 'payout', amount: 'lots' }, '/fa')
    expect(notAmount.status).toBe(400)
    expect((notAmount.data as Failure).errors.amount).toEqual(['مبلغی بیشتر از صفر بنویسید.'])
    expect(await prisma.payout.count({ where: { shopId: seller.shop.id } })).toBe(0)

    const asked = await post(seller.cookie, { intent: 'payout', amount: '10.50' })
    expect(asked.status).toBe(302)
    const payout = await prisma.payout.findFirstOrThrow({ where: { shopId: seller.shop.id } })
    expect(payout.amount).toBe(1_050)
  })

  test('the ledger filters by type and date; the CSV has the same rows', async () => {
    const seller = await sellerWithMoney()
    const load = (search: string) =>
      callRoute(financesLoader, routeRequest(`/sell/finances${search}`, { cookie: seller.cookie }))
    type Page = { finances: { entries: Array<{ type: string; amount: number }> } }
    const all = (await load('')).data as Page
    expect(all.finances.entries.map((entry) => entry.type).sort()).toEqual(
      // Delivery is free above the threshold: no delivery share.
      ['RELEASE', 'RELEASE', 'SALE'],
    )
    const sales = (await load('?type=SALE')).data as Page
    expect(sales.finances.entries).toEqual([
      expect.objectContaining({ type: 'SALE', amount: 9_000 }),
    ])
    const future = (await load('?from=2099-01-01')).data as Page
    expect(future.finances.entries).toEqual([])
    const junk = await load('?type=NOPE&from=yesterday')
    expect(junk.status).toBe(200)

    const csv = await callRoute(
      csvLoader,
      routeRequest('/sell/finances.csv?type=SALE', { cookie: seller.cookie }),
    )
    expect(csv.headers.get('Content-Type')).toMatch(/text\/csv/)
    const lines = String(csv.data)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain('"SALE"')
    expect(lines[1]).toContain('"90.00"')
    expect(lines[1]).toContain(`"${seller.number}"`)
  })
})

describe('the admin’s payouts page', () => {
  test('a payout to make, marked paid with a reference (required, at its field), audited', async () => {
    const seller = await sellerWithMoney()
    await post(seller.cookie, { intent: 'bank', holder: 'Sami', iban: SHEBA })
    await post(seller.cookie, { intent: 'payout', amount: '20' })
    const payout = await prisma.payout.findFirstOrThrow({ where: { shopId: seller.shop.id } })
    const admin = await createUser({ roles: ['ADMIN'] })
    const { cookie } = await signIn(admin.id)

    const list = await callRoute(payoutsLoader, routeRequest('/admin/payouts', { cookie }))
    expect((list.data as { payouts: Array<{ id: string }> }).payouts.map((p) => p.id)).toContain(
      payout.id,
    )
    const missing = await callRoute(
      payoutsAction,
      routeRequest('/admin/payouts', { cookie, form: { payoutId: payout.id, reference: ' ' } }),
    )
    expect(missing.status).toBe(400)
    expect(missing.data).toMatchObject({
      payoutId: payout.id,
      errors: { reference: [expect.stringContaining('reference')] },
    })
    const paid = await callRoute(
      payoutsAction,
      routeRequest('/admin/payouts', {
        cookie,
        form: { payoutId: payout.id, reference: 'TRX-77' },
      }),
    )
    expect(paid.status).toBe(302)
    const twice = await callRoute(
      payoutsAction,
      routeRequest('/fa/admin/payouts', {
        cookie,
        form: { payoutId: payout.id, reference: 'TRX-78' },
      }),
    )
    expect(twice.status).toBe(400)
    expect(twice.data).toMatchObject({
      errors: { reference: ['این تسویه پیش‌تر پرداخت شده است.'] },
    })
    expect(await prisma.payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({
      status: 'PAID',
      reference: 'TRX-77',
    })
    expect(
      await prisma.auditEntry.count({ where: { action: 'payout.mark-paid', targetId: payout.id } }),
    ).toBe(1)
    const unknown = await callRoute(
      payoutsAction,
      routeRequest('/admin/payouts', { cookie, form: { payoutId: 'nope', reference: 'TRX-1' } }),
    )
    expect(unknown.status).toBe(404)

    const refused = await callRoute(
      payoutsLoader,
      routeRequest('/admin/payouts', { cookie: seller.cookie }),
    )
    expect(refused.status).toBe(403)
  })
})
