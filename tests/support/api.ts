import { createHash } from 'node:crypto'
import type { Role } from '~/infra/db.server.ts'
import type { ApiScope } from '~/services/accounts/api-token-schemas.ts'
import * as apiRoute from '~/routes/api.v1.$.ts'
import * as openapiRoute from '~/routes/api.v1.openapi[.]json.ts'
import { createApiToken } from '~/services/accounts/api-tokens.server.ts'
import { checkAgainstDocument } from './api-contract.ts'
import { createUser } from './fixtures.ts'
import { testContext } from './remix.ts'

// Calling /api/v1 in tests: a user with a token, and a request through a route module.

export async function userWithToken(
  scopes: ApiScope[],
  options: { roles?: Role[]; expiresInDays?: number } = {},
) {
  const user = await createUser({ roles: options.roles ?? ['SHOPPER'] })
  const { token, secret } = await createApiToken(user, {
    name: 'test token',
    scopes,
    expiresInDays: options.expiresInDays ?? 30,
  })
  return { user, token, secret }
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

export type ApiResult = { status: number; headers: Headers; body: unknown }

/**
 * A request to /api/v1 as Remix would make it: to the route that owns the path (the document's, or
 * the one that dispatches every endpoint), GET and HEAD to its loader, the rest to its action.
 */
export async function callApi(
  path: string,
  init: {
    method?: string
    token?: string
    cookie?: string
    body?: unknown
    headers?: Record<string, string>
    clientIp?: string
    /** A body sent as it is (a multipart upload), with its type. */
    raw?: { body: Buffer; contentType: string }
    /** Skip the check against the OpenAPI document (an answer no operation owns: 404s of unknown paths, 405s). */
    unchecked?: boolean
  } = {},
): Promise<ApiResult> {
  const method = init.method ?? 'GET'
  const headers = new Headers(init.headers)
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`)
  if (init.cookie) headers.set('Cookie', init.cookie)
  if (init.body !== undefined && !headers.has('Content-Type'))
    headers.set('Content-Type', 'application/json')
  if (init.raw) {
    headers.set('Content-Type', init.raw.contentType)
    headers.set('Content-Length', String(init.raw.body.length))
  }
  const request = new Request(new URL(path, 'http://localhost:3000'), {
    method,
    headers,
    ...(init.raw
      ? { body: new Uint8Array(init.raw.body) }
      : init.body === undefined
        ? {}
        : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
  })
  const pathname = new URL(request.url).pathname
  const route = pathname === '/api/v1/openapi.json' ? openapiRoute : apiRoute
  const args = {
    request,
    params: { '*': pathname.slice('/api/v1/'.length) },
    context: testContext(init.clientIp ? { clientIp: init.clientIp } : {}),
  }
  const response =
    method === 'GET' || method === 'HEAD'
      ? await route.loader(args)
      : await (route as typeof apiRoute).action(args)
  const text = await response.text()
  const body = text ? (JSON.parse(text) as unknown) : null
  if (!init.unchecked && pathname !== '/api/v1/openapi.json')
    checkAgainstDocument(
      method === 'HEAD' ? 'GET' : method,
      pathname,
      response.status,
      response.headers.get('Content-Type'),
      body,
    )
  return { status: response.status, headers: response.headers, body }
}
