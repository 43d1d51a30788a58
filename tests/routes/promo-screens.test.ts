import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import * as adminList from '~/routes/($locale).admin.promos._index.tsx'
import * as adminNew from '~/routes/($locale).admin.promos.new.tsx'
import * as sellerEdit from '~/routes/($locale).sell.promos.$promoId.tsx'
import * as sellerList from '~/routes/($locale).sell.promos._index.tsx'
import * as sellerNew from '~/routes/($locale).sell.promos.new.tsx'
import { createUser, signIn } from '../support/fixtures.ts'
import { callRoute, routeRequest } from '../support/remix.ts'
import { createProduct, createSeller } from '../support/shop-fixtures.ts'
import { createPromo } from '../support/promo-fixtures.ts'

// The promo code pages through their loaders and actions: bad input is a 400 with each message
// at its field (the form's values kept), in English and Persian; another seller's code is a 404;
// a good form saves and goes back to the list, which shows the code's usage.

type Reply = { status: string; error?: Record<string, string[] | null>; initialValue?: unknown }

async function seller(name = 'Ava') {
  const { user, shop } = await createSeller(name)
  const { cookie } = await signIn(user.id)
  return { user, shop, cookie }
}

describe('the seller’s code form', () => {
  test('every bad field answers 400 at that field, values kept; nothing saved', async () => {
    const { cookie, shop } = await seller()
    await createPromo({ code: 'TAKEN-1' })
    const form = {
      code: 'taken-1',
      kind: 'PERCENT',
      percent: '150',
      minOrder: 'lots',
      startsAt: '2026-05-02T10:00',
      endsAt: '2026-05-01T10:00',
      usageLimit: '-3',
    }
    const result = await callRoute(
      sellerNew.action,
      routeRequest('/sell/promos/new', { cookie, form }),
    )
    expect(result.status).toBe(400)
    const reply = result.data as Reply
    expect(reply.error).toMatchObject({
      percent: ['validation:promoForm.percent'],
      minOrder: ['validation:promoForm.amount'],
      endsAt: ['validation:promoForm.order'],
      usageLimit: ['validation:promoForm.limit'],
    })
    expect(reply.initialValue).toMatchObject({ code: 'taken-1', percent: '150' })

    // With the form right, the taken code is refused at its own field by the service.
    const taken = await callRoute(
      sellerNew.action,
      routeRequest('/sell/promos/new', {
        cookie,
        form: { code: 'taken-1', kind: 'FIXED', amount: '5' },
      }),
    )
    expect(taken.status).toBe(400)
    expect((taken.data as Reply).error).toEqual({ code: ['validation:promoForm.codeTaken'] })
    expect(await prisma.promoCode.count({ where: { shopId: shop.id } })).toBe(0)
  })

  test('in Persian: Solar Hijri dates and Persian digits save; the list then shows the code', async () => {
    const { cookie, shop } = await seller()
    const dress = await createProduct(shop.id)
    const page = await callRoute(sellerNew.loader, routeRequest('/fa/sell/promos/new', { cookie }))
    expect(page.status).toBe(200)
    const saved = await callRoute(
      sellerNew.action,
      routeRequest('/fa/sell/promos/new', {
        cookie,
        form: {
          code: 'yalda ۱۴۰۵',
          kind: 'FIXED',
          amount: '۵٫۵۰',
          startsAt: '۱۴۰۵/۰۹/۳۰ ۱۸:۰۰',
          endsAt: '۱۴۰۵/۱۰/۰۱',
          usageLimit: '۱۰۰',
          perCustomerLimit: '۱',
          productIds: [dress.id],
        },
      }),
    )
    expect(saved.status).toBe(302)
    expect(saved.headers.get('Location')).toBe('/fa/sell/promos')
    const code = await prisma.promoCode.findUniqueOrThrow({ where: { code: 'YALDA1405' } })
    expect(code).toMatchObject({
      shopId: shop.id,
      kind: 'FIXED',
      value: 550,
      usageLimit: 100,
      perCustomerLimit: 1,
      productIds: [dress.id],
      // The store's clock is UTC in tests: 30 Azar 1405 is 21 December 2026.
      startsAt: new Date('2026-12-21T18:00:00Z'),
      endsAt: new Date('2026-12-22T00:00:00Z'),
    })

    // The edit form shows it back in the Solar Hijri calendar and Persian digits.
    const edit = await callRoute(
      sellerEdit.loader,
      routeRequest(`/fa/sell/promos/${code.id}`, { cookie }),
      { params: { promoId: code.id } },
    )
    expect((edit.data as { defaults: Record<string, unknown> }).defaults).toMatchObject({
      code: 'YALDA1405',
      amount: '۵٫۵۰',
      startsAt: '۱۴۰۵/۰۹/۳۰ ۱۸:۰۰',
      usageLimit: '۱۰۰',
    })

    // A bad date in Persian is refused at its field.
    const bad = await callRoute(
      sellerEdit.action,
      routeRequest(`/fa/sell/promos/${code.id}`, {
        cookie,
        form: { code: 'YALDA1405', kind: 'FIXED', amount: '۵', startsAt: '۱۴۰۵/۱۳/۰۱' },
      }),
      { params: { promoId: code.id } },
    )
    expect(bad.status).toBe(400)
    expect((bad.data as Reply).error).toEqual({ startsAt: ['validation:promoForm.dateTime'] })

    const list = await callRoute(sellerList.loader, routeRequest('/fa/sell/promos', { cookie }))
    expect((list.data as { codes: unknown[] }).codes).toMatchObject([
      { code: 'YALDA1405', usedCount: 0, usageLimit: 100, revenue: 0 },
    ])
  })

  test('another seller’s code: 404 to read, save or deactivate it; unchanged', async () => {
    const a = await seller('Ava')
    const b = await seller('Bo')
    const code = await createPromo({ code: 'AVA-ONLY', shopId: a.shop.id })
    const params = { promoId: code.id }
    const read = await callRoute(
      sellerEdit.loader,
      routeRequest(`/sell/promos/${code.id}`, { cookie: b.cookie }),
      { params },
    )
    expect(read.status).toBe(404)
    const save = await callRoute(
      sellerEdit.action,
      routeRequest(`/sell/promos/${code.id}`, {
        cookie: b.cookie,
        form: { code: 'BO-NOW', kind: 'PERCENT', percent: '50' },
      }),
      { params },
    )
    expect(save.status).toBe(404)
    const off = await callRoute(
      sellerList.action,
      routeRequest('/sell/promos', {
        cookie: b.cookie,
        form: { intent: 'deactivate', promoId: code.id },
      }),
    )
    expect(off.status).toBe(404)
    expect(await prisma.promoCode.findUniqueOrThrow({ where: { id: code.id } })).toMatchObject({
      code: 'AVA-ONLY',
      value: 10,
      active: true,
    })
    // Its owner deactivates it from the list.
    const mine = await callRoute(
      sellerList.action,
      routeRequest('/sell/promos', {
        cookie: a.cookie,
        form: { intent: 'deactivate', promoId: code.id },
      }),
    )
    expect(mine.status).toBe(302)
    expect((await prisma.promoCode.findUniqueOrThrow({ where: { id: code.id } })).active).toBe(
      false,
    )
  })
})

