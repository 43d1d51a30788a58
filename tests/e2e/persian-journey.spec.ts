import { prisma } from '~/infra/db.server.ts'
import { productsChanged } from '~/services/catalog/changes.server.ts'
import { createProduct, createSeller } from '../support/shop-fixtures.ts'
import { E2E_RIAL_BASE_URL } from './environment.ts'
import { expect, test } from './fixtures.ts'
import { waitForSearchIndex } from './search-index.ts'

// A Persian shopper's whole visit, right to left, in an Iranian store (the app's rial twin:
// prices in rials shown in Toman, Persian by default, so without a /fa prefix): a category, a
// product in Persian, the cart, a checkout to an Iranian address typed in Persian digits, the
// order with a Solar Hijri date and its Toman total; then English from the header, on the same
// page. (Search in Persian, with Arabic yeh, is in search.spec.ts.)
test.use({ baseURL: E2E_RIAL_BASE_URL })

test.afterAll(async () => {
  await prisma.$disconnect()
})

test('a Persian shopper browses, buys with an Iranian address, and switches to English on the order page', async ({
  page,
  signInAs,
}) => {
  test.setTimeout(120_000)
  const { shop } = await createSeller('Golestan')
  const dress = await createProduct(shop.id, {
    title: 'Pomegranate linen dress',
    // 45,000,000 rials: 4,500,000 Toman.
    price: 45_000_000,
    variants: [
      { color: 'Black', size: 'S', stock: 2 },
      { color: 'Black', size: 'M', stock: 5 },
    ],
  })
  await prisma.$transaction(async (tx) => {
    await tx.product.update({
      where: { id: dress.id },
      data: { translatedTitle: 'پیراهن کتان اناری' },
    })
    await productsChanged(tx, [dress.id])
  })
  await signInAs('shopper', { name: 'نگار' })
  await waitForSearchIndex()

  await page.goto('/c/test-dresses')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await page
    .getByRole('link', { name: /پیراهن کتان اناری/ })
    .first()
    .click()
  await expect(page).toHaveURL(new RegExp(`/p/${dress.slug}`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('پیراهن کتان اناری')
  await expect(page.getByTestId('product-price')).toContainText('۴٬۵۰۰٬۰۰۰ تومان')
  await page.getByRole('link', { name: 'M', exact: true }).click()
  await expect(page).toHaveURL(/size=M/)
  await page.getByRole('button', { name: 'افزودن به سبد خرید' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'اضافه شد' }).first()).toBeVisible()

  await page.goto('/cart')
  await expect(page.locator('main')).toContainText('پیراهن کتان اناری')
  await page.getByRole('link', { name: 'تسویه حساب' }).click()
  await expect(page).toHaveURL('/checkout')

  await page.getByLabel('نام و نام خانوادگی').fill('نگار احمدی')
  await page.getByLabel('کشور').selectOption('IR')
  await page.getByLabel('استان', { exact: true }).selectOption('tehran')
  await page.getByLabel('شهر').fill('تهران')
  await page.getByLabel('کد پستی').fill('۱۳۱۴۵۶۷۸۹۱')
  await page.getByLabel(/نشانی \(خیابان/).fill('خیابان ولیعصر، کوچهٔ نسترن، پلاک ۱۲')
  await page.getByLabel('تلفن همراه').fill('۰۹۱۲۳۴۵۶۷۸۹')
  const place = page.getByRole('button', { name: /ثبت سفارش/ })
  await expect(place).toContainText('۴٬۵۰۰٬۰۰۰ تومان')
  await place.click()

  await expect(page.getByText('سپاس! سفارش شما ثبت شد.')).toBeVisible()
  await expect(page).toHaveURL(/\/orders\/SP-[A-Z0-9]{4}-[A-Z0-9]{4}/)
  const number = new URL(page.url()).pathname.split('/').pop()!
  const order = await prisma.order.findUniqueOrThrow({ where: { number } })
  // Persian digits were read as numbers and the address kept in the Iranian format.
  expect(order.locale).toBe('fa')
  expect(order.currency).toBe('IRR')
  expect(order.total).toBe(45_000_000)
  expect(JSON.stringify(order)).toContain('1314567891')
  expect(JSON.stringify(order)).toContain('09123456789')
  // A Solar Hijri date (this year is 1404 or 1405 in the Persian calendar), in Persian digits.
  await expect(page.locator('main')).toContainText(/۱۴۰[۴-۶]/)
  await expect(page.locator('main')).toContainText('۴٬۵۰۰٬۰۰۰ تومان')
  await expect(page.locator('main')).toContainText('تهران')
  // Stored in ASCII digits, the postal code and phone read in Persian digits on a Persian page.
  await expect(page.locator('main address')).toContainText('۱۳۱۴۵۶۷۸۹۱')
  await expect(page.locator('main address')).toContainText('۰۹۱۲۳۴۵۶۷۸۹')

  // English from the header: the same order page, left to right, under /en (Persian is this
  // store's default), still in Toman.
  await page.locator('header form[action="/locale"]').getByRole('button').click()
  await expect(page).toHaveURL(new RegExp(`^[^?]*/en/orders/${number}`))
  expect(new URL(page.url()).pathname).toBe(`/en/orders/${number}`)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
  await expect(page.getByRole('heading', { name: `Order ${number}` })).toBeVisible()
  await expect(page.locator('main')).toContainText('4,500,000 Toman')
})
