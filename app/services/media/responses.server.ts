import { UploadError } from '~/infra/uploads/multipart.server.ts'
import { logger } from '~/infra/logger.server.ts'
import { getUser } from '~/services/accounts/auth.server.ts'
import { displayName } from '~/utils/file-names.ts'
import { MediaBusyError, MediaStorageError } from './assets.server.ts'
import {
  InvalidColorError,
  MediaNotFoundError,
  NoFileError,
  StaleImagesError,
  TooManyImagesError,
} from './errors.server.ts'
import { ImageRejection } from './inspect.server.ts'
import type { UploadOutcome } from './product-images.server.ts'

// The JSON answers of the media API: one shape for every refusal, and per-file results for
// uploads. A refusal that may leave an upload body unread closes the connection, so the rest
// of a large upload is never read.

export type MediaApiError = {
  code: string
  message: string
  file?: string
  fields?: Record<string, string[]>
}

export function errorResponse(
  status: number,
  error: MediaApiError,
  headers: Record<string, string> = {},
) {
  return Response.json({ error }, { status, headers: { 'Cache-Control': 'no-store', ...headers } })
}

export type MediaRefusal = { status: number; error: MediaApiError; headers: Record<string, string> }

const closing = { Connection: 'close' }
const fileOf = (filename: string | undefined) =>
  filename === undefined ? undefined : displayName(filename)

/** How to answer a refusal by the media service, or undefined for an unexpected error (rethrow it). */
export function mediaRefusal(error: unknown): MediaRefusal | undefined {
  if (error instanceof UploadError)
    return {
      status: error.status,
      error: { code: error.code, message: error.message, file: fileOf(error.filename) },
      headers: closing,
    }
  if (error instanceof MediaNotFoundError)
    return { status: 404, error: { code: 'not-found', message: error.message }, headers: closing }
  if (error instanceof TooManyImagesError)
    return {
      status: 409,
      error: { code: 'too-many-images', message: error.message, file: fileOf(error.filename) },
      headers: closing,
    }
  if (error instanceof ImageRejection)
    return {
      status: error.status,
      error: { code: error.code, message: error.message },
      headers: {},
    }
  if (error instanceof NoFileError)
    return { status: 400, error: { code: 'no-file', message: error.message }, headers: {} }
  if (error instanceof StaleImagesError)
    return { status: 409, error: { code: 'stale', message: error.message }, headers: {} }
  if (error instanceof InvalidColorError)
    return {
      status: 400,
      error: { code: 'invalid', message: error.message, fields: { colorId: [error.message] } },
      headers: {},
    }
  if (error instanceof MediaBusyError)
    return {
      status: 503,
      error: { code: 'busy', message: error.message },
      headers: { 'Retry-After': '5', ...closing },
    }
  if (error instanceof MediaStorageError) {
    logger.error({ err: error.cause }, 'Storage failed during an upload')
    return {
      status: 503,
      error: { code: 'storage-unavailable', message: error.message },
      headers: { 'Retry-After': '10', ...closing },
    }
  }
  return undefined
}

/** The JSON response for a refusal by the media service, or undefined for an unexpected error (rethrow it). */
export function mediaErrorResponse(error: unknown): Response | undefined {
  const refusal = mediaRefusal(error)
  return refusal ? errorResponse(refusal.status, refusal.error, refusal.headers) : undefined
}

/** 201 when every file was added, 207 when some were, else the first refusal's status. */
export function uploadOutcomeResponse(outcome: UploadOutcome) {
  const added = outcome.results.filter((result) => result.ok).length
  const firstRefusal = outcome.results.find((result) => !result.ok)
  const status = !firstRefusal ? 201 : added > 0 ? 207 : firstRefusal.status
  return Response.json(outcome, { status, headers: { 'Cache-Control': 'no-store' } })
}

/** The signed-in user, or a 401 answer for API clients (rather than a redirect to the sign-in page). */
export async function requireApiUser(request: Request) {
  const user = await getUser(request)
  if (!user)
    throw errorResponse(
      401,
      { code: 'unauthenticated', message: 'Sign in to manage photos.' },
      { Connection: 'close' },
    )
  return user
}
