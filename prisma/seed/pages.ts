import { prisma } from '~/infra/db.server.ts'
import type { ContentPageSlug } from '~/services/pages/content.ts'
import type { Measurements, SizeMeasure } from '~/services/pages/size-guide.ts'

// The store's pages and size guides for the demo, in English and Persian. Added only where
// missing, so an admin's edits survive a second seed.

type PageSeed = { title: string; titleFa: string; body: string; bodyFa: string }

export const CONTENT_PAGES: Record<ContentPageSlug, PageSeed> = {
  help: {
    title: 'Help',
    titleFa: 'راهنما',
    body: `Shikposh brings together independent shops selling clothes, shoes and accessories. Each shop sends its own parcel, so an order from two shops arrives in two parcels.

## Ordering
- Choose a colour and a size on the product page, then add the item to your cart.
- You can check out as a guest with your email address, or sign in to keep your orders and addresses in one place.
- Not sure about a size? Every product with sizes links to its [size guide](/size-guide/letters).

## Your order
Your order page shows each parcel: being prepared, on its way or delivered, with the courier’s tracking number once the shop has sent it. You can cancel an order until the first parcel leaves the shop.

## Still need help?
Read about [shipping](/pages/shipping) and [returns](/pages/returns), or [contact us](/pages/contact): we answer every message within one working day.`,
    bodyFa: `شیک‌پوش فروشگاه‌های مستقل لباس، کفش و اکسسوری را یک‌جا جمع کرده است. هر فروشگاه بستهٔ خودش را می‌فرستد؛ پس سفارشی که از دو فروشگاه باشد در دو بسته به دستتان می‌رسد.

## ثبت سفارش
- در صفحهٔ محصول رنگ و سایز را انتخاب کنید و کالا را به سبد خرید اضافه کنید.
- می‌توانید بدون ساختن حساب و فقط با ایمیل خرید کنید، یا وارد حسابتان شوید تا سفارش‌ها و نشانی‌هایتان یک‌جا بماند.
- در انتخاب سایز مطمئن نیستید؟ هر محصولی که سایز دارد به [راهنمای سایز](/size-guide/letters) خودش پیوند دارد.

## سفارش شما
صفحهٔ سفارش وضعیت هر بسته را نشان می‌دهد: در حال آماده‌سازی، ارسال‌شده یا تحویل‌شده، و پس از ارسال، کد رهگیری پست یا پیک را. تا وقتی اولین بسته از فروشگاه خارج نشده، می‌توانید سفارش را لغو کنید.

## باز هم سؤال دارید؟
دربارهٔ [ارسال سفارش](/pages/shipping) و [بازگرداندن کالا](/pages/returns) بخوانید یا [با ما تماس بگیرید](/pages/contact)؛ به هر پیامی حداکثر تا یک روز کاری پاسخ می‌دهیم.`,
  },
  shipping: {
    title: 'Shipping',
    titleFa: 'ارسال سفارش',
    body: `Each shop prepares and sends its own items, usually within two working days of your order.

## Delivery options
- **Standard delivery**: three to five working days after the shop sends your parcel.
- **Express delivery**: one to two working days, where the shop offers it.

The delivery cost is shown at checkout before you pay, for each option.

## Tracking
When a shop sends your parcel, your order page shows the courier and the tracking number, and we email you. An order from several shops shows each parcel on its own.

## Paying on delivery
If you chose to pay on delivery, have the exact amount ready for the courier. Your order stays “Not paid yet” until the payment is recorded.`,
    bodyFa: `هر فروشگاه کالاهای خودش را آماده و ارسال می‌کند، معمولاً تا دو روز کاری پس از ثبت سفارش.

## روش‌های ارسال
- **ارسال عادی**: سه تا پنج روز کاری پس از اینکه فروشگاه بسته را تحویل پست یا پیک داد.
- **ارسال سریع**: یک تا دو روز کاری، اگر فروشگاه این روش را داشته باشد.

هزینهٔ ارسال هر روش پیش از پرداخت، در صفحهٔ تکمیل خرید نشان داده می‌شود.

## پیگیری مرسوله
وقتی فروشگاه بسته را ارسال کند، نام شرکت حمل و کد رهگیری در صفحهٔ سفارش نمایش داده می‌شود و برایتان ایمیل هم می‌فرستیم. در سفارشی که از چند فروشگاه است، وضعیت هر بسته جدا نشان داده می‌شود.

## پرداخت در محل
اگر پرداخت در محل را انتخاب کرده‌اید، لطفاً مبلغ را هنگام تحویل آماده داشته باشید. تا وقتی پرداخت ثبت نشود، وضعیت سفارش «پرداخت‌نشده» می‌ماند.`,
  },
  returns: {
    title: 'Returns',
    titleFa: 'بازگرداندن کالا',
    body: `Changed your mind? You can return most items within 14 days of delivery.

## What can be returned
- Items unworn and unwashed, with their labels attached.
- Shoes tried on indoors only, in their original box.
- For hygiene reasons, earrings and swimwear without their seal cannot be returned.

## How to return an item
- [Contact us](/pages/contact) with your order number and the items you are returning.
- We tell you the shop’s return address.
- Send the parcel with a tracked service and keep the receipt.

## Refunds
Once the shop has received and checked your return, we refund the price of the items to the way you paid, usually within five working days. Delivery costs are refunded when the item arrived faulty or was not what you ordered.`,
    bodyFa: `نظرتان عوض شده است؟ بیشتر کالاها را تا ۱۴ روز پس از تحویل می‌توانید بازگردانید.

## چه کالاهایی بازگردانده می‌شوند
- کالای پوشیده‌نشده و شسته‌نشده، با برچسب‌های اصلی.
- کفشی که فقط در خانه امتحان شده باشد، همراه جعبهٔ اصلی.
- به دلایل بهداشتی، گوشواره و لباس شنایی که پلمبش باز شده باشد بازگردانده نمی‌شود.

## روش بازگرداندن
- با شمارهٔ سفارش و نام کالاهایی که می‌خواهید بازگردانید [با ما تماس بگیرید](/pages/contact).
- نشانی فروشگاه را برای بازگرداندن برایتان می‌فرستیم.
- بسته را با پست دارای کد رهگیری بفرستید و رسید را نگه دارید.

## بازپرداخت وجه
پس از اینکه فروشگاه کالا را دریافت و بررسی کرد، بهای کالا را از همان راهی که پرداخت کرده بودید، معمولاً تا پنج روز کاری، برمی‌گردانیم. اگر کالا معیوب بوده یا با سفارشتان فرق داشته، هزینهٔ ارسال هم بازپرداخت می‌شود.`,
  },
  privacy: {
    title: 'Privacy',
    titleFa: 'حریم خصوصی',
    body: `We keep only what we need to run the store, and we never sell your information.

## What we keep
- Your name, email address and password (stored as a secure hash, never as typed).
- The addresses you save and the orders you place.
- The reviews you write, and the language you chose for the store.

## Who sees it
The shop that sends your parcel sees your name, delivery address and phone number for that order only. Our couriers see what they need to deliver it.

## Cookies
We use a cookie to keep you signed in, one for your cart and one for the language you chose. We use no advertising or tracking cookies.

## Your choices
You can change your details, your password and your signed-in devices in [your account](/account). To have your account deleted, [contact us](/pages/contact).`,
    bodyFa: `فقط اطلاعاتی را نگه می‌داریم که برای اداره فروشگاه لازم است و هرگز اطلاعات شما را نمی‌فروشیم.

## چه اطلاعاتی نگه می‌داریم
- نام، نشانی ایمیل و رمز عبور شما (به صورت درهم‌سازی‌شدهٔ امن، نه همان‌طور که تایپ کرده‌اید).
- نشانی‌هایی که ذخیره می‌کنید و سفارش‌هایی که ثبت می‌کنید.
- نظرهایی که می‌نویسید و زبانی که برای فروشگاه انتخاب کرده‌اید.

## چه کسانی آن را می‌بینند
فروشگاهی که بسته را می‌فرستد، فقط برای همان سفارش نام، نشانی و شمارهٔ تلفن شما را می‌بیند. شرکت حمل هم فقط آنچه را برای تحویل لازم است می‌بیند.

## کوکی‌ها
یک کوکی برای اینکه وارد حسابتان بمانید، یکی برای سبد خرید و یکی برای زبانی که انتخاب کرده‌اید به کار می‌بریم. هیچ کوکی تبلیغاتی یا ردیابی نداریم.

## اختیار با شماست
مشخصات، رمز عبور و دستگاه‌هایی را که با آن‌ها وارد شده‌اید در [حساب کاربری](/account) تغییر دهید. برای حذف حساب [با ما تماس بگیرید](/pages/contact).`,
  },
  terms: {
    title: 'Terms of use',
    titleFa: 'قوانین و مقررات',
    body: `These terms apply to everyone who shops or sells on Shikposh. By placing an order you accept them.

## Buying
Each item is sold by the shop named on its page. Prices include taxes and are confirmed at checkout; if a price changes before you pay, checkout shows you the new total first.

## Selling
Shops must describe their items truthfully, keep their stock up to date and send orders on time. We may suspend a shop that breaks these rules; its products then leave the store.

## Reviews
Reviews are read before they are published. We reject reviews that are abusive, off-topic or that share someone’s personal details.

## Changes
We may update these terms; the date at the top of this page shows the last change. Orders already placed keep the terms they were placed under.`,
    bodyFa: `این قوانین برای همهٔ خریداران و فروشندگان شیک‌پوش است. با ثبت سفارش، آن‌ها را می‌پذیرید.

## خرید
هر کالا را فروشگاهی می‌فروشد که نامش در صفحهٔ محصول آمده است. قیمت‌ها با مالیات است و در تکمیل خرید تأیید می‌شود؛ اگر پیش از پرداخت قیمتی تغییر کند، مبلغ تازه را پیش از پرداخت به شما نشان می‌دهیم.

## فروش
فروشگاه‌ها باید کالاهایشان را درست توصیف کنند، موجودی را به‌روز نگه دارند و سفارش‌ها را به‌موقع ارسال کنند. فروشگاهی را که این قوانین را رعایت نکند ممکن است تعلیق کنیم؛ در این صورت محصولاتش از فروشگاه برداشته می‌شود.

## نظرها
نظرها پیش از انتشار بررسی می‌شوند. نظرهای توهین‌آمیز، بی‌ربط یا نظرهایی که اطلاعات شخصی کسی را فاش کنند منتشر نمی‌شوند.

## تغییرها
ممکن است این قوانین را به‌روز کنیم؛ تاریخ بالای همین صفحه آخرین تغییر را نشان می‌دهد. سفارش‌هایی که پیش‌تر ثبت شده‌اند تابع همان قوانین زمان ثبت‌اند.`,
  },
  contact: {
    title: 'Contact us',
    titleFa: 'تماس با ما',
    body: `We answer every message within one working day, in English or Persian.

## Email
Write to [support@shikposh.example](mailto:support@shikposh.example). For a question about an order, include its number (it starts with SP-).

## Phone
Call 021 9100 2030, Saturday to Wednesday, 9:00 to 17:00 Tehran time.

## Selling on Shikposh
To open a shop, [start here](/sell). For questions about your shop, write to [sellers@shikposh.example](mailto:sellers@shikposh.example).`,
    bodyFa: `به هر پیامی، به فارسی یا انگلیسی، حداکثر تا یک روز کاری پاسخ می‌دهیم.

## ایمیل
به [support@shikposh.example](mailto:support@shikposh.example) بنویسید. اگر سؤالتان دربارهٔ یک سفارش است، شمارهٔ سفارش را (که با SP- شروع می‌شود) هم بنویسید.

## تلفن
شنبه تا چهارشنبه، ساعت ۹ تا ۱۷ به وقت تهران، با شمارهٔ ۰۲۱۹۱۰۰۲۰۳۰ تماس بگیرید.

## فروش در شیک‌پوش
برای راه‌اندازی فروشگاه [از اینجا شروع کنید](/sell). سؤال‌های مربوط به فروشگاهتان را به [sellers@shikposh.example](mailto:sellers@shikposh.example) بفرستید.`,
  },
  about: {
    title: 'About us',
    titleFa: 'درباره ما',
    body: `Shikposh is a marketplace for independent fashion: small shops and designers selling clothes, shoes and accessories they make or choose themselves.

We started Shikposh because good independent shops are hard to find, and buying from several of them meant several checkouts. Here you browse them all, fill one basket and pay once; each shop sends its own parcel.

## What we care about
- **Honest listings**: real photos, real stock, prices that do not change at checkout.
- **Fair to shops**: sellers keep their own name and their own customers.
- **Two languages**: the whole store works in Persian and in English.`,
    bodyFa: `شیک‌پوش بازاری برای مد مستقل است: فروشگاه‌ها و طراحان کوچکی که لباس، کفش و اکسسوری‌هایی را می‌فروشند که خودشان می‌سازند یا با سلیقهٔ خودشان انتخاب می‌کنند.

شیک‌پوش را راه انداختیم چون پیدا کردن فروشگاه‌های مستقل خوب سخت است و خرید از چند فروشگاه یعنی چند بار پرداخت. اینجا همه را یک‌جا می‌بینید، یک سبد پر می‌کنید و یک بار پرداخت می‌کنید؛ هر فروشگاه بستهٔ خودش را می‌فرستد.

## آنچه برایمان مهم است
- **معرفی صادقانه**: عکس واقعی، موجودی واقعی و قیمتی که هنگام پرداخت تغییر نمی‌کند.
- **انصاف با فروشگاه‌ها**: هر فروشنده نام و مشتریان خودش را دارد.
- **دو زبان**: همهٔ فروشگاه به فارسی و انگلیسی کار می‌کند.`,
  },
}

