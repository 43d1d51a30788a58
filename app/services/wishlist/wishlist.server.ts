import { prisma, Prisma, type Tx } from '~/infra/db.server.ts'
import type { Locale } from '~/i18n/locales.ts'
import { localLabel, localName, localTitle } from '~/services/catalog/localized.ts'
import { lowestQuote, quote, type PriceQuote } from '~/services/catalog/pricing.ts'
import { getProductCards, type ProductCardData } from '~/services/catalog/storefront.server.ts'
import { addToCart } from '~/services/orders/cart.server.ts'
import type { CartOwner } from '~/services/orders/cart-owner.server.ts'
import { DomainError } from '~/utils/domain-error.ts'
import { guestTarget, type GuestSave } from './guest-saves.server.ts'
import { MAX_GUEST_SAVES, MAX_SAVES } from './schemas.ts'

// The wishlist: a shopper's saved products, or saved colours and sizes of them. An account's
// saves are rows (WishlistItem); a guest's are entries of a signed cookie (guest-saves.server.ts)
// and join the account at sign-in. Either way an item is named by its `target`: the variant's
// id when a colour and size were chosen, else the product's. Each save remembers the price of
// the moment, so the list can say the price dropped since.

/** Whose wishlist: an account's, or a guest's (the saves read from their cookie). */
export type WishlistOwner = { userId: string } | { guest: GuestSave[] }

export class WishlistError extends DomainError {
  override name = 'WishlistError'
}

const unavailable = () =>
  new WishlistError('not-found', 'product-unavailable', 'This item is not available any more.', {
    field: 'productId',
  })

const productSelect = {
  id: true,
  listed: true,
  price: true,
  discountPercent: true,
  discountStartsAt: true,
  discountEndsAt: true,
  variants: { select: { id: true, stock: true, price: true } },
} as const

/** What the product (or the variant of it) costs now; refuses what is not in the store. */
async function currentPrice(
  client: Pick<Tx, 'product'>,
  productId: string,
  variantId: string | null,
  now: Date,
) {
  const product = await client.product.findUnique({
    where: { id: productId },
    select: productSelect,
  })
  if (!product?.listed) throw unavailable()
  if (variantId === null) return lowestQuote(product, product.variants, now)?.effective ?? null
  const variant = product.variants.find((candidate) => candidate.id === variantId)
  if (!variant)
    throw new WishlistError('invalid', 'variant-unavailable', 'Choose a colour and size.', {
      field: 'variantId',
    })
  return quote(product, variant, now)?.effective ?? null
}

export type ToggleResult = { saved: boolean; guest: GuestSave[] | null }

/**
 * The heart. `want: 'save'` saves the product (or its colour and size) at today's price;
 * `want: 'remove'` takes it away. Both are idempotent, so a double click or two tabs agree.
 * A guest's answer carries the new list for their cookie.
 */
export async function toggleSave(
  owner: WishlistOwner,
  input: { productId: string; variantId?: string | null; want: 'save' | 'remove' },
  now: Date = new Date(),
): Promise<ToggleResult> {
  const variantId = input.variantId || null
  const target = variantId ?? input.productId
  if ('guest' in owner) {
    const others = owner.guest.filter((save) => guestTarget(save) !== target)
    if (input.want === 'remove') return { saved: false, guest: others }
    const savedPrice = await currentPrice(prisma, input.productId, variantId, now)
    const save: GuestSave = { p: input.productId, v: variantId, s: savedPrice, t: now.getTime() }
    // The oldest save makes room when the cookie is full.
    return { saved: true, guest: [save, ...others].slice(0, MAX_GUEST_SAVES) }
  }
  const { userId } = owner
  if (input.want === 'remove') {
    await prisma.wishlistItem.deleteMany({ where: { userId, target } })
    return { saved: false, guest: null }
  }
  await prisma.$transaction(async (tx) => {
    const savedPrice = await currentPrice(tx, input.productId, variantId, now)
    if ((await tx.wishlistItem.count({ where: { userId } })) >= MAX_SAVES)
      throw new WishlistError('conflict', 'wishlist-full', `At most ${MAX_SAVES} saved items.`, {
        field: 'productId',
      })
    await tx.wishlistItem.upsert({
      where: { userId_target: { userId, target } },
      create: {
        userId,
        target,
        productId: input.productId,
        variantId,
        savedPrice,
        alertPrice: savedPrice,
      },
      update: {},
    })
  })
  return { saved: true, guest: null }
}

