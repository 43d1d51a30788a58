import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { localLabel, localName, localProductText } from '~/services/catalog/localized.ts'
import {
  getCategoryHeading,
  getHomeCollections,
  getProductCards,
  listAllBrands,
} from '~/services/catalog/storefront.server.ts'
import { getProductPage } from '~/services/catalog/product-page.server.ts'
import { addToCart, getCart } from '~/services/orders/cart.server.ts'
import {
  getBrandBySlug,
  getCategoryNav,
  getProductFormOptions,
} from '~/services/catalog/taxonomy.server.ts'
import { createCategory, updateCategory } from '~/services/catalog/category-admin.server.ts'
import { createBrand } from '~/services/catalog/brand-admin.server.ts'
import { createUser } from '../support/fixtures.ts'
import { createListedProduct, createSeller, taxonomyFixture } from '../support/catalog.ts'
import { clearQueuedJobs, queuedKeys } from '../support/jobs.ts'

describe('catalog names in two languages', () => {
  test('a name picks the page language and falls back to the other', () => {
    expect(localName('fa', { name: 'Dresses', nameFa: 'پیراهن' })).toBe('پیراهن')
    expect(localName('en', { name: 'Dresses', nameFa: 'پیراهن' })).toBe('Dresses')
    expect(localName('fa', { name: 'Dresses', nameFa: null })).toBe('Dresses')
    expect(localName('fa', { name: 'Dresses', nameFa: '' })).toBe('Dresses')
    expect(localLabel('fa', { label: 'One size', labelFa: 'تک‌سایز' })).toBe('تک‌سایز')
    expect(localLabel('fa', { label: 'M', labelFa: null })).toBe('M')
  })

  test('a product shows its translation on the other language’s pages, else its own text', () => {
    const persianFirst = {
      locale: 'fa',
      title: 'پیراهن نخی',
      description: 'خنک و سبک',
      translatedTitle: 'Cotton shirt',
      translatedDescription: null,
    }
    expect(localProductText('fa', persianFirst)).toEqual({
      title: 'پیراهن نخی',
      description: 'خنک و سبک',
    })
    // English page: the English title, and the Persian description since none was translated.
    expect(localProductText('en', persianFirst)).toEqual({
      title: 'Cotton shirt',
      description: 'خنک و سبک',
    })
    const englishOnly = { locale: 'en', title: 'Linen shirt', description: 'Airy' }
    expect(localProductText('fa', englishOnly)).toEqual({
      title: 'Linen shirt',
      description: 'Airy',
    })
  })

  test('the header menu, brand pages and the product form options name things in the page language', async () => {
    const t = await taxonomyFixture()
    const bags = await createCategory({ name: 'Bags', nameFa: 'کیف', slug: 'bags' })
    await createBrand({ name: 'Ladan', nameFa: 'لادن', slug: 'ladan' })
    await prisma.color.update({ where: { id: t.colors.black.id }, data: { nameFa: 'مشکی' } })
    await prisma.sizeScale.update({ where: { id: t.letters.id }, data: { nameFa: 'سایز حرفی' } })
    await prisma.size.update({ where: { id: t.letters.M.id }, data: { labelFa: 'مدیوم' } })

    const fa = await getCategoryNav('fa')
    expect(fa.find((link) => link.slug === 'bags')?.name).toBe('کیف')
    // No Persian name: the English one.
    expect(fa.find((link) => link.slug === 'shoes')?.name).toBe('Shoes')
    expect((await getCategoryNav('en')).find((link) => link.slug === 'bags')?.name).toBe('Bags')

    expect(await getBrandBySlug('ladan', 'fa')).toMatchObject({ name: 'لادن', slug: 'ladan' })
    expect(await getBrandBySlug('ladan', 'en')).toMatchObject({ name: 'Ladan' })

    const options = await getProductFormOptions('fa')
    expect(options.categories.find((option) => option.id === bags.id)?.name).toBe('کیف')
    expect(options.colors.find((color) => color.id === t.colors.black.id)?.name).toBe('مشکی')
    expect(options.colors.find((color) => color.id === t.colors.red.id)?.name).toBe('Red')
    const letters = options.scales.find((scale) => scale.id === t.letters.id)
    expect(letters?.name).toBe('سایز حرفی')
    expect(letters?.sizes.map((size) => size.label)).toContain('مدیوم')
    expect(letters?.sizes.map((size) => size.label)).toContain('XL')
  })

  test('a new Persian name re-indexes the category’s products; clearing it falls back', async () => {
    const t = await taxonomyFixture()
    const seller = await createSeller('bilingual')
    const product = await createListedProduct(seller.user.id, t)
    await clearQueuedJobs()
    await updateCategory(t.categories.dresses.id, { name: 'Dresses', nameFa: 'پیراهن' })
    expect((await queuedKeys()).map((event) => event.key)).toContain(product.id)
    expect(
      (await getCategoryNav('fa'))
        .flatMap((link) => link.children)
        .flatMap((link) => link.children)
        .find((link) => link.slug === 'dresses')?.name,
    ).toBe('پیراهن')
    await updateCategory(t.categories.dresses.id, { name: 'Dresses', nameFa: '' })
    expect(
      (await prisma.category.findUniqueOrThrow({ where: { id: t.categories.dresses.id } })).nameFa,
    ).toBeNull()
  })

  test('cards, the product page, category headings, brands and the cart speak the page language', async () => {
    const t = await taxonomyFixture()
    await prisma.category.update({
      where: { id: t.categories.women.id },
      data: { nameFa: 'زنانه' },
    })
    await prisma.category.update({
      where: { id: t.categories.dresses.id },
      data: { nameFa: 'پیراهن و لباس' },
    })
    await prisma.brand.update({ where: { id: t.brands.acme.id }, data: { nameFa: 'آکمه' } })
    // Black and M got their Persian names in an earlier test of this file.
    await prisma.color.update({ where: { id: t.colors.red.id }, data: { nameFa: 'قرمز' } })
    await prisma.size.update({ where: { id: t.letters.L.id }, data: { labelFa: 'لارج' } })
    const seller = await createSeller('pages')
    const persian = await createListedProduct(seller.user.id, t, { title: 'Silk Dress Persian' })
    await prisma.product.update({
      where: { id: persian.id },
      data: {
        locale: 'fa',
        title: 'پیراهن ابریشمی',
        description: 'ابریشم خالص، دوخت دست.',
        translatedTitle: 'Silk dress',
        translatedDescription: null,
      },
    })
    const english = await createListedProduct(seller.user.id, t, { title: 'Plain Linen Dress' })

    const [faCard, enOnlyCard] = await getProductCards([persian.id, english.id], new Date(), 'fa')
    expect(faCard).toMatchObject({ title: 'پیراهن ابریشمی', brand: { name: 'آکمه' } })
    expect(faCard!.colors.map((color) => color.name)).toEqual(['مشکی', 'قرمز'])
    // Nothing in Persian: the English title.
    expect(enOnlyCard!.title).toBe('Plain Linen Dress')
    const [enCard] = await getProductCards([persian.id], new Date(), 'en')
    expect(enCard).toMatchObject({ title: 'Silk dress', brand: { name: 'Acme' } })

    const fa = (await getProductPage(persian.slug, { locale: 'fa' }))!
    expect(fa.product).toMatchObject({
      title: 'پیراهن ابریشمی',
      description: 'ابریشم خالص، دوخت دست.',
      brand: { name: 'آکمه' },
    })
    expect(fa.breadcrumbs.map((crumb) => crumb.name)).toEqual([
      'Clothing',
      'زنانه',
      'پیراهن و لباس',
    ])
    expect(fa.colors.map((color) => color.name)).toEqual(['مشکی', 'قرمز'])
    expect(fa.sizes.map((size) => size.label)).toEqual(['S', 'مدیوم', 'لارج'])
    const en = (await getProductPage(persian.slug, { locale: 'en' }))!
    // The English title, and the Persian description since it has no translation.
    expect(en.product).toMatchObject({ title: 'Silk dress', description: 'ابریشم خالص، دوخت دست.' })
    expect(en.product.slug).toBe(persian.slug)

    const heading = (await getCategoryHeading('dresses', 'fa'))!
    expect(heading.category.name).toBe('پیراهن و لباس')
    expect(heading.siblings.map((sibling) => sibling.name)).toContain('Tops')
    expect((await listAllBrands('fa')).find((brand) => brand.slug === 'acme')?.name).toBe('آکمه')
    const home = await getHomeCollections({ locale: 'fa' })
    expect(home.categories.find((category) => category.slug === 'women')?.name).toBe('زنانه')

    const shopper = await createUser()
    const red = await prisma.variant.findFirstOrThrow({
      where: { productId: persian.id, colorId: t.colors.red.id, sizeId: t.letters.L.id },
    })
    await addToCart({ userId: shopper.id }, { variantId: red.id, quantity: 1 })
    const [line] = (await getCart({ userId: shopper.id }, new Date(), 'fa')).lines
    expect(line).toMatchObject({ title: 'پیراهن ابریشمی', colorName: 'قرمز', sizeLabel: 'لارج' })
    const [enLine] = (await getCart({ userId: shopper.id }, new Date(), 'en')).lines
    expect(enLine).toMatchObject({ title: 'Silk dress', colorName: 'Red', sizeLabel: 'L' })
  })
})
