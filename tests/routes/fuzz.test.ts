import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { prisma } from '~/infra/db.server.ts'
import { ensureProductIndex } from '~/services/search/settings.server.ts'
import { hasControlCharacters } from '~/utils/text.ts'
import { databaseFingerprint } from '../support/database-fingerprint.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { callRoute } from '../support/remix.ts'
import { createProduct, createShop, putInCart } from '../support/shop-fixtures.ts'

// Random and hostile input at every route: query strings at every loader, bodies (forms, JSON,
// bytes, wrong types) at every action, anonymously and signed in as a shopper who is also a seller
// and an admin. No answer may be a 5xx (a thrown fault fails the test too), and a refused command
// (a 4xx) must leave every table as it was. URLs carry no control characters here: the server's
// edge (app/server/errors.ts) refuses those before any route runs.

type RouteModule = {
  loader?: (args: LoaderFunctionArgs) => unknown
  action?: (args: ActionFunctionArgs) => unknown
}
const modules = import.meta.glob<RouteModule>(
  ['../../app/routes/*.{ts,tsx}', '../../app/routes/*/route.{ts,tsx}'],
  { eager: true },
)
const routes = Object.entries(modules)
  // A folder route (`($locale).p.$slug/route.tsx`) is named as its flat twin would be.
  .map(([file, module]) => ({
    name: file
      .replace(/\/route(\.tsx?)$/, '$1')
      .split('/')
      .pop()!,
    module,
  }))
  // /readyz answers 503 when a dependency is down: that is its meaning, not a fault.
  .filter(({ name }) => name !== 'readyz.ts')

/** The URL path of a flat-routes file name, with its params filled in. */
function pathOf(name: string, params: Record<string, string>) {
  const segments = name
    .replace(/\.tsx?$/, '')
    .split('.')
    .filter((segment) => segment !== '($locale)' && segment !== '_index')
    .map((segment) => segment.replace(/_$/, ''))
    .map((segment) =>
      segment === '$'
        ? encodeURIComponent(params['*'] ?? 'x')
        : segment.startsWith('$')
          ? encodeURIComponent(params[segment.slice(1)] ?? 'x')
          : segment,
    )
  return `/${segments.join('/')}`
}

function paramNames(name: string) {
  return [...name.matchAll(/\$(\w*)/g)].map(([, param]) => param || '*')
}

const FIELDS = [
  'intent',
  'variantId',
  'quantity',
  'email',
  'password',
  'currentPassword',
  'newPassword',
  'name',
  'fullName',
  'line1',
  'city',
  'postalCode',
  'country',
  'phone',
  'addressId',
  'shippingMethod',
  'paymentMethod',
  'idempotencyKey',
  'expectedTotal',
  'redirectTo',
  'q',
  'page',
  'sort',
  'rating',
  'body',
  'title',
  'price',
  'stock',
  'status',
  'reason',
  'carrier',
  'trackingNumber',
  'productId',
  'reviewId',
  'userId',
  'shopId',
  'version',
  'locale',
]
const INTENTS = [
  'add',
  'update',
  'remove',
  'delete',
  'place',
  'cancel',
  'ship',
  'deliver',
  'approve',
  'reject',
  'block',
  'unblock',
  'suspend',
  'publish',
  'archive',
  'default',
  'save',
  'report',
  'vote',
]

const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '-1',
    '1e309',
    'NaN',
    '9'.repeat(40),
    '../../etc/passwd',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '%E0%A4%A',
    '__proto__',
    'constructor',
    '//evil.example',
    '۱۲۳',
    'x'.repeat(5000),
  ),
  fc.constantFrom(...INTENTS),
)
/** What reaches a route in its URL: the server's edge answers 400 to control characters there first. */
const urlText = hostileText.filter((text) => !hasControlCharacters(text))
const fieldName = fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 12 }))
const formBody = fc.array(fc.tuple(fieldName, hostileText), { maxLength: 12 })

type Body =
  | { kind: 'form'; entries: Array<[string, string]> }
  | { kind: 'raw'; contentType: string; bytes: Uint8Array }
const body: fc.Arbitrary<Body> = fc.oneof(
  { weight: 4, arbitrary: formBody.map((entries) => ({ kind: 'form' as const, entries })) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('raw' as const),
      contentType: fc.constantFrom(
        'application/json',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'multipart/form-data',
        'text/plain',
        'image/png',
      ),
      bytes: fc.oneof(
        fc.uint8Array({ maxLength: 200 }),
        fc.json().map((json) => new TextEncoder().encode(json)),
      ),
    }),
  },
)

function request(path: string, query: Array<[string, string]>, cookie: string | null, body?: Body) {
  const url = new URL(path, 'http://localhost:3000')
  for (const [key, value] of query) url.searchParams.append(key, value)
  const headers = new Headers(cookie ? { Cookie: cookie } : {})
  if (!body) return new Request(url, { headers })
  if (body.kind === 'form') {
    const form = new FormData()
    for (const [key, value] of body.entries) form.append(key, value)
    return new Request(url, { method: 'POST', headers, body: form })
  }
  headers.set('Content-Type', body.contentType)
  return new Request(url, { method: 'POST', headers, body: Buffer.from(body.bytes) })
}

describe('hostile input at every route', () => {
  test('no 5xx, and a refused command stores nothing', { timeout: 120_000 }, async () => {
    expect(routes.length).toBeGreaterThan(30)
    const user = await createUser({ roles: ['SHOPPER', 'SELLER', 'ADMIN'] })
    const shop = await createShop({ ownerId: user.id })
    const product = await createProduct(shop.id, { variants: [{ stock: 3 }] })
    await putInCart(user.id, product.variants[0]!.id, 1, 4000)
    const { cookie } = await signIn(user.id)
    // The storefront's grids and /search read this file's own Meilisearch index.
    await ensureProductIndex()
    const known = [product.id, product.slug, product.variants[0]!.id, user.id, shop.slug]

    for (const { name, module } of routes) {
      const names = paramNames(name)
      const params = fc.record(
        Object.fromEntries(
          names.map((param) => [param, fc.oneof(fc.constantFrom(...known), urlText)]),
        ),
      ) as fc.Arbitrary<Record<string, string>>
      const query = fc.array(
        fc.tuple(
          fieldName.filter((text) => !hasControlCharacters(text)),
          urlText,
        ),
        {
          maxLength: 6,
        },
      )
      const who = fc.constantFrom<string | null>(cookie, null)

      if (module.loader) {
        const loader = module.loader
        await fc.assert(
          fc.asyncProperty(params, query, who, async (values, search, as) => {
            const result = await callRoute(loader, request(pathOf(name, values), search, as), {
              params: values,
            })
            expect(result.status, `${name} loader`).toBeLessThan(500)
          }),
          { numRuns: 6 },
        )
      }
      if (module.action) {
        const action = module.action
        await fc.assert(
          fc.asyncProperty(params, query, who, body, async (values, search, as, sent) => {
            const before = await databaseFingerprint()
            const result = await callRoute(
              action,
              request(pathOf(name, values), search, as, sent),
              { params: values },
            )
            expect(result.status, `${name} action`).toBeLessThan(500)
            if (result.status >= 400)
              expect(await databaseFingerprint(), `${name} refused but stored`).toEqual(before)
          }),
          { numRuns: 8 },
        )
      }
    }
    await prisma.$disconnect()
  })
})