/** What a signed-in shopper's or guest's hearts show: the saved targets (products and variants). */
/**
 * What a signed-in shopper saved, as one SQL expression (a JSON array of product ids and
 * targets), for the page header's query: the hearts on every page show them.
 */
export function savedTargetsSql(userId: string) {
  return Prisma.sql`(SELECT coalesce(json_agg(DISTINCT t), '[]'::json) FROM (
      SELECT unnest(ARRAY["productId", "target"]) AS t
      FROM (SELECT "productId", "target" FROM "WishlistItem" WHERE "userId" = ${userId} LIMIT ${MAX_SAVES}) s
    ) saved)`
}

export async function getSavedTargets(owner: WishlistOwner): Promise<string[]> {
  if ('guest' in owner) return owner.guest.flatMap((save) => [save.p, ...(save.v ? [save.v] : [])])
  const [row] = await prisma.$queryRaw<Array<{ saved: string[] }>>`
    SELECT ${savedTargetsSql(owner.userId)} AS saved`
  return row!.saved
}

/** Removes an item by its target; an item not there is not an error (a double click). */
export async function removeSave(owner: WishlistOwner, target: string): Promise<ToggleResult> {
  if ('guest' in owner)
    return { saved: false, guest: owner.guest.filter((save) => guestTarget(save) !== target) }
  await prisma.wishlistItem.deleteMany({ where: { userId: owner.userId, target } })
  return { saved: false, guest: null }
}

/**
 * "Move to cart": one of the saved colour and size goes in the cart (the cart's rules: stock,
 * limits) and leaves the wishlist. A saved product without a size cannot be moved: the page
 * links to the product instead.
 */
export async function moveToCart(
  owner: WishlistOwner,
  cartOwner: CartOwner,
  target: string,
  now: Date = new Date(),
): Promise<ToggleResult> {
  const variantId =
    'guest' in owner
      ? (owner.guest.find((save) => save.v === target)?.v ?? null)
      : ((
          await prisma.wishlistItem.findUnique({
            where: { userId_target: { userId: owner.userId, target } },
            select: { variantId: true },
          })
        )?.variantId ?? null)
  if (!variantId)
    throw new WishlistError('invalid', 'choose-size', 'Choose a colour and size first.', {
      field: 'itemId',
    })
  await addToCart(cartOwner, { variantId, quantity: 1 }, now)
  return removeSave(owner, target)
}

/** Switches the price-drop email of one saved item (accounts only: it needs an address). */
export async function setPriceAlert(userId: string, target: string, on: boolean) {
  const item = await prisma.wishlistItem.findUnique({
    where: { userId_target: { userId, target } },
    select: { id: true, productId: true, variantId: true },
  })
  if (!item)
    throw new WishlistError('not-found', 'not-saved', 'That item is not in your wishlist.', {
      field: 'itemId',
    })
  // The alert compares with today's price: switching it on after a drop does not re-announce it.
  const price = on
    ? await currentPrice(prisma, item.productId, item.variantId, new Date()).catch(() => null)
    : null
  await prisma.wishlistItem.update({
    where: { id: item.id },
    data: { priceAlert: on, ...(on ? { alertPrice: price } : {}) },
  })
}

export type MergeSavesResult = { added: number; kept: number }

/**
 * At sign-in: the guest's saves join the account's (a target saved on both sides keeps the
 * account's row and its older price); products gone from the store are dropped.
 */
export async function mergeGuestSaves(
  saves: GuestSave[],
  userId: string,
): Promise<MergeSavesResult> {
  const result: MergeSavesResult = { added: 0, kept: 0 }
  if (!saves.length) return result
  const listed = new Set(
    (
      await prisma.product.findMany({
        where: { id: { in: saves.map((save) => save.p) }, listed: true },
        select: { id: true },
      })
    ).map((row) => row.id),
  )
  const variants = new Set(
    (
      await prisma.variant.findMany({
        where: { id: { in: saves.flatMap((save) => (save.v ? [save.v] : [])) } },
        select: { id: true, productId: true },
      })
    ).map((row) => `${row.productId}/${row.id}`),
  )
  const rows = saves
    .filter((save) => listed.has(save.p) && (!save.v || variants.has(`${save.p}/${save.v}`)))
    .map((save) => ({
      userId,
      target: guestTarget(save),
      productId: save.p,
      variantId: save.v,
      savedPrice: save.s,
      alertPrice: save.s,
      createdAt: new Date(save.t),
    }))
  // ON CONFLICT DO NOTHING: what the account already holds wins, and two sign-ins at once agree.
  const { count } = await prisma.wishlistItem.createMany({ data: rows, skipDuplicates: true })
  result.added = count
  result.kept = saves.length - count
  return result
}

