import { afterAll, describe, expect, test, vi } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { runDueJobs } from '~/infra/jobs/worker.server.ts'
import { jobTasks } from '~/services/jobs.server.ts'
import { addToCart, getCart } from '~/services/orders/cart.server.ts'
import { applyPromoCode } from '~/services/orders/cart-codes.server.ts'
import { getCheckout } from '~/services/orders/checkout-page.server.ts'
import { placeOrder } from '~/services/orders/checkout.server.ts'
import { markDelivered, markShipped } from '~/services/orders/fulfilment.server.ts'
import { placeGuestOrder } from '~/services/orders/guest-checkout.server.ts'
import { cancelOrder } from '~/services/orders/orders.server.ts'
import { orderTotal } from '~/services/orders/shipping.ts'
import { createUser, uniqueEmail } from '../support/fixtures.ts'
import { createPromo } from '../support/promo-fixtures.ts'
import { createProduct, createSeller } from '../support/shop-fixtures.ts'
import { decodeMail, type DecodedMail } from '../support/smtp-sink.ts'

// Every order email in its recipient's language, sent over SMTP to a test server and read back
// as a mail program would. This file's store sells in rials and shows Toman, in Tehran's time.
const sink = await vi.hoisted(async () => {
  const { startSmtpSink } = await import('../support/smtp-sink.ts')
  const started = await startSmtpSink()
  process.env.SMTP_URL = started.url
  process.env.STORE_CURRENCY = 'IRR'
  process.env.STORE_PRICE_DISPLAY = 'toman'
  process.env.STORE_TIMEZONE = 'Asia/Tehran'
  return started
})

afterAll(() => sink.close())

const IRANIAN_ADDRESS = {
  fullName: 'شیرین شاکری',
  line1: 'خیابان ولیعصر، کوچهٔ نسترن، پلاک ۱۲',
  line2: '',
  city: 'تهران',
  region: 'tehran',
  postalCode: '1436678912',
  country: 'IR',
  phone: '09123456789',
}

/** Runs the due jobs (the emails' among them) and returns the messages that reached `to`. */
async function delivered(to: string): Promise<DecodedMail[]> {
  await runDueJobs(jobTasks)
  return sink.received.filter((mail) => mail.to.includes(to)).map((mail) => decodeMail(mail.data))
}

const PERSIAN_DIGITS = /[۰-۹]/
// Nowruz 1405 begins at midnight in Tehran (20:30 UTC the evening before).
const JUST_AFTER_NOWRUZ = new Date('2026-03-20T20:31:00Z')

async function sellerShop(locale: 'en' | 'fa' | null, name: string) {
  const { user, shop } = await createSeller(name)
  if (locale) await prisma.user.update({ where: { id: user.id }, data: { locale } })
  return { user, shop }
}

