import type { Locator, Page } from '@playwright/test'
import { prisma } from '~/infra/db.server.ts'
import { signIn } from '../support/fixtures.ts'
import { photo } from '../support/images.ts'
import { createProduct, createSeller } from '../support/shop-fixtures.ts'
import { E2E_BASE_URL } from './environment.ts'
import { expect, test } from './fixtures.ts'
import { waitForSearchIndex } from './search-index.ts'

// A shopper who uses only the keyboard (issue 17, WCAG 2.2 AA): from the home page, search,
// open the product, pick a size, add it to the cart, open the cart and check out, with Tab,
// Shift+Tab, Enter, Space and the arrow keys only, and a visible focus indicator on every control
// the focus lands on. On the way: the product's card has a real photo with a srcset, and the
// product page offers it as AVIF and WebP (served as such), uploaded through the real pipeline.

test.afterAll(async () => {
  await prisma.$disconnect()
})

/**
 * Presses Tab until the focus is on `target` (or one of its matches). At every stop the focused
 * element (or, for a visually hidden radio, the control drawn for it) must show a focus indicator:
 * an outline or a ring (box-shadow), on the element or on the ::after that stretches a card's
 * link over the whole card. One round trip to the page per key press.
 */
async function tabTo(page: Page, target: string | Locator, { max = 120 } = {}) {
  const wanted = typeof target === 'string' ? page.locator(target) : target
  const unseen: string[] = []
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press('Tab')
    const stop = await wanted.evaluateAll((elements) => {
      const element = document.activeElement as HTMLElement | null
      // Past the last control the focus leaves the page (the browser's own controls) and comes back at the top.
      if (!element || element === document.body) return { there: false, shown: true, what: '' }
      const drawn = (other: Element) =>
        [getComputedStyle(other), getComputedStyle(other, '::after')].some(
          (style) =>
            (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
            (style.boxShadow !== 'none' && style.boxShadow !== ''),
        )
      const box = element.getBoundingClientRect()
      const hidden = box.width <= 1 || box.height <= 1
      const shown = hidden
        ? [element.nextElementSibling, element.closest('label')].some(
            (other) => other !== null && drawn(other),
          )
        : drawn(element)
      const what = `${element.tagName.toLowerCase()} "${
        element.getAttribute('aria-label') ??
        element.getAttribute('name') ??
        element.textContent?.trim().slice(0, 40)
      }"`
      return { there: elements.includes(element), shown, what }
    })
    if (!stop.shown) unseen.push(stop.what)
    if (stop.there) {
      expect(unseen, 'controls focused without a visible focus indicator').toEqual([])
      return presses + 1
    }
  }
  throw new Error(`${String(wanted)} was not reached within ${max} presses of Tab`)
}

