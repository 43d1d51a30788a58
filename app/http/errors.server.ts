import type { SubmissionResult } from '@conform-to/react'
import { data } from '@remix-run/node'
import { logger } from '~/infra/logger.server.ts'
import { DomainError, type DomainErrorKind } from '~/utils/domain-error.ts'

// The one place where a refusal (a DomainError thrown by a service) becomes an HTTP answer: the
// status of each kind, the messages for a form, the 404 and 429 pages, and the API's problem
// details (RFC 9457). Routes and the API call these and never map errors themselves
// (docs/decisions/016-one-error-convention.md).

/** Where the answer goes: a page (its forms and the internal JSON routes) or the public API. */
export type Surface = 'page' | 'api'

/**
 * The status of each kind. They differ only where the API can say more: a rule break in a body
 * that parsed is the API's 422 (a form answers 400, as every form here does), and a lost
 * optimistic lock is the API's 412 (its version came in `If-Match`) but a form's 409.
 */
export const STATUS_BY_KIND: Record<DomainErrorKind, Record<Surface, number>> = {
  invalid: { page: 400, api: 422 },
  unprocessable: { page: 422, api: 422 },
  unauthenticated: { page: 401, api: 401 },
  forbidden: { page: 403, api: 403 },
  'not-found': { page: 404, api: 404 },
  conflict: { page: 409, api: 409 },
  stale: { page: 409, api: 412 },
  'too-large': { page: 413, api: 413 },
  unsupported: { page: 415, api: 415 },
  'rate-limited': { page: 429, api: 429 },
  unavailable: { page: 503, api: 503 },
}

export function statusOf(error: DomainError, surface: Surface = 'page') {
  return STATUS_BY_KIND[error.kind][surface]
}

/** A refusal in HTTP terms: what every kind of answer (form, JSON, page, problem) is built from. */
export type Refusal = {
  status: number
  kind: DomainErrorKind
  code: string
  message: string
  /** Messages about the form or body as a whole. */
  formErrors: string[]
  /** Messages keyed by the field they belong next to. */
  fieldErrors: Record<string, string[]>
  headers: Record<string, string>
  retryAt?: Date
}

/**
 * The refusal a domain error stands for. Anything else is not a refusal but a fault, and is
 * thrown on unchanged (to the error boundary, the log and a 500). `upload` answers a request
 * whose body may be unread with `Connection: close`, so the rest of it is never read.
 */
export function toRefusal(
  error: unknown,
  { surface = 'page', upload = false }: { surface?: Surface; upload?: boolean } = {},
): Refusal {
  if (!(error instanceof DomainError)) throw error
  // The client hears "try again"; the operator needs to know what failed.
  if (error.kind === 'unavailable') logger.warn({ err: error }, error.message)
  const message = error.publicMessage ?? error.message
  const { '': formLevel, ...fields } =
    error.fieldErrors ?? (error.field ? { [error.field]: [message] } : {})
  const hasFields = Object.keys(fields).length > 0
  const headers: Record<string, string> = {}
  if (error.retryAt) headers['Retry-After'] = String(secondsUntil(error.retryAt))
  if (upload) headers.Connection = 'close'
  return {
    status: statusOf(error, surface),
    kind: error.kind,
    code: error.code,
    message,
    formErrors: formLevel ?? (hasFields ? [] : [message]),
    fieldErrors: fields,
    headers,
    ...(error.retryAt ? { retryAt: error.retryAt } : {}),
  }
}

function secondsUntil(date: Date) {
  return Math.max(1, Math.ceil((date.getTime() - Date.now()) / 1000))
}

// ---------------------------------------------------------------- pages

/** A not-found answered as the 404 page, whatever the route's own error shape. */
export function throwIfNotFound(refusal: Refusal) {
  if (refusal.kind === 'not-found')
    throw new Response(refusal.message, { status: 404, headers: refusal.headers })
}

export type Replying = {
  reply(options?: {
    formErrors?: string[]
    fieldErrors?: Record<string, string[]>
    hideFields?: string[]
  }): SubmissionResult<string[]>
}

/**
 * A refusal as a conform form's answer: its messages at their fields (or above the form) with the
 * refusal's status. Not-found becomes the 404 page; anything that is not a refusal is rethrown.
 */
export function formRefusal(
  submission: Replying,
  error: unknown,
  { hideFields }: { hideFields?: string[] } = {},
) {
  const refusal = toRefusal(error)
  throwIfNotFound(refusal)
  return data(
    submission.reply({
      formErrors: refusal.formErrors,
      fieldErrors: refusal.fieldErrors,
      ...(hideFields ? { hideFields } : {}),
    }),
    { status: refusal.status, headers: refusal.headers },
  )
}

/** Runs a command whose not-found should be the 404 page (actions with no form to answer). */
export async function orNotFound<T>(command: Promise<T>): Promise<T> {
  try {
    return await command
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not-found')
      throw new Response(error.message, { status: 404 })
    throw error
  }
}

/** The 429 page (components/retry-later.tsx): when the visitor may try again. */
export function retryLaterPage(retryAt: Date) {
  const seconds = secondsUntil(retryAt)
  return data(
    { retryAt: retryAt.toISOString(), retryInSeconds: seconds },
    { status: 429, headers: { 'Retry-After': String(seconds) } },
  )
}

// ---------------------------------------------------------------- JSON

export type JsonRefusalBody = {
  error: { code: string; message: string; file?: string; fields?: Record<string, string[]> }
}

/**
 * The internal JSON routes' answer (the images editor reads `{ error: { code, message } }`).
 * The public API answers with problem details instead (problemResponse).
 */
export function jsonRefusal(refusal: Refusal, extra: { file?: string } = {}) {
  const body: JsonRefusalBody = {
    error: {
      code: refusal.code,
      message: refusal.message,
      ...extra,
      ...(Object.keys(refusal.fieldErrors).length ? { fields: refusal.fieldErrors } : {}),
    },
  }
  return Response.json(body, {
    status: refusal.status,
    headers: { 'Cache-Control': 'no-store', ...refusal.headers },
  })
}

// ---------------------------------------------------------------- problem details (the API)

/** One field-level message of a problem: `pointer` is a JSON Pointer into the request body. */
export type ProblemFieldError = { pointer: string; detail: string }

/** RFC 9457 problem details, with the stable `code` and the field-level `errors`. */
export type Problem = {
  type: string
  title: string
  status: number
  detail: string
  code: string
  instance?: string
  errors?: ProblemFieldError[]
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

/** `variants[2].sku` or `variants.2.sku` as the JSON Pointer `/variants/2/sku`. */
export function fieldPointer(field: string) {
  if (!field) return ''
  const tokens = field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
  return tokens.map((token) => `/${token.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')
}

/** Problem details from parts; the title is the status's name (the `type` is about:blank). */
export function problem(
  status: number,
  code: string,
  detail: string,
  fieldErrors: Record<string, string[]> = {},
): Problem {
  const errors = Object.entries(fieldErrors).flatMap(([field, messages]) =>
    messages.map((message) => ({ pointer: fieldPointer(field), detail: message })),
  )
  return {
    type: 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors.length ? { errors } : {}),
  }
}

/** A domain error as problem details for the API; anything that is not a refusal is rethrown. */
export function problemOf(error: unknown): { problem: Problem; headers: Record<string, string> } {
  const refusal = toRefusal(error, { surface: 'api' })
  return {
    problem: problem(refusal.status, refusal.code, refusal.message, refusal.fieldErrors),
    headers: refusal.headers,
  }
}

export function problemResponse(body: Problem, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': 'no-store', ...headers },
  })
}
