// Over 400 lines on purpose: the one pipeline every API request passes through, read in order.
import { createHash } from 'node:crypto'
import type { RouteConfig } from '@asteasolutions/zod-to-openapi'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { getT } from '~/i18n/i18n.server.ts'
import { translateMessage } from '~/i18n/validation.ts'
import { getEnv } from '~/infra/env.server.ts'
import { logger } from '~/infra/logger.server.ts'
import { readJsonBody } from '~/infra/uploads/json-body.server.ts'
import type { ApiScope } from '~/services/accounts/api-token-schemas.ts'
import { recordApiTokenUse } from '~/services/accounts/api-tokens.server.ts'
import { DomainError } from '~/utils/domain-error.ts'
import { problem, problemOf, problemResponse, type Problem } from '../errors.server.ts'
import { authenticateRequest, requireScope, type ApiCaller } from './auth.server.ts'
import { apiRegistry } from './openapi.server.ts'
import { consumeApiRequest } from './rate-limit.server.ts'
import { ProblemSchema } from './schemas.ts'
import { fingerprint, idempotently } from './idempotency.server.ts'

// One endpoint of /api/v1: its schemas (which validate the request, the response in development
// and tests, and write the OpenAPI document), who may call it, and a handler that calls the same
// domain service a page does. Everything else every endpoint needs is done here once: the caller,
// the rate limit, the body, refusals as problem details, ETags, the token's audit trail.

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'
type AnyObject = z.ZodObject<z.ZodRawShape>

/** `public`: anyone (a caller is still identified when it sends a token); otherwise a scope. */
export type EndpointAccess = 'public' | ApiScope

export type EndpointContext<P, Q, B, C = ApiCaller | null> = {
  request: Request
  params: P
  query: Q
  body: B
  /** Signed in and allowed the scope, unless the endpoint is public. */
  caller: C
  clientIp: string
}

export type Reply<R> = { status?: 200 | 201 | 202; body: R; headers?: Record<string, string> }
export type EmptyReply = { status: 204; headers?: Record<string, string> }

export type EndpointSpec<
  P extends AnyObject,
  Q extends AnyObject,
  B extends z.ZodType,
  R extends z.ZodType,
  A extends EndpointAccess = EndpointAccess,
> = {
  method: Method
  /** The OpenAPI path below /api/v1, e.g. `/products/{id}`. */
  path: string
  operationId: string
  summary: string
  description?: string
  tags: string[]
  access: A
  params?: P
  query?: Q
  body?: B
  /** The success answer; `null` schema for 204 No Content. */
  response: { status: 200 | 201 | 202 | 204; description: string; schema: R | null }
  /** Refusals this endpoint can answer (besides 401/403/429, added from `access`). */
  errors?: number[]
  /** Extra request headers to document (If-Match, Idempotency-Key). */
  headers?: AnyObject
  /**
   * The body is files as multipart/form-data (the handler reads `request` itself, as it arrives):
   * the form's fields, for the document.
   */
  upload?: AnyObject
  /**
   * A POST that creates something: with an `Idempotency-Key`, a retry of the same request is
   * answered with the first answer (`Idempotent-Replayed: true`) and does nothing again.
   */
  idempotent?: boolean
  handle(
    context: EndpointContext<
      z.infer<P>,
      z.infer<Q>,
      z.infer<B>,
      A extends 'public' ? ApiCaller | null : ApiCaller
    >,
  ): Promise<Reply<z.infer<R>> | EmptyReply>
}

export type Endpoint = {
  method: Method
  path: string
  operationId: string
  access: EndpointAccess
  run(args: LoaderFunctionArgs | ActionFunctionArgs): Promise<Response>
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'The query or the request is malformed',
  401: 'No valid token (or session)',
  403: 'The token lacks the scope, or the account the right',
  404: 'No such thing, or not yours',
  409: 'Its state forbids this',
  412: 'Changed since you read it (If-Match)',
  413: 'The body is too large',
  415: 'The body is not JSON',
  422: 'The body breaks a rule; `errors` names the fields',
  428: 'A precondition header is required',
  429: 'Too many requests; see Retry-After',
  503: 'A service is unavailable; try again later',
}

const MAX_JSON_BYTES = 1024 * 1024

