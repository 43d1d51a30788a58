import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { updateBrand } from '~/services/catalog/brand-admin.server.ts'
import { stripHighlights } from '~/services/search/highlight.ts'
import { forgetCatalogLabels } from '~/services/search/labels.server.ts'
import { searchFacet, searchProducts } from '~/services/search/search.server.ts'
import { suggest } from '~/services/search/suggest.server.ts'
import {
  createBrand,
  createProduct,
  createShop,
  ensureCatalogBasics,
} from '../support/search-catalog.ts'
import { runSearchJobs, indexedDocuments, state } from '../support/search.ts'

// Catalog text in two languages through the real search engine (docs/decisions/018).

describe('search in both languages', () => {
  const ids: Record<string, string> = {}
  let brandId = ''

  beforeAll(async () => {
    await ensureCatalogBasics()
    const names: Array<[string, string]> = [
      ['clothing', 'پوشاک'],
      ['women', 'زنانه'],
      ['dresses', 'پیراهن و لباس'],
      ['accessories', 'اکسسوری'],
      ['bags', 'کیف'],
    ]
    for (const [slug, nameFa] of names)
      await prisma.category.update({ where: { slug }, data: { nameFa } })
    await prisma.color.update({ where: { slug: 'red' }, data: { nameFa: 'قرمز' } })
    await prisma.size.updateMany({ where: { label: 'One size' }, data: { labelFa: 'تک‌سایز' } })
    forgetCatalogLabels()
    const brand = await createBrand('Kumo')
    brandId = brand.id
    await prisma.brand.update({ where: { id: brand.id }, data: { nameFa: 'کومو' } })
    const shop = await createShop('Two Tongues')
    ids.persian = (
      await createProduct({
        shopId: shop.id,
        title: 'پیراهن کتان بلند',
        description: 'پارچهٔ نخی خنک برای روزهای گرم',
        locale: 'fa',
        translatedTitle: 'Long linen dress',
        translatedDescription: 'Cool cotton fabric for hot days',
        category: 'dresses',
        brandId: brand.id,
      })
    ).id
    ids.english = (
      await createProduct({
        shopId: shop.id,
        title: 'Woven tote',
        description: 'Roomy and light.',
        category: 'bags',
        brandId: brand.id,
        variants: [{ color: 'red', size: 'One size' }],
      })
    ).id
    await runSearchJobs()
  })

  const found = async (q: string) =>
    (await searchProducts(state({ q }))).hits.map((hit) => hit.card.id).sort()

  test('documents carry both languages', async () => {
    const document = (await indexedDocuments()).get(ids.persian!)!
    expect(document).toMatchObject({
      title: 'پیراهن کتان بلند',
      locale: 'fa',
      translatedTitle: 'Long linen dress',
      brandName: 'Kumo',
      brandNameFa: 'کومو',
    })
    expect(document.categoryNames).toEqual(
      expect.arrayContaining(['Dresses', 'پیراهن و لباس', 'Clothing', 'پوشاک']),
    )
  })

  test('a query in either language and script finds the product', async () => {
    expect(await found('پیراهن کتان')).toEqual([ids.persian])
    // Arabic yeh and kaf, as typed on an Arabic keyboard.
    expect(await found('پيراهن كتان')).toEqual([ids.persian])
    expect(await found('linen dress')).toEqual([ids.persian])
    expect(await found('cotton fabric')).toEqual([ids.persian])
    // An English product through its category's, colour's and brand's Persian names.
    expect(await found('کیف')).toEqual([ids.english])
    expect(await found('قرمز')).toEqual([ids.english])
    expect(await found('کومو')).toEqual([ids.english, ids.persian].sort())
  })

  test('cards and highlights come in the page language, falling back to the other', async () => {
    const fa = await searchProducts(state({ q: 'linen' }), { locale: 'fa' })
    expect(fa.hits[0]?.card).toMatchObject({ title: 'پیراهن کتان بلند', brand: { name: 'کومو' } })
    const en = await searchProducts(state({ q: 'linen' }), { locale: 'en' })
    expect(en.hits[0]?.card).toMatchObject({ title: 'Long linen dress', brand: { name: 'Kumo' } })
    expect(en.hits[0]?.highlightedTitle).not.toBe(stripHighlights(en.hits[0]!.highlightedTitle))
    expect(stripHighlights(en.hits[0]!.highlightedTitle)).toBe('Long linen dress')
    // No Persian title: the English one, with Persian colour names.
    const tote = (await searchProducts(state({ q: 'tote' }), { locale: 'fa' })).hits[0]!.card
    expect(tote).toMatchObject({ title: 'Woven tote', colors: [{ name: 'قرمز' }] })
  })

  test('facet labels come in the page language', async () => {
    const fa = await searchProducts(state(), { locale: 'fa' })
    expect(fa.facets.category.options.map((option) => option.name)).toContain('پوشاک')
    expect(fa.facets.color.find((value) => value.value === 'red')?.label).toBe('قرمز')
    expect(fa.facets.brand.find((value) => value.value === 'kumo')?.label).toBe('کومو')
    expect(fa.facets.size.find((value) => value.value === 'One size')?.label).toBe('تک‌سایز')
    const en = await searchProducts(state(), { locale: 'en' })
    expect(en.facets.color.find((value) => value.value === 'red')?.label).toBe('Red')
    expect(en.facets.category.options.map((option) => option.name)).toContain('Clothing')
    const values = await searchFacet(state(), 'brand', 'kum', { locale: 'fa' })
    expect(values.map((value) => value.label)).toEqual(['کومو'])
  })

  test('header suggestions speak the page language', async () => {
    const fa = await suggest('پيراه', 'fa')
    expect(fa.products.map((product) => product.title)).toEqual(['پیراهن کتان بلند'])
    expect(fa.categories[0]).toMatchObject({ slug: 'dresses', name: 'پیراهن و لباس' })
    const en = await suggest('linen', 'en')
    expect(en.products[0]).toMatchObject({ title: 'Long linen dress', brandName: 'Kumo' })
  })

  test('a new Persian brand name reaches the index through its search job', async () => {
    await updateBrand(brandId, { name: 'Kumo', nameFa: 'کوموی نو' })
    await runSearchJobs()
    expect(await found('کوموی')).toEqual([ids.english, ids.persian].sort())
  })
})
