import { beforeAll, describe, expect, test } from 'vitest'
import { foldDigits, normalizePersian, normalizeSearchQuery } from '~/services/search/normalize.ts'
import { searchFacet, searchProducts } from '~/services/search/search.server.ts'
import { suggest } from '~/services/search/suggest.server.ts'
import { stripHighlights } from '~/services/search/highlight.ts'
import {
  createBrand,
  createProduct,
  createShop,
  ensureCatalogBasics,
} from '../support/search-catalog.ts'
import { runSearchJobs, indexedDocuments, state } from '../support/search.ts'

const ZWNJ = '\u200C'

describe('the Persian normaliser', () => {
  test('Arabic yeh and kaf become Persian', () => {
    expect(normalizePersian('پيراهن')).toBe('پیراهن')
    expect(normalizePersian('كيف')).toBe('کیف')
    expect(normalizePersian('موسى')).toBe('موسی')
  })

  test('the ezafe heh, written ۀ or هٔ, is the plain heh of the word', () => {
    expect(normalizePersian('کت زنانۀ پاییزی')).toBe('کت زنانه پاییزی')
    expect(normalizePersian('کت زنانهٔ پاییزی')).toBe('کت زنانه پاییزی')
    expect(normalizeSearchQuery('زنانۀ')).toBe(normalizeSearchQuery('زنانهٔ'))
  })

  test('tatweel and vowel marks go; the letters stay', () => {
    expect(normalizePersian('کـــیف')).toBe('کیف')
    expect(normalizePersian('کُتِ زمستانی')).toBe('کت زمستانی')
    expect(normalizePersian('مُدّ')).toBe('مد')
  })

  test('zero-width non-joiners: one where a word is joined, none beside a space or at the ends', () => {
    expect(normalizePersian(`پیراهن${ZWNJ}${ZWNJ}ها`)).toBe(`پیراهن${ZWNJ}ها`)
    expect(normalizePersian(`پیراهن ${ZWNJ}ها`)).toBe('پیراهن ها')
    expect(normalizePersian(`${ZWNJ}کیف${ZWNJ}`)).toBe('کیف')
    // Other invisible characters (ZWJ, ZWSP, bidi marks) are dropped.
    expect(normalizePersian('کی\u200Dف\u200B\u200F')).toBe('کیف')
  })

  test('documents keep their digits; queries get ASCII ones', () => {
    expect(normalizePersian('شلوار ۲ تکه')).toBe('شلوار ۲ تکه')
    expect(foldDigits('۰۱۲۳۴۵۶۷۸۹ ٠١٢٣٤٥٦٧٨٩')).toBe('0123456789 0123456789')
    expect(normalizeSearchQuery('  سایز   ۳۸ ')).toBe('سایز 38')
    expect(normalizeSearchQuery('پيراهن ٤٠')).toBe('پیراهن 40')
  })

  test('text in other scripts is unchanged', () => {
    expect(normalizePersian('Linen shirt — Café')).toBe('Linen shirt — Café')
    expect(normalizeSearchQuery('T-shirt 38')).toBe('T-shirt 38')
  })
})

describe('Persian through the real search engine', () => {
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    await ensureCatalogBasics()
    const brand = await createBrand('Kumo')
    const shop = await createShop('Persian Atelier')
    const products = [
      // Written with Arabic yeh and kaf, tatweel and marks, as pasted from an Arabic keyboard.
      { key: 'arabic', title: 'پيراهن كتان مـــردانه', category: 'men-t-shirts' },
      { key: 'persian', title: `پیراهن${ZWNJ}های زنانهٔ تابستانی`, category: 'dresses' },
      { key: 'digits', title: 'شلوار ۲ تکه', category: 'dresses' },
      { key: 'english', title: 'Linen shirt', category: 'men-t-shirts' },
      // The ezafe written as one letter (ۀ), as the Persian keyboard's Shift+Z gives it.
      { key: 'ezafe', title: 'کت زنانۀ پاییزی', category: 'dresses' },
    ]
    for (const { key, title, category } of products) {
      const product = await createProduct({
        title,
        category,
        brandId: brand.id,
        shopId: shop.id,
        description: key === 'arabic' ? 'پارچهٔ نخی، مناسب تابستان' : '',
      })
      ids[key] = product.id
    }
    await runSearchJobs()
  })

  const found = async (q: string) =>
    (await searchProducts(state({ q }))).hits.map((hit) => hit.card.id).sort()

  test('documents are stored in the canonical spelling', async () => {
    const documents = await indexedDocuments()
    expect(documents.get(ids.arabic!)?.title).toBe('پیراهن کتان مردانه')
    expect(documents.get(ids.digits!)?.title).toBe('شلوار ۲ تکه')
  })

  test('"پیراهن" finds the product titled "پيراهن", and the other way round', async () => {
    const both = [ids.arabic!, ids.persian!].sort()
    expect(await found('پیراهن')).toEqual(both)
    expect(await found('پيراهن')).toEqual(both)
    expect(await found('كتان')).toEqual([ids.arabic])
    expect(await found('کـتان')).toEqual([ids.arabic])
    expect(await found('مردانه')).toEqual([ids.arabic])
  })

  test('a word joined with a non-joiner is found typed with a space or a non-joiner', async () => {
    expect(await found('پیراهن ها')).toContain(ids.persian)
    expect(await found(`پیراهن${ZWNJ}ها`)).toContain(ids.persian)
  })

  test('the ezafe heh matches however it is typed', async () => {
    for (const q of ['کت زنانه', 'کت زنانۀ', 'کت زنانهٔ'])
      expect(await found(q)).toContain(ids.ezafe)
    expect((await indexedDocuments()).get(ids.ezafe!)?.title).toBe('کت زنانه پاییزی')
  })

  test('digits match in any script', async () => {
    for (const q of ['شلوار ۲', 'شلوار ٢', 'شلوار 2']) expect(await found(q)).toEqual([ids.digits])
  })

  test('English still matches as before', async () => {
    expect(await found('linen')).toEqual([ids.english])
  })

  test('the header suggestions work in Persian and mark the match', async () => {
    const suggestions = await suggest('پيراه')
    expect(suggestions.products.map((product) => product.id).sort()).toEqual(
      [ids.arabic!, ids.persian!].sort(),
    )
    const arabic = suggestions.products.find((product) => product.id === ids.arabic)!
    expect(arabic.highlightedTitle).not.toBe(stripHighlights(arabic.highlightedTitle))
  })

  test('facet-value search takes the query normalised', async () => {
    const values = await searchFacet(state({ q: 'پيراهن' }), 'brand', 'kum')
    expect(values.map((value) => [value.value, value.count])).toEqual([['kumo', 2]])
  })
})
