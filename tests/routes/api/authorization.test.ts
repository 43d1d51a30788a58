import { beforeAll, expect, test } from 'vitest'
import { apiDocument } from '~/http/api/document.server.ts'
import { API_SCOPES, scopesForRoles, type ApiScope } from '~/services/accounts/api-token-schemas.ts'
import { apiRouteFiles, callApi, userWithToken } from '../../support/api.ts'

// The authorization matrix, generated from the OpenAPI document (which the foundations test ties
// to the route files), so a new endpoint is in it without anyone adding it: every operation is
// called by anonymous, a shopper, a seller and an admin, each with every scope its roles allow.
// Public operations never ask for a token; the others answer 401 without one and 403 to a
// token whose account may not hold the scope. Which seller's data a seller reaches (seller A
// against seller B's ids) is checked per endpoint in seller.test.ts and shopper.test.ts.

type Persona = 'anonymous' | 'shopper' | 'seller' | 'admin'
const ROLES = {
  shopper: ['SHOPPER'],
  seller: ['SHOPPER', 'SELLER'],
  admin: ['SHOPPER', 'ADMIN'],
} as const
const tokens: Partial<Record<Persona, string>> = {}

beforeAll(async () => {
  for (const persona of ['shopper', 'seller', 'admin'] as const) {
    const roles = [...ROLES[persona]]
    tokens[persona] = (await userWithToken(scopesForRoles(roles), { roles })).secret
  }
})

type Operation = { security?: Array<Record<string, string[]>> }

test('every operation answers each persona as its scope says', async () => {
  const document = apiDocument() as unknown as {
    paths: Record<string, Record<string, Operation>>
  }
  const files = new Map(apiRouteFiles().map((route) => [route.path, route.file]))
  let checked = 0
  for (const [path, operations] of Object.entries(document.paths)) {
    const file = files.get(path)
    expect(file, `${path} has no route file`).toBeDefined()
    const route = (await import(`~/routes/${file!.replace(/\.ts$/, '')}.ts`)) as never
    const params = Object.fromEntries(
      [...path.matchAll(/\{(\w+)\}/g)].map((match) => [match[1]!, 'no-such-thing']),
    )
    const url = `/api/v1${path.replace(/\{\w+\}/g, 'no-such-thing')}`
    for (const [method, operation] of Object.entries(operations)) {
      const scope = operation.security?.find((item) => item.bearerAuth?.length)?.bearerAuth?.[0] as
        ApiScope | undefined
      for (const persona of ['anonymous', 'shopper', 'seller', 'admin'] as const) {
        const result = await callApi(route, url, {
          method: method.toUpperCase(),
          params,
          ...(tokens[persona] ? { token: tokens[persona] } : {}),
          ...(method === 'get' || method === 'delete' ? {} : { body: {} }),
        })
        const where = `${method.toUpperCase()} ${path} as ${persona}`
        if (!scope) {
          expect([401, 403], where).not.toContain(result.status)
          continue
        }
        const role = API_SCOPES[scope]
        const allowed =
          persona !== 'anonymous' &&
          (role === null || (ROLES[persona] as readonly string[]).includes(role))
        if (persona === 'anonymous') expect(result.status, where).toBe(401)
        else if (!allowed) expect(result.status, where).toBe(403)
        else expect([401, 403], where).not.toContain(result.status)
        expect(result.status, where).toBeLessThan(500)
      }
      checked++
    }
  }
  expect(checked).toBeGreaterThan(25)
})
