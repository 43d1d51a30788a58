import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, test, vi } from 'vitest'
import { ErrorList } from '~/components/forms.tsx'
import { i18nFor } from '~/i18n/i18n.server.ts'
import { prisma } from '~/infra/db.server.ts'
import {
  action as editAction,
  loader as editLoader,
} from '~/routes/($locale).sell.products.$productId/route.tsx'
import { action as newAction, loader as newLoader } from '~/routes/($locale).sell.products.new.tsx'
import { getProductForEdit } from '~/services/catalog/products.server.ts'
import { variantKey } from '~/services/catalog/schemas.ts'
import { signIn } from '../support/fixtures.ts'
import { createSeller, taxonomyFixture, type Taxonomy } from '../support/catalog.ts'
import { callRoute, routeRequest } from '../support/remix.ts'

// A Persian seller in a store that sells in rials and shows Toman (set before anything reads
// the environment): the product's language and its translation, Toman prices in Persian digits,
// and errors in Persian at their fields.
vi.hoisted(() => {
  process.env.STORE_CURRENCY = 'IRR'
  process.env.STORE_PRICE_DISPLAY = 'toman'
})

type Reply = {
  result?: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> }
  conflict?: { currentVersion: number } | null
}
type Defaults = {
  locale: string
  title: string
  translatedTitle: string
  translatedDescription: string
  price: string
  version: string
  variants: Record<string, { sku: string; stock: string; stockWas: string; price: string }>
}

/** The product form as a Persian page posts it: written in Persian, translated into English. */
function persianForm(t: Taxonomy, overrides: Record<string, string | string[]> = {}) {
  const form: Record<string, string | string[]> = {
    intent: 'publish',
    locale: 'fa',
    title: 'پیراهن کتان راه‌راه',
    description: 'برای تابستان خنک است.',
    translatedTitle: 'Striped Linen Shirt',
    translatedDescription: 'Cool in summer.',
    categoryId: t.categories.tops.id,
    brandId: '',
    sizeScaleId: t.letters.id,
    tags: 'کتان',
    price: '۱۲۰٬۰۰۰',
    discountPercent: '',
    discountStartsAt: '',
    discountEndsAt: '',
    colorIds: [t.colors.black.id],
    sizeIds: [t.letters.S.id, t.letters.M.id],
  }
  const tag = Math.random().toString(36).slice(2, 7).toUpperCase()
  for (const size of [t.letters.S, t.letters.M]) {
    const key = variantKey(t.colors.black.id, size.id)
    form[`variants.${key}.sku`] = `SLS-${tag}-${size.label}`
    form[`variants.${key}.stock`] = size.label === 'S' ? '۱۲' : '٣' // Persian and Arabic-Indic digits
    form[`variants.${key}.price`] = size.label === 'S' ? '' : '135,000'
  }
  return { ...form, ...overrides }
}

const productIdFrom = (headers: Headers) =>
  new URL(headers.get('Location')!, 'http://localhost').pathname.split('/').pop()!

async function editDefaults(cookie: string, id: string) {
  const page = await callRoute(editLoader, routeRequest(`/fa/sell/products/${id}`, { cookie }), {
    params: { productId: id },
  })
  return (page.data as { defaults: Defaults }).defaults
}

/** The edit form posted back as loaded, with changes. */
function formFrom(t: Taxonomy, defaults: Defaults, changes: Record<string, string>) {
  const form: Record<string, string | string[]> = {
    ...persianForm(t),
    intent: 'save',
    version: defaults.version,
    translatedTitle: defaults.translatedTitle,
    translatedDescription: defaults.translatedDescription,
    price: defaults.price,
  }
  for (const [key, cell] of Object.entries(defaults.variants)) {
    form[`variants.${key}.sku`] = cell.sku
    form[`variants.${key}.stock`] = cell.stock
    form[`variants.${key}.stockWas`] = cell.stockWas
    form[`variants.${key}.price`] = cell.price
  }
  return { ...form, ...changes }
}

