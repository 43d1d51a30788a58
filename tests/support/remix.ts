import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from '@remix-run/node'

// Calls loaders and actions the way Remix does, and reads what they return or throw.

export type RouteRequestInit = {
  method?: string
  form?: Record<string, string | string[]> | FormData
  cookie?: string
  headers?: Record<string, string>
}

export function routeRequest(path: string, init: RouteRequestInit = {}) {
  const headers = new Headers(init.headers)
  if (init.cookie) headers.set('Cookie', init.cookie)
  let body: FormData | undefined
  if (init.form instanceof FormData) body = init.form
  else if (init.form) {
    body = new FormData()
    for (const [key, value] of Object.entries(init.form)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(key, item)
    }
  }
  return new Request(new URL(path, 'http://localhost:3000'), {
    method: init.method ?? (body ? 'POST' : 'GET'),
    headers,
    body,
  })
}

export function testContext(overrides: Partial<AppLoadContext> = {}): AppLoadContext {
  return {
    cspNonce: 'test-nonce',
    requestId: 'test-request',
    clientIp: '203.0.113.7',
    ...overrides,
  }
}

type Handler<A> = (args: A) => unknown

/** Runs a loader or action; a thrown Response (redirect, 404) is returned instead of thrown. */
export async function callRoute(
  handler: Handler<LoaderFunctionArgs> | Handler<ActionFunctionArgs>,
  request: Request,
  options: { params?: Record<string, string>; context?: Partial<AppLoadContext> } = {},
): Promise<RouteResult> {
  try {
    const result = await handler({
      request,
      params: options.params ?? {},
      context: testContext(options.context),
    })
    return toResult(result)
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown))
      return { ...(await toResult(thrown)), thrown: true }
    throw thrown
  }
}

export type RouteResult = { status: number; headers: Headers; data: unknown; thrown?: boolean }

function isDataWithInit(
  value: unknown,
): value is { type: 'DataWithResponseInit'; data: unknown; init: ResponseInit | null } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'DataWithResponseInit'
  )
}

async function toResult(value: unknown): Promise<RouteResult> {
  if (value instanceof Response) {
    // A live stream never ends: its answer is its status and headers.
    if (value.headers.get('Content-Type')?.startsWith('text/event-stream')) {
      await value.body?.cancel()
      return { status: value.status, headers: value.headers, data: null }
    }
    const text = await value.text()
    let data: unknown = text
    try {
      data = JSON.parse(text)
    } catch {
      // Not JSON: the text is the data.
    }
    return { status: value.status, headers: value.headers, data }
  }
  if (isDataWithInit(value)) {
    return {
      status: value.init?.status ?? 200,
      headers: new Headers(value.init?.headers),
      data: value.data,
    }
  }
  return { status: 200, headers: new Headers(), data: value }
}

/** The cookie a response sets under `name`, as a `name=value` Cookie header (undefined when it sets none). */
export function cookieFrom(headers: Headers, name: string) {
  const setCookie = headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`))
  return setCookie?.split(';')[0]
}
