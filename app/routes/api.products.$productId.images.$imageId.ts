import type { ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { readJsonBody } from '~/infra/uploads/json-body.server.ts'
import { deleteProductImage, updateProductImage } from '~/services/media/product-images.server.ts'
import {
  errorResponse,
  mediaErrorResponse,
  requireApiUser,
} from '~/services/media/responses.server.ts'
import { ImageChangesSchema } from '~/services/media/schemas.ts'

// One product photo.
// PATCH  /api/products/:productId/images/:imageId  { alt?: string, colorId?: string | null } -> 200 { image }
// DELETE /api/products/:productId/images/:imageId  -> 200 { images } (the product's remaining photos)

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireApiUser(request)
  const productId = params.productId ?? ''
  const imageId = params.imageId ?? ''
  try {
    if (request.method === 'PATCH') {
      const parsed = ImageChangesSchema.safeParse(await readJsonBody(request))
      if (!parsed.success) {
        const { fieldErrors: fields } = z.flattenError(parsed.error)
        return errorResponse(400, {
          code: 'invalid',
          message: parsed.error.issues[0]?.message ?? 'Invalid changes',
          fields,
        })
      }
      return Response.json({
        image: await updateProductImage(user.id, productId, imageId, parsed.data),
      })
    }
    if (request.method === 'DELETE') {
      return Response.json({ images: await deleteProductImage(user.id, productId, imageId) })
    }
    return errorResponse(
      405,
      { code: 'method-not-allowed', message: 'Use PATCH or DELETE.' },
      { Allow: 'PATCH, DELETE' },
    )
  } catch (error) {
    const response = mediaErrorResponse(error)
    if (response) return response
    throw error
  }
}
