import { randomBytes } from 'node:crypto'
import { prisma } from '~/infra/db.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { derivePricing, isListed } from '~/services/catalog/derived.ts'
import { newCheckoutToken } from '~/services/orders/cart-owner.server.ts'
import type { AddressInput } from '~/services/orders/schemas.ts'
import { createUser } from './fixtures.ts'

// Builders for shops, products, variants, carts and addresses, written with Prisma directly
// (fast, and free to make states the forms would refuse), with the catalog's derived columns
// (listed, prices) filled as its services would, so the products show in the store. Shared by
// Vitest and Playwright.

const suffix = () => randomBytes(4).toString('hex')

const COLORS = [
  { name: 'Black', slug: 'black', hex: '#111111' },
  { name: 'Ivory', slug: 'ivory', hex: '#f4f0e6' },
  { name: 'Navy', slug: 'navy', hex: '#1e2a4a' },
  { name: 'Rose', slug: 'rose', hex: '#d4768f' },
]
const SIZES = ['XS', 'S', 'M', 'L', 'XL']

let basics:
  | Promise<{
      categoryId: string
      scaleId: string
      colors: Map<string, string>
      sizes: Map<string, string>
    }>
  | undefined

/** The category, size scale, colours and sizes products need (created once per database). */
export function catalogBasics() {
  basics ??= (async () => {
    const category = await prisma.category.upsert({
      where: { slug: 'test-dresses' },
      update: {},
      create: { name: 'Dresses', slug: 'test-dresses' },
    })
    const scale = await prisma.sizeScale.upsert({
      where: { code: 'test-letter' },
      update: {},
      create: { code: 'test-letter', name: 'Letter sizes' },
    })
    const sizes = new Map<string, string>()
    for (const [position, label] of SIZES.entries()) {
      const size = await prisma.size.upsert({
        where: { scaleId_label: { scaleId: scale.id, label } },
        update: {},
        create: { scaleId: scale.id, label, position },
      })
      sizes.set(label, size.id)
    }
    const colors = new Map<string, string>()
    for (const [position, color] of COLORS.entries()) {
      const row = await prisma.color.upsert({
        where: { slug: color.slug },
        update: {},
        create: { ...color, position },
      })
      colors.set(color.name, row.id)
    }
    return { categoryId: category.id, scaleId: scale.id, colors, sizes }
  })()
  return basics
}

export async function createShop(
  options: { ownerId?: string; name?: string; status?: 'ACTIVE' | 'SUSPENDED' } = {},
) {
  const ownerId =
    options.ownerId ?? (await createUser({ name: 'Shop Owner', roles: ['SHOPPER', 'SELLER'] })).id
  const name = options.name ?? `Atelier ${suffix()}`
  return prisma.shop.create({
    data: {
      ownerId,
      name,
      slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${suffix()}`,
      status: options.status ?? 'ACTIVE',
    },
  })
}

/** A seller (SELLER role) with their own shop. */
export async function createSeller(name = 'Sami Seller') {
  const user = await createUser({ name, roles: ['SHOPPER', 'SELLER'] })
  const shop = await createShop({ ownerId: user.id, name: `${name}'s shop` })
  return { user, shop }
}

export type VariantSpec = { color?: string; size?: string; stock?: number; price?: number | null }

export async function createProduct(
  shopId: string,
  options: {
    title?: string
    price?: number | null
    status?: 'DRAFT' | 'ACTIVE' | 'ARCHIVED'
    discountPercent?: number | null
    discountStartsAt?: Date | null
    discountEndsAt?: Date | null
    variants?: VariantSpec[]
  } = {},
) {
  const { categoryId, scaleId, colors, sizes } = await catalogBasics()
  const title = options.title ?? `Linen dress ${suffix()}`
  const specs = options.variants ?? [{}]
  const status = options.status ?? 'ACTIVE'
  const shop = await prisma.shop.findUniqueOrThrow({
    where: { id: shopId },
    select: { status: true },
  })
  const pricing = {
    price: options.price === undefined ? 4000 : options.price,
    discountPercent: options.discountPercent ?? null,
    discountStartsAt: options.discountStartsAt ?? null,
    discountEndsAt: options.discountEndsAt ?? null,
  }
  const product = await prisma.product.create({
    data: {
      ...derivePricing(
        pricing,
        specs.map((spec) => ({ price: spec.price ?? null })),
      ),
      listed: isListed(status, shop.status),
      shopId,
      title,
      slug: `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${suffix()}`,
      categoryId,
      sizeScaleId: scaleId,
      status,
      publishedAt: status === 'ACTIVE' ? new Date() : null,
      ...pricing,
      variants: {
        create: specs.map((spec, index) => ({
          colorId: colors.get(spec.color ?? 'Black')!,
          sizeId: sizes.get(spec.size ?? SIZES[index % SIZES.length]!)!,
          sku: `SKU-${suffix()}-${index}`.toUpperCase(),
          stock: spec.stock ?? 10,
          price: spec.price ?? null,
        })),
      },
    },
    include: { variants: { orderBy: { sku: 'asc' }, include: { color: true, size: true } } },
  })
  // Keep the variants in the order they were specified.
  product.variants.sort((a, b) => Number(a.sku.split('-').at(-1)) - Number(b.sku.split('-').at(-1)))
  return product
}

/** Puts a variant straight into a user's cart, as if they had added it (at `seenPrice`). */
export async function putInCart(
  userId: string,
  variantId: string,
  quantity: number,
  seenPrice: number,
) {
  const cart = await prisma.cart.upsert({
    where: { userId },
    update: { checkoutToken: newCheckoutToken() },
    create: { userId, checkoutToken: newCheckoutToken() },
  })
  await prisma.cartItem.upsert({
    where: { cartId_variantId: { cartId: cart.id, variantId } },
    update: { quantity, seenPrice },
    create: { cartId: cart.id, variantId, quantity, seenPrice },
  })
  return prisma.cart.findUniqueOrThrow({ where: { id: cart.id } })
}

export const SAMPLE_ADDRESS: AddressInput = {
  fullName: 'Shirin Shopper',
  line1: '12 Market Street',
  line2: 'Flat 3',
  city: 'Portland',
  region: 'OR',
  postalCode: '97205',
  country: 'US',
  phone: '+1 503 555 0100',
}

/** Puts the lines in the user's cart and checks out through the real service (pay on delivery, standard delivery). */
export async function placeTestOrder(
  userId: string,
  lines: Array<{ variantId: string; quantity: number }>,
  options: { now?: Date; paymentMethod?: string } = {},
) {
  const { getCart } = await import('~/services/orders/cart.server.ts')
  const { placeOrder } = await import('~/services/orders/checkout.server.ts')
  const { orderTotal } = await import('~/services/orders/shipping.ts')
  for (const line of lines) await putInCart(userId, line.variantId, line.quantity, 1)
  const cart = await getCart({ userId }, options.now)
  return placeOrder(
    userId,
    {
      idempotencyKey: cart.checkoutToken!,
      address: { kind: 'new', fields: SAMPLE_ADDRESS, save: false },
      shippingMethod: 'standard',
      paymentMethod: options.paymentMethod ?? 'pay-on-delivery',
      expectedTotal: orderTotal(cart.itemsTotal, 'standard', getEnv().STORE_CURRENCY),
    },
    options.now,
  )
}
