import { recordCartAdd } from '~/services/analytics/counters.server.ts'
import { prisma, Prisma, type Tx } from '~/infra/db.server.ts'
import type { Locale } from '~/i18n/locales.ts'
import { localLabel, localName, localTitle } from '~/services/catalog/localized.ts'
import { quote } from '~/services/catalog/pricing.ts'
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from './schemas.ts'
import {
  type CartOwner,
  getCartOwner,
  lockCart,
  ownerWhere,
  touchCart,
} from './cart-owner.server.ts'
import {
  CartError,
  CartFullError,
  CartLineNotFoundError,
  NotEnoughStockError,
  QuantityLimitError,
  VariantUnavailableError,
} from './cart-errors.server.ts'

// Carts live in the database. A signed-in shopper's cart is found by their user id; a guest's by
// a random token in a signed cookie (only its SHA-256 is stored, like sessions). On sign-in the
// guest cart is merged into the user's (mergeGuestCart). Every change to a cart's contents takes
// the cart row's lock first, so concurrent changes to one cart (a double click, two tabs) apply
// one after the other, and gives the cart a new checkoutToken, which is the checkout form's
// idempotency key.

// ---------------------------------------------------------------- reading

const lineInclude = {
  variant: {
    select: {
      id: true,
      sku: true,
      stock: true,
      price: true,
      color: { select: { id: true, name: true, nameFa: true, hex: true } },
      size: { select: { label: true, labelFa: true } },
      product: {
        select: {
          id: true,
          title: true,
          locale: true,
          translatedTitle: true,
          slug: true,
          status: true,
          price: true,
          discountPercent: true,
          discountStartsAt: true,
          discountEndsAt: true,
          shop: { select: { id: true, name: true, slug: true, status: true } },
        },
      },
    },
  },
} satisfies Prisma.CartItemInclude

type LoadedItem = Prisma.CartItemGetPayload<{ include: typeof lineInclude }>

export type CartLineProblem =
  /** Unpublished, archived, the shop suspended, or no price: it cannot be bought. */
  { kind: 'unavailable' } | { kind: 'sold-out' } | { kind: 'not-enough'; available: number }

export type CartLine = {
  variantId: string
  productId: string
  title: string
  slug: string
  sku: string
  colorId: string
  colorName: string
  colorHex: string
  sizeLabel: string
  shopId: string
  shopName: string
  shopSlug: string
  quantity: number
  stock: number
  /** Unit prices now; null when the item has no price (then it is unavailable). */
  regularPrice: number | null
  unitPrice: number | null
  onSale: boolean
  percentOff: number | null
  lineTotal: number
  /** The unit price when the shopper added it (or last saw it in the cart). */
  seenPrice: number
  priceChange: null | { direction: 'cheaper' | 'dearer'; from: number; to: number }
  problem: CartLineProblem | null
}

export type CartView = {
  id: string | null
  checkoutToken: string | null
  /** The promo code applied to the cart (app/services/promos), checked again wherever it is used. */
  promoCode: string | null
  lines: CartLine[]
  /** Units across all lines. */
  itemCount: number
  /** What the buyable lines cost now, before and after discounts. */
  itemsRegular: number
  itemsTotal: number
  hasProblems: boolean
  hasPriceChanges: boolean
  canCheckout: boolean
}

function toLine(item: LoadedItem, now: Date, locale: Locale): CartLine {
  const { variant } = item
  const { product } = variant
  const price = quote(product, variant, now)
  const buyable = product.status === 'ACTIVE' && product.shop.status === 'ACTIVE' && price !== null
  const problem: CartLineProblem | null = !buyable
    ? { kind: 'unavailable' }
    : variant.stock === 0
      ? { kind: 'sold-out' }
      : variant.stock < item.quantity
        ? { kind: 'not-enough', available: variant.stock }
        : null
  const unitPrice = price?.effective ?? null
  const priceChange =
    buyable && unitPrice !== null && unitPrice !== item.seenPrice
      ? {
          direction: unitPrice < item.seenPrice ? ('cheaper' as const) : ('dearer' as const),
          from: item.seenPrice,
          to: unitPrice,
        }
      : null
  return {
    variantId: variant.id,
    productId: product.id,
    title: localTitle(locale, product),
    slug: product.slug,
    sku: variant.sku,
    colorId: variant.color.id,
    colorName: localName(locale, variant.color),
    colorHex: variant.color.hex,
    sizeLabel: localLabel(locale, variant.size),
    shopId: product.shop.id,
    shopName: product.shop.name,
    shopSlug: product.shop.slug,
    quantity: item.quantity,
    stock: variant.stock,
    regularPrice: price?.regular ?? null,
    unitPrice,
    onSale: price?.onSale ?? false,
    percentOff: price?.percentOff ?? null,
    lineTotal: buyable && unitPrice !== null ? unitPrice * item.quantity : 0,
    seenPrice: item.seenPrice,
    priceChange,
    problem,
  }
}