const LETTERS: Record<string, Measurements> = {
  XS: { chest: [78, 82], waist: [62, 66], hips: [86, 90] },
  S: { chest: [83, 87], waist: [67, 71], hips: [91, 95] },
  M: { chest: [88, 94], waist: [72, 78], hips: [96, 101] },
  L: { chest: [95, 101], waist: [79, 85], hips: [102, 107] },
  XL: { chest: [102, 108], waist: [86, 93], hips: [108, 113] },
  XXL: { chest: [109, 116], waist: [94, 102], hips: [114, 120] },
}

/** EU shoe size → foot length in cm (heel to longest toe): 35 is 22.5, each size two-thirds of a cm more. */
function footLength(size: number): Measurements {
  const cm = Math.round((22.5 + ((size - 35) * 2) / 3) * 10) / 10
  return { footLength: [cm, cm] }
}

export const SIZE_GUIDES: Record<
  string,
  { measures: SizeMeasure[]; rows: (label: string) => Measurements }
> = {
  letters: { measures: ['chest', 'waist', 'hips'], rows: (label) => LETTERS[label] ?? {} },
  'eu-shoes': { measures: ['footLength'], rows: (label) => footLength(Number(label)) },
}

export async function seedStorePages() {
  let created = 0
  for (const [slug, page] of Object.entries(CONTENT_PAGES)) {
    const exists = await prisma.contentPage.findUnique({ where: { slug }, select: { id: true } })
    if (exists) continue
    await prisma.contentPage.create({ data: { slug, ...page } })
    created++
  }
  for (const [code, guide] of Object.entries(SIZE_GUIDES)) {
    const scale = await prisma.sizeScale.findUnique({
      where: { code },
      select: { id: true, guideMeasures: true, sizes: { select: { id: true, label: true } } },
    })
    // An admin's guide (any columns chosen) stays as it is.
    if (!scale || scale.guideMeasures.length) continue
    await prisma.$transaction([
      ...scale.sizes.map((size) =>
        prisma.size.update({
          where: { id: size.id },
          data: { measurements: guide.rows(size.label) },
        }),
      ),
      prisma.sizeScale.update({ where: { id: scale.id }, data: { guideMeasures: guide.measures } }),
    ])
  }
  return { pages: created }
}
