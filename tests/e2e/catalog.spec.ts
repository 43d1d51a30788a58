import { randomBytes } from 'node:crypto'
import { prisma } from '~/infra/db.server.ts'
import { TEST_PASSWORD, createUser } from '../support/fixtures.ts'
import { expect, randomClientIp, signInThroughForm, test } from './fixtures.ts'
import { waitForSearchIndex } from './search-index.ts'

test.afterAll(async () => {
  await prisma.$disconnect()
})

test('open a shop, list a dress in two colours × three sizes, publish it, and find it in the store', async ({
  page,
}) => {
  const tag = randomBytes(3).toString('hex')
  const user = await createUser({ name: 'Parisa Maker' })
  await signInThroughForm(page, user.email, TEST_PASSWORD)
  await expect(page.getByRole('navigation', { name: 'Account' })).toContainText('Parisa Maker')

  // Onboarding: the web address follows the shop name.
  await page.goto('/sell')
  await expect(page.getByRole('heading', { name: 'Open your shop on Shikposh' })).toBeVisible()
  await page.getByLabel('Shop name').fill(`Parisa Atelier ${tag}`)
  await expect(page.getByLabel('Web address')).toHaveValue(`parisa-atelier-${tag}`)
  await page.getByRole('button', { name: 'Open my shop' }).click()
  await expect(page).toHaveURL('/sell/products/new')
  await expect(page.getByText(`Your shop “Parisa Atelier ${tag}” is open.`)).toBeVisible()

  // The product form.
  const title = `Poppy Wrap Dress ${tag}`
  await page.getByLabel('Title', { exact: true }).fill(title)
  await page
    .getByLabel('Description', { exact: true })
    .fill('A wrap dress in washed cotton, with a tie waist.')
  await page.getByLabel('Category').selectOption({ label: '\u00a0\u00a0\u00a0\u00a0Dresses' })
  await page.getByLabel('Tags').fill('cotton, summer')
  await page.getByLabel('Price (USD)').fill('60.00')
  await page.getByLabel('Discount (% off)').fill('25')
  await expect(
    page.getByText('$60.00 becomes $45.00 while the discount runs. It is running now.'),
  ).toBeVisible()

  const colours = page.getByRole('group', { name: 'Colours' })
  await colours.getByText('Black', { exact: true }).click()
  await colours.getByText('Red', { exact: true }).click()
  const sizes = page.getByRole('group', { name: /^Sizes/ })
  for (const size of ['S', 'M', 'L']) await sizes.getByText(size, { exact: true }).click()
  await expect(page.getByRole('table', { name: /Variants/ }).getByRole('row')).toHaveCount(7)
  await expect(page.getByLabel('SKU for Red, M')).toHaveValue(/^POP-WRA-DRE-RED-M$/)

  // Give each variant its own SKU and stock; two combinations are sold out.
  await page.getByLabel('Stock', { exact: true }).fill('12')
  await page.getByRole('button', { name: 'Apply to all' }).click()
  for (const colour of ['Black', 'Red']) {
    for (const size of ['S', 'M', 'L'])
      await page.getByLabel(`SKU for ${colour}, ${size}`).fill(`PWD-${tag}-${colour}-${size}`)
  }
  await page.getByLabel('Stock for Red, M').fill('0')
  await page.getByLabel('Stock for Black, L').fill('0')

  // A mistake is caught at its cell before anything is saved.
  await page.getByLabel('Stock for Black, S').fill('-1')
  await page.getByRole('button', { name: 'Save and publish' }).click()
  await expect(page.getByText('Stock cannot be negative')).toBeVisible()
  await page.getByLabel('Stock for Black, S').fill('3')
  await expect(page.getByText('Stock cannot be negative')).toHaveCount(0)
  await page.getByRole('button', { name: 'Save and publish' }).click()

  await expect(page.getByText(`“${title}” is published.`)).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('Published', { exact: true })).toBeVisible()
  const product = await prisma.product.findFirstOrThrow({
    where: { title },
    include: { variants: true },
  })
  expect(product).toMatchObject({
    status: 'ACTIVE',
    listed: true,
    price: 6000,
    discountPercent: 25,
    effectivePrice: 4500,
  })
  expect(product.variants).toHaveLength(6)

  // The category page (and its parent) list it at the discounted price, once indexed.
  await waitForSearchIndex()
  await page.goto('/c/dresses')
  const card = page.getByTestId('product-card').filter({ hasText: title })
  await expect(card).toBeVisible()
  await expect(card).toContainText('$45.00')
  await expect(card).toContainText('$60.00')
  await expect(card).toContainText('−25%')
  await page.goto('/c/women?sort=price_desc')
  await expect(page.getByTestId('product-card').filter({ hasText: title })).toBeVisible()

  // The product page: price, colours and sizes with the sold-out ones disabled.
  await page.goto('/c/dresses')
  await page.getByRole('link', { name: title }).click()
  await expect(page).toHaveURL(`/p/${product.slug}`)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  const price = page.getByTestId('product-price')
  await expect(price).toContainText('$45.00')
  await expect(price).toContainText('$60.00')
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(
    'Clothing/Women/Dresses',
  )

  await page.getByRole('link', { name: 'Red', exact: true }).click()
  await expect(page).toHaveURL(/color=red/)
  await expect(page.locator('[data-disabled-size="M"]')).toHaveAttribute('aria-disabled', 'true')
  await expect(page.getByRole('link', { name: 'M', exact: true })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'L', exact: true })).toBeVisible()

  await page.getByRole('link', { name: 'Black', exact: true }).click()
  await expect(page.locator('[data-disabled-size="L"]')).toHaveAttribute('aria-disabled', 'true')
  await page.getByRole('link', { name: 'M', exact: true }).click()
  await expect(page).toHaveURL(/color=black&size=M/)
  await expect(page.getByTestId('stock-message')).toHaveText('In stock')
  await page.getByRole('link', { name: 'S', exact: true }).click()
  await expect(page.getByTestId('stock-message')).toHaveText('Only 3 left')

  // The page carries its breadcrumb trail too; the Product block is the one with offers.
  const blocks = (await page.locator('script[type="application/ld+json"]').allTextContents()).map(
    (text) => JSON.parse(text) as Record<string, unknown>,
  )
  const jsonLd = blocks.find((block) => block['@type'] === 'Product') as {
    offers: { lowPrice: string; offers: Array<{ availability: string }> }
  }
  expect(jsonLd.offers.lowPrice).toBe('45.00')
  expect(
    jsonLd.offers.offers.filter((offer) => offer.availability.endsWith('OutOfStock')),
  ).toHaveLength(2)
})