type GeneralSpec = EndpointSpec<AnyObject, AnyObject, z.ZodType, z.ZodType, EndpointAccess>

export function defineEndpoint<
  P extends AnyObject,
  Q extends AnyObject,
  B extends z.ZodType,
  R extends z.ZodType,
  A extends EndpointAccess,
>(spec: EndpointSpec<P, Q, B, R, A>): Endpoint {
  // The handler's caller type follows `access`, which runEndpoint enforces before calling it.
  const general = spec as unknown as GeneralSpec
  register(general)
  return {
    method: spec.method,
    path: spec.path,
    operationId: spec.operationId,
    access: spec.access,
    run: (args) => runEndpoint(general, args),
  }
}

function register(spec: GeneralSpec) {
  const statuses = new Set([...(spec.errors ?? []), 429])
  if (spec.access !== 'public') {
    statuses.add(401)
    statuses.add(403)
  }
  if (spec.params || spec.query) statuses.add(400)
  if (spec.body || spec.upload) [400, 413, 415, 422].forEach((status) => statuses.add(status))
  if (spec.idempotent) [400, 409, 422].forEach((status) => statuses.add(status))
  const problemContent = { 'application/problem+json': { schema: ProblemSchema } }
  const responses: RouteConfig['responses'] = {
    [spec.response.status]: {
      description: spec.response.description,
      ...(spec.response.schema
        ? { content: { 'application/json': { schema: spec.response.schema } } }
        : {}),
    },
  }
  if (spec.method === 'get') responses[304] = { description: 'Not modified (If-None-Match)' }
  for (const status of [...statuses].sort())
    responses[status] = {
      description: ERROR_DESCRIPTIONS[status] ?? 'Refused',
      content: problemContent,
    }
  apiRegistry.registerPath({
    method: spec.method,
    path: spec.path,
    operationId: spec.operationId,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: spec.tags,
    security:
      spec.access === 'public'
        ? [{}, { bearerAuth: [] }]
        : [{ bearerAuth: [spec.access] }, { sessionCookie: [] }],
    request: {
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { query: spec.query } : {}),
      ...(requestHeaders(spec) ? { headers: requestHeaders(spec) } : {}),
      ...(spec.body
        ? { body: { required: true, content: { 'application/json': { schema: spec.body } } } }
        : {}),
      ...(spec.upload
        ? { body: { required: true, content: { 'multipart/form-data': { schema: spec.upload } } } }
        : {}),
    },
    responses,
  })
}

const IdempotencyKeyHeader = z.object({
  'Idempotency-Key': z.string().optional().meta({
    description:
      '16–100 letters, digits, `-` or `_`, new for each thing you create. A retry with the same key and request (a lost answer, a double submit) is answered with the first answer and `Idempotent-Replayed: true`, and does nothing again; the same key with another request is a 422, and while the first is still running a retry waits for it (a 409 after 10 seconds).',
  }),
})

/** The request headers an operation documents: its own, and Idempotency-Key where honoured. */
function requestHeaders(spec: GeneralSpec): AnyObject | undefined {
  if (!spec.idempotent || spec.headers?.shape['Idempotency-Key']) return spec.headers
  return spec.headers ? spec.headers.extend(IdempotencyKeyHeader.shape) : IdempotencyKeyHeader
}

