import { isUniqueViolation } from '~/services/accounts/auth.server.ts'
import { type CatalogValidationError, fieldError, violatedConstraint } from './errors.ts'

// What the database's constraints say about a catalog write, as the errors the forms show.

/** A name or web address (slug) another category or brand already has, at its field. */
export function slugTaken(error: unknown): CatalogValidationError | null {
  if (!isUniqueViolation(error)) return null
  const target = violatedConstraint(error)
  if (target.includes('_name_')) return fieldError('name', 'That name is already used')
  return fieldError('slug', 'That web address is already used')
}

/** A row that something still points to (a product's category or brand). */
export function isForeignKeyViolation(error: unknown) {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2003'
}
