import { prisma } from '~/infra/db.server.ts'
import { uniqueEmail } from '../support/fixtures.ts'
import { mailsTo } from './mailbox.ts'
import { createProduct, createSeller } from '../support/shop-fixtures.ts'
import { expect, test } from './fixtures.ts'

// A guest saves a dress with the heart, it sells out, they ask to be told, the seller restocks,
// and the alert arrives: the restock's transaction queues it and the app's worker sends it; the
// test reads the email the app wrote and opens its link. Without JavaScript
// (the heart and the alert form are plain forms) in English and Persian, and with JavaScript.

test.afterAll(async () => {
  await prisma.$disconnect()
})

const journeys = [
  { name: 'English, JavaScript off, desktop', prefix: '', javaScript: false, width: 1280 },
  { name: 'Persian, JavaScript off, phone', prefix: '/fa', javaScript: false, width: 390 },
  { name: 'English, JavaScript on, phone', prefix: '', javaScript: true, width: 390 },
] as const

for (const journey of journeys) {
  test.describe(journey.name, () => {
    test.use({
      javaScriptEnabled: journey.javaScript,
      viewport: { width: journey.width, height: 900 },
    })

    test('save, sell out, ask, restock, and the alert email arrives', async ({ page }) => {
      const { shop } = await createSeller()
      const dress = await createProduct(shop.id, {
        title: 'Alert wrap dress',
        price: 6500,
        variants: [
          { size: 'M', stock: 1 },
          { size: 'S', stock: 4 },
        ],
      })
      const medium = dress.variants[0]!
      const url = `${journey.prefix}/p/${dress.slug}?color=black&size=M`

      // The heart on the product page saves the chosen colour and size.
      await page.goto(url)
      const heart = page.getByTestId('page-save')
      await expect(heart).toHaveAttribute('aria-pressed', 'false')
      // With JavaScript the heart turns at once; the save is done when the POST answers.
      await Promise.all([
        page.waitForResponse(
          (response) =>
            response.request().method() === 'POST' && response.url().includes('/wishlist'),
        ),
        heart.click(),
      ])
      await expect(page.getByTestId('page-save')).toHaveAttribute('aria-pressed', 'true')
      await page.goto(`${journey.prefix}/wishlist`)
      const line = page.getByTestId('wishlist-line')
      await expect(line).toHaveCount(1)
      await expect(line.getByTestId('wishlist-stock')).toHaveText(
        journey.prefix ? 'فقط ۱ عدد مانده' : 'Only 1 left',
      )
      if (journey.width === 390)
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          390,
        )
      await page.screenshot({
        path: test
          .info()
          .outputPath(`wishlist-${journey.prefix ? 'fa' : 'en'}-${journey.width}.png`),
        fullPage: true,
      })

      // Someone buys the last one.
      await prisma.variant.update({ where: { id: medium.id }, data: { stock: 0 } })
      await page.reload()
      await expect(line.getByTestId('wishlist-stock')).toHaveText(
        journey.prefix ? 'ناموجود' : 'Sold out',
      )

      // "Email me when it's back" on the sold-out size.
      const email = uniqueEmail('alert-e2e')
      await page.goto(url)
      await page.getByTestId('back-in-stock').locator('input[name="email"]').fill(email)
      await page.getByTestId('back-in-stock').getByRole('button').click()
      await expect(page).toHaveURL(new RegExp(`/p/${dress.slug}`))
      await expect
        .poll(() => prisma.stockAlert.count({ where: { variantId: medium.id, email } }))
        .toBe(1)

      // The seller restocks; the app's worker sends one email.
      await prisma.variant.update({ where: { id: medium.id }, data: { stock: 20 } })
      await expect.poll(async () => (await mailsTo(email)).length, { timeout: 20_000 }).toBe(1)
      const [sent] = await mailsTo(email)

      // As the app sent it (a file here; SMTP in production), read back as a mail program would.
      expect(sent!.subject).toBe(
        journey.prefix
          ? 'دوباره موجود شد: \u2068Alert wrap dress\u2069'
          : 'Back in stock: Alert wrap dress',
      )
      expect(sent!.html).toContain(journey.prefix ? 'dir="rtl"' : 'dir="ltr"')
      const link = /https?:\/\/\S+\/p\/\S+/.exec(sent!.text)![0]
      const target = new URL(link)
      expect(target.pathname).toBe(`${journey.prefix}/p/${dress.slug}`)
      expect(target.searchParams.get('size')).toBe('M')
      await page.goto(`${target.pathname}${target.search}`)
      await expect(page.getByTestId('stock-message')).toHaveText(
        journey.prefix ? 'موجود' : 'In stock',
      )
      // Exactly one, however long the worker keeps running.
      expect(await mailsTo(email)).toHaveLength(1)
    })
  })
}
