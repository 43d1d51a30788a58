import { buffer } from 'node:stream/consumers'
import { prisma, type ImageFormat } from '~/infra/db.server.ts'
import { getStorage } from '~/infra/storage/storage.server.ts'
import { recordProductChanges } from '~/services/events/product-changes.server.ts'
import { IMMUTABLE, putAll, scheduleSweep, variantKey } from './assets.server.ts'
import {
  AVATAR_RECIPE,
  OUTPUT_CONTENT_TYPES,
  PRODUCT_RECIPE,
  RECIPE_VERSION,
  mediaPipelines,
  processImage,
  type OutputFormat,
} from './pipeline.server.ts'

// `npm run media:rebuild`: builds every image's variants again from its private original with
// the current recipe. New objects are written first, then one transaction swaps the variant
// rows; the rows it drops queue their objects' deletion (database triggers), so pages that
// still reference an old variant keep working until the swap and nothing is left behind.

const FORMAT_OF: Record<ImageFormat, OutputFormat> = { AVIF: 'avif', WEBP: 'webp', JPEG: 'jpeg' }
const ENUM_OF: Record<OutputFormat, ImageFormat> = { avif: 'AVIF', webp: 'WEBP', jpeg: 'JPEG' }

export type RebuildOptions = {
  /** Rebuild images already made with the current recipe too. */
  all?: boolean
  log?: (message: string) => void
}

export type RebuildResult = {
  rebuilt: number
  unchanged: number
  failed: Array<{ assetId: string; error: string }>
}

export async function rebuildMedia({
  all = false,
  log = () => {},
}: RebuildOptions = {}): Promise<RebuildResult> {
  const result: RebuildResult = { rebuilt: 0, unchanged: 0, failed: [] }
  const where = all ? {} : { recipe: { lt: RECIPE_VERSION } }
  const total = await prisma.mediaAsset.count({ where })
  log(
    `${total} image${total === 1 ? '' : 's'} to rebuild with recipe ${RECIPE_VERSION}${all ? ' (all)' : ''}`,
  )
  let cursor: string | undefined
  let done = 0
  for (;;) {
    const batch = await prisma.mediaAsset.findMany({
      where,
      orderBy: { id: 'asc' },
      take: 50,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true },
    })
    if (!batch.length) break
    cursor = batch.at(-1)!.id
    // A few at a time: the pipelines semaphore decides how many really run.
    await Promise.all(
      batch.map(async ({ id }) => {
        try {
          const changed = await rebuildAsset(id)
          if (changed) result.rebuilt++
          else result.unchanged++
        } catch (error) {
          result.failed.push({
            assetId: id,
            error: error instanceof Error ? error.message : String(error),
          })
        }
        done++
        if (done % 25 === 0 || done === total) log(`  ${done}/${total}`)
      }),
    )
  }
  return result
}

/** Rebuilds one asset's variants; returns whether any variant changed. */
export async function rebuildAsset(assetId: string): Promise<boolean> {
  const storage = getStorage()
  const asset = await prisma.mediaAsset.findUniqueOrThrow({
    where: { id: assetId },
    select: {
      id: true,
      kind: true,
      originalKey: true,
      variants: { select: { key: true } },
      productImage: { select: { productId: true } },
    },
  })
  const original = await storage.get(asset.originalKey)
  if (!original) throw new Error(`The original ${asset.originalKey} is missing from storage`)
  const bytes = await buffer(original.body)
  const recipe = asset.kind === 'AVATAR' ? AVATAR_RECIPE : PRODUCT_RECIPE
  const processed = await mediaPipelines().run(() => processImage(bytes, recipe))

  const variants = processed.variants.map((variant) => ({
    format: ENUM_OF[variant.format],
    width: variant.width,
    height: variant.height,
    key: variantKey(asset.id, variant.width, variant.format, variant.data),
    bytes: variant.data.length,
    data: variant.data,
  }))
  const existing = new Set(asset.variants.map((variant) => variant.key))
  const added = variants.filter((variant) => !existing.has(variant.key))
  const kept = new Set(variants.map((variant) => variant.key))
  const dropped = [...existing].filter((key) => !kept.has(key))

  if (added.length) {
    await scheduleSweep(prisma, [asset.id])
    await putAll(
      storage,
      added.map((variant) => ({
        key: variant.key,
        data: variant.data,
        contentType: OUTPUT_CONTENT_TYPES[FORMAT_OF[variant.format]],
        cacheControl: IMMUTABLE,
      })),
    )
  }
  await prisma.$transaction(async (tx) => {
    await tx.mediaVariant.deleteMany({ where: { assetId: asset.id, key: { in: dropped } } })
    if (added.length) {
      await tx.mediaVariant.createMany({
        data: added.map(({ format, width, height, key, bytes }) => ({
          assetId: asset.id,
          format,
          width,
          height,
          key,
          bytes,
        })),
      })
    }
    await tx.mediaAsset.update({
      where: { id: asset.id },
      data: {
        width: processed.width,
        height: processed.height,
        placeholder: processed.placeholder,
        recipe: RECIPE_VERSION,
      },
    })
    // A product's search document names its first photos' variant keys.
    if (asset.productImage && (added.length || dropped.length))
      await recordProductChanges(tx, [asset.productImage.productId])
  })
  return added.length > 0 || dropped.length > 0
}
