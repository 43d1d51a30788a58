import type { ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { validationText } from '~/i18n/i18n.server.ts'
import { readJsonBody } from '~/infra/uploads/json-body.server.ts'
import { deleteProductImage, updateProductImage } from '~/services/media/product-images.server.ts'
import {
  mediaInputRefusal,
  mediaRefusalResponse,
  methodNotAllowed,
  requireApiUser,
} from '~/http/media.server.ts'
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
        const say = (text: string) => validationText(request, text)
        const { fieldErrors } = z.flattenError(parsed.error, (issue) => say(issue.message))
        return mediaInputRefusal(
          say(parsed.error.issues[0]?.message ?? 'Invalid changes'),
          fieldErrors,
        )
      }
      return Response.json({
        image: await updateProductImage(user.id, productId, imageId, parsed.data),
      })
    }
    if (request.method === 'DELETE') {
      return Response.json({ images: await deleteProductImage(user.id, productId, imageId) })
    }
    return methodNotAllowed('Use PATCH or DELETE.', 'PATCH, DELETE')
  } catch (error) {
    return mediaRefusalResponse(error)
  }
}