export function summarize(
  id: string | null,
  checkoutToken: string | null,
  lines: CartLine[],
  promoCode: string | null = null,
): CartView {
  const buyable = lines.filter((line) => line.problem?.kind !== 'unavailable')
  const hasProblems = lines.some((line) => line.problem !== null)
  return {
    id,
    checkoutToken,
    promoCode,
    lines,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    itemsRegular: buyable.reduce((sum, line) => sum + (line.regularPrice ?? 0) * line.quantity, 0),
    itemsTotal: buyable.reduce((sum, line) => sum + line.lineTotal, 0),
    hasProblems,
    hasPriceChanges: lines.some((line) => line.priceChange !== null),
    canCheckout: lines.length > 0 && !hasProblems,
  }
}

const EMPTY_CART: CartView = summarize(null, null, [])

/** The cart with current prices, discounts, stock and what changed since the shopper added each item. */
export async function getCart(
  owner: CartOwner | null,
  now: Date = new Date(),
  locale: Locale = 'en',
): Promise<CartView> {
  if (!owner) return EMPTY_CART
  return readCart(prisma, ownerWhere(owner), now, locale)
}

/**
 * Reads a cart through `db` (a transaction when the caller holds its lock), with titles and
 * names in `locale` (orders keep the product's own text: checkout reads it in English first).
 */
export async function readCart(
  db: Tx | typeof prisma,
  where: Prisma.CartWhereUniqueInput,
  now: Date,
  locale: Locale = 'en',
): Promise<CartView> {
  const cart = await db.cart.findUnique({
    where,
    select: {
      id: true,
      checkoutToken: true,
      promoCode: true,
      items: { include: lineInclude, orderBy: { createdAt: 'asc' } },
    },
  })
  if (!cart) return EMPTY_CART
  return summarize(
    cart.id,
    cart.checkoutToken,
    // Prisma reads the items and their variants in separate queries: a variant the seller deleted
    // in between (its cart items go with it) comes back null. That line is gone, not broken.
    cart.items.flatMap((item) =>
      (item.variant as LoadedItem['variant'] | null) ? [toLine(item, now, locale)] : [],
    ),
    cart.promoCode,
  )
}

/** How many units are in the request's cart, for the header. */
/** How many items are in the owner's cart, as one SQL expression (for the page header's query). */
export function cartCountSql(owner: CartOwner) {
  const where = ownerWhere(owner)
  const cart =
    'userId' in where
      ? Prisma.sql`c."userId" = ${where.userId}`
      : Prisma.sql`c."tokenHash" = ${where.tokenHash}`
  return Prisma.sql`(SELECT coalesce(sum(i."quantity"), 0)::int
    FROM "CartItem" i JOIN "Cart" c ON c."id" = i."cartId" WHERE ${cart})`
}

/** The header's cart figure for this request's cart (a guest's, or none). */
export async function getCartCount(request: Request): Promise<number> {
  const owner = await getCartOwner(request)
  if (!owner) return 0
  const [row] = await prisma.$queryRaw<Array<{ count: number }>>`
    SELECT ${cartCountSql(owner)} AS count`
  return row!.count
}

// ---------------------------------------------------------------- changing

async function findBuyableVariant(tx: Tx, variantId: string, now: Date) {
  const variant = await tx.variant.findUnique({
    where: { id: variantId },
    select: {
      id: true,
      stock: true,
      price: true,
      product: {
        select: {
          status: true,
          price: true,
          discountPercent: true,
          discountStartsAt: true,
          discountEndsAt: true,
          shop: { select: { status: true } },
        },
      },
    },
  })
  if (!variant || variant.product.status !== 'ACTIVE' || variant.product.shop.status !== 'ACTIVE')
    throw new VariantUnavailableError()
  const price = quote(variant.product, variant, now)
  if (!price) throw new VariantUnavailableError()
  return { stock: variant.stock, unitPrice: price.effective }
}

