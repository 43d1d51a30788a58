import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import type { RouteObject } from 'react-router-dom'
import {
  createStaticHandler,
  createStaticRouter,
  StaticRouterProvider,
} from 'react-router-dom/server'
import { describe, expect, test } from 'vitest'
import { i18nFor, getLocale } from '~/i18n/i18n.server.ts'
import { prisma } from '~/infra/db.server.ts'
import App, { loader as rootLoader } from '~/root.tsx'
import ProductPage, {
  ErrorBoundary,
  action as productAction,
  loader as productLoader,
  meta as productMeta,
} from '~/routes/($locale).p.$slug/route.tsx'
import { decideReviews } from '~/services/reviews/moderation.server.ts'
import { submitReview } from '~/services/reviews/reviews.server.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { routeRequest, testContext, type RouteRequestInit } from '../support/remix.ts'
import { createProduct, createSeller } from '../support/shop-fixtures.ts'

// The product page under /fa, rendered the way the server renders it: the real root and product
// loaders (and action, for a POST) run through a static data router, then the root layout and the
// page render with the request's i18next instance, as entry.server.tsx does. Meta tags come from
// the route's own meta function, given what its loader returned or threw.

const PRODUCT_ROUTE = 'routes/($locale).p.$slug'

const routes: RouteObject[] = [
  {
    id: 'root',
    path: '/',
    loader: rootLoader as RouteObject['loader'],
    Component: App,
    children: [
      {
        id: PRODUCT_ROUTE,
        path: ':locale?/p/:slug',
        loader: productLoader as RouteObject['loader'],
        action: productAction as RouteObject['action'],
        Component: ProductPage,
        ErrorBoundary,
      },
    ],
  },
]

type Rendered = {
  status: number
  html: string
  title: string | undefined
  description: string | undefined
  location: string | null
}

async function renderPage(path: string, init: RouteRequestInit = {}): Promise<Rendered> {
  const request = routeRequest(path, init)
  const handler = createStaticHandler(routes)
  const context = await handler.query(request, { requestContext: testContext() })
  if (context instanceof Response)
    return {
      status: context.status,
      html: '',
      title: undefined,
      description: undefined,
      location: context.headers.get('Location'),
    }
  const router = createStaticRouter(handler.dataRoutes, context)
  const html = renderToString(
    createElement(
      I18nextProvider,
      { i18n: i18nFor(getLocale(request)) },
      createElement(StaticRouterProvider, { router, context, hydrate: false }),
    ),
  )
  const tags = productMeta({
    data: context.loaderData[PRODUCT_ROUTE],
    error: context.errors?.[PRODUCT_ROUTE],
    params: {},
    location: { pathname: new URL(request.url).pathname },
    matches: [],
  } as unknown as Parameters<typeof productMeta>[0])
  const find = (predicate: (tag: Record<string, unknown>) => boolean) =>
    tags.find((tag) => predicate(tag as Record<string, unknown>)) as
      Record<string, string> | undefined
  return {
    status: context.statusCode,
    html,
    title: find((tag) => 'title' in tag)?.title,
    description: find((tag) => tag.name === 'description')?.content,
    location: null,
  }
}

/** The text inside the element with this attribute (the first one), tags stripped. */
function textOf(html: string, attribute: string) {
  const start = html.indexOf(attribute)
  expect(start, `${attribute} is on the page`).toBeGreaterThan(-1)
  const open = html.lastIndexOf('<', start)
  const tag = /^<([a-z0-9]+)/.exec(html.slice(open))![1]!
  const end = html.indexOf(`</${tag}>`, start)
  return html
    .slice(html.indexOf('>', start) + 1, end)
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;/g, "'")
}

const PERSIAN_DIGIT = /[۰-۹]/
const LATIN_DIGIT = /[0-9]/

async function persianDress() {
  const seller = await createSeller('Golestan')
  const dress = await createProduct(seller.shop.id, {
    title: 'Saffron linen dress',
    price: 12_550,
    variants: [
      { color: 'Black', size: 'S', stock: 3 },
      { color: 'Black', size: 'M', stock: 12 },
    ],
  })
  await prisma.product.update({
    where: { id: dress.id },
    data: {
      translatedTitle: 'پیراهن کتان زعفرانی',
      translatedDescription: 'پیراهنی سبک از کتان، برای روزهای گرم تابستان.',
    },
  })
  return { seller, dress }
}

async function approvedReview(slug: string, rating: number, title: string) {
  const author = await createUser()
  const admin = await createUser({ roles: ['SHOPPER', 'ADMIN'] })
  const { id } = await submitReview(author.id, slug, {
    rating,
    title,
    body: 'Fits well and washes well.',
  })
  const { version } = await prisma.review.findUniqueOrThrow({ where: { id } })
  await decideReviews(admin, [{ id, version }], { approve: true })
}

