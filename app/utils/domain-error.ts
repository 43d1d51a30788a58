// The one shape of a refusal. Services (and the few infrastructure adapters whose refusals reach
// a client, such as uploads) throw a DomainError subclass; they say what kind of refusal it is
// and give it a stable code, never an HTTP status. The HTTP layer (app/http/errors.server.ts)
// maps the kind to a status, for pages and for the API alike (docs/decisions/016-one-error-convention.md).

/** Every kind of refusal; each maps to exactly one status per surface in app/http/errors.server.ts. */
export const DOMAIN_ERROR_KINDS = [
  /** The input breaks a rule (a form's 400, the API's 422). */
  'invalid',
  /** The content was read but cannot be used (a damaged or animated image): 422 everywhere. */
  'unprocessable',
  /** Nobody is signed in, or the credentials are not valid: 401. */
  'unauthenticated',
  /** Signed in, but not allowed to do this: 403. */
  'forbidden',
  /** No such thing, or not the caller's (the same answer, so ids leak nothing): 404. */
  'not-found',
  /** The thing's state forbids the command (already shipped, already reviewed …): 409. */
  'conflict',
  /** The caller's copy is out of date (an optimistic lock lost): a form's 409, the API's 412. */
  'stale',
  /** The request is larger than accepted: 413. */
  'too-large',
  /** The request's format is not one accepted: 415. */
  'unsupported',
  /** Too many attempts; `retryAt` says when to try again: 429. */
  'rate-limited',
  /** A service needed for this is down or busy; try again later: 503. */
  'unavailable',
] as const

export type DomainErrorKind = (typeof DOMAIN_ERROR_KINDS)[number]

export type DomainErrorOptions = {
  /** The form (or request body) field the message belongs next to. */
  field?: string
  /** Messages for several fields at once; '' holds those about the form as a whole. */
  fieldErrors?: Record<string, string[]>
  /** When the caller may try again (rate limits, busy services). */
  retryAt?: Date
  /** What the client is told when the message itself is for the log (it names internal hosts …). */
  publicMessage?: string
  cause?: unknown
}

/**
 * A command or query refused for a reason the caller can act on; nothing was changed. `code` is
 * stable (clients and tests match on it), the message is for people.
 */
export class DomainError extends Error {
  override name = 'DomainError'
  readonly field?: string
  readonly fieldErrors?: Record<string, string[]>
  readonly retryAt?: Date
  readonly publicMessage?: string

  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    options: DomainErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    if (options.field !== undefined) this.field = options.field
    if (options.fieldErrors !== undefined) this.fieldErrors = options.fieldErrors
    if (options.retryAt !== undefined) this.retryAt = options.retryAt
    if (options.publicMessage !== undefined) this.publicMessage = options.publicMessage
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError
}