test('keyboard only: search, product, size, cart and checkout, a focus ring at every stop; photos with srcset, AVIF and WebP', async ({
  page,
  signInAs,
}) => {
  test.setTimeout(90_000)
  const seller = await createSeller('Keyboard Seller')
  const title = `Keyboard linen dress ${Date.now().toString(36)}`
  const product = await createProduct(seller.shop.id, {
    title,
    price: 5900,
    variants: [
      { size: 'S', stock: 4 },
      { size: 'M', stock: 4 },
    ],
  })
  // A photo through the app's own upload pipeline (all its sizes and formats).
  const { cookie } = await signIn(seller.user.id)
  const upload = await page.request.post(`/api/products/${product.id}/images`, {
    headers: { Cookie: cookie, Origin: E2E_BASE_URL },
    multipart: {
      images: {
        name: 'front.jpg',
        mimeType: 'image/jpeg',
        buffer: await photo({ width: 900, height: 1200 }),
      },
    },
  })
  expect(upload.status()).toBeLessThan(300)
  await waitForSearchIndex()
  // The photo's change reaches the index a moment later: wait until a search finds the product.
  await expect
    .poll(
      async () =>
        (await (await page.request.get(`/search?q=${encodeURIComponent(title)}`)).text()).includes(
          `/p/${product.slug}`,
        ),
      { timeout: 30_000 },
    )
    .toBe(true)
  const { user } = await signInAs('shopper')

  let presses = 0
  await page.goto('/')
  // Search from the header.
  presses += await tabTo(page, 'input[name="q"]')
  await page.keyboard.type(title)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/search\?q=/)
  const card = page.getByTestId('product-card').filter({ hasText: title })
  await expect(card).toHaveCount(1)
  // The card's photo: a real image with a srcset, loaded.
  const cardImage = card.locator('img')
  await expect(cardImage).toHaveAttribute('srcset', /\/media\/img\/.+ \d+w/)
  await expect(cardImage).toHaveJSProperty('complete', true)
  expect(await cardImage.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)

  presses += await tabTo(page, `[data-testid="product-card"] a[href$="/p/${product.slug}"]`)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/p/${product.slug}`))
  // The product page offers the photo as AVIF and WebP, and serves each as that type.
  const picture = page.locator('figure picture').first()
  for (const type of ['image/avif', 'image/webp']) {
    const srcset = await picture.locator(`source[type="${type}"]`).getAttribute('srcset')
    expect(srcset, type).toMatch(/ \d+w/)
    const first = srcset!.split(',')[0]!.trim().split(' ')[0]!
    const served = await page.request.get(first)
    expect(served.status()).toBe(200)
    expect(served.headers()['content-type']).toBe(type)
  }

  // Pick size M, then add to the cart.
  presses += await tabTo(
    page,
    page
      .locator('ul[aria-labelledby="size-heading"]')
      .getByRole('link', { name: 'M', exact: true }),
  )
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/size=M/)
  await expect(
    page.locator('ul[aria-labelledby="size-heading"] a[aria-current="true"]'),
  ).toHaveText('M')
  presses += await tabTo(page, page.getByRole('button', { name: 'Add to cart' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible()
  presses += await tabTo(page, page.getByRole('link', { name: 'View cart' }), { max: 10 })
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your cart')
  await expect(page.locator('main').getByText(title).first()).toBeVisible()

  // Check out: the address typed field by field, pay on delivery chosen with the arrow keys.
  presses += await tabTo(
    page,
    page
      .getByRole('link', { name: 'Check out' })
      .or(page.getByRole('button', { name: 'Check out' })),
  )
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/checkout/)
  const typeInto = async (name: string, value: string) => {
    presses += await tabTo(page, `[name="${name}"]`)
    await page.keyboard.type(value)
  }
  await typeInto('fullName', 'Kian Keyboard')
  // A closed select picks by typing the option's name.
  await typeInto('country', 'United States')
  await expect(page.locator('select[name="country"]')).toHaveValue('US')
  await typeInto('region', 'OR')
  await typeInto('city', 'Portland')
  await typeInto('postalCode', '97205')
  await typeInto('line1', '12 Market Street')
  await typeInto('phone', '+1 503 555 0100')
  presses += await tabTo(page, 'input[name="paymentMethod"]')
  for (let tries = 0; tries < 5; tries++) {
    const chosen = await page.evaluate(
      () => (document.activeElement as HTMLInputElement | null)?.value ?? '',
    )
    if (chosen === 'pay-on-delivery') break
    await page.keyboard.press('ArrowDown')
  }
  await expect(page.locator('input[name="paymentMethod"][value="pay-on-delivery"]')).toBeChecked()
  presses += await tabTo(page, 'button[name="intent"][value="place"]')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/orders\/SP-[0-9A-Z-]+\?placed=1$/)
  const order = await prisma.order.findFirstOrThrow({
    where: { userId: user.id },
    select: { lines: { select: { quantity: true, variantId: true } } },
  })
  expect(order.lines).toEqual([{ quantity: 1, variantId: product.variants[1]!.id }])
  test.info().annotations.push({ type: 'keyboard presses', description: String(presses) })
})
