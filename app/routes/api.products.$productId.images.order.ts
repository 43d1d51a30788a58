import type { ActionFunctionArgs } from '@remix-run/node'
import { readJsonBody } from '~/infra/uploads/json-body.server.ts'
import { reorderProductImages } from '~/services/media/product-images.server.ts'
import {
  mediaInputRefusal,
  mediaRefusalResponse,
  methodNotAllowed,
  requireApiUser,
} from '~/http/media.server.ts'
import { ReorderSchema } from '~/services/media/schemas.ts'

// PUT /api/products/:productId/images/order  { imageIds: string[] } (every current photo, in the new order)
//     -> 200 { images }; 409 when the ids are not exactly the current photos

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'PUT') return methodNotAllowed('Reorder with PUT.', 'PUT')
  const user = await requireApiUser(request)
  try {
    const parsed = ReorderSchema.safeParse(await readJsonBody(request))
    if (!parsed.success)
      return mediaInputRefusal('Send imageIds: the ids of every photo, in order.')
    return Response.json({
      images: await reorderProductImages(user.id, params.productId ?? '', parsed.data.imageIds),
    })
  } catch (error) {
    return mediaRefusalResponse(error)
  }
}
