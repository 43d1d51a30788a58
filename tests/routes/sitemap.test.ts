import { describe, expect, test } from 'vitest'
import { getEnv } from '~/infra/env.server.ts'
import { loader as robotsLoader } from '~/routes/robots[.]txt.ts'
import { loader as indexLoader } from '~/routes/sitemap[.]xml.ts'
import { loader as fileLoader } from '~/routes/sitemaps.$file.ts'
import { changeProductStatus } from '~/services/catalog/product-status.server.ts'
import { suspendShop } from '~/services/catalog/shops.server.ts'
import { createListedProduct, createSeller, taxonomyFixture } from '../support/catalog.ts'
import { attachPhoto } from '../support/media.ts'
import { callRoute, routeRequest } from '../support/remix.ts'
import { prisma } from '~/infra/db.server.ts'

const file = (name: string) =>
  callRoute(fileLoader, routeRequest(`/sitemaps/${name}`), { params: { file: name } })

describe('sitemaps', () => {
  test('the index lists one file per section, absolute, and each file exists', async () => {
    const { status, headers, data } = await callRoute(indexLoader, routeRequest('/sitemap.xml'))
    expect(status).toBe(200)
    expect(headers.get('Content-Type')).toMatch(/^application\/xml/)
    const locations = [...String(data).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])
    const origin = getEnv().appUrl
    expect(locations).toEqual(
      ['products', 'categories', 'brands', 'shops'].map((s) => `${origin}/sitemaps/${s}-1.xml`),
    )
    for (const location of locations) {
      const name = location!.split('/').at(-1)!
      expect((await file(name)).status).toBe(200)
    }
  })

  test('a listed product appears in both languages with its photos; unlisted and suspended do not', async () => {
    const t = await taxonomyFixture()
    const { user, shop } = await createSeller()
    const listed = await createListedProduct(user.id, t, { title: 'Sitemap Linen Shirt' })
    await attachPhoto(listed.id, user.id)
    const draft = await createListedProduct(
      user.id,
      t,
      { title: 'Sitemap Draft' },
      { publish: false },
    )
    const other = await createSeller('suspended')
    const hidden = await createListedProduct(other.user.id, t, { title: 'Sitemap Hidden' })
    await suspendShop(other.shop.id, { reason: 'test' })

    const { data } = await file('products-1.xml')
    const xml = String(data)
    const origin = getEnv().appUrl
    const slug = (await prisma.product.findUniqueOrThrow({ where: { id: listed.id } })).slug
    expect(xml).toContain(`<loc>${origin}/p/${slug}</loc>`)
    expect(xml).toContain(`<loc>${origin}/fa/p/${slug}</loc>`)
    expect(xml).toContain(`hreflang="fa" href="${origin}/fa/p/${slug}"`)
    expect(xml).toContain(`hreflang="x-default" href="${origin}/p/${slug}"`)
    expect(xml).toMatch(
      new RegExp(
        `<loc>${origin}/p/${slug}</loc><lastmod>[^<]+</lastmod>.*<image:loc>[^<]+\\.jpg</image:loc>`,
      ),
    )
    for (const product of [draft, hidden]) {
      const row = await prisma.product.findUniqueOrThrow({ where: { id: product.id } })
      expect(xml).not.toContain(`/p/${row.slug}<`)
    }
    const shops = String((await file('shops-1.xml')).data)
    expect(shops).toContain(`/shops/${shop.slug}<`)
    expect(shops).not.toContain(`/shops/${other.shop.slug}<`)

    await changeProductStatus(user.id, listed.id, 'archive')
    expect(String((await file('products-1.xml')).data)).not.toContain(`/p/${slug}<`)
  })

  test('unknown and out-of-range files are 404s, not errors', async () => {
    for (const name of ['products-2.xml', 'users-1.xml', 'products-0.xml', 'x', '../etc.xml']) {
      expect((await file(name)).status).toBe(404)
    }
  })

  test('robots.txt keeps private areas out in every language and points at the sitemap', async () => {
    const { data } = await callRoute(robotsLoader, routeRequest('/robots.txt'))
    const text = String(data)
    expect(text).toContain('Disallow: /account')
    expect(text).toContain('Disallow: /fa/checkout')
    expect(text).toContain(`Sitemap: ${getEnv().appUrl}/sitemap.xml`)
  })
})
