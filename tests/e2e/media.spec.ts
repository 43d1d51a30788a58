import { prisma } from '~/infra/db.server.ts'
import { createColors, createProduct, createSeller } from '../support/catalog-fixtures.ts'
import { TEST_PASSWORD, createUser } from '../support/fixtures.ts'
import { multipartBody, photo } from '../support/images.ts'
import * as shop from '../support/shop-fixtures.ts'
import { expect, openAccountMenu, randomClientIp, signInThroughForm, test } from './fixtures.ts'
import { waitForSearchIndex } from './search-index.ts'

test.afterAll(async () => {
  await prisma.$disconnect()
})

const jpeg = async (
  name: string,
  width = 900,
  height = 1200,
  leftColor = { r: 190, g: 40, b: 60 },
) => ({
  name,
  mimeType: 'image/jpeg',
  buffer: await photo({ width, height, leftColor }),
})

async function sellerWithProduct() {
  const seller = await createSeller('Defne Designer')
  const [sand, navy] = await createColors(['Sand', 'Navy'])
  const product = await createProduct(seller.shop.id, {
    title: 'Pleated midi skirt',
    colorIds: [sand!.id, navy!.id],
  })
  return { ...seller, product, sand: sand!, navy: navy! }
}

const orderInDatabase = async (productId: string) =>
  await prisma.productImage.findMany({
    where: { productId },
    orderBy: { position: 'asc' },
    select: { id: true, alt: true, colorId: true },
  })

