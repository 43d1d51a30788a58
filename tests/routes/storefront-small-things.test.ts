import { describe, expect, test } from 'vitest'
import { getT } from '~/i18n/i18n.server.ts'
import { prisma } from '~/infra/db.server.ts'
import { loader as rootLoader } from '~/root.tsx'
import { loader as homeLoader } from '~/routes/($locale)._index/route.tsx'
import { loader as orderLoader } from '~/routes/($locale).orders.$number/route.tsx'
import { markDelivered, markShipped } from '~/services/orders/fulfilment.server.ts'
import { orderLabels } from '~/services/orders/labels.ts'
import { orderHeadline, paymentHeadline } from '~/services/orders/status.ts'
import { socialMeta } from '~/utils/seo.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { callRoute, routeRequest } from '../support/remix.ts'
import { createProduct, createSeller, placeTestOrder } from '../support/shop-fixtures.ts'

// Issue 17's small things, each as the page shows it.

type Viewer = { user: { name: string; newAccount: boolean } | null }

describe('the home page greets', () => {
  test('a brand-new account with "Welcome", an older one with "Welcome back"', async () => {
    const user = await createUser({ name: 'Nima New' })
    const { cookie } = await signIn(user.id)
    const root = async () =>
      (await callRoute(rootLoader, routeRequest('/', { cookie }))).data as Viewer
    expect((await root()).user).toMatchObject({ newAccount: true })
    const t = getT('en', 'shop')
    expect(t('home.welcome', { name: 'Nima New' })).toBe('Welcome, Nima New.')

    await prisma.user.update({
      where: { id: user.id },
      data: { createdAt: new Date(Date.now() - 3 * 24 * 60 * 60 * 1000) },
    })
    expect((await root()).user).toMatchObject({ newAccount: false })
  })
})

describe('an order with one parcel delivered and another being prepared', () => {
  test('says "Partly delivered" and, paid on delivery, "Partly paid on delivery"; all delivered: "Delivered", "Paid"', async () => {
    const shopper = await createUser({ name: 'Parisa Parcels' })
    const ana = await createSeller('Ana')
    const bo = await createSeller('Bo')
    const dress = await createProduct(ana.shop.id, {
      title: 'Linen dress',
      variants: [{ stock: 5 }],
    })
    const boots = await createProduct(bo.shop.id, {
      title: 'Ankle boots',
      variants: [{ stock: 5 }],
    })
    const placed = await placeTestOrder(shopper.id, [
      { variantId: dress.variants[0]!.id, quantity: 1 },
      { variantId: boots.variants[0]!.id, quantity: 1 },
    ])
    await markShipped(ana.user.id, placed.number, {
      carrier: 'dhl',
      trackingNumber: 'JD014600003828',
    })
    await markDelivered(ana.user.id, placed.number)
    const { cookie } = await signIn(shopper.id)
    const page = async (locale: 'en' | 'fa') => {
      const result = await callRoute(
        orderLoader,
        routeRequest(`${locale === 'fa' ? '/fa' : ''}/orders/${placed.number}`, { cookie }),
        { params: { number: placed.number, ...(locale === 'fa' ? { locale } : {}) } },
      )
      const { order, paysOnDelivery } = result.data as {
        order: {
          status: 'PARTIALLY_SHIPPED' | 'DELIVERED'
          paymentStatus: 'PENDING' | 'PAID'
          shipments: Array<{ status: 'PENDING' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED' }>
        }
        paysOnDelivery: boolean
      }
      const labels = orderLabels(getT(locale, 'orders'))
      return {
        heading: labels.orderStatus(orderHeadline(order.status, order.shipments)),
        payment: labels.paymentStatus(
          paymentHeadline(order.paymentStatus, { paysOnDelivery, shipments: order.shipments }),
        ),
      }
    }
    expect(await page('en')).toEqual({
      heading: 'Partly delivered',
      payment: 'Partly paid on delivery',
    })
    expect(await page('fa')).toEqual({
      heading: 'بخشی تحویل شده',
      payment: 'بخشی در محل پرداخت شده',
    })
    await markShipped(bo.user.id, placed.number, {
      carrier: 'ups',
      trackingNumber: '1Z999AA10123456784',
    })
    await markDelivered(bo.user.id, placed.number)
    expect(await page('en')).toEqual({ heading: 'Delivered', payment: 'Paid' })
  })

  test('"Partly shipped" stays for a parcel on its way while another is prepared', () => {
    expect(orderHeadline('PARTIALLY_SHIPPED', [{ status: 'SHIPPED' }, { status: 'PENDING' }])).toBe(
      'PARTIALLY_SHIPPED',
    )
    expect(
      paymentHeadline('PENDING', {
        paysOnDelivery: true,
        shipments: [{ status: 'SHIPPED' }, { status: 'PENDING' }],
      }),
    ).toBe('PENDING')
  })
})

describe('search engines and link previews', () => {
  test('a page with its own photo gets the large card; others the store picture, absolute', () => {
    const base = { siteName: 'Shikposh', locale: 'fa' as const, origin: 'https://shop.example' }
    const product = socialMeta({
      ...base,
      url: 'https://shop.example/fa/p/dress',
      page: { title: 'پیراهن', description: 'x', image: '/media/img/a.jpg', type: 'product' },
    })
    expect(product).toEqual(
      expect.arrayContaining([
        { property: 'og:image', content: 'https://shop.example/media/img/a.jpg' },
        { name: 'twitter:card', content: 'summary_large_image' },
        { property: 'og:locale', content: 'fa_IR' },
        { property: 'og:locale:alternate', content: 'en_US' },
        { property: 'og:type', content: 'product' },
      ]),
    )
    const plain = socialMeta({
      ...base,
      url: 'https://shop.example/fa',
      page: { title: 'a', description: 'b' },
    })
    expect(plain).toEqual(
      expect.arrayContaining([
        { property: 'og:image', content: 'https://shop.example/og-default.png' },
        { name: 'twitter:card', content: 'summary' },
        { property: 'og:type', content: 'website' },
      ]),
    )
  })

  test('the home page describes the store and its search box in JSON-LD, in the page’s language', async () => {
    const result = await callRoute(homeLoader, routeRequest('/fa'), { params: { locale: 'fa' } })
    const [organization, website] = (result.data as { jsonLd: Array<Record<string, unknown>> })
      .jsonLd
    expect(organization).toMatchObject({ '@type': 'Organization', name: 'Shikposh' })
    expect(website).toMatchObject({
      '@type': 'WebSite',
      inLanguage: 'fa',
      url: 'http://localhost:3000/fa',
      potentialAction: {
        '@type': 'SearchAction',
        target: { urlTemplate: 'http://localhost:3000/fa/search?q={search_term_string}' },
        'query-input': 'required name=search_term_string',
      },
    })
  })
})