describe('order emails in the recipient’s language', () => {
  test('a Persian guest’s confirmation, shipment and cancellation are Persian, in Toman with Persian digits and Solar Hijri dates; the seller’s is in theirs', async () => {
    const fa = await sellerShop('fa', 'Golestan')
    const en = await sellerShop(null, 'Northwind')
    const dress = await createProduct(fa.shop.id, {
      title: 'پیراهن کتان',
      price: 1_234_500,
      variants: [{ stock: 4 }],
    })
    const scarf = await createProduct(en.shop.id, {
      title: 'Silk scarf',
      price: 250_000,
      variants: [{ stock: 4 }],
    })
    const guestToken = `guest-${crypto.randomUUID()}`
    await addToCart({ guestToken }, { variantId: dress.variants[0]!.id, quantity: 1 })
    await addToCart({ guestToken }, { variantId: scarf.variants[0]!.id, quantity: 2 })
    const cart = await getCart({ guestToken }, JUST_AFTER_NOWRUZ, 'fa')
    const email = uniqueEmail('guest-fa')
    const order = await placeGuestOrder(
      { guestToken, email, clientIp: '203.0.113.9' },
      {
        idempotencyKey: cart.checkoutToken!,
        address: { kind: 'new', fields: IRANIAN_ADDRESS, save: false },
        shippingMethod: 'standard',
        paymentMethod: 'pay-on-delivery',
        expectedTotal: orderTotal(cart.itemsTotal, 'standard', 'IRR'),
      },
      { locale: 'fa', now: JUST_AFTER_NOWRUZ },
    )

    const [confirmation, ...others] = await delivered(email)
    expect(others).toEqual([])
    expect(confirmation!.subject).toBe(`سفارش \u2068${order.number}\u2069 شما در شیک‌پوش`)
    expect(confirmation!.html).toContain('<html lang="fa" dir="rtl">')
    const text = confirmation!.text
    expect(text).toContain('سلام شیرین شاکری،')
    expect(text).toContain('۱ فروردین ۱۴۰۵')
    // 1,234,500 rials is 123,450 Toman; two scarves at 25,000 Toman.
    expect(text).toContain('۱۲۳٬۴۵۰ تومان')
    expect(text).toContain('۲ × ۲۵٬۰۰۰ تومان = ۵۰٬۰۰۰ تومان')
    expect(text).toContain(`جمع کل: ${'۱۷۳٬۴۵۰'} تومان`)
    expect(text).toContain('پرداخت در محل')
    expect(text).toContain('تهران')
    expect(text).toContain('۱۴۳۶۶۷۸۹۱۲')
    expect(text).not.toMatch(/Toman|Total|Hello|\$/)
    // Amounts, dates and the address carry no ASCII digits (the order number and link are Latin).
    const withoutLatin = text.replace(/SP-[0-9A-Z-]+|https?:\/\/\S+/g, '')
    expect(withoutLatin).not.toMatch(/[0-9]/)
    expect(withoutLatin).toMatch(PERSIAN_DIGITS)
    expect(text).toMatch(
      new RegExp(`پیگیری سفارش: http://localhost:3000/fa/orders/${order.number}\\?access=`),
    )
    expect(confirmation!.html).toContain('۱۲۳٬۴۵۰ تومان')
    expect(confirmation!.html).toContain(
      'این ایمیل را دریافت کرده‌اید چون از شیک‌پوش خرید کرده‌اید.',
    )

    // Each shop hears of its own lines, in its owner's language (the default when never chosen).
    const [toGolestan] = await delivered(fa.user.email)
    expect(toGolestan!.subject).toBe(
      `سفارش تازهٔ \u2068${order.number}\u2069 برای \u2068Golestan's shop\u2069`,
    )
    expect(toGolestan!.html).toContain('<html lang="fa" dir="rtl">')
    expect(toGolestan!.text).toContain('پیراهن کتان')
    expect(toGolestan!.text).not.toContain('Silk scarf')
    expect(toGolestan!.text).toContain(`http://localhost:3000/fa/sell/orders/${order.number}`)
    const [toNorthwind] = await delivered(en.user.email)
    expect(toNorthwind!.subject).toBe(`New order ${order.number} for Northwind's shop`)
    expect(toNorthwind!.html).toContain('<html lang="en" dir="ltr">')
    expect(toNorthwind!.text).toContain('Silk scarf (')
    expect(toNorthwind!.text).toContain('2 × 25,000 Toman = 50,000 Toman')
    expect(toNorthwind!.text).toContain('Mar 21, 2026')
    expect(toNorthwind!.text).not.toContain('پیراهن کتان')

    await markShipped(
      fa.user.id,
      order.number,
      { carrier: 'tipax', trackingNumber: 'TPX-889900' },
      new Date('2026-03-22T08:00:00Z'),
    )
    const shipped = (await delivered(email)).at(-1)!
    expect(shipped.subject).toContain('در راه است')
    expect(shipped.html).toContain('<html lang="fa" dir="rtl">')
    expect(shipped.text).toContain('تیپاکس')
    expect(shipped.text).toContain('۲ فروردین ۱۴۰۵')
    expect(shipped.text).toContain('\u2068TPX-889900\u2069')

    await markDelivered(fa.user.id, order.number, new Date('2026-03-24T10:00:00Z'))
    const arrived = (await delivered(email)).at(-1)!
    expect(arrived.subject).toBe(
      `بستهٔ شما از \u2068Golestan's shop\u2069 رسید (سفارش \u2068${order.number}\u2069)`,
    )
    expect(arrived.html).toContain('<html lang="fa" dir="rtl">')
    expect(arrived.text).toContain('۴ فروردین ۱۴۰۵')
  })

  test('an English account’s emails are English, even when it ordered from a Persian page; a Persian account’s are Persian', async () => {
    const { shop } = await sellerShop('en', 'Aria')
    const coat = await createProduct(shop.id, {
      title: 'Wool coat',
      price: 3_000_000,
      variants: [{ stock: 5 }],
    })
    const place = async (userId: string) => {
      await addToCart({ userId }, { variantId: coat.variants[0]!.id, quantity: 1 })
      const cart = await getCart({ userId })
      return placeOrder(
        userId,
        {
          idempotencyKey: cart.checkoutToken!,
          address: { kind: 'new', fields: IRANIAN_ADDRESS, save: false },
          shippingMethod: 'standard',
          paymentMethod: 'pay-on-delivery',
          expectedTotal: orderTotal(cart.itemsTotal, 'standard', 'IRR'),
        },
        JUST_AFTER_NOWRUZ,
        'fa',
      )
    }

    const english = await createUser({ name: 'Emma English' })
    await prisma.user.update({ where: { id: english.id }, data: { locale: 'en' } })
    const order = await place(english.id)
    // The worker renders the confirmation as soon as the order commits, before any cancelling.
    await runDueJobs(jobTasks)
    await cancelOrder(english.id, order.number, new Date('2026-03-21T09:00:00Z'))
    const [confirmation, cancelled] = await delivered(english.email)
    expect(confirmation!.subject).toBe(`Your Shikposh order ${order.number}`)
    expect(confirmation!.html).toContain('<html lang="en" dir="ltr">')
    expect(confirmation!.text).toContain('Hello Emma English,')
    expect(confirmation!.text).toContain('300,000 Toman')
    expect(confirmation!.text).toContain('Mar 21, 2026')
    expect(confirmation!.text).toContain('Pay on delivery')
    expect(confirmation!.text).toContain(
      `Follow your order: http://localhost:3000/orders/${order.number}`,
    )
    // (The address is as the shopper typed it, in Persian; everything else is English.)
    expect(confirmation!.text).not.toMatch(/تومان|۳۰۰|فروردین/)
    expect(cancelled!.subject).toBe(`Your Shikposh order ${order.number} is cancelled`)
    expect(cancelled!.text).toContain('You have not been charged.')

    // An account that never chose gets the language of the page it ordered from.
    const persian = await createUser({ name: 'پرستو' })
    const second = await place(persian.id)
    const [persianMail] = await delivered(persian.email)
    expect(persianMail!.subject).toBe(`سفارش \u2068${second.number}\u2069 شما در شیک‌پوش`)
    expect(persianMail!.text).toContain('۳۰۰٬۰۰۰ تومان')
  })
})

