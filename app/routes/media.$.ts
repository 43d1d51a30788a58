import { createReadableStreamFromReadable, type LoaderFunctionArgs } from '@remix-run/node'
import { getStorage } from '~/infra/storage/storage.server.ts'
import { IMMUTABLE } from '~/services/media/assets.server.ts'

// GET /media/img/...: the public image variants, straight from storage, cacheable for ever (their
// keys change whenever their bytes do). Only variant keys are served: originals, which keep
// the uploader's EXIF (GPS included), never are.

const PUBLIC_KEY = /^img\/[a-z0-9]{8,64}\/\d{1,5}-([a-f0-9]{16})\.(?:avif|webp|jpg)$/

export async function loader({ params, request }: LoaderFunctionArgs) {
  const key = params['*'] ?? ''
  const match = PUBLIC_KEY.exec(key)
  const notFound = () =>
    new Response('Not found', {
      status: 404,
      headers: { 'Cache-Control': 'public, max-age=60', 'Content-Type': 'text/plain' },
    })
  if (!match) return notFound()
  const etag = `"${match[1]}"`
  if (request.headers.get('if-none-match') === etag) {
    return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': IMMUTABLE } })
  }
  const object = await getStorage().get(key)
  if (!object) return notFound()
  const headers = new Headers({
    'Content-Type': object.contentType,
    'Cache-Control': IMMUTABLE,
    ETag: etag,
    'X-Content-Type-Options': 'nosniff',
  })
  if (object.contentLength !== undefined)
    headers.set('Content-Length', String(object.contentLength))
  return new Response(createReadableStreamFromReadable(object.body), { headers })
}
