import type { Page, TestInfo } from '@playwright/test'
import { prisma } from '~/infra/db.server.ts'
import { planPhotos } from '../../prisma/seed/photos/index.ts'
import { renderPhoto } from '../../prisma/seed/photos/render.ts'
import { multipartBody } from '../support/images.ts'
import { createProduct } from '../support/shop-fixtures.ts'
import { expect, test } from './fixtures.ts'
import { waitForSearchIndex } from './search-index.ts'

// What a shopper sees first, kept as pictures in the Playwright report: the home page, a
// category and a product page with photos, at phone and desktop width, in English and Persian.
// The photos are the demo seed's drawings, uploaded through the app's API as a seller's are.

test.afterAll(async () => {
  await prisma.$disconnect()
})

const PRODUCTS = [
  { title: 'Linen Midi Dress', fa: 'پیراهن میدی کتان', colors: ['Rose', 'Black'], price: 8900 },
  { title: 'Silk Slip Dress', fa: 'پیراهن ساتن ابریشمی', colors: ['Ivory'], price: 12_900 },
  { title: 'Cotton Shirt Dress', fa: 'پیراهن مردانه‌دوز نخی', colors: ['Navy'], price: 6400 },
  { title: 'Floral Wrap Dress', fa: 'پیراهن جلوباز گل‌دار', colors: ['Black'], price: 7200 },
]

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
]

/** Waits until every image on the page (lazy ones scrolled into view) has loaded. */
async function imagesLoaded(page: Page) {
  await page.evaluate(async () => {
    for (const image of document.querySelectorAll('img')) image.loading = 'eager'
    await Promise.all(
      [...document.images].map((image) =>
        image.complete
          ? null
          : new Promise((done) => {
              image.addEventListener('load', done)
              image.addEventListener('error', done)
            }),
      ),
    )
    await document.fonts.ready
  })
  expect(
    await page.evaluate(
      () => [...document.images].filter((image) => image.complete && !image.naturalWidth).length,
    ),
  ).toBe(0)
}

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  await imagesLoaded(page)
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path, fullPage: true })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

test('the home, category and product pages with photos, at phone and desktop width, in English and Persian', async ({
  browser,
  baseURL,
  extraHTTPHeaders,
  page,
  signInAs,
}, testInfo) => {
  test.setTimeout(120_000)
  const { shop } = await signInAs('seller', { name: 'Maral Atelier' })
  const dresses = await prisma.category.findUniqueOrThrow({ where: { slug: 'dresses' } })
  const origin = new URL(baseURL ?? '').origin
  const products = []
  for (const spec of PRODUCTS) {
    const product = await createProduct(shop.id, {
      title: spec.title,
      price: spec.price,
      variants: spec.colors.flatMap((color) => ['S', 'M', 'L'].map((size) => ({ color, size }))),
    })
    await prisma.product.update({
      where: { id: product.id },
      data: { categoryId: dresses.id, featured: true, translatedTitle: spec.fa },
    })
    // The first product's gallery has three photos; the others show one on their card.
    const planned = planPhotos({ ...product, shop: { slug: shop.slug } }).slice(
      0,
      products.length ? 1 : 3,
    )
    const files = await Promise.all(
      planned.map(async (photo) => ({
        filename: photo.filename,
        contentType: 'image/jpeg',
        data: await renderPhoto(photo.spec),
      })),
    )
    const { body, contentType } = multipartBody(files)
    const response = await page.request.post(`/api/products/${product.id}/images`, {
      headers: { 'Content-Type': contentType, Origin: origin },
      data: body,
    })
    expect(response.status()).toBe(201)
    products.push(product)
  }
  await waitForSearchIndex()

  const first = products[0]!
  const pages = [
    { name: 'home', path: '/' },
    { name: 'category', path: '/c/dresses' },
    { name: 'product', path: `/p/${first.slug}` },
  ]
  // As a shopper sees them: signed out, the browser in the page's language (no offer of the other).
  for (const viewport of VIEWPORTS) {
    for (const language of ['en', 'fa'] as const) {
      const shopper = await browser.newContext({
        baseURL,
        extraHTTPHeaders,
        viewport,
        locale: language === 'fa' ? 'fa-IR' : 'en-US',
      })
      const tab = await shopper.newPage()
      for (const { name, path } of pages) {
        await tab.goto(language === 'fa' ? `/fa${path === '/' ? '' : path}` : path)
        const shown = language === 'fa' ? PRODUCTS[1]!.fa : PRODUCTS[1]!.title
        if (name === 'product') {
          const heading = language === 'fa' ? PRODUCTS[0]!.fa : PRODUCTS[0]!.title
          await expect(tab.getByRole('heading', { level: 1, name: heading })).toBeVisible()
        } else {
          await expect(
            tab.getByTestId('product-card').filter({ hasText: shown }).first(),
          ).toBeVisible()
        }
        await shoot(tab, testInfo, `${name}-${language}-${viewport.name}`)
      }
      await shopper.close()
    }
  }
})