async function runEndpoint(
  spec: GeneralSpec,
  { request, params, context }: LoaderFunctionArgs | ActionFunctionArgs,
): Promise<Response> {
  const clientIp = context.clientIp
  let caller: ApiCaller | null = null
  let headers: Record<string, string> = {}
  let response: Response
  try {
    try {
      caller = await authenticateRequest(request)
    } catch (error) {
      // A bad token still counts against its address, so guessing tokens is rate limited.
      const decision = await consumeApiRequest('address', clientIp)
      headers = decision.headers
      if (!decision.allowed) throw tooMany()
      throw error
    }
    const decision = caller
      ? await consumeApiRequest('token', caller.tokenId ?? `user:${caller.user.id}`)
      : await consumeApiRequest('address', clientIp)
    headers = decision.headers
    if (!decision.allowed) throw tooMany()
    if (spec.access !== 'public') requireScope(caller, spec.access)
    const input = await parseInput(spec, request, params)
    const run = async () =>
      answer(spec, request, await spec.handle({ request, caller, clientIp, ...input }), headers)
    const key = spec.idempotent && caller ? idempotencyKeyOf(request) : null
    // Files are not read before the handler streams them: a retry of an upload sends the same
    // bytes, so the same type (with its boundary) and length stand for them.
    const bodyPrint = spec.upload
      ? `${request.headers.get('Content-Type')} ${request.headers.get('Content-Length')}`
      : input.body
    response =
      key && caller
        ? await idempotently(caller.user.id, key, fingerprint(request, bodyPrint), headers, run)
        : await run()
  } catch (error) {
    response = refusalResponse(error, headers, request)
    // A refused upload is not read to its end: the client learns at once, the server reads no more.
    if (spec.upload) response.headers.set('Connection', 'close')
  }
  if (caller?.tokenId) {
    const url = new URL(request.url)
    await recordApiTokenUse(caller.tokenId, {
      method: request.method,
      path: url.pathname,
      status: response.status,
      ip: clientIp,
    })
  }
  return response
}

function tooMany() {
  return new DomainError(
    'rate-limited',
    'rate-limited',
    'Too many requests: slow down and retry later.',
  )
}

class InputError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail)
  }
}

/** A query parameter the schema accepted but the handler cannot use (a stale cursor): 400 at it. */
export function badQuery(name: string, detail: string): never {
  throw new InputError(
    problem(400, 'invalid-query', 'The request has malformed parameters.', {
      [`query.${name}`]: [detail],
    }),
  )
}

/**
 * The version an update was based on, from `If-Match: "<version>"` (the `version` a read gave):
 * 428 without the header, 400 when it is not a version.
 */
export function requireIfMatchVersion(request: Request): number {
  const header = request.headers.get('If-Match')
  if (header === null)
    throw new InputError(
      problem(
        428,
        'precondition-required',
        'Send `If-Match: "<version>"` with the version you read.',
      ),
    )
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header)
  if (!match)
    throw new InputError(
      problem(400, 'invalid-header', 'The request has a malformed header.', {
        'headers.If-Match': ['Use the version you read, in quotes: "7"'],
      }),
    )
  return Number(match[1])
}

/** The `Idempotency-Key` of a request that creates something: 428 without it, 400 when malformed. */
export function requireIdempotencyKey(request: Request): string {
  const key = idempotencyKeyOf(request)
  if (key === null)
    throw new InputError(
      problem(
        428,
        'precondition-required',
        'Send an `Idempotency-Key` header, new for each order.',
      ),
    )
  return key
}

/** The request's `Idempotency-Key`, null without one; 400 when malformed. */
function idempotencyKeyOf(request: Request): string | null {
  const key = request.headers.get('Idempotency-Key')
  if (key === null) return null
  const trimmed = key.trim().replace(/^"(.*)"$/, '$1')
  if (!/^[A-Za-z0-9_-]{16,100}$/.test(trimmed))
    throw new InputError(
      problem(400, 'invalid-header', 'The request has a malformed header.', {
        'headers.Idempotency-Key': ['Use 16 to 100 letters, digits, dashes or underscores'],
      }),
    )
  return trimmed
}

async function parseInput(
  spec: GeneralSpec,
  request: Request,
  rawParams: Record<string, string | undefined>,
) {
  const params: Record<string, unknown> = spec.params
    ? parseOr(spec.params, rawParams, 400, 'invalid-path', '/path')
    : {}
  const query: Record<string, unknown> = spec.query
    ? parseOr(
        spec.query,
        queryObject(new URL(request.url).searchParams, spec.query),
        400,
        'invalid-query',
        '/query',
      )
    : {}
  let body: unknown = undefined
  if (spec.body) {
    const raw = await readJsonBody(request, MAX_JSON_BYTES).catch((error: unknown) => {
      if (error instanceof DomainError && error.kind === 'invalid')
        throw new InputError(problem(400, 'malformed-body', error.message))
      throw error
    })
    body = parseOr(spec.body, raw, 422, 'invalid-body', '')
  }
  return { params, query, body }
}

