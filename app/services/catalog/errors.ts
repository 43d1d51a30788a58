// What catalog commands throw besides the unexpected. Routes turn them into a 404, a conflict
// message, or errors next to the fields named here (the form's field names).

/** The thing does not exist, or is not the caller's: the same answer for both, so ids leak nothing. */
export class CatalogNotFoundError extends Error {
  override name = 'CatalogNotFoundError'
  constructor(what = 'That product') {
    super(`${what} was not found`)
  }
}

/** Someone saved the product after this form was loaded; nothing was written. */
export class VersionConflictError extends Error {
  override name = 'VersionConflictError'
  constructor(readonly currentVersion: number) {
    super(
      'This product was changed somewhere else after you opened it, so your changes were not saved.',
    )
  }
}

/** Input that breaks a catalog rule; `fieldErrors` is keyed by form field name ('' for the form). */
export class CatalogValidationError extends Error {
  override name = 'CatalogValidationError'
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super(Object.values(fieldErrors).flat()[0] ?? 'Invalid input')
  }
}

export function fieldError(field: string, message: string) {
  return new CatalogValidationError({ [field]: [message] })
}

/** Which unique index or fields a Prisma P2002 names (e.g. "Brand_slug_key"), as text to match on. */
export function violatedConstraint(error: unknown): string {
  if (typeof error !== 'object' || error === null || !('meta' in error)) return ''
  const meta = error.meta as
    { target?: unknown; driverAdapterError?: { cause?: { constraint?: unknown } } } | undefined
  return JSON.stringify([meta?.target ?? null, meta?.driverAdapterError?.cause?.constraint ?? null])
}
