import type { Page } from '@playwright/test'
import { prisma } from '~/infra/db.server.ts'
import { createProduct, createSeller } from '../support/shop-fixtures.ts'
import { expect, test } from './fixtures.ts'

// Persian pages use the self-hosted Vazirmatn subset (npm run fonts:subset) in two files split by
// unicode-range: the Persian letters' half, preloaded, and the rest (Latin, rarer Arabic letters),
// fetched only for a page that has such a character. English pages neither preload nor download
// either. Until they arrive, a local fallback resized to Vazirmatn's metrics stands in, so the
// swap barely moves the page.

test.afterAll(async () => {
  await prisma.$disconnect()
})

const FONT = /\/fonts\/vazirmatn-persian-[0-9a-f]{10}\.woff2$/
const MORE = /\/fonts\/vazirmatn-more-[0-9a-f]{10}\.woff2$/
const EITHER = /\/fonts\/vazirmatn-(persian|more)-[0-9a-f]{10}\.woff2$/

function fontRequests(page: Page) {
  const urls: string[] = []
  page.on('request', (request) => {
    if (request.url().endsWith('.woff2')) urls.push(new URL(request.url()).pathname)
  })
  return urls
}

test('a Persian page preloads and uses Vazirmatn; an English page does not load it', async ({
  page,
  browser,
}) => {
  const requested = fontRequests(page)
  await page.goto('/fa')
  const preload = page.locator('link[rel="preload"][as="font"]')
  await expect(preload).toHaveCount(1)
  const href = (await preload.getAttribute('href'))!
  expect(href).toMatch(FONT)
  expect(await preload.getAttribute('type')).toBe('font/woff2')
  expect(await preload.getAttribute('crossorigin')).toBe('anonymous')

  const font = await page.request.get(href)
  expect(font.status()).toBe(200)
  expect(font.headers()['content-type']).toBe('font/woff2')
  expect((await font.body()).subarray(0, 4).toString('latin1')).toBe('wOF2')

  await page.evaluate(() => document.fonts.ready)
  expect(
    await page.evaluate(() => getComputedStyle(document.body).fontFamily.split(',')[0]),
  ).toMatch(/Vazirmatn/)
  expect(await page.evaluate(() => document.fonts.check('16px Vazirmatn', 'سبد خرید'))).toBe(true)
  // The preload and the stylesheet's face share one download.
  expect(requested.filter((url) => FONT.test(url))).toHaveLength(1)
  // Latin text on a Persian page (a brand, an SKU) is set in the second file, asked for then.
  // (Both faces answer for 'Zara 42': the Persian one for its space.)
  const faces = await page.evaluate(
    async () => (await document.fonts.load('16px Vazirmatn', 'Zara 42')).length,
  )
  expect(faces).toBe(2)
  expect(await page.evaluate(() => document.fonts.check('16px Vazirmatn', 'Zara 42'))).toBe(true)
  expect(requested.filter((url) => MORE.test(url))).toHaveLength(1)
  expect(requested.filter((url) => EITHER.test(url))).toHaveLength(2)

  // A visitor who reads English (a fresh browser): no preload, no download.
  const english = await browser.newPage()
  const englishFonts = fontRequests(english)
  await english.goto('/')
  await english.waitForLoadState('networkidle')
  await expect(english.locator('link[rel="preload"][as="font"]')).toHaveCount(0)
  expect(await english.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toMatch(
    /Vazirmatn/,
  )
  expect(englishFonts).toEqual([])
  await english.close()
})

test('English passages on a Persian page are set in the English face, so no swap moves them', async ({
  browser,
}) => {
  // A browser that prefers English is offered the English page, in English, above the header.
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 390, height: 844 },
  })
  const page = await context.newPage()
  await page.goto('/fa')
  const offer = page.getByTestId('locale-suggestion')
  await expect(offer).toHaveAttribute('lang', 'en')
  const family = (locator: ReturnType<Page['locator']>) =>
    locator.evaluate((element) => getComputedStyle(element).fontFamily)
  expect(await family(offer)).not.toMatch(/Vazirmatn/)
  expect(await family(offer.getByRole('button').first())).not.toMatch(/Vazirmatn/)
  expect(await family(page.locator('main'))).toMatch(/^"?Vazirmatn/)
  await context.close()
})