test('a shopper cannot see a draft; its owner sees a preview', async ({ page, browser }) => {
  const tag = randomBytes(3).toString('hex')
  const user = await createUser({ name: 'Dora Drafter', roles: ['SHOPPER', 'SELLER'] })
  const shop = await prisma.shop.create({
    data: { ownerId: user.id, name: `Draft Shop ${tag}`, slug: `draft-shop-${tag}` },
  })
  const category = await prisma.category.findUniqueOrThrow({ where: { slug: 'dresses' } })
  const scale = await prisma.sizeScale.findUniqueOrThrow({ where: { code: 'one-size' } })
  const draft = await prisma.product.create({
    data: {
      shopId: shop.id,
      title: 'Secret Sample',
      slug: `secret-sample-${tag}`,
      categoryId: category.id,
      sizeScaleId: scale.id,
    },
  })

  const anonymous = await page.goto(`/p/${draft.slug}`)
  expect(anonymous?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()

  const owner = await browser.newContext({
    extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() },
  })
  const ownerPage = await owner.newPage()
  await signInThroughForm(ownerPage, user.email, TEST_PASSWORD)
  await expect(ownerPage.getByRole('navigation', { name: 'Account' })).toContainText('Dora Drafter')
  await ownerPage.goto(`/p/${draft.slug}`)
  await expect(ownerPage.getByText('Preview: shoppers cannot see this product.')).toBeVisible()

  // Publishing it from the product list is refused until it has a priced variant.
  await ownerPage.goto('/sell/products?status=DRAFT')
  await ownerPage.getByRole('button', { name: 'Publish Secret Sample' }).click()
  await expect(
    ownerPage
      .getByRole('alert')
      .filter({ hasText: 'Add at least one variant with a price before publishing.' }),
  ).toBeVisible()
  await expect(ownerPage).toHaveURL(/\/sell\/products\?(index&)?status=DRAFT/)
  expect((await prisma.product.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe('DRAFT')
  await owner.close()
})

test('an admin suspends a shop: its products leave the store until it is reinstated', async ({
  page,
  browser,
}) => {
  const tag = randomBytes(3).toString('hex')
  const owner = await createUser({ roles: ['SHOPPER', 'SELLER'] })
  const shop = await prisma.shop.create({
    data: { ownerId: owner.id, name: `Pause Shop ${tag}`, slug: `pause-shop-${tag}` },
  })
  const category = await prisma.category.findUniqueOrThrow({ where: { slug: 'hats' } })
  const scale = await prisma.sizeScale.findUniqueOrThrow({
    where: { code: 'one-size' },
    include: { sizes: true },
  })
  const color = await prisma.color.findFirstOrThrow()
  const product = await prisma.product.create({
    data: {
      shopId: shop.id,
      title: `Paused Bucket Hat ${tag}`,
      slug: `paused-bucket-hat-${tag}`,
      categoryId: category.id,
      sizeScaleId: scale.id,
      status: 'ACTIVE',
      listed: true,
      publishedAt: new Date(),
      price: 2500,
      minPrice: 2500,
      effectivePrice: 2500,
      variants: {
        create: [{ colorId: color.id, sizeId: scale.sizes[0]!.id, sku: `PAUSE-${tag}`, stock: 4 }],
      },
    },
  })
  expect((await page.goto(`/p/${product.slug}`))?.status()).toBe(200)

  const admin = await createUser({ name: 'Ari Admin', roles: ['SHOPPER', 'ADMIN'] })
  const context = await browser.newContext({
    extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() },
  })
  const adminPage = await context.newPage()
  await signInThroughForm(adminPage, admin.email, TEST_PASSWORD)
  await expect(adminPage.getByRole('navigation', { name: 'Account' })).toContainText('Ari Admin')
  await adminPage.goto(`/admin/shops?q=${tag}`)
  const row = adminPage.getByTestId('admin-shop-row').filter({ hasText: shop.name })
  await row.getByRole('button', { name: 'Suspend' }).click()
  await expect(row.getByText('Tell the seller why (at least 3 characters)')).toBeVisible()
  await row.getByLabel(`Reason for suspending ${shop.name}`).fill('Counterfeit goods reported')
  await row.getByRole('button', { name: 'Suspend' }).click()
  await expect(
    adminPage.getByText(`${shop.name} is suspended; its products are hidden from the store.`),
  ).toBeVisible()

  expect((await page.goto(`/p/${product.slug}`))?.status()).toBe(404)
  expect((await page.goto(`/shops/${shop.slug}`))?.status()).toBe(404)
  await expect(page.getByText(`${shop.name} is not open at the moment.`)).toBeVisible()

  await adminPage
    .getByTestId('admin-shop-row')
    .filter({ hasText: shop.name })
    .getByRole('button', { name: 'Reinstate' })
    .click()
  await expect(adminPage.getByText(`${shop.name} is open again`)).toBeVisible()
  expect((await page.goto(`/p/${product.slug}`))?.status()).toBe(200)
  await context.close()
})

test('a Persian seller lists a product in Persian with an English translation, typing the price in Persian digits, and finds it on the Persian storefront', async ({
  page,
  signInAs,
}, testInfo) => {
  const tag = randomBytes(3).toString('hex')
  const { shop } = await signInAs('seller', { name: 'Shirin Seller' })
  const dresses = await prisma.category.findUniqueOrThrow({ where: { slug: 'dresses' } })
  const black = await prisma.color.findFirstOrThrow({ where: { name: 'Black' } })
  const title = `پیراهن کتان ${tag}`

  await page.goto('/fa/sell/products/new')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('heading', { level: 1, name: 'افزودن محصول' })).toBeVisible()
  // The product's language starts as the page's; the seller picks Persian all the same.
  const language = page.getByRole('group', { name: 'زبان نوشته‌ها' })
  await expect(language.getByRole('radio', { name: 'فارسی' })).toBeChecked()
  await language.getByText('انگلیسی', { exact: true }).click()
  await expect(page.getByRole('group', { name: 'به فارسی (اختیاری)' })).toBeVisible()
  await language.getByText('فارسی', { exact: true }).click()
  const translation = page.getByRole('group', { name: 'به انگلیسی (اختیاری)' })

  await page.getByLabel('عنوان', { exact: true }).fill(title)
  await expect(page.getByLabel('عنوان', { exact: true })).toHaveAttribute('dir', 'rtl')
  await page.getByLabel('توضیحات', { exact: true }).fill('پیراهنی سبک از کتان شسته، برای تابستان.')
  await translation.getByLabel('عنوان به انگلیسی').fill(`Linen Dress ${tag}`)
  await expect(translation.getByLabel('عنوان به انگلیسی')).toHaveAttribute('dir', 'ltr')
  await translation.getByLabel('توضیحات به انگلیسی').fill('A light dress in washed linen.')
  await page.getByLabel('دسته', { exact: true }).selectOption(dresses.id)

  // A price that cannot be read is refused at the field, in Persian; the Persian digits are fine.
  const price = page.getByLabel('قیمت (USD)')
  await expect(price).toHaveAttribute('inputmode', 'decimal')
  await price.fill('۵۹,۹')
  await page.locator('label', { has: page.locator(`input[value="${black.id}"]`) }).click()
  await page
    .getByRole('group', { name: /^سایزها/ })
    .getByText('M', { exact: true })
    .click()
  const row = page.getByTestId(/^variant-.*-M$/)
  await row.locator('input[name$=".sku"]').fill(`LD-${tag}-M`)
  const stock = row.locator('input[name$=".stock"]')
  await expect(stock).toHaveAttribute('inputmode', 'numeric')
  await stock.fill('۷')
  // A discount scheduled in the Solar Hijri calendar, typed as text (browsers' pickers are Gregorian).
  await page.getByLabel('تخفیف (درصد)').fill('۲۰')
  const starts = page.getByLabel('شروع تخفیف')
  await expect(starts).toHaveAttribute('type', 'text')
  await starts.fill('۱۴۰۹/۰۱/۰۱ ۰۹:۰۰')
  await page.getByRole('button', { name: 'ذخیره و انتشار' }).click()
  await expect(page.getByText('مبلغی مثل ۱۹٫۹۹ وارد کنید')).toBeVisible()
  await price.fill('۵۹٫۹۰')
  await expect(page.getByText('مبلغی مثل ۱۹٫۹۹ وارد کنید')).toHaveCount(0)

  await testInfo.attach('persian-form-desktop', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  })
  await page.setViewportSize({ width: 390, height: 844 })
  await testInfo.attach('persian-form-390', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  })
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)

  await page.getByRole('button', { name: 'ذخیره و انتشار' }).click()
  await expect(page.getByText(`«${title}» منتشر شد.`, { exact: false })).toBeVisible()
  await expect(page).toHaveURL(/^[^#]*\/fa\/sell\/products\/[^/#]+(#photos)?$/)
  const product = await prisma.product.findFirstOrThrow({
    where: { shopId: shop.id },
    include: { variants: true },
  })
  expect(product).toMatchObject({
    locale: 'fa',
    title,
    translatedTitle: `Linen Dress ${tag}`,
    price: 5990,
    slug: `linen-dress-${tag}`,
  })
  expect(product.variants.map((variant) => variant.stock)).toEqual([7])
  // The form reads the price and the schedule back as the seller typed them.
  await expect(page.getByLabel('قیمت (USD)')).toHaveValue('۵۹٫۹۰')
  await expect(page.getByLabel('شروع تخفیف')).toHaveValue('۱۴۰۹/۰۱/۰۱ ۰۹:۰۰')
  // 1 Farvardin 1409 is 21 March 2030; not begun, so the price below is the full one.
  expect(product.discountPercent).toBe(20)
  expect(product.discountStartsAt?.toISOString().slice(0, 10)).toMatch(/^2030-03-2[01]$/)

  // The Persian storefront shows the Persian title at that price; the English one the translation.
  await waitForSearchIndex()
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(`/fa/p/${product.slug}`)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByTestId('product-price')).toContainText('۵۹٫۹۰')
  await page.goto('/fa/c/dresses')
  await expect(page.getByTestId('product-card').filter({ hasText: title })).toContainText('۵۹٫۹۰')
  await page.goto(`/p/${product.slug}`)
  await expect(page.getByRole('heading', { level: 1, name: `Linen Dress ${tag}` })).toBeVisible()
  await expect(page.getByTestId('product-price')).toContainText('$59.90')
})

