import { randomBytes } from 'node:crypto'
import { prisma } from '~/infra/db.server.ts'
import { createProduct } from '~/services/catalog/products.server.ts'
import type { ProductInput, VariantInput } from '~/services/catalog/schemas.ts'
import { openShop } from '~/services/catalog/shops.server.ts'
import { createCategory } from '~/services/catalog/category-admin.server.ts'
import { createBrand } from '~/services/catalog/brand-admin.server.ts'
import { createUser } from './fixtures.ts'

// Builders for catalog tests: a small shared vocabulary (created once per test file, whose
// database is its own), sellers with shops, and product inputs.

async function buildTaxonomy() {
  const clothing = await createCategory({ name: 'Clothing', slug: 'clothing' })
  const women = await createCategory({ name: 'Women', slug: 'women', parentId: clothing.id })
  const dresses = await createCategory({ name: 'Dresses', slug: 'dresses', parentId: women.id })
  const tops = await createCategory({ name: 'Tops', slug: 'tops', parentId: women.id })
  const shoes = await createCategory({ name: 'Shoes', slug: 'shoes' })
  const acme = await createBrand({ name: 'Acme', slug: 'acme' })
  const colorRows = await Promise.all(
    [
      ['Black', '#111111'],
      ['White', '#fafafa'],
      ['Red', '#c62828'],
    ].map(([name, hex], position) =>
      prisma.color.create({
        data: { name: name!, slug: name!.toLowerCase(), hex: hex!, position },
      }),
    ),
  )
  const letters = await prisma.sizeScale.create({
    data: {
      code: 'letters',
      name: 'Letter sizes',
      sizes: {
        create: ['XS', 'S', 'M', 'L', 'XL', 'XXL'].map((label, position) => ({ label, position })),
      },
    },
    include: { sizes: { orderBy: { position: 'asc' } } },
  })
  const eu = await prisma.sizeScale.create({
    data: {
      code: 'eu-shoes',
      name: 'EU shoe sizes',
      sizes: { create: ['38', '39', '40'].map((label, position) => ({ label, position })) },
    },
    include: { sizes: { orderBy: { position: 'asc' } } },
  })
  const size = (scale: typeof letters, label: string) =>
    scale.sizes.find((entry) => entry.label === label)!
  const [black, white, red] = colorRows as [
    (typeof colorRows)[number],
    (typeof colorRows)[number],
    (typeof colorRows)[number],
  ]
  return {
    categories: { clothing, women, dresses, tops, shoes },
    brands: { acme },
    colors: { black, white, red },
    letters: {
      id: letters.id,
      S: size(letters, 'S'),
      M: size(letters, 'M'),
      L: size(letters, 'L'),
      XL: size(letters, 'XL'),
    },
    eu: { id: eu.id, s38: size(eu, '38') },
  }
}

let taxonomy: ReturnType<typeof buildTaxonomy> | undefined
export type Taxonomy = Awaited<ReturnType<typeof buildTaxonomy>>

/** The test file's categories, brand, colours and size scales (made on first use). */
export function taxonomyFixture() {
  taxonomy ??= buildTaxonomy()
  return taxonomy
}

/** A user with an open shop (and so the SELLER role). */
export async function createSeller(label = 'seller') {
  const user = await createUser({ name: `Seller ${label}` })
  const shop = await openShop(user.id, {
    name: `Shop ${label}`,
    slug: `shop-${label}-${randomBytes(3).toString('hex')}`,
  })
  return { user, shop }
}

/** Two colours × three letter sizes, priced at 49.90 with a red L override; easy to tweak. */
export function productInput(t: Taxonomy, overrides: Partial<ProductInput> = {}): ProductInput {
  const tag = randomBytes(3).toString('hex').toUpperCase()
  const variants: VariantInput[] = []
  for (const color of [t.colors.black, t.colors.red]) {
    for (const size of [t.letters.S, t.letters.M, t.letters.L]) {
      variants.push({
        colorId: color.id,
        sizeId: size.id,
        sku: `T-${tag}-${color.slug}-${size.label}`,
        stock: 5,
        price: null,
      })
    }
  }
  return {
    title: 'Linen Midi Dress',
    description: 'Breezy.',
    categoryId: t.categories.dresses.id,
    brandId: t.brands.acme.id,
    sizeScaleId: t.letters.id,
    tags: ['linen', 'summer'],
    price: 4990,
    discountPercent: null,
    discountStartsAt: null,
    discountEndsAt: null,
    variants,
    ...overrides,
  }
}

/** A product of the seller, published unless told otherwise. */
export async function createListedProduct(
  ownerId: string,
  t: Taxonomy,
  overrides: Partial<ProductInput> = {},
  options: { publish?: boolean; now?: Date } = {},
) {
  return createProduct(ownerId, productInput(t, overrides), {
    publish: options.publish ?? true,
    now: options.now,
  })
}
