import type { LoaderFunctionArgs } from '@remix-run/node'
import { logger } from '~/infra/logger.server.ts'
import { recordProductView } from '~/services/analytics/counters.server.ts'

// The product page's view beacon: a 1×1 image the page asks for once per view, so a view is
// counted even when the page itself came from the page cache or a CDN, and without JavaScript.
// Never stored by anyone (no-store), never an error for the page: it always answers the image.

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const productId = params.productId ?? ''
  // Prefetches and previews are not views.
  const purpose = request.headers.get('Sec-Purpose') ?? request.headers.get('Purpose') ?? ''
  if (/^[A-Za-z0-9_-]{1,64}$/.test(productId) && !/prefetch|prerender/i.test(purpose)) {
    await recordProductView(productId).catch((error: unknown) =>
      logger.warn({ err: error }, 'Could not count a product view'),
    )
  }
  return new Response(PIXEL, {
    headers: {
      'Content-Type': 'image/gif',
      'Content-Length': String(PIXEL.length),
      'Cache-Control': 'no-store',
    },
  })
}
