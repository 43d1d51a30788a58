import { LOW_STOCK_THRESHOLD } from './limits.ts'

// Which colour, size and variant a product page shows, from ?color=<slug>&size=<label>; the
// same on the server and in the browser, so the page works without JavaScript.

type Color = { id: string; slug: string; name: string; hex: string }
type Size = { id: string; label: string }
type Variant = { id: string; colorId: string; sizeId: string; stock: number }

export type SizeState<S, V> = {
  size: S
  variant: V | null
  state: 'available' | 'sold-out' | 'unavailable'
}

export function selectVariant<C extends Color, S extends Size, V extends Variant>(
  offer: { colors: C[]; sizes: S[]; variants: V[] },
  params: { color?: string | null; size?: string | null },
) {
  const stockOf = (colorId: string) =>
    offer.variants
      .filter((variant) => variant.colorId === colorId)
      .reduce((sum, variant) => sum + variant.stock, 0)
  const colors = offer.colors.map((color) => ({ color, soldOut: stockOf(color.id) === 0 }))
  const color =
    offer.colors.find((candidate) => candidate.slug === params.color) ??
    colors.find((entry) => !entry.soldOut)?.color ??
    offer.colors[0] ??
    null
  const sizes: Array<SizeState<S, V>> = offer.sizes.map((size) => {
    const variant = color
      ? (offer.variants.find(
          (candidate) => candidate.colorId === color.id && candidate.sizeId === size.id,
        ) ?? null)
      : null
    return {
      size,
      variant,
      state: !variant ? 'unavailable' : variant.stock > 0 ? 'available' : 'sold-out',
    }
  })
  // A single size (one size) needs no choosing.
  const size =
    offer.sizes.find((candidate) => candidate.label === params.size) ??
    (offer.sizes.length === 1 ? offer.sizes[0]! : null)
  const variant = size ? (sizes.find((entry) => entry.size.id === size.id)?.variant ?? null) : null
  return { color, size, variant, colors, sizes }
}

/**
 * What the product page says about stock ("In stock", "Only 2 left", "Out of stock", or for no
 * chosen size a summary): `state` names the message (its key under `product.stock` in the
 * shop catalogue), `count` is the stock left when it is low.
 */
export function stockMessage(
  variant: { stock: number } | null,
  anyInStock: boolean,
): {
  state: 'chooseSize' | 'soldOut' | 'out' | 'low' | 'in'
  count: number
  tone: 'ok' | 'low' | 'out'
} {
  if (!variant)
    return anyInStock
      ? { state: 'chooseSize', count: 0, tone: 'ok' }
      : { state: 'soldOut', count: 0, tone: 'out' }
  if (variant.stock <= 0) return { state: 'out', count: 0, tone: 'out' }
  if (variant.stock <= LOW_STOCK_THRESHOLD)
    return { state: 'low', count: variant.stock, tone: 'low' }
  return { state: 'in', count: variant.stock, tone: 'ok' }
}