test('a seller uploads, describes, colours, reorders and deletes product photos', async ({
  page,
}) => {
  // Five uploads, each resized by sharp into its variants, on two shared cores.
  test.setTimeout(120_000)
  const { user, product, navy } = await sellerWithProduct()
  await signInThroughForm(page, user.email, TEST_PASSWORD)
  await expect(page.getByText('Welcome, Defne Designer.')).toBeVisible()
  // The photos live in the product's form; the old photos page leads there.
  await page.goto(`/sell/products/${product.id}/images`)
  await expect(page).toHaveURL(`/sell/products/${product.id}#photos`)
  await expect(page.getByRole('heading', { name: 'Photos', exact: true })).toBeVisible()
  // The limits are on the page before anything is sent.
  await expect(
    page.getByText(
      'JPEG, PNG, WebP or AVIF · up to 15 MB each · at least 600 px on the shorter side · 12 photos per product (12 more)',
    ),
  ).toBeVisible()

  await page
    .getByLabel('choose photos')
    .setInputFiles([
      await jpeg('front.jpg'),
      await jpeg('back.jpg', 900, 1200, { r: 30, g: 40, b: 120 }),
      await jpeg('detail.jpg', 1000, 1000),
    ])
  await expect(page.getByTestId('upload-row').first()).toBeVisible()
  await expect(page.getByTestId('photo-card')).toHaveCount(3, { timeout: 30_000 })
  await expect(page.getByTestId('upload-row')).toHaveCount(0)
  await expect(page.getByText('(9 more)')).toBeVisible()
  const uploaded = await orderInDatabase(product.id)
  expect(uploaded).toHaveLength(3)

  // The photos are served by the app, as AVIF/WebP/JPEG with srcsets, cached for ever.
  const firstImage = page.getByTestId('photo-card').first().locator('img')
  await expect(firstImage).toHaveJSProperty('complete', true)
  const src = await firstImage.evaluate((img: HTMLImageElement) => img.currentSrc)
  expect(src).toMatch(/\/media\/img\/[0-9a-f]+\/\d+-[0-9a-f]{16}\.(avif|webp|jpg)$/)
  const served = await page.request.get(src)
  expect(served.status()).toBe(200)
  expect(served.headers()['cache-control']).toBe('public, max-age=31536000, immutable')

  // Describe photo 2 (Enter saves; it must not submit anything else) and tie it to Navy.
  const second = page.getByTestId('photo-card').nth(1)
  await second.getByLabel('Description (alt text)').fill('Back view, pleats falling straight')
  await second.getByLabel('Description (alt text)').press('Enter')
  await second.getByLabel('Colour').selectOption({ label: navy.name })
  await expect(second.getByText('Shown first when a shopper picks this colour')).toBeVisible()
  await expect
    .poll(async () => (await orderInDatabase(product.id))[1])
    .toMatchObject({ alt: 'Back view, pleats falling straight', colorId: navy.id })

  // Move it to the front with the keyboard: the focus stays on the moved photo's button.
  await page.getByRole('button', { name: 'Move photo 2 earlier' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('photo-card').first().getByText('Main photo')).toBeVisible()
  await expect(
    page.getByTestId('photo-card').first().getByLabel('Description (alt text)'),
  ).toHaveValue('Back view, pleats falling straight')
  await expect
    .poll(async () => (await orderInDatabase(product.id)).map((image) => image.id))
    .toEqual([uploaded[1]!.id, uploaded[0]!.id, uploaded[2]!.id])
  await expect(page.getByRole('button', { name: 'Move photo 1 later' })).toBeFocused()

  // Drag the last photo onto the first place.
  await page
    .getByTestId('photo-card')
    .nth(2)
    .locator('img')
    .dragTo(page.getByTestId('photo-card').nth(0).locator('img'))
  await expect
    .poll(async () => (await orderInDatabase(product.id)).map((image) => image.id))
    .toEqual([uploaded[2]!.id, uploaded[1]!.id, uploaded[0]!.id])

  // Delete one, confirming first.
  await page.getByRole('button', { name: 'Delete photo 3' }).click()
  await page.getByRole('button', { name: 'Delete photo 3' }).click()
  await expect(page.getByTestId('photo-card')).toHaveCount(2)
  await expect.poll(async () => (await orderInDatabase(product.id)).length).toBe(2)

  // Refusals name the file and say why: an SVG (by the server), a photo too big (before sending).
  await page.getByLabel('choose photos').setInputFiles([
    {
      name: 'logo.png',
      mimeType: 'image/png',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    },
    { name: 'poster.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(16 * 1024 * 1024) },
  ])
  const uploads = page.getByRole('list', { name: 'Uploads' })
  await expect(
    uploads.getByText('“poster.jpg” is 16 MB; photos can be at most 15 MB.'),
  ).toBeVisible()
  await expect(
    uploads.getByText('“logo.png” is an SVG drawing, which is not accepted for photos.', {
      exact: false,
    }),
  ).toBeVisible()
  await expect(page.getByTestId('photo-card')).toHaveCount(2)
  await page.getByRole('button', { name: 'Dismiss logo.png' }).click()
  await expect(uploads.getByText('“logo.png” is an SVG drawing', { exact: false })).toHaveCount(0)
})

test('a seller adds photos in the product form; shoppers see them on the card and the product page, the picked colour first', async ({
  page,
  browser,
}) => {
  const seller = await shop.createSeller('Noor Knits')
  const title = `Ribbed cardigan ${Date.now().toString(36)}`
  const cardigan = await shop.createProduct(seller.shop.id, {
    title,
    variants: [
      { color: 'Black', size: 'S', stock: 4 },
      { color: 'Rose', size: 'S', stock: 4 },
    ],
  })
  await signInThroughForm(page, seller.user.email, TEST_PASSWORD)
  await expect(page.getByText('Welcome, Noor Knits.')).toBeVisible()

  // From the product list to the form's Photos section.
  await page.goto('/sell/products')
  await page.getByRole('link', { name: `Add photos of ${title}` }).click()
  await expect(page).toHaveURL(`/sell/products/${cardigan.id}#photos`)
  await page
    .getByLabel('choose photos')
    .setInputFiles([
      await jpeg('black.jpg', 900, 1200, { r: 20, g: 20, b: 20 }),
      await jpeg('rose.jpg', 900, 1200, { r: 212, g: 118, b: 143 }),
    ])
  await expect(page.getByTestId('photo-card')).toHaveCount(2, { timeout: 30_000 })
  const [first, second] = [
    page.getByTestId('photo-card').nth(0),
    page.getByTestId('photo-card').nth(1),
  ]
  await first.getByLabel('Description (alt text)').fill('Cardigan in black, front')
  await first.getByLabel('Description (alt text)').press('Enter')
  await first.getByLabel('Colour').selectOption({ label: 'Black' })
  await second.getByLabel('Description (alt text)').fill('Cardigan in rose, front')
  await second.getByLabel('Description (alt text)').press('Enter')
  await second.getByLabel('Colour').selectOption({ label: 'Rose' })
  await expect
    .poll(async () => (await orderInDatabase(cardigan.id)).map((image) => image.alt))
    .toEqual(['Cardigan in black, front', 'Cardigan in rose, front'])
  await expect
    .poll(async () => (await orderInDatabase(cardigan.id)).filter((image) => image.colorId).length)
    .toBe(2)
  // The photos did not touch the product form: nothing to save, no conflict later.
  await page.goto('/sell/products')
  await expect(page.getByRole('link', { name: `Photos of ${title} (2)` })).toBeVisible()

  // A shopper, signed out, on the shop's page (from the index, once the photos reached it): the card shows the first photo.
  await waitForSearchIndex()
  const shopper = await browser.newContext({
    extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() },
  })
  const store = await shopper.newPage()
  await store.goto(`/shops/${seller.shop.slug}`)
  const card = store.getByTestId('product-card').filter({ hasText: title })
  const cardPhoto = card.getByRole('img', { name: 'Cardigan in black, front' })
  await expect(cardPhoto).toBeVisible()
  await expect(cardPhoto).toHaveJSProperty('complete', true)
  expect(await cardPhoto.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)

  // The product page: the gallery starts with the first colour's photo; picking Rose brings its photo first.
  await card.getByRole('link', { name: title }).click()
  await expect(store).toHaveURL(`/p/${cardigan.slug}`)
  const main = store.locator('figure img')
  await expect(main).toHaveAttribute('alt', 'Cardigan in black, front')
  await expect(main).toHaveAttribute('fetchpriority', 'high')
  await store.getByRole('link', { name: 'Rose', exact: true }).click()
  await expect(store).toHaveURL(/color=rose/)
  await expect(main).toHaveAttribute('alt', 'Cardigan in rose, front')
  await expect(store.getByText('Photo 1 of 2')).toBeVisible()
  await expect(main).toHaveJSProperty('complete', true)
  expect(await main.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(
    /\/media\/img\/[0-9a-f]+\/\d+-[0-9a-f]{16}\.(avif|webp|jpg)$/,
  )
  // The thumbnails switch photos too.
  await store.getByRole('button', { name: 'Show photo 2 of 2' }).click()
  await expect(main).toHaveAttribute('alt', 'Cardigan in black, front')
  await shopper.close()
})

test("another seller's product photos page is a 404", async ({ page }) => {
  const { product } = await sellerWithProduct()
  const intruder = await createSeller('Other Seller')
  await signInThroughForm(page, intruder.user.email, TEST_PASSWORD)
  await expect(page.getByText('Welcome, Other Seller.')).toBeVisible()
  const response = await page.goto(`/sell/products/${product.id}/images`)
  expect(response?.status()).toBe(404)
})

test('an upload far over the limits is refused at once, naming the file', async ({ page }) => {
  const { user, product } = await sellerWithProduct()
  await signInThroughForm(page, user.email, TEST_PASSWORD)
  await expect(page.getByText('Welcome, Defne Designer.')).toBeVisible()
  const { body, contentType } = multipartBody([
    {
      filename: 'raw-scan.jpg',
      contentType: 'image/jpeg',
      data: Buffer.alloc(40 * 1024 * 1024, 1),
    },
  ])
  const response = await page.request.post(`/api/products/${product.id}/images`, {
    headers: { 'Content-Type': contentType, Origin: new URL(page.url()).origin },
    data: body,
  })
  expect(response.status()).toBe(413)
  expect(await response.json()).toMatchObject({
    error: { code: 'file-too-large', file: 'raw-scan.jpg' },
  })
  expect(response.headers()['connection']).toBe('close')
  expect(await prisma.productImage.count({ where: { productId: product.id } })).toBe(0)

  // Another site cannot post photos on the seller's behalf.
  const forged = await page.request.post(`/api/products/${product.id}/images`, {
    headers: { 'Content-Type': contentType, Origin: 'https://evil.example' },
    data: Buffer.from('x'),
  })
  expect(forged.status()).toBe(403)
})

test('a user uploads an avatar, sees it in the header, and goes back to the generated one', async ({
  page,
}) => {
  const user = await createUser({ name: 'Mina Avatar' })
  await signInThroughForm(page, user.email, TEST_PASSWORD)
  await expect(page.getByText('Welcome, Mina Avatar.')).toBeVisible()
  await page.goto('/account')
  await expect(page.getByText('Generated avatar')).toBeVisible()

  await page.getByLabel('Choose a photo').setInputFiles(await jpeg('me.jpg', 800, 600))
  await expect(page.getByRole('img', { name: 'Mina Avatar, not saved yet' })).toBeVisible()
  await page.getByRole('button', { name: 'Upload photo' }).click()
  await expect(page.getByText('Your profile photo was updated.')).toBeVisible()
  const headerAvatar = page.locator('header summary img')
  await expect(headerAvatar).toHaveAttribute('alt', 'Mina Avatar')
  await expect(headerAvatar).toHaveJSProperty('complete', true)
  expect(await headerAvatar.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(
    0,
  )
  expect(
    await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { avatarId: true } }),
  ).not.toMatchObject({ avatarId: null })

  // A photo too small is refused at the field.
  await page.getByLabel('Choose a new photo').setInputFiles(await jpeg('tiny.jpg', 90, 90))
  await page.getByRole('button', { name: 'Upload photo' }).click()
  await expect(
    page.getByRole('alert').filter({ hasText: '“tiny.jpg” is 90 × 90 pixels' }),
  ).toBeVisible()

  await page.getByRole('button', { name: 'Use the generated avatar' }).click()
  await expect(page.getByText('You are back to your generated avatar.')).toBeVisible()
  await expect(page.locator('header summary img')).toHaveCount(0)
  await openAccountMenu(page)
  await expect(page.locator('header summary svg[aria-label="Mina Avatar"]')).toBeVisible()
})