export type WishlistLine = {
  target: string
  productId: string
  variantId: string | null
  card: ProductCardData | null
  /** The product's title even when it left the store (card null). */
  title: string
  slug: string
  color: { name: string; hex: string } | null
  size: string | null
  /** Now: the variant's price, or the cheapest for a whole product. */
  price: PriceQuote | null
  savedPrice: number | null
  /** How much cheaper than when saved, or null. */
  drop: number | null
  /** The variant's stock, or the product's total. */
  stock: number
  available: boolean
  priceAlert: boolean
  savedAt: Date
}

/** The wishlist page: every saved item with its price now, stock and what changed since. */
export async function listWishlist(
  owner: WishlistOwner,
  locale: Locale,
  now: Date = new Date(),
): Promise<WishlistLine[]> {
  const items =
    'guest' in owner
      ? owner.guest.map((save) => ({
          target: guestTarget(save),
          productId: save.p,
          variantId: save.v,
          savedPrice: save.s,
          priceAlert: false,
          createdAt: new Date(save.t),
        }))
      : await prisma.wishlistItem.findMany({
          where: { userId: owner.userId },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: MAX_SAVES,
        })
  if (!items.length) return []
  const productIds = [...new Set(items.map((item) => item.productId))]
  const [products, cards] = await Promise.all([
    prisma.product.findMany({
      where: { id: { in: productIds } },
      select: {
        ...productSelect,
        slug: true,
        title: true,
        locale: true,
        translatedTitle: true,
        variants: {
          select: {
            id: true,
            stock: true,
            price: true,
            color: { select: { name: true, nameFa: true, hex: true } },
            size: { select: { label: true, labelFa: true } },
          },
        },
      },
    }),
    getProductCards(productIds, now, locale),
  ])
  const byId = new Map(products.map((product) => [product.id, product]))
  const cardById = new Map(cards.map((card) => [card.id, card]))
  return items.flatMap((item): WishlistLine[] => {
    const product = byId.get(item.productId)
    if (!product) return []
    const variant = item.variantId
      ? product.variants.find((candidate) => candidate.id === item.variantId)
      : null
    if (item.variantId && !variant) return []
    const price = variant
      ? quote(product, variant, now)
      : lowestQuote(product, product.variants, now)
    const stock = variant
      ? variant.stock
      : product.variants.reduce((sum, candidate) => sum + candidate.stock, 0)
    return [
      {
        target: item.target,
        productId: product.id,
        variantId: variant?.id ?? null,
        card: cardById.get(product.id) ?? null,
        title: localTitle(locale, product),
        slug: product.slug,
        color: variant ? { name: localName(locale, variant.color), hex: variant.color.hex } : null,
        size: variant ? localLabel(locale, variant.size) : null,
        price,
        savedPrice: item.savedPrice,
        drop:
          price && item.savedPrice !== null && price.effective < item.savedPrice
            ? item.savedPrice - price.effective
            : null,
        stock,
        available: product.listed,
        priceAlert: item.priceAlert,
        savedAt: item.createdAt,
      },
    ]
  })
}

/** For a seller's product list: how many shoppers saved each of these products. */
export async function countSaves(productIds: string[]): Promise<Map<string, number>> {
  if (!productIds.length) return new Map()
  const rows = await prisma.$queryRaw<Array<{ productId: string; shoppers: number }>>`
    SELECT "productId", count(DISTINCT "userId")::int AS shoppers
    FROM "WishlistItem" WHERE "productId" = ANY(${productIds}::text[])
    GROUP BY "productId"`
  return new Map(rows.map((row) => [row.productId, row.shoppers]))
}