/**
 * Puts `quantity` more of a variant in the owner's cart (creating the cart if needed). Refuses,
 * changing nothing, when the variant cannot be bought, when the cart would hold more than the
 * stock or more than MAX_LINE_QUANTITY of it, or when the cart is full.
 * Returns the variant's quantity in the cart and the cart's unit count afterwards.
 */
export async function addToCart(
  owner: CartOwner,
  input: { variantId: string; quantity: number },
  now: Date = new Date(),
): Promise<{ quantity: number; itemCount: number }> {
  if (!Number.isInteger(input.quantity) || input.quantity < 1)
    throw new CartError('Enter a quantity of at least 1.', 'quantity')
  return prisma.$transaction(async (tx) => {
    const variant = await findBuyableVariant(tx, input.variantId, now)
    const cart = (await lockCart(tx, owner, { create: true }))!
    const existing = await tx.cartItem.findUnique({
      where: { cartId_variantId: { cartId: cart.id, variantId: input.variantId } },
    })
    const inCart = existing?.quantity ?? 0
    const quantity = inCart + input.quantity
    if (quantity > MAX_LINE_QUANTITY) throw new QuantityLimitError(inCart)
    if (quantity > variant.stock) throw new NotEnoughStockError(variant.stock, inCart)
    if (!existing && (await tx.cartItem.count({ where: { cartId: cart.id } })) >= MAX_CART_LINES)
      throw new CartFullError()
    await tx.cartItem.upsert({
      where: { cartId_variantId: { cartId: cart.id, variantId: input.variantId } },
      create: {
        cartId: cart.id,
        variantId: input.variantId,
        quantity,
        seenPrice: variant.unitPrice,
      },
      update: { quantity, seenPrice: variant.unitPrice },
    })
    await touchCart(tx, cart.id)
    await recordCartAdd(tx, input.variantId, now)
    const { _sum } = await tx.cartItem.aggregate({
      where: { cartId: cart.id },
      _sum: { quantity: true },
    })
    return { quantity, itemCount: _sum.quantity ?? 0 }
  })
}

/**
 * Sets a line's quantity. Lowering is always allowed (so a shopper can fix a line whose stock
 * fell); raising it beyond the stock is refused. The line's seen price becomes the current one:
 * the cart page showed it.
 */
export async function updateCartLine(
  owner: CartOwner,
  input: { variantId: string; quantity: number },
  now: Date = new Date(),
) {
  if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > MAX_LINE_QUANTITY)
    throw new QuantityLimitError(0)
  await prisma.$transaction(async (tx) => {
    const cart = await lockCart(tx, owner, { create: false })
    const item =
      cart &&
      (await tx.cartItem.findUnique({
        where: { cartId_variantId: { cartId: cart.id, variantId: input.variantId } },
      }))
    if (!cart || !item) throw new CartLineNotFoundError()
    if (input.quantity === item.quantity) return
    const variant = await findBuyableVariant(tx, input.variantId, now)
    if (input.quantity > item.quantity && input.quantity > variant.stock)
      throw new NotEnoughStockError(variant.stock, 0)
    await tx.cartItem.update({
      where: { id: item.id },
      data: { quantity: input.quantity, seenPrice: variant.unitPrice },
    })
    await touchCart(tx, cart.id)
  })
}

/** Takes a line out of the cart; a line that is not there is not an error (a double click). */
export async function removeCartLine(owner: CartOwner, variantId: string) {
  await prisma.$transaction(async (tx) => {
    const cart = await lockCart(tx, owner, { create: false })
    if (!cart) return
    const { count } = await tx.cartItem.deleteMany({ where: { cartId: cart.id, variantId } })
    if (count) await touchCart(tx, cart.id)
  })
}

/** The shopper has seen the new prices: they become the prices the notices compare against. */
export async function acknowledgePriceChanges(owner: CartOwner, now: Date = new Date()) {
  await prisma.$transaction(async (tx) => {
    const cart = await lockCart(tx, owner, { create: false })
    if (!cart) return
    const view = await readCart(tx, { id: cart.id }, now)
    const changed = view.lines.filter((line) => line.priceChange)
    for (const line of changed) {
      await tx.cartItem.update({
        where: { cartId_variantId: { cartId: cart.id, variantId: line.variantId } },
        data: { seenPrice: line.priceChange!.to },
      })
    }
    if (changed.length) await touchCart(tx, cart.id)
  })
}