/** The sum of layout shifts while /fa loads with Vazirmatn held back until the page is drawn. */
async function shiftWhileFontSwaps(page: Page, { fallback }: { fallback: boolean }) {
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(EITHER, async (route) => {
    await held
    await route.continue()
  })
  if (!fallback) {
    // The same page without the metric-matched face: the browser's own fallback stands in.
    await page.route(/\/assets\/.*\.css$/, async (route) => {
      const response = await route.fetch()
      const css = (await response.text()).replace(/["']Vazirmatn Fallback["'],/g, '')
      await route.fulfill({ response, body: css })
    })
  }
  await page.addInitScript(() => {
    const state = window as unknown as { shift: number }
    state.shift = 0
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number }>)
        state.shift += entry.value
    }).observe({ type: 'layout-shift', buffered: true })
  })
  await page.goto('/fa', { waitUntil: 'domcontentloaded' })
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain(
    fallback ? 'Vazirmatn Fallback' : 'Tahoma',
  )
  if (!fallback)
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toContain(
      'Fallback',
    )
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))),
  )
  expect(await page.evaluate(() => document.fonts.check('16px Vazirmatn', 'سبد'))).toBe(false)
  release()
  await page.waitForFunction(() => document.fonts.check('16px Vazirmatn', 'سبد'))
  await page.evaluate(() => document.fonts.ready)
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 200))),
  )
  return page.evaluate(() => (window as unknown as { shift: number }).shift)
}

test('the fallback face matches Vazirmatn’s width and line, so the swap hardly shifts the page', async ({
  page,
  browser,
}) => {
  const { shop } = await createSeller('Golestan')
  await createProduct(shop.id, { title: 'پیراهن کتان', variants: [{ stock: 3 }] })
  await page.goto('/fa')
  await page.evaluate(() => document.fonts.ready)
  // Persian text from the catalogues, set in each face: widths and line heights agree.
  const sizes = await page.evaluate(async () => {
    const text =
      'سبد خرید شما · ادامهٔ خرید · تسویه حساب · از خریدتان سپاسگزاریم؛ بستهٔ شما در راه است.'
    const measure = (family: string) => {
      const span = document.createElement('span')
      span.style.cssText = `font: 400 20px ${family}; white-space: nowrap; line-height: normal; display: inline-block`
      span.textContent = text.repeat(4)
      document.body.append(span)
      const { width, height } = span.getBoundingClientRect()
      span.remove()
      return { width, height }
    }
    await document.fonts.load("20px 'Vazirmatn Fallback'", 'سبد')
    return { vazirmatn: measure('Vazirmatn'), fallback: measure("'Vazirmatn Fallback'") }
  })
  expect(Math.abs(sizes.fallback.width / sizes.vazirmatn.width - 1)).toBeLessThan(0.04)
  expect(Math.abs(sizes.fallback.height - sizes.vazirmatn.height)).toBeLessThanOrEqual(1)

  for (const width of [390, 1280]) {
    const measured: Record<string, number> = {}
    for (const fallback of [true, false]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } })
      const fresh = await context.newPage()
      measured[fallback ? 'with' : 'without'] = await shiftWhileFontSwaps(fresh, { fallback })
      await context.close()
    }
    console.log(`layout shift of the font swap at ${width}px: ${JSON.stringify(measured)}`)
    expect(measured.with!).toBeLessThan(0.01)
    expect(measured.with!).toBeLessThanOrEqual(measured.without!)
  }
})

test('screenshots of /fa at phone and desktop widths', async ({ browser }) => {
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } })
    const page = await context.newPage()
    await page.goto('/fa')
    await page.evaluate(() => document.fonts.ready)
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
    await page.screenshot({ path: `test-results/persian-font-${width}.png`, fullPage: true })
    await context.close()
  }
})