describe('two tabs on one code', () => {
  test('a save from a form loaded before another save is a 409 with the message above the button and everything typed kept; nothing is overwritten', async () => {
    const { cookie, shop } = await seller('Ava')
    const code = await createPromo({ code: 'TABS-10', shopId: shop.id, kind: 'PERCENT', value: 10 })
    const params = { promoId: code.id }
    const opened = await callRoute(
      sellerEdit.loader,
      routeRequest(`/sell/promos/${code.id}`, { cookie }),
      { params },
    )
    const version = (opened.data as { defaults: { version: string } }).defaults.version
    expect(version).toBe('1')
    const save = (percent: string, lang = '') =>
      callRoute(
        sellerEdit.action,
        routeRequest(`${lang}/sell/promos/${code.id}`, {
          cookie,
          form: { code: 'TABS-10', kind: 'PERCENT', percent, version },
        }),
        { params },
      )

    expect((await save('20')).status).toBe(302)
    const stale = await save('35')
    expect(stale.status).toBe(409)
    const reply = stale.data as Reply
    expect(reply.error?.['']).toEqual([
      'Someone changed this code after you opened it. Nothing you entered was saved, and nothing was overwritten: copy what you need from below, then reload the page to see the latest version and make your changes again.',
    ])
    expect(reply.initialValue).toMatchObject({ percent: '35', version: '1' })
    const persian = await save('40', '/fa')
    expect(persian.status).toBe(409)
    expect((persian.data as Reply).error?.['']?.[0]).toContain('کس دیگری آن را تغییر داده است')
    expect(await prisma.promoCode.findUniqueOrThrow({ where: { id: code.id } })).toMatchObject({
      value: 20,
      version: 2,
    })

    // A form without a version (opened before versions) is refused as out of date.
    const old = await callRoute(
      sellerEdit.action,
      routeRequest(`/sell/promos/${code.id}`, {
        cookie,
        form: { code: 'TABS-10', kind: 'PERCENT', percent: '50' },
      }),
      { params },
    )
    expect(old.status).toBe(409)
    expect((old.data as Reply).error?.['']).toEqual([
      'This form is out of date. Reload the page and make your changes again.',
    ])
    expect((await prisma.promoCode.findUniqueOrThrow({ where: { id: code.id } })).value).toBe(20)
  })
})