describe('the product page in Persian', () => {
  test('has a Persian title and description; the same page without /fa stays English', async () => {
    const { dress } = await persianDress()
    const fa = await renderPage(`/fa/p/${dress.slug}`)
    expect(fa.status).toBe(200)
    expect(fa.title).toBe('پیراهن کتان زعفرانی · شیک‌پوش')
    expect(fa.description).toBe('پیراهنی سبک از کتان، برای روزهای گرم تابستان.')
    expect(textOf(fa.html, '<h1')).toBe('پیراهن کتان زعفرانی')
    expect(fa.html).toContain('فروشنده: ')
    // Links stay in Persian.
    expect(fa.html).toMatch(/href="\/fa\/shops\/[^"]+"/)
    expect(fa.html).not.toMatch(/href="\/shops\//)

    const en = await renderPage(`/p/${dress.slug}`)
    expect(en.title).toBe('Saffron linen dress · Shikposh')
    expect(en.html).toContain('Sold by ')

    // Without a description in either language, the description says who sells it.
    await prisma.product.update({
      where: { id: dress.id },
      data: { description: '', translatedDescription: null },
    })
    expect((await renderPage(`/fa/p/${dress.slug}`)).description).toBe(
      "خرید پیراهن کتان زعفرانی از Golestan's shop در شیک‌پوش.",
    )
  })

  test('structured data stays valid JSON-LD, with the Persian address and title', async () => {
    const { dress } = await persianDress()
    const { html } = await renderPage(`/fa/p/${dress.slug}`)
    const blocks = [
      ...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g),
    ].map((match) => JSON.parse(match[1]!) as Record<string, unknown>)
    const jsonLd = blocks.find((block) => block['@type'] === 'Product')
    // The breadcrumb trail too (issue 17), ending at this page's Persian address.
    const trail = blocks.find((block) => block['@type'] === 'BreadcrumbList') as
      { itemListElement: Array<{ item: string }> } | undefined
    expect(trail?.itemListElement.at(-1)?.item).toMatch(new RegExp(`/fa/p/${dress.slug}$`))
    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'پیراهن کتان زعفرانی',
      url: expect.stringMatching(new RegExp(`/fa/p/${dress.slug}$`)),
    })
  })

  test('prices, stock and review counts are in Persian digits', async () => {
    const { dress } = await persianDress()
    await approvedReview(dress.slug, 5, 'Lovely')
    await approvedReview(dress.slug, 4, 'Good')
    const { html } = await renderPage(`/fa/p/${dress.slug}?color=black&size=S`)

    const price = textOf(html, 'data-testid="product-price"')
    expect(price).toMatch(PERSIAN_DIGIT)
    expect(price).not.toMatch(LATIN_DIGIT)
    expect(textOf(html, 'data-testid="stock-message"')).toBe('فقط ۳ عدد باقی مانده')
    expect(textOf(html, 'data-testid="review-count"')).toBe('۲ دیدگاه')
    expect(textOf(html, 'data-testid="review-average"')).toBe('۴٫۵')
    expect(html).toContain('۲ دیدگاه منتشرشده')
    // The quantity list counts in Persian too, and nothing in the reviews is in Latin digits.
    expect(html).toMatch(/<option value="2">۲<\/option>/)
    expect(textOf(html, 'id="reviews"')).not.toMatch(LATIN_DIGIT)
  })

  test('a product that does not exist is a Persian 404 with a Persian title', async () => {
    const page = await renderPage('/fa/p/no-such-dress')
    expect(page.status).toBe(404)
    expect(page.title).toBe('محصول پیدا نشد · شیک‌پوش')
    expect(page.html).toContain('این محصول در دسترس نیست.')
    const en = await renderPage('/p/no-such-dress')
    expect(en.title).toBe('Product not found · Shikposh')

    // A review posted to a product that has since gone is the same Persian 404.
    const { dress } = await persianDress()
    const shopper = await createUser()
    const { cookie } = await signIn(shopper.id)
    await prisma.product.update({
      where: { id: dress.id },
      data: { status: 'ARCHIVED', listed: false },
    })
    const gone = await renderPage(`/fa/p/${dress.slug}`, {
      cookie,
      form: { intent: 'review', rating: '4', title: 'Nice', body: 'Fits well, washes well.' },
    })
    expect(gone.status).toBe(404)
    expect(gone.title).toBe('محصول پیدا نشد · شیک‌پوش')
    expect(gone.html).toContain('این محصول در دسترس نیست.')
  })

  test('a review’s field errors and refusals are in Persian, at their field', async () => {
    const { dress } = await persianDress()
    const shopper = await createUser()
    const { cookie } = await signIn(shopper.id)
    const path = `/fa/p/${dress.slug}`

    const short = await renderPage(path, {
      cookie,
      form: { intent: 'review', rating: '4', title: 'x', body: 'Fits well and washes well.' },
    })
    expect(short.status).toBe(400)
    const titleInput = /<input[^>]*name="title"[^>]*>/.exec(short.html)![0]
    const errorId = /aria-describedby="([^"]+)"/.exec(titleInput)![1]!
    expect(textOf(short.html, `id="${errorId}"`)).toBe('دست‌کم ۳ نویسه بنویسید')
    // What was typed is kept.
    expect(short.html).toContain('Fits well and washes well.')
    expect(await prisma.review.count({ where: { productId: dress.id } })).toBe(0)

    // The eleventh write in an hour is refused, above the form, in Persian with Persian digits.
    const review = { intent: 'review', rating: '4', title: 'Nice', body: 'Fits well, washes well.' }
    for (let n = 0; n < 10; n++) {
      const saved = await renderPage(path, { cookie, form: review })
      expect(saved.location).toBe(path)
    }
    const refused = await renderPage(path, { cookie, form: review })
    expect(refused.status).toBe(429)
    const form = refused.html.slice(refused.html.indexOf('id="review-form"'))
    expect(form).toMatch(
      /این کار را بیش از حد انجام داده‌اید\. [۰-۹]+ دقیقهٔ دیگر دوباره امتحان کنید\./,
    )
  })
})
