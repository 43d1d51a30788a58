import { createHash } from 'node:crypto'
import { readdirSync } from 'node:fs'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import type { Role } from '~/infra/db.server.ts'
import type { ApiScope } from '~/services/accounts/api-token-schemas.ts'
import { createApiToken } from '~/services/accounts/api-tokens.server.ts'
import { checkAgainstDocument } from './api-contract.ts'
import { createUser } from './fixtures.ts'
import { testContext } from './remix.ts'

// Calling /api/v1 routes in tests: a user with a token, and a request through a route module.

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

type RouteModule = {
  loader?: (args: LoaderFunctionArgs) => unknown
  action?: (args: ActionFunctionArgs) => unknown
}

export type ApiResult = { status: number; headers: Headers; body: unknown }

/** A request to an API route module, as Remix would make it (GET/HEAD to the loader, the rest to the action). */
export async function callApi(
  route: RouteModule,
  path: string,
  init: {
    method?: string
    token?: string
    cookie?: string
    body?: unknown
    headers?: Record<string, string>
    params?: Record<string, string>
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
  const handler = method === 'GET' || method === 'HEAD' ? route.loader : route.action
  if (!handler) throw new Error(`The route has no ${method === 'GET' ? 'loader' : 'action'}`)
  const args = {
    request,
    params: init.params ?? {},
    context: testContext(init.clientIp ? { clientIp: init.clientIp } : {}),
  }
  const response = (await handler(args)) as Response
  const text = await response.text()
  const body = text ? (JSON.parse(text) as unknown) : null
  const pathname = new URL(request.url).pathname
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

/** Every api.v1 route file, as its OpenAPI path (`api.v1.products.$id.ts` → `/products/{id}`). */
export function apiRouteFiles() {
  return readdirSync('app/routes')
    .filter((file) => file.startsWith('api.v1.') && !file.startsWith('api.v1.$'))
    .filter((file) => file !== 'api.v1.openapi[.]json.ts')
    .map((file) => ({
      file,
      path: `/${file
        .replace(/^api\.v1\./, '')
        .replace(/\.tsx?$/, '')
        .split('.')
        .map((segment) => (segment.startsWith('$') ? `{${segment.slice(1)}}` : segment))
        .join('/')}`,
    }))
}
