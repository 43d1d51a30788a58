import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { readMultipart } from '~/infra/uploads/multipart.server.ts'
import {
  PRODUCT_UPLOAD_LIMITS,
  addProductImages,
  listProductImages,
} from '~/services/media/product-images.server.ts'
import {
  mediaRefusalResponse,
  methodNotAllowed,
  requireApiUser,
  uploadOutcomeResponse,
} from '~/http/media.server.ts'

// The product photos API, for the seller's images editor.
// GET  /api/products/:productId/images  -> 200 { images }
// POST /api/products/:productId/images  (multipart/form-data, any number of file fields up to the limits)
//      -> 201 { results, images } every file added; 207 some added; 4xx none added or the request refused: { error }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApiUser(request)
  try {
    return Response.json(
      { images: await listProductImages(user.id, params.productId ?? '') },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  } catch (error) {
    return mediaRefusalResponse(error)
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed('Upload photos with POST.', 'GET, POST')
  const user = await requireApiUser(request)
  try {
    const outcome = await addProductImages(
      user.id,
      params.productId ?? '',
      readMultipart(request, PRODUCT_UPLOAD_LIMITS),
    )
    return uploadOutcomeResponse(outcome)
  } catch (error) {
    return mediaRefusalResponse(error, { upload: true })
  }
}
