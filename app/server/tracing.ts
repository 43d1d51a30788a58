import type { ServerBuild } from '@remix-run/node'
import { requestContext } from '~/infra/request-context.server.ts'
import { tracingEnabled, withSpan } from '~/infra/telemetry/tracing.server.ts'

// Remix 2 has no tracing hooks of its own: with traces exported, every route module's loader and
// action runs in a span named after its route id, and the request's span (node:http's) takes the
// deepest matched route as its name and `http.route` (bounded, unlike the URL).

type Routes = ServerBuild['routes']
type Handler = (args: { request: Request }) => unknown

/** The build with its loaders and actions in spans, or the build itself without tracing. */
export function traceServerBuild(build: ServerBuild): ServerBuild {
  if (!tracingEnabled) return build
  const routes: Routes = {}
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route) continue
    const pattern = routePattern(build.routes, id)
    const depth = routeDepth(build.routes, id)
    const module = { ...route.module }
    for (const kind of ['loader', 'action'] as const) {
      const handler = module[kind] as Handler | undefined
      if (!handler) continue
      const wrapped: Handler = (args) => {
        nameRequestSpan(args.request.method, id, pattern, depth)
        return withSpan(
          `${kind} ${id}`,
          { 'remix.route_id': id, 'remix.handler': kind },
          async () => handler(args),
        )
      }
      ;(module as Record<string, unknown>)[kind] = wrapped
    }
    routes[id] = { ...route, module }
  }
  return { ...build, routes }
}

function nameRequestSpan(method: string, id: string, pattern: string, depth: number) {
  const store = requestContext.getStore()
  const span = store?.span
  if (!store || !span || (store.routeDepth ?? -1) >= depth) return
  store.routeDepth = depth
  span.setAttribute('http.route', pattern)
  span.setAttribute('remix.route_id', id)
  span.updateName(`${method} ${pattern}`)
}

function routePattern(routes: Routes, id: string) {
  const segments: string[] = []
  for (let route = routes[id]; route; route = route.parentId ? routes[route.parentId] : undefined)
    if (route.path) segments.unshift(route.path)
  return `/${segments.join('/')}`.replace(/\/+/g, '/')
}

function routeDepth(routes: Routes, id: string) {
  let depth = 0
  for (let route = routes[id]; route?.parentId; route = routes[route.parentId]) depth += 1
  return depth
}
