import { getUser } from '~/services/accounts/auth.server.ts'
import { TooManyImagesError } from '~/services/media/errors.server.ts'
import type { UploadOutcome } from '~/services/media/product-images.server.ts'
import { UploadError } from '~/infra/uploads/multipart.server.ts'
import { DomainError } from '~/utils/domain-error.ts'
import { displayName } from '~/utils/file-names.ts'
import { STATUS_BY_KIND, jsonRefusal, toRefusal } from './errors.server.ts'

// The JSON answers of the images editor's routes: one shape for every refusal (built by the one
// mapper in errors.server.ts), and per-file results for uploads.

/**
 * A refusal by the media service as the editor's JSON answer, naming the file it is about. For an
 * upload (`upload`), the connection is closed so the rest of a large body is never read.
 * Anything that is not a refusal is rethrown.
 */
export function mediaRefusalResponse(error: unknown, { upload = false } = {}) {
  const refusal = toRefusal(error, { upload })
  const filename =
    error instanceof UploadError || error instanceof TooManyImagesError ? error.filename : undefined
  return jsonRefusal(refusal, filename === undefined ? {} : { file: displayName(filename) })
}

/** A refusal the route itself makes (bad JSON fields, a wrong method), in the same shape. */
export function mediaInputRefusal(message: string, fields?: Record<string, string[]>) {
  return mediaRefusalResponse(
    new DomainError('invalid', 'invalid', message, fields ? { fieldErrors: fields } : {}),
  )
}

export function methodNotAllowed(message: string, allow: string) {
  return Response.json(
    { error: { code: 'method-not-allowed', message } },
    { status: 405, headers: { 'Cache-Control': 'no-store', Allow: allow } },
  )
}

/** 201 when every file was added, 207 when some were, else the first refusal's status. */
export function uploadOutcomeResponse(outcome: UploadOutcome) {
  const results = outcome.results.map((result) =>
    result.ok
      ? result
      : {
          file: result.file,
          ok: false as const,
          status: STATUS_BY_KIND[result.kind].page,
          code: result.code,
          message: result.message,
        },
  )
  const added = results.filter((result) => result.ok).length
  const firstRefusal = results.find((result) => !result.ok)
  const status = !firstRefusal ? 201 : added > 0 ? 207 : firstRefusal.status
  return Response.json(
    { results, images: outcome.images },
    { status, headers: { 'Cache-Control': 'no-store' } },
  )
}

/** The signed-in user, or a 401 answer for API clients (rather than a redirect to the sign-in page). */
export async function requireApiUser(request: Request) {
  const user = await getUser(request)
  if (!user)
    throw mediaRefusalResponse(
      new DomainError('unauthenticated', 'unauthenticated', 'Sign in to manage photos.'),
      { upload: true },
    )
  return user
}
