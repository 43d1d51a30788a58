import { expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { callApi } from '../../support/api.ts'
import { createUser } from '../../support/fixtures.ts'
import { createProduct, createSeller, createShop } from '../../support/shop-fixtures.ts'

// The public single things of /api/v1: a product by id or slug, its approved reviews, the open
// shops. Drafts and suspended shops are 404s, as on the pages.

test('a product by id or by slug with variants, prices and stock states; a draft is a 404', async () => {
  const { shop } = await createSeller()
  const product = await createProduct(shop.id, {
    price: 3000,
    variants: [
      { size: 'S', stock: 0 },
      { size: 'M', stock: 2 },
      { size: 'L', stock: 40, price: 2500 },
    ],
  })
  // A query key named like an Object method is just an unknown key (it once gave a 500).
  for (const key of [product.id, product.slug]) {
    const result = await callApi(`/api/v1/products/${key}?toString=add`, {})
    expect(result.status).toBe(200)
    expect(result.body).toMatchObject({
      id: product.id,
      slug: product.slug,
      shop: { slug: shop.slug },
      price: { effective: 2500 },
      variants: [
        { sku: product.variants[0]!.sku, stock: 'sold-out', price: { effective: 3000 } },
        { stock: 'low' },
        { stock: 'in-stock', price: { effective: 2500 } },
      ],
    })
  }
  const draft = await createProduct(shop.id, { status: 'DRAFT' })
  const hidden = await callApi(`/api/v1/products/${draft.id}`, {})
  expect(hidden.status).toBe(404)
})

test('a product’s approved reviews only, with the summary', async () => {
  const { shop } = await createSeller()
  const product = await createProduct(shop.id)
  const [ana, ben] = [await createUser({ name: 'Ana' }), await createUser({ name: 'Ben' })]
  await prisma.review.create({
    data: {
      productId: product.id,
      userId: ana.id,
      rating: 5,
      title: 'Lovely',
      body: 'Fits well.',
      status: 'APPROVED',
    },
  })
  await prisma.review.create({
    data: {
      productId: product.id,
      userId: ben.id,
      rating: 1,
      title: 'Waiting',
      body: 'Pending.',
      status: 'PENDING',
    },
  })
  await prisma.product.update({
    where: { id: product.id },
    data: { ratingCount: 1, ratingSum: 5, rating5: 1 },
  })
  const result = await callApi(`/api/v1/products/${product.slug}/reviews`, {})
  expect(result.status).toBe(200)
  expect(result.body).toMatchObject({
    items: [{ title: 'Lovely', author: 'Ana', rating: 5 }],
    next: null,
    summary: { count: 1, average: 5 },
  })
})

test('open shops by slug, paged by cursor with Link; a suspended shop is a 404', async () => {
  const open = [await createShop(), await createShop(), await createShop()]
  const suspended = await createShop({ status: 'SUSPENDED' })
  const seen: string[] = []
  let url: string | null = '/api/v1/shops?limit=1'
  while (url) {
    const page: Awaited<ReturnType<typeof callApi>> = await callApi(url)
    const body = page.body as { items: Array<{ slug: string }>; next: string | null }
    seen.push(...body.items.map((item) => item.slug))
    const link = page.headers.get('Link')
    expect(Boolean(link)).toBe(body.next !== null)
    url = link ? /^<([^>]+)>/.exec(link)![1]! : null
  }
  expect(seen).toEqual([...seen].sort())
  for (const shop of open) expect(seen).toContain(shop.slug)
  expect(seen).not.toContain(suspended.slug)
  const one = await callApi(`/api/v1/shops/${open[0]!.slug}`, {})
  expect(one.body).toMatchObject({ slug: open[0]!.slug, name: open[0]!.name })
  const gone = await callApi(`/api/v1/shops/${suspended.slug}`, {})
  expect(gone.status).toBe(404)
})
