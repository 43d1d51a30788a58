import { randomBytes } from 'node:crypto'
import { prisma } from '~/infra/db.server.ts'
import { addToCart } from '~/services/orders/cart.server.ts'
import { cartCookie } from '~/services/orders/cart-owner.server.ts'
import { uniqueEmail } from '../support/fixtures.ts'
import { mailsTo } from './mailbox.ts'
import { createProduct, createSeller } from '../support/shop-fixtures.ts'
import { E2E_BASE_URL } from './environment.ts'
import { expect, test } from './fixtures.ts'

// A shopper without an account checks out with only an email, gets the confirmation and opens
// the order from its signed link: with JavaScript and without, in English and in Persian.

test.afterAll(async () => {
  await prisma.$disconnect()
})

const journeys = [
  { name: 'English, JavaScript on, desktop', prefix: '', javaScript: true, width: 1280 },
  { name: 'Persian, JavaScript off, phone', prefix: '/fa', javaScript: false, width: 390 },
] as const

for (const journey of journeys) {
  test.describe(journey.name, () => {
    test.use({
      javaScriptEnabled: journey.javaScript,
      viewport: { width: journey.width, height: 900 },
    })

    test('a guest checks out with an email and opens the order from the emailed link', async ({
      page,
      browser,
    }) => {
      const { shop } = await createSeller()
      const product = await createProduct(shop.id, {
        title: 'Guest linen shirt',
        price: 4500,
        variants: [{ stock: 3 }],
      })
      const guestToken = randomBytes(32).toString('base64url')
      await addToCart({ guestToken }, { variantId: product.variants[0]!.id, quantity: 1 })
      const [name, value] = (await cartCookie.serialize(guestToken)).split(';')[0]!.split('=') as [
        string,
        string,
      ]
      await page.context().addCookies([{ name, value, url: E2E_BASE_URL }])
      const email = uniqueEmail('guest-e2e')

      await page.goto(`${journey.prefix}/checkout`)
      await page.locator('input[name="email"]').fill(email)
      await page.locator('input[name="fullName"]').fill('Parisa Parcel')
      await page.locator('input[name="line1"]').fill('221 Baker Street')
      await page.locator('input[name="city"]').fill('London')
      await page.locator('select[name="country"]').selectOption('GB')
      await page.locator('input[name="postalCode"]').fill('NW1 6XE')
      await page.locator('input[name="phone"]').fill('+44 20 7946 0000')
      await page.screenshot({
        path: `test-results/guest-checkout${journey.prefix || '-en'}.png`,
        fullPage: true,
      })
      await page.locator('button[name="intent"][value="place"]').click()

      await expect(page).toHaveURL(
        new RegExp(`${journey.prefix}/orders/SP-[0-9A-Z-]+\\?access=[A-Za-z0-9_-]{43}&placed=1$`),
      )
      const order = await prisma.order.findFirstOrThrow({ where: { email } })
      expect(order.userId).toBeNull()
      expect(order.locale).toBe(journey.prefix ? 'fa' : 'en')
      await expect(page.getByRole('heading', { level: 1 })).toContainText(order.number)
      await page.screenshot({
        path: `test-results/guest-order${journey.prefix || '-en'}.png`,
        fullPage: true,
      })

      // The app's worker renders the confirmation after the commit.
      await expect.poll(async () => (await mailsTo(email)).length).toBe(1)
      const [mail] = await mailsTo(email)
      const link = /https?:\/\/\S+\/orders\/SP-[0-9A-Z-]+\?access=[A-Za-z0-9_-]+/.exec(
        mail!.text,
      )?.[0]
      expect(link).toBeDefined()
      // Another browser, with no cookie at all: the link alone opens the order, and only it.
      const stranger = await browser.newContext({ javaScriptEnabled: journey.javaScript })
      const other = await stranger.newPage()
      await other.goto(link!)
      await expect(other.getByRole('heading', { level: 1 })).toContainText(order.number)
      // The email and its link are in the language of the checkout page; the way back from a
      // signed link is the shop (the list of orders needs an account).
      expect(new URL(link!).pathname).toBe(`${journey.prefix}/orders/${order.number}`)
      expect(mail!.html).toContain(journey.prefix ? 'lang="fa" dir="rtl"' : 'lang="en" dir="ltr"')
      await expect(
        other.getByRole('link', {
          name: journey.prefix ? 'بازگشت به فروشگاه' : 'Back to the shop',
        }),
      ).toHaveAttribute('href', journey.prefix || '/')
      const forged = await other.goto(link!.replace(/access=.{4}/, 'access=AAAA'))
      expect(forged?.status()).toBe(404)
      await stranger.close()
    })
  })
}
