import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, test } from 'vitest'
import {
  STATUS_BY_KIND,
  formRefusal,
  problemOf,
  statusOf,
  toRefusal,
} from '~/http/errors.server.ts'
import { DOMAIN_ERROR_KINDS, DomainError } from '~/utils/domain-error.ts'

// Every error class a service or adapter exports is either a DomainError (so the one mapper in
// app/http/errors.server.ts gives it a status on pages and in the API) or named below as a fault
// that no client can cause. The classes are found on disk, so a new one cannot be forgotten.

const APP = join(import.meta.dirname, '../../app')

/** Faults, not refusals: they reach the log and a 500, or never leave the process. */
const FAULTS = new Set([
  'EnvError', // bad configuration stops the app at start-up
  'MigrationError', // the migrator's own failure
  'SearchTaskFailedError', // Meilisearch failed a write task: the job is retried
  'InvalidKeyError', // an object-storage key the app built wrongly
  'SemaphoreFullError', // turned into MediaBusyError by the media service
  'ZarinpalError', // the gateway refused or failed: the payment's return or hold job decides
])

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path)
    return /\.tsx?$/.test(entry.name) ? [path] : []
  })
}

const declared = sourceFiles(APP).flatMap((path) =>
  [...readFileSync(path, 'utf8').matchAll(/^export class (\w+) extends (\w+)/gm)].map(
    ([, name, base]) => ({ path, name: name!, base: base! }),
  ),
)

/** Arguments for the classes whose constructors take some (the others are built with none). */
const SAMPLE_ARGS: Record<string, unknown[]> = {
  DomainError: ['conflict', 'conflict', 'A message'],
  ApiTokenError: ['unauthenticated', 'invalid-token', 'A message'],
  UploadError: ['file-too-large', 'too-large', 'A message', 'big.jpg'],
  ImageRejection: ['damaged', 'unprocessable', 'A message'],
  CatalogValidationError: [{ name: ['A message'] }],
  VersionConflictError: [3],
  CheckoutError: ['A message', 'invalid', 'addressId'],
  TotalChangedError: [1200, 1500, 'USD'],
  ZarinpalError: ['A message', -51],
  FinanceError: ['invalid', 'too-much', 'A message', { field: 'amount', values: { max: 100 } }],
  InsufficientStockError: [
    [{ variantId: 'v', title: 'T', colorName: 'C', sizeLabel: 'S', requested: 2, available: 1 }],
  ],
  UnavailableItemsError: [[{ variantId: 'v', title: 'T' }]],
  CartError: ['A message', 'quantity'],
  NotEnoughStockError: [1, 0],
  QuantityLimitError: [0],
  ShipmentStateError: ['A message', 'SHIPPED'],
  ReviewError: [
    'review-rate-limited',
    'A message',
    'rate-limited',
    undefined,
    new Date(Date.now() + 60_000),
  ],
  ModerationError: ['A message', 'forbidden'],
  UserAdminError: ['A message', 'conflict'],
  WishlistError: ['conflict', 'wishlist-full', 'A message'],
  PromoCodeError: ['expired'],
  ReturnRefusedError: ['conflict', 'return-window-closed', 'A message'],
  TooManyImagesError: ['A message', 'photo.jpg'],
  MediaStorageError: [new Error('disk full')],
  TooManyAttemptsError: [new Date(Date.now() + 60_000)],
  GuestCheckoutLimitError: [new Date(Date.now() + 60_000)],
  LoginError: ['login-failed', 'A message'],
  SearchUnavailableError: ['connect ECONNREFUSED'],
}

function sample(name: string, Class: new (...args: unknown[]) => unknown): unknown {
  const args = SAMPLE_ARGS[name]
  if (!args && Class.length > 0)
    throw new Error(`${name} takes arguments: add a sample of them to SAMPLE_ARGS`)
  return new Class(...(args ?? []))
}