/** What ErrorList shows for a field's messages on a Persian page. */
const inPersian = (errors: string[] | undefined) =>
  renderToStaticMarkup(
    createElement(I18nextProvider, { i18n: i18nFor('fa') }, createElement(ErrorList, { errors })),
  )

describe('a Persian seller’s product form', () => {
  test('a new product starts in the page’s language', async () => {
    await taxonomyFixture()
    const { user } = await createSeller()
    const { cookie } = await signIn(user.id)
    for (const [path, locale] of [
      ['/fa/sell/products/new', 'fa'],
      ['/sell/products/new', 'en'],
    ] as const) {
      const page = await callRoute(newLoader, routeRequest(path, { cookie }))
      expect((page.data as { defaults: Defaults }).defaults.locale).toBe(locale)
    }
  })

  test('creates a product in Persian with an English translation, priced in Toman typed in Persian digits', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const { cookie } = await signIn(user.id)
    const created = await callRoute(
      newAction,
      routeRequest('/fa/sell/products/new', { cookie, form: persianForm(t) }),
    )
    expect(created.status).toBe(302)
    expect(created.headers.get('Location')).toMatch(/^\/fa\/sell\/products\/[^/]+#photos$/)
    const id = productIdFrom(created.headers)
    const product = (await getProductForEdit(user.id, id))!
    expect(product).toMatchObject({
      locale: 'fa',
      title: 'پیراهن کتان راه‌راه',
      description: 'برای تابستان خنک است.',
      translatedTitle: 'Striped Linen Shirt',
      translatedDescription: 'Cool in summer.',
      status: 'ACTIVE',
      // 120,000 Toman are 1,200,000 rials, the unit prices are kept in.
      price: 1_200_000,
    })
    // A Persian title gives no Latin slug: the English translation does.
    expect((await prisma.product.findUniqueOrThrow({ where: { id } })).slug).toBe(
      'striped-linen-shirt',
    )
    expect(
      product.variants.map(({ sku, stock, price }) => ({
        stock,
        price,
        size: sku.split('-').pop(),
      })),
    ).toEqual([
      { size: 'S', stock: 12, price: null },
      { size: 'M', stock: 3, price: 1_350_000 },
    ])

    // The form reads it back as the seller typed it: Toman in Persian digits.
    const defaults = await editDefaults(cookie, id)
    expect(defaults).toMatchObject({
      locale: 'fa',
      title: 'پیراهن کتان راه‌راه',
      translatedTitle: 'Striped Linen Shirt',
      translatedDescription: 'Cool in summer.',
      price: '۱۲۰٬۰۰۰',
    })
    expect(Object.values(defaults.variants).map((cell) => [cell.stock, cell.price])).toEqual([
      ['۱۲', ''],
      ['۳', '۱۳۵٬۰۰۰'],
    ])
  })

  test('edits the translation with the version check, and a stale form changes nothing', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const { cookie } = await signIn(user.id)
    const created = await callRoute(
      newAction,
      routeRequest('/fa/sell/products/new', { cookie, form: persianForm(t) }),
    )
    const id = productIdFrom(created.headers)
    const { slug } = await prisma.product.findUniqueOrThrow({ where: { id } })
    expect(slug).toMatch(/^striped-linen-shirt/)
    const loaded = await editDefaults(cookie, id)

    const saved = await callRoute(
      editAction,
      routeRequest(`/fa/sell/products/${id}`, {
        cookie,
        form: formFrom(t, loaded, {
          translatedTitle: 'Striped Linen Shirt, Relaxed Fit',
          translatedDescription: '',
        }),
      }),
      { params: { productId: id } },
    )
    expect(saved.status).toBe(302)
    expect(saved.headers.get('Location')).toBe(`/fa/sell/products/${id}`)
    const after = await prisma.product.findUniqueOrThrow({ where: { id } })
    expect(after).toMatchObject({
      locale: 'fa',
      title: 'پیراهن کتان راه‌راه',
      translatedTitle: 'Striped Linen Shirt, Relaxed Fit',
      // Emptied: English pages fall back to the Persian description.
      translatedDescription: null,
      // The slug never follows the translation.
      slug,
      price: 1_200_000,
      version: Number(loaded.version) + 1,
    })
    // Stock left as it was stays as it was (Persian digits read back).
    expect(
      (await prisma.variant.findMany({ where: { productId: id }, orderBy: { sku: 'asc' } })).map(
        (variant) => variant.stock,
      ),
    ).toEqual([3, 12])

    // The form loaded before that save is stale: a 409, and the translation stays.
    const stale = await callRoute(
      editAction,
      routeRequest(`/fa/sell/products/${id}`, {
        cookie,
        form: formFrom(t, loaded, { translatedTitle: 'Something Else Entirely' }),
      }),
      { params: { productId: id } },
    )
    expect(stale.status).toBe(409)
    expect((stale.data as Reply).conflict).toEqual({ currentVersion: after.version })
    expect((await prisma.product.findUniqueOrThrow({ where: { id } })).translatedTitle).toBe(
      'Striped Linen Shirt, Relaxed Fit',
    )

    // Switching the product to English swaps nothing by itself: the seller's words stay put.
    const english = await callRoute(
      editAction,
      routeRequest(`/fa/sell/products/${id}`, {
        cookie,
        form: formFrom(t, await editDefaults(cookie, id), {
          locale: 'en',
          title: 'Striped Linen Shirt',
          description: 'Cool in summer.',
          translatedTitle: 'پیراهن کتان راه‌راه',
          translatedDescription: 'برای تابستان خنک است.',
        }),
      }),
      { params: { productId: id } },
    )
    expect(english.status).toBe(302)
    expect(await prisma.product.findUniqueOrThrow({ where: { id } })).toMatchObject({
      locale: 'en',
      title: 'Striped Linen Shirt',
      translatedTitle: 'پیراهن کتان راه‌راه',
      slug,
    })
  })

  test('errors come back at their fields, in Persian, and nothing is saved', async () => {
    const t = await taxonomyFixture()
    const { user } = await createSeller()
    const { cookie } = await signIn(user.id)
    const blackS = variantKey(t.colors.black.id, t.letters.S.id)
    const blackM = variantKey(t.colors.black.id, t.letters.M.id)
    const result = await callRoute(
      newAction,
      routeRequest('/fa/sell/products/new', {
        cookie,
        form: persianForm(t, {
          locale: 'de',
          translatedTitle: 'ab',
          price: '۱۲۰.۰۰۰', // a dot for thousands: refused, not read as 120 Toman
          discountPercent: '۹۵',
          [`variants.${blackS}.stock`]: 'دوازده',
          [`variants.${blackM}.price`]: '12,50',
        }),
      }),
    )
    expect(result.status).toBe(400)
    const errors = (result.data as Reply).result!.error!
    expect(errors.locale).toEqual(['validation:catalog.locale'])
    expect(errors.translatedTitle).toEqual(['validation:text.tooShort {"min":3}'])
    expect(errors.price).toEqual(['validation:catalog.amount {"example":120000}'])
    expect(errors.discountPercent).toEqual(['validation:catalog.discountMax {"max":90}'])
    expect(errors[`variants.${blackS}.stock`]).toEqual(['validation:catalog.stock'])
    expect(errors[`variants.${blackM}.price`]).toEqual([
      'validation:catalog.amount {"example":120000}',
    ])
    // As the Persian page shows them: Persian words and Persian digits.
    expect(inPersian(errors.locale)).toContain('زبان محصول را انتخاب کنید')
    expect(inPersian(errors.translatedTitle)).toContain('دست‌کم ۳ نویسه بنویسید')
    expect(inPersian(errors.price)).toContain('مبلغی مثل ۱۲۰٬۰۰۰ وارد کنید')
    expect(inPersian(errors.discountPercent)).toContain('۹۰')
    // What was typed comes back to be corrected.
    expect((result.data as Reply).result!.initialValue).toMatchObject({
      title: 'پیراهن کتان راه‌راه',
      translatedTitle: 'ab',
      price: '۱۲۰.۰۰۰',
    })
    expect(await prisma.product.count({ where: { shop: { ownerId: user.id } } })).toBe(0)
  })
})