/** Query strings as an object; a key the schema types as an array keeps every value. */
function queryObject(searchParams: URLSearchParams, schema: AnyObject) {
  const out: Record<string, string | string[]> = {}
  for (const key of new Set(searchParams.keys())) {
    // Own fields only: `?toString=…` must not find Object.prototype's method.
    const field = Object.hasOwn(schema.shape, key) ? schema.shape[key] : undefined
    out[key] =
      field && isArraySchema(field) ? searchParams.getAll(key) : (searchParams.get(key) ?? '')
  }
  return out
}

function isArraySchema(schema: z.core.$ZodType): boolean {
  const def = schema._zod.def as { type: string; innerType?: z.core.$ZodType }
  if (def.type === 'array') return true
  if ((def.type === 'optional' || def.type === 'default') && def.innerType)
    return isArraySchema(def.innerType)
  return false
}

function parseOr<S extends z.ZodType>(
  schema: S,
  value: unknown,
  status: number,
  code: string,
  root: string,
): z.infer<S> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const fieldErrors: Record<string, string[]> = {}
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.')
    const key = root ? `${root.slice(1)}${path ? `.${path}` : ''}` : path
    ;(fieldErrors[key] ??= []).push(englishText(issue.message))
  }
  const detail =
    status === 400
      ? 'The request has malformed parameters.'
      : 'The request body breaks a rule: see `errors`.'
  throw new InputError(problem(status, code, detail, fieldErrors))
}

/** Schema messages are validation keys (app/i18n/validation.ts); the API speaks English. */
export function englishText(text: string) {
  const t = getT('en', 'validation')
  return translateMessage(text, (key, values) => t(key, values), String)
}

export function answer(
  spec: GeneralSpec,
  request: Request,
  reply: Reply<unknown> | EmptyReply,
  rateHeaders: Record<string, string>,
) {
  const headers = new Headers({ ...rateHeaders, ...reply.headers })
  if (reply.status === 204) return new Response(null, { status: 204, headers })
  // In development and tests every answer is checked against the schema the document shows.
  if (!getEnv().isProduction && spec.response.schema) {
    const checked = spec.response.schema.safeParse(reply.body)
    if (!checked.success)
      throw new Error(
        `${spec.operationId} answered outside its schema: ${JSON.stringify(checked.error.issues.slice(0, 5))}`,
      )
  }
  const text = JSON.stringify(reply.body)
  headers.set('Content-Type', 'application/json; charset=utf-8')
  if (spec.method === 'get') {
    const etag = `W/"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`
    headers.set('ETag', etag)
    headers.set(
      'Cache-Control',
      spec.access === 'public' ? 'public, max-age=0, must-revalidate' : 'private, no-cache',
    )
    headers.set('Vary', 'Authorization, Cookie')
    if (matchesEtag(request.headers.get('If-None-Match'), etag))
      return new Response(null, { status: 304, headers })
  } else headers.set('Cache-Control', 'no-store')
  return new Response(text, { status: reply.status ?? 200, headers })
}

function matchesEtag(header: string | null, etag: string) {
  if (!header) return false
  if (header.trim() === '*') return true
  const bare = (tag: string) => tag.trim().replace(/^W\//, '')
  return header.split(',').some((tag) => bare(tag) === bare(etag))
}

function refusalResponse(error: unknown, rateHeaders: Record<string, string>, request: Request) {
  if (error instanceof InputError) return problemResponse(error.problem, rateHeaders)
  if (error instanceof Response) throw error
  if (error instanceof DomainError) {
    const { problem: body, headers } = problemOf(error)
    const detail = englishText(body.detail)
    const errors = body.errors?.map((item) => ({ ...item, detail: englishText(item.detail) }))
    const extra: Record<string, string> = {}
    if (body.status === 401)
      extra['WWW-Authenticate'] =
        `Bearer realm="api"${error.code === 'invalid-token' ? ', error="invalid_token"' : ''}`
    if (body.status === 403 && error.code === 'insufficient-scope')
      extra['WWW-Authenticate'] = 'Bearer realm="api", error="insufficient_scope"'
    return problemResponse(
      { ...body, detail, ...(errors ? { errors } : {}), instance: new URL(request.url).pathname },
      { ...rateHeaders, ...headers, ...extra },
    )
  }
  logger.error({ err: error }, 'API request failed')
  return problemResponse(
    problem(500, 'internal-error', 'Something went wrong on our side.'),
    rateHeaders,
  )
}