describe('domain errors', () => {
  test('every kind has a status on pages and in the API', () => {
    for (const kind of DOMAIN_ERROR_KINDS) {
      const { page, api } = STATUS_BY_KIND[kind]
      expect(page, kind).toBeGreaterThanOrEqual(400)
      expect(api, kind).toBeGreaterThanOrEqual(400)
      expect(page, kind).toBeLessThan(600)
      expect(api, kind).toBeLessThan(600)
    }
  })

  const errorClasses = declared.filter(({ name }) => /Error$|Rejection$/.test(name))
  test('the scan finds the error classes', () => {
    expect(errorClasses.length).toBeGreaterThan(20)
  })

  for (const { path, name } of errorClasses) {
    const where = relative(APP, path)
    test(`${name} (${where}) is a domain error with a status, or a named fault`, async () => {
      const module: Record<string, unknown> = await import(path)
      const Class = module[name]
      expect(typeof Class).toBe('function')
      if (FAULTS.has(name)) {
        expect((Class as { prototype: unknown }).prototype instanceof DomainError).toBe(false)
        return
      }
      const error = sample(name, Class as new (...args: unknown[]) => unknown)
      expect(error).toBeInstanceOf(DomainError)
      if (!(error instanceof DomainError)) return
      expect(error.code).toMatch(/^[a-z][a-z-]*$/)
      const page = toRefusal(error)
      expect(page.status).toBe(statusOf(error, 'page'))
      expect(page.status).toBeGreaterThanOrEqual(400)
      const { problem } = problemOf(error)
      expect(problem).toMatchObject({ status: statusOf(error, 'api'), code: error.code })
      expect(problem.detail.length).toBeGreaterThan(0)
    })
  }
})

describe('the mapper', () => {
  const submission = {
    reply: (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => ({
      status: 'error' as const,
      error: { '': options?.formErrors ?? [], ...options?.fieldErrors },
    }),
  }

  test('a fault is thrown on, never answered', () => {
    const fault = new TypeError('boom')
    expect(() => toRefusal(fault)).toThrow(fault)
    expect(() => problemOf(fault)).toThrow(fault)
  })

  test('a field error goes next to its field; a form error above the form', () => {
    const atField = toRefusal(new DomainError('invalid', 'invalid', 'Too long', { field: 'alt' }))
    expect(atField).toMatchObject({ formErrors: [], fieldErrors: { alt: ['Too long'] } })
    const atForm = toRefusal(new DomainError('conflict', 'cannot-cancel', 'Already shipped'))
    expect(atForm).toMatchObject({ status: 409, formErrors: ['Already shipped'], fieldErrors: {} })
  })

  test('not-found on a form is the 404 page', () => {
    let thrown: unknown
    try {
      formRefusal(submission, new DomainError('not-found', 'not-found', 'Gone'))
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(Response)
    expect((thrown as Response).status).toBe(404)
  })

  test('the API says more: 422 for a rule break, 412 for a lost version, with JSON pointers', () => {
    const invalid = problemOf(
      new DomainError('invalid', 'invalid', 'Bad SKU', {
        fieldErrors: { 'variants[2].sku': ['Bad SKU'], '': ['Check the variants'] },
      }),
    ).problem
    expect(invalid).toMatchObject({
      type: 'about:blank',
      title: 'Unprocessable Content',
      status: 422,
      code: 'invalid',
      errors: [{ pointer: '/variants/2/sku', detail: 'Bad SKU' }],
    })
    expect(problemOf(new DomainError('stale', 'version-conflict', 'Changed')).problem.status).toBe(
      412,
    )
  })

  test('a retry time becomes Retry-After; an internal message stays in the log', () => {
    const refusal = toRefusal(
      new DomainError('unavailable', 'search-unavailable', 'connect ECONNREFUSED 10.0.0.5:7700', {
        retryAt: new Date(Date.now() + 30_000),
        publicMessage: 'Search is not available right now.',
      }),
    )
    expect(Number(refusal.headers['Retry-After'])).toBeGreaterThanOrEqual(29)
    expect(refusal.message).toBe('Search is not available right now.')
  })
})