describe('promo codes in the parcel emails', () => {
  test('the shipped and delivered emails show what the code took off each line, as the confirmation does', async () => {
    const { user: seller, shop } = await sellerShop('en', 'Promo')
    const products = await Promise.all(
      ['Linen shirt', 'Cotton scarf'].map((title) =>
        createProduct(shop.id, { title, price: 1_000_000, variants: [{ stock: 5 }] }),
      ),
    )
    await createPromo({ code: 'PARCEL10', shopId: shop.id, kind: 'PERCENT', value: 10 })
    const shopper = await createUser({ name: 'Pari Parcel' })
    await prisma.user.update({ where: { id: shopper.id }, data: { locale: 'en' } })
    for (const product of products)
      await addToCart({ userId: shopper.id }, { variantId: product.variants[0]!.id, quantity: 1 })
    await applyPromoCode({ userId: shopper.id }, 'parcel10')
    const page = await getCheckout(shopper.id)
    const delivery = page.shippingMethods.find((method) => method.id === 'standard')!.price
    const order = await placeOrder(shopper.id, {
      idempotencyKey: page.cart.checkoutToken!,
      address: { kind: 'new', fields: IRANIAN_ADDRESS, save: false },
      shippingMethod: 'standard',
      paymentMethod: 'pay-on-delivery',
      expectedTotal: page.cart.itemsTotal - page.promo!.applied!.itemsDiscount + delivery,
    })
    // 10% of 200,000 Toman, 10,000 Toman off each line.
    const lineDiscount = /Code \u2068?PARCEL10\u2069?: −10,000 Toman/g
    await markShipped(seller.id, order.number, { carrier: 'tipax', trackingNumber: 'TPX-123456' })
    await markDelivered(seller.id, order.number)
    // The jobs send them in any order (and a review invitation besides): told by subject.
    const all = await delivered(shopper.email)
    const mails = [`Your Shikposh order ${order.number}`, 'on their way', 'has arrived'].map(
      (subject) => all.find((mail) => mail.subject.includes(subject))!,
    )
    for (const mail of mails) {
      expect(mail).toBeDefined()
      expect(mail.text.match(lineDiscount)).toHaveLength(2)
      expect(mail.html.match(lineDiscount)).toHaveLength(2)
    }
  })
})
