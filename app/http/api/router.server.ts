import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { problem, problemResponse } from '../errors.server.ts'
import type { Endpoint } from './endpoint.server.ts'
import * as endpointModules from './endpoints/index.server.ts'
import { API_BASE } from './openapi.server.ts'

// Every /api/v1 request reaches one Remix route (api.v1.$.ts), and is dispatched here by the
// method and path each endpoint declares for the OpenAPI document. One route instead of one file
// per path: Remix matches every request, the store's pages too, against every route, so each
// route file costs every page a little.

const METHODS = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE' } as const

type Segment = { literal: string } | { param: string }
type ApiPath = { template: string; segments: Segment[]; byMethod: Map<string, Endpoint> }

function isEndpoint(value: unknown): value is Endpoint {
  return (
    typeof value === 'object' &&
    value !== null &&
    'run' in value &&
    'path' in value &&
    'method' in value
  )
}

/** The API's paths, each with the endpoint of every method it answers. */
export function apiPaths(): ApiPath[] {
  const endpoints = Object.values(endpointModules).flatMap((module) =>
    Object.values(module).filter(isEndpoint),
  )
  const paths = new Map<string, ApiPath>()
  for (const endpoint of endpoints) {
    const path = paths.get(endpoint.path) ?? {
      template: endpoint.path,
      segments: endpoint.path
        .split('/')
        .filter(Boolean)
        .map((part) => {
          const param = /^\{(\w+)\}$/.exec(part)?.[1]
          return param ? { param } : { literal: part }
        }),
      byMethod: new Map<string, Endpoint>(),
    }
    const method = METHODS[endpoint.method]
    if (path.byMethod.has(method))
      throw new Error(`Two endpoints answer ${method} ${path.template}`)
    path.byMethod.set(method, endpoint)
    paths.set(endpoint.path, path)
  }
  // Where a literal and a parameter could both take a segment (`images/order` and
  // `images/{imageId}`), the literal wins, as it would among Remix's routes.
  return [...paths.values()].sort((a, b) => specificity(b) - specificity(a))
}

/** Literal segments as binary digits: a literal earlier in the path outweighs all after it. */
function specificity(path: ApiPath) {
  return path.segments.reduce(
    (sum, segment, index) => sum + ('literal' in segment ? 2 ** -index : 0),
    0,
  )
}

const PATHS = apiPaths()

/** The path and parameters a request names, or null when no endpoint has such a path. */
function match(pathname: string) {
  const parts = pathname.slice(API_BASE.length).split('/').filter(Boolean)
  for (const path of PATHS) {
    if (path.segments.length !== parts.length) continue
    const params: Record<string, string> = {}
    const fits = path.segments.every((segment, index) => {
      const part = parts[index]!
      if ('literal' in segment) return segment.literal === part
      params[segment.param] = part
      return true
    })
    if (fits) return { path, params }
  }
  return null
}

function decoded(params: Record<string, string>) {
  try {
    return Object.fromEntries(
      Object.entries(params).map(([name, value]) => [name, decodeURIComponent(value)]),
    )
  } catch {
    return null // a malformed escape (`%E0%A4%A`) names nothing
  }
}

/** The loader and action of api.v1.$.ts: the endpoint for this method and path, or a problem. */
export function dispatchApi(args: LoaderFunctionArgs | ActionFunctionArgs): Promise<Response> {
  const { pathname } = new URL(args.request.url)
  const found = match(pathname)
  const params = found && decoded(found.params)
  if (!found || !params)
    return Promise.resolve(
      problemResponse({
        ...problem(
          404,
          'no-such-endpoint',
          `There is no endpoint at ${pathname}: see ${API_BASE}/openapi.json.`,
        ),
        instance: pathname,
      }),
    )
  const method = args.request.method === 'HEAD' ? 'GET' : args.request.method
  const endpoint = found.path.byMethod.get(method)
  if (endpoint) return endpoint.run({ ...args, params })
  const allowed = [...found.path.byMethod.keys()].join(', ')
  return Promise.resolve(
    problemResponse(problem(405, 'method-not-allowed', `Use ${allowed} here.`), {
      Allow: allowed,
    }),
  )
}
