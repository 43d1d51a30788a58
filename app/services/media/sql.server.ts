import { z } from 'zod'
import { Prisma } from '~/infra/db.server.ts'
import { toImageView } from './assets.server.ts'
import type { ImageView, ProductImageView } from './views.ts'

// Images as JSON inside another domain's query, so a page that shows a product with its photos,
// or a user with their avatar, reads them in the same round trip (and in none when there are
// none to show). The shapes match IMAGE_ASSET_SELECT and PRODUCT_IMAGE_SELECT.

/** A JSON object of the asset with this id (null when there is none): size, placeholder, variants. */
export function imageAssetJson(assetId: Prisma.Sql) {
  return Prisma.sql`(
    SELECT json_build_object(
      'width', a.width, 'height', a.height, 'placeholder', a.placeholder,
      'variants', COALESCE((
        SELECT json_agg(json_build_object('format', v.format, 'width', v.width, 'key', v.key) ORDER BY v.width)
        FROM "MediaVariant" v WHERE v."assetId" = a.id), '[]'::json))
    FROM "MediaAsset" a WHERE a.id = ${assetId})`
}

const ImageAssetJsonSchema = z.object({
  width: z.number().int(),
  height: z.number().int(),
  placeholder: z.string(),
  variants: z.array(
    z.object({
      format: z.enum(['AVIF', 'WEBP', 'JPEG']),
      width: z.number().int(),
      key: z.string(),
    }),
  ),
})

/** The asset JSON of imageAssetJson as the view pages get (null stays null). */
export function parseImageAsset(value: unknown): ImageView | null {
  return value === null || value === undefined
    ? null
    : toImageView(ImageAssetJsonSchema.parse(value))
}

/**
 * A JSON array of the product's photos in the seller's order (`[]` when it has none), each with
 * its asset; `firstOnly` keeps the photos before that position (product cards show two).
 */
export function productImagesJson(
  productId: Prisma.Sql,
  { firstOnly }: { firstOnly?: number } = {},
) {
  const limit = firstOnly === undefined ? Prisma.empty : Prisma.sql`AND i.position < ${firstOnly}`
  return Prisma.sql`COALESCE((
    SELECT json_agg(json_build_object(
      'id', i.id, 'position', i.position, 'alt', i.alt, 'colorId', i."colorId",
      'asset', ${imageAssetJson(Prisma.sql`i."assetId"`)}) ORDER BY i.position)
    FROM "ProductImage" i WHERE i."productId" = ${productId} ${limit}), '[]'::json)`
}

const ProductImageJsonSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  alt: z.string(),
  colorId: z.string().nullable(),
  asset: ImageAssetJsonSchema,
})

/** The photos of productImagesJson as the storefront shows them. */
export function parseProductImages(value: unknown): ProductImageView[] {
  return z
    .array(ProductImageJsonSchema)
    .parse(value)
    .map(({ asset, ...image }) => ({ ...image, image: toImageView(asset) }))
}