test.describe('JavaScript off (or not yet loaded)', () => {
  test.use({ javaScriptEnabled: false })

  test("the product form's language radios turn the words and the fields' direction, and the pick is what the form sends", async ({
    page,
    signInAs,
  }) => {
    await signInAs('seller', { name: 'Shirin Seller' })
    await page.goto('/fa/sell/products/new')
    const language = page.getByRole('group', { name: 'زبان نوشته‌ها' })
    const title = page.getByLabel('عنوان', { exact: true })
    await expect(page.getByRole('group', { name: 'به انگلیسی (اختیاری)' })).toBeVisible()
    await expect(title).toHaveCSS('direction', 'rtl')

    await language.getByText('انگلیسی', { exact: true }).click()
    await expect(language.getByRole('radio', { name: 'انگلیسی' })).toBeChecked()
    const translation = page.getByRole('group', { name: 'به فارسی (اختیاری)' })
    await expect(translation).toBeVisible()
    await expect(page.getByRole('group', { name: 'به انگلیسی (اختیاری)' })).toHaveCount(0)
    await expect(title).toHaveCSS('direction', 'ltr')
    await expect(translation.getByLabel('عنوان به فارسی')).toHaveCSS('direction', 'rtl')

    // Sent as it stands (no category, no sizes): refused at the fields, with English still picked.
    await title.fill('Linen Dress')
    await page.getByRole('button', { name: 'ذخیره و انتشار' }).click()
    await expect(page.getByRole('group', { name: 'به فارسی (اختیاری)' })).toBeVisible()
    await expect(language.getByRole('radio', { name: 'انگلیسی' })).toBeChecked()
    await expect(title).toHaveValue('Linen Dress')
    await expect(title).toHaveCSS('direction', 'ltr')
  })
})
