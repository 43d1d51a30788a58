// What pages receive about images: plain, serialisable data computed on the server (URLs,
// srcsets, sizes, placeholder), shared by loaders and components. No server code here.

/** Everything a <picture> needs to paint an image without layout shift. */
export type ImageView = {
  width: number
  height: number
  /** A tiny blurred image as a data: URL, shown until the real one arrives. */
  placeholder: string
  /** `url 320w, url 640w, …` per format; empty when the format has no variants. */
  srcSet: { avif: string; webp: string; jpeg: string }
  /** A JPEG for browsers that know no <picture> (and for og:image and emails). */
  src: string
}

/** A product photo as the editor and the storefront see it. */
export type ProductImageView = {
  id: string
  position: number
  alt: string
  /** The colour it shows; null when it applies to every colour. */
  colorId: string | null
  image: ImageView
}

/** A colour the seller can attach photos to (the product's variant colours). */
export type ImageColor = { id: string; name: string; hex: string }

/**
 * The product page gallery order for a picked colour: that colour's photos first, then the
 * photos for every colour, then the other colours' photos; seller order within each group.
 * With no colour picked, the seller's order.
 */
export function orderImagesForColor<T extends Pick<ProductImageView, 'colorId' | 'position'>>(
  images: T[],
  colorId: string | null | undefined,
): T[] {
  const sorted = [...images].sort((a, b) => a.position - b.position)
  if (!colorId) return sorted
  const rank = (image: T) => (image.colorId === colorId ? 0 : image.colorId === null ? 1 : 2)
  // Array.prototype.sort is stable, so the seller's order survives inside each group.
  return sorted.sort((a, b) => rank(a) - rank(b))
}

/** The photo a product card shows: the first for the colour when one is given. */
export function primaryImage<T extends Pick<ProductImageView, 'colorId' | 'position'>>(
  images: T[],
  colorId?: string | null,
): T | undefined {
  return orderImagesForColor(images, colorId)[0]
}

/** The key of a line's photo (listLinePhotos): the product in the line's colour. */
export const linePhotoKey = (productId: string | null, colorId: string | null) =>
  `${productId ?? ''}:${colorId ?? ''}`

/** Alt text for a product photo: the seller's, or a description built from the product. */
export function altFor(
  image: Pick<ProductImageView, 'alt'>,
  productTitle: string,
  index: number,
  total: number,
) {
  if (image.alt.trim()) return image.alt
  return total > 1 ? `${productTitle}, photo ${index + 1} of ${total}` : productTitle
}
