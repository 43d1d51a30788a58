import { z } from 'zod'
import { DomainError } from '~/utils/domain-error.ts'
import { readMultipart } from '~/infra/uploads/multipart.server.ts'
import { MAX_IMAGES_PER_PRODUCT } from '~/services/media/limits.ts'
import {
  PRODUCT_UPLOAD_LIMITS,
  addProductImages,
  deleteProductImage,
  listProductImages,
  reorderProductImages,
  updateProductImage,
} from '~/services/media/product-images.server.ts'
import { ImageChangesSchema, ReorderSchema } from '~/services/media/schemas.ts'
import type { ProductImageView } from '~/services/media/views.ts'
import { defineEndpoint, englishText } from '../endpoint.server.ts'
import { IdParamSchema } from '../schemas.ts'

// A seller's product photos, through the photo editor's service: upload (each file checked and
// turned into every variant), order, colour and alt text, deletion.

const ProductImageSchema = z
  .object({
    id: z.string(),
    position: z.number().int().meta({ description: 'From 0; the first is the product’s cover' }),
    alt: z.string(),
    colorId: z
      .string()
      .nullable()
      .meta({ description: 'The colour it shows; null for every colour' }),
    width: z.number().int(),
    height: z.number().int(),
    src: z.string().meta({ description: 'A JPEG of it' }),
    srcSet: z.object({ avif: z.string(), webp: z.string(), jpeg: z.string() }),
  })
  .meta({ id: 'ProductImage' })

const ProductImagesSchema = z
  .object({ images: z.array(ProductImageSchema) })
  .meta({ id: 'ProductImages' })

function imageJson(view: ProductImageView): z.infer<typeof ProductImageSchema> {
  return {
    id: view.id,
    position: view.position,
    alt: view.alt,
    colorId: view.colorId,
    width: view.image.width,
    height: view.image.height,
    src: view.image.src,
    srcSet: view.image.srcSet,
  }
}

const imagesJson = (views: ProductImageView[]) => ({ images: views.map(imageJson) })

const ImageParams = IdParamSchema.extend({
  imageId: z.string().min(1).max(64).meta({ description: 'The photo’s id' }),
})

const UploadFormSchema = z.object({
  file: z.array(z.string().meta({ format: 'binary' })).meta({
    description: `One or more photos (JPEG, PNG, WebP, AVIF or HEIC), each up to the size the account page's photo editor states; at most ${MAX_IMAGES_PER_PRODUCT} photos per product`,
  }),
})

const UploadedImagesSchema = z
  .object({
    results: z.array(
      z.object({
        file: z.string().meta({ description: 'The file’s name as sent' }),
        ok: z.boolean(),
        imageId: z.string().optional().meta({ description: 'The new photo, when it was added' }),
        code: z.string().optional().meta({ description: 'Why it was refused, when it was' }),
        message: z.string().optional(),
      }),
    ),
    images: z.array(ProductImageSchema),
  })
  .meta({ id: 'UploadedImages' })

export const uploadShopProductImages = defineEndpoint({
  method: 'post',
  path: '/shop/products/{id}/images',
  operationId: 'uploadShopProductImages',
  summary: 'Add photos to one of your products, after its current ones',
  description:
    'multipart/form-data with one or more `file` fields. Each photo is checked and turned into AVIF, WebP and JPEG at every width; a file that is not an acceptable photo is refused on its own (its result says why) while the others are added, and when none is added the answer is a 422 naming each file. A body past the limits (413) or more photos than a product may have (409) adds nothing.',
  tags: ['Seller'],
  access: 'shop:write',
  params: IdParamSchema,
  upload: UploadFormSchema,
  idempotent: true,
  response: {
    status: 201,
    description: 'At least one photo added: each file’s result, and the product’s photos',
    schema: UploadedImagesSchema,
  },
  errors: [404, 409, 503],
  async handle({ caller, params, request }) {
    const outcome = await addProductImages(
      caller.user.id,
      params.id,
      readMultipart(request, PRODUCT_UPLOAD_LIMITS),
    )
    const results = outcome.results.map((result) =>
      result.ok
        ? { file: result.file, ok: true, imageId: result.image.id }
        : { file: result.file, ok: false, code: result.code, message: englishText(result.message) },
    )
    if (!results.some((result) => result.ok))
      throw new DomainError(
        'invalid',
        'no-photo-added',
        results.length ? 'No photo was added.' : 'Send at least one photo as a `file` field.',
        {
          fieldErrors: Object.fromEntries(
            results.length
              ? results.map((result, index) => [
                  `file.${index}`,
                  [`${result.file}: ${result.message ?? ''}`],
                ])
              : [['file', ['Send at least one photo']]],
          ),
        },
      )
    return { status: 201, body: { results, images: outcome.images.map(imageJson) } }
  },
})

export const listShopProductImages = defineEndpoint({
  method: 'get',
  path: '/shop/products/{id}/images',
  operationId: 'listShopProductImages',
  summary: 'One of your products’ photos, in order',
  description:
    'Photos are added by `POST` to this path (multipart); here they are listed, ordered, given a colour and alt text, and deleted.',
  tags: ['Seller'],
  access: 'shop:read',
  params: IdParamSchema,
  response: { status: 200, description: 'The photos', schema: ProductImagesSchema },
  errors: [404],
  async handle({ caller, params }) {
    return { body: imagesJson(await listProductImages(caller.user.id, params.id)) }
  },
})

export const reorderShopProductImages = defineEndpoint({
  method: 'put',
  path: '/shop/products/{id}/images/order',
  operationId: 'reorderShopProductImages',
  summary: 'Put a product’s photos in this order (every photo’s id, once)',
  tags: ['Seller'],
  access: 'shop:write',
  params: IdParamSchema,
  body: ReorderSchema,
  response: {
    status: 200,
    description: 'The photos in their new order',
    schema: ProductImagesSchema,
  },
  errors: [404, 409],
  async handle({ caller, params, body }) {
    return {
      body: imagesJson(await reorderProductImages(caller.user.id, params.id, body.imageIds)),
    }
  },
})

export const updateShopProductImage = defineEndpoint({
  method: 'patch',
  path: '/shop/products/{id}/images/{imageId}',
  operationId: 'updateShopProductImage',
  summary: 'Set a photo’s alt text and/or the colour it shows',
  tags: ['Seller'],
  access: 'shop:write',
  params: ImageParams,
  body: ImageChangesSchema,
  response: { status: 200, description: 'The photo', schema: ProductImageSchema },
  errors: [404],
  async handle({ caller, params, body }) {
    return {
      body: imageJson(await updateProductImage(caller.user.id, params.id, params.imageId, body)),
    }
  },
})

export const deleteShopProductImage = defineEndpoint({
  method: 'delete',
  path: '/shop/products/{id}/images/{imageId}',
  operationId: 'deleteShopProductImage',
  summary: 'Delete a photo',
  tags: ['Seller'],
  access: 'shop:write',
  params: ImageParams,
  response: { status: 200, description: 'The remaining photos', schema: ProductImagesSchema },
  errors: [404],
  async handle({ caller, params }) {
    return {
      body: imagesJson(await deleteProductImage(caller.user.id, params.id, params.imageId)),
    }
  },
})
