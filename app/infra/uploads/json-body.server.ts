import { hasControlCharacters } from '~/utils/text.ts'
import { UploadError, describeSize } from './multipart.server.ts'

/**
 * The request's JSON body, read up to `maxBytes` (request.json() would read any size). Throws
 * UploadError: 415 when it is not JSON, 413 when it is too large, 400 when it does not parse.
 */
export async function readJsonBody(request: Request, maxBytes = 16 * 1024): Promise<unknown> {
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
    throw new UploadError(
      'not-multipart',
      'unsupported',
      'Send the request body as application/json.',
    )
  }
  const body = await readBoundedBody(request, maxBytes)
  if (!body)
    throw new UploadError(
      'body-too-large',
      'too-large',
      `The request body is larger than ${describeSize(maxBytes)}.`,
    )
  let value: unknown
  try {
    value = JSON.parse(body.toString('utf8'))
  } catch {
    throw new UploadError('malformed', 'invalid', 'The request body is not valid JSON.')
  }
  if (holdsControlCharacters(value))
    throw new UploadError(
      'malformed',
      'invalid',
      'The request body holds invisible control characters (such as U+0000).',
    )
  return value
}

function holdsControlCharacters(value: unknown): boolean {
  if (typeof value === 'string') return hasControlCharacters(value)
  if (Array.isArray(value)) return value.some(holdsControlCharacters)
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).some(
      ([key, item]) => hasControlCharacters(key) || holdsControlCharacters(item),
    )
  return false
}

/** The request's body bytes, or null as soon as it is known to be over `maxBytes` (reading stops there). */
export async function readBoundedBody(request: Request, maxBytes: number): Promise<Buffer | null> {
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) return null
  const reader = request.body?.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) {
        reader.releaseLock()
        return null
      }
      chunks.push(value)
    }
  }
  return Buffer.concat(chunks)
}