describe('the admin’s code pages', () => {
  test('a platform code made by an admin is audited; the shops’ view lists shops’ codes', async () => {
    const admin = await createUser({ roles: ['SHOPPER', 'ADMIN'] })
    const { cookie } = await signIn(admin.id)
    const { shop } = await createSeller('Ava')
    await createPromo({ code: 'AVA-SHOP', shopId: shop.id })
    const dress = await createProduct(shop.id, { title: 'Blue dress' })
    // A platform code may be limited to any shop's products: the picker names each with its shop.
    const form = await callRoute(adminNew.loader, routeRequest('/admin/promos/new', { cookie }))
    const { products } = (
      form.data as { targets: { products: Array<{ id: string; label: string }> } }
    ).targets
    expect(products).toContainEqual({ id: dress.id, label: `Blue dress · ${shop.name}` })
    const bad = await callRoute(
      adminNew.action,
      routeRequest('/admin/promos/new', { cookie, form: { code: 'ALL', kind: 'PERCENT' } }),
    )
    expect(bad.status).toBe(400)
    expect((bad.data as Reply).error).toMatchObject({ percent: ['validation:promoForm.percent'] })
    expect(await prisma.auditEntry.count()).toBe(0)

    const made = await callRoute(
      adminNew.action,
      routeRequest('/admin/promos/new', {
        cookie,
        form: {
          code: 'ALL-15',
          kind: 'PERCENT',
          percent: '15',
          maxDiscount: '20',
          productIds: dress.id,
        },
      }),
    )
    expect(made.status).toBe(302)
    expect(await prisma.promoCode.findUniqueOrThrow({ where: { code: 'ALL-15' } })).toMatchObject({
      shopId: null,
      value: 15,
      maxDiscount: 2000,
      productIds: [dress.id],
    })
    expect(await prisma.auditEntry.findFirst()).toMatchObject({
      action: 'promo.create',
      actorId: admin.id,
      targetLabel: 'ALL-15',
    })
    const platform = await callRoute(adminList.loader, routeRequest('/admin/promos', { cookie }))
    const platformCodes = (platform.data as { codes: Array<{ code: string }> }).codes
    expect(platformCodes.map((c) => c.code)).toContain('ALL-15')
    expect(platformCodes.map((c) => c.code)).not.toContain('AVA-SHOP')
    const shops = await callRoute(
      adminList.loader,
      routeRequest('/admin/promos?view=shops', { cookie }),
    )
    const shopCodes = (shops.data as { codes: Array<{ code: string }> }).codes.map((c) => c.code)
    expect(shopCodes).toContain('AVA-SHOP')
    expect(shopCodes).not.toContain('ALL-15')
  })
})
