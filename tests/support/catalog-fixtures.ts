import { randomBytes } from 'node:crypto'
import { prisma } from '~/infra/db.server.ts'
import { createUser, signIn } from './fixtures.ts'

// Catalog rows for tests of other domains, written with Prisma directly (the catalog's own
// services belong to another branch): a seller with a shop, and products in colours.

const suffix = () => randomBytes(4).toString('hex')

export async function createSeller(name = 'Sami Seller') {
  const user = await createUser({ name, roles: ['SHOPPER', 'SELLER'] })
  const slug = `shop-${suffix()}`
  const shop = await prisma.shop.create({
    data: { ownerId: user.id, name: `${name}'s shop`, slug },
  })
  const { cookie } = await signIn(user.id)
  return { user, shop, cookie }
}

export async function createColors(names: string[]) {
  return Promise.all(
    names.map((name, position) =>
      prisma.color.create({
        data: {
          name: `${name} ${suffix()}`,
          slug: `${name.toLowerCase()}-${suffix()}`,
          hex: '#' + randomBytes(3).toString('hex'),
          position,
        },
      }),
    ),
  )
}

/** A draft product in the shop with one variant per colour (one size). */
export async function createProduct(
  shopId: string,
  options: { title?: string; colorIds?: string[] } = {},
) {
  const tag = suffix()
  const category = await prisma.category.create({
    data: { name: `Dresses ${tag}`, slug: `dresses-${tag}` },
  })
  const scale = await prisma.sizeScale.create({
    data: {
      code: `one-${tag}`,
      name: 'One size',
      sizes: { create: [{ label: 'One size', position: 0 }] },
    },
    include: { sizes: true },
  })
  const colorIds = options.colorIds ?? (await createColors(['Red'])).map((color) => color.id)
  return prisma.product.create({
    data: {
      shopId,
      title: options.title ?? 'Linen summer dress',
      slug: `linen-summer-dress-${tag}`,
      categoryId: category.id,
      sizeScaleId: scale.id,
      price: 4900,
      variants: {
        create: colorIds.map((colorId, index) => ({
          colorId,
          sizeId: scale.sizes[0]!.id,
          sku: `SKU-${tag}-${index}`,
          stock: 3,
        })),
      },
    },
  })
}
