import { DomainError } from '~/utils/domain-error.ts'

// What catalog commands throw besides the unexpected; app/http/errors.server.ts answers them (a
// 404, a conflict message, or errors next to the fields named here: the form's field names).

/** The thing does not exist, or is not the caller's: the same answer for both, so ids leak nothing. */
export class CatalogNotFoundError extends DomainError {
  override name = 'CatalogNotFoundError'
  constructor(what = 'That product') {
    super('not-found', 'not-found', `${what} was not found`)
  }
}

/** Someone saved the product after this form was loaded; nothing was written. */
export class VersionConflictError extends DomainError {
  override name = 'VersionConflictError'
  constructor(
    readonly currentVersion: number,
    what = 'This product',
  ) {
    super(
      'stale',
      'version-conflict',
      `${what} was changed somewhere else after you opened it, so your changes were not saved.`,
    )
  }
}

/**
 * A message's stable code and the values it names: the HTTP layer says it in the page's language
 * (`errors.<code>` of the page's namespace), the English message stays for logs and the API.
 */
export type MessageCode = { code: string; values?: Record<string, string | number> }

/**
 * Input that breaks a catalog rule; `fieldErrors` is keyed by form field name ('' for the form).
 * `messageCodes` holds each message's code at the same field and position, where it has one.
 */
export class CatalogValidationError extends DomainError {
  override name = 'CatalogValidationError'
  declare readonly fieldErrors: Record<string, string[]>
  readonly messageCodes: Record<string, Array<MessageCode | null>>
  constructor(
    fieldErrors: Record<string, string[]>,
    messageCodes: Record<string, Array<MessageCode | null>> = {},
  ) {
    super('invalid', 'invalid', Object.values(fieldErrors).flat()[0] ?? 'Invalid input', {
      fieldErrors,
    })
    this.messageCodes = messageCodes
  }
}

export function fieldError(field: string, message: string, code?: MessageCode) {
  return new CatalogValidationError({ [field]: [message] }, code ? { [field]: [code] } : {})
}

/** Collects rule breaks with their codes, then throws them all at once. */
export class FieldErrors {
  private readonly messages: Record<string, string[]> = {}
  private readonly codes: Record<string, Array<MessageCode | null>> = {}

  add(field: string, message: string, code?: MessageCode) {
    const messages = (this.messages[field] ??= [])
    if (messages.includes(message)) return
    messages.push(message)
    ;(this.codes[field] ??= []).push(code ?? null)
  }

  throwIfAny() {
    if (Object.keys(this.messages).length)
      throw new CatalogValidationError(this.messages, this.codes)
  }
}

/** Which unique index or fields a Prisma P2002 names (e.g. "Brand_slug_key"), as text to match on. */
export function violatedConstraint(error: unknown): string {
  if (typeof error !== 'object' || error === null || !('meta' in error)) return ''
  const meta = error.meta as
    { target?: unknown; driverAdapterError?: { cause?: { constraint?: unknown } } } | undefined
  return JSON.stringify([meta?.target ?? null, meta?.driverAdapterError?.cause?.constraint ?? null])
}
