import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
  type EnqueuedTask,
  type MultiSearchQuery,
  type SearchForFacetValuesParams,
  type Task,
} from 'meilisearch'
import { z } from 'zod'
import { DomainError } from '~/utils/domain-error.ts'
import { readEmbeddedMasterKey } from '../embedded/meilisearch.server.ts'
import { getEnv } from '../env.server.ts'
import { singleton } from '../singleton.server.ts'
import { createNodeHttpClient, type NodeHttpClient } from './http-client.server.ts'

// The one Meilisearch client of the process, on the keep-alive transport, plus the error
// vocabulary the domain uses: SearchUnavailableError when Meilisearch cannot be reached (or
// answers garbage), SearchTaskFailedError when it refused a write.

type ClientHolder = { client: Meilisearch; transport: NodeHttpClient }

function createClient(): ClientHolder {
  const env = getEnv()
  const apiKey =
    env.MEILI_MASTER_KEY ??
    (env.embeddedMeilisearch ? readEmbeddedMasterKey(env.dataDir) : undefined)
  const transport = createNodeHttpClient()
  const client = new Meilisearch({
    host: env.meiliHost,
    apiKey,
    httpClient: transport.request,
    timeout: env.MEILI_TIMEOUT_MS,
  })
  return { client, transport }
}

function holder() {
  return singleton('meilisearch', createClient)
}

export function getSearchClient(): Meilisearch {
  return holder().client
}

/** Closes the idle connections (at shutdown). */
export function closeSearchClient() {
  holder().transport.close()
}

/** An index name with this environment's prefix (MEILI_INDEX_PREFIX). */
export function indexUid(name: string) {
  return `${getEnv().MEILI_INDEX_PREFIX}${name}`
}

/** Meilisearch could not be reached, timed out, or answered something unexpected. */
export class SearchUnavailableError extends DomainError {
  override name = 'SearchUnavailableError'
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('unavailable', 'search-unavailable', message, {
      ...options,
      publicMessage: 'Search is not available right now. Try again in a moment.',
    })
  }
}

/** Meilisearch processed a write task and reported that it failed. */
export class SearchTaskFailedError extends Error {
  override name = 'SearchTaskFailedError'
  constructor(readonly task: Task) {
    super(
      `Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no reason given'}`,
    )
  }
}

/**
 * The API error behind an error the client threw, if Meilisearch answered at all. (The client
 * wraps whatever a custom transport throws in a MeilisearchRequestError.)
 */
export function meilisearchApiError(error: unknown): MeilisearchApiError | undefined {
  if (error instanceof MeilisearchApiError) return error
  if (error instanceof MeilisearchRequestError && error.cause instanceof MeilisearchApiError)
    return error.cause
  return undefined
}

/** The error code Meilisearch gave (`index_not_found` …), if it answered with one. */
export function meilisearchErrorCode(error: unknown): string | undefined {
  return meilisearchApiError(error)?.cause?.code
}

function isUnreachable(error: unknown) {
  if (meilisearchApiError(error)) return false
  return (
    error instanceof MeilisearchRequestError ||
    error instanceof MeilisearchRequestTimeOutError ||
    error instanceof MeilisearchTaskTimeOutError
  )
}

/** Turns "cannot reach Meilisearch" into SearchUnavailableError; API errors pass through. */
export function toSearchError(error: unknown): unknown {
  if (error instanceof SearchUnavailableError || error instanceof SearchTaskFailedError)
    return error
  if (isUnreachable(error)) {
    const cause =
      error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : ''
    return new SearchUnavailableError(
      `Meilisearch is unavailable (${(error as Error).message}${cause})`,
      { cause: error },
    )
  }
  const apiError = meilisearchApiError(error)
  // A 5xx is the server failing, not our request being wrong.
  if (apiError && apiError.response.status >= 500)
    return new SearchUnavailableError(`Meilisearch failed: ${apiError.message}`, { cause: error })
  if (error instanceof MeilisearchError && !apiError)
    return new SearchUnavailableError(error.message, { cause: error })
  return error
}

/** Runs a call against Meilisearch, translating its failures (see toSearchError). */
export async function callSearch<T>(run: (client: Meilisearch) => Promise<T>): Promise<T> {
  try {
    return await run(getSearchClient())
  } catch (error) {
    throw toSearchError(error)
  }
}

/**
 * Waits until Meilisearch has processed the tasks and throws unless every one succeeded, so
 * callers only record work as done once it is really in the index. (Polls the task list
 * itself: the client's own waitForTask leaks an abort listener per poll.)
 */
export async function waitForTasks(
  tasks: Array<EnqueuedTask | number>,
  { timeoutMs = 45_000 }: { timeoutMs?: number } = {},
) {
  const deadline = Date.now() + timeoutMs
  const finished = new Map<number, Task>()
  let pending = [...new Set(tasks.map((task) => (typeof task === 'number' ? task : task.taskUid)))]
  let interval = 10
  while (pending.length) {
    const { results } = await callSearch((client) =>
      client.tasks.getTasks({ uids: pending, limit: pending.length }),
    )
    for (const task of results)
      if (task.status !== 'enqueued' && task.status !== 'processing') finished.set(task.uid, task)
    pending = pending.filter((uid) => !finished.has(uid))
    if (!pending.length) break
    if (Date.now() > deadline)
      throw new SearchUnavailableError(
        `Meilisearch did not finish task ${pending[0]} within ${timeoutMs / 1000} s`,
      )
    await new Promise((resolve) => setTimeout(resolve, interval))
    interval = Math.min(250, Math.ceil(interval * 1.5))
  }
  const done = [...finished.values()].sort((a, b) => a.uid - b.uid)
  const failed = done.find((task) => task.status !== 'succeeded')
  if (failed) throw new SearchTaskFailedError(failed)
  return done
}

/** Readiness probe: Meilisearch answers and accepts our key. */
export async function pingSearch() {
  await callSearch(async (client) => {
    const health = await client.health()
    if (health.status !== 'available')
      throw new SearchUnavailableError(`Meilisearch reports status ${health.status}`)
    // /health needs no key; /version does, so a wrong key shows here rather than on the first search.
    await client.getVersion()
  })
}

// ---------------------------------------------------------------- validated reads

const FacetDistributionSchema = z.record(
  z.string(),
  z.record(z.string(), z.number().int().nonnegative()),
)
const FacetStatsSchema = z.record(z.string(), z.object({ min: z.number(), max: z.number() }))

function searchResponseSchema<H extends z.ZodType>(hit: H) {
  return z.object({
    indexUid: z.string().optional(),
    hits: z.array(hit),
    query: z.string(),
    processingTimeMs: z.number().nonnegative(),
    totalHits: z.number().int().nonnegative(),
    totalPages: z.number().int().nonnegative(),
    page: z.number().int().nonnegative(),
    hitsPerPage: z.number().int().nonnegative(),
    facetDistribution: FacetDistributionSchema.optional(),
    facetStats: FacetStatsSchema.optional(),
  })
}

function buildResponsesSchema<H extends z.ZodType>(hit: H) {
  return z.object({ results: z.array(searchResponseSchema(hit)) })
}

// One schema per hit schema, built once: zod compiles a schema's checks on its first parse, and
// a schema built per request made that compilation an eighth of a search request's CPU.
const responsesSchemas = new WeakMap<z.ZodType, z.ZodType>()

function responsesSchema<H extends z.ZodType>(hit: H) {
  let schema = responsesSchemas.get(hit)
  if (!schema) {
    schema = buildResponsesSchema(hit)
    responsesSchemas.set(hit, schema)
  }
  return schema as ReturnType<typeof buildResponsesSchema<H>>
}

export type SearchResponse<H> = {
  hits: H[]
  query: string
  processingTimeMs: number
  totalHits: number
  totalPages: number
  page: number
  hitsPerPage: number
  facetDistribution?: Record<string, Record<string, number>>
  facetStats?: Record<string, { min: number; max: number }>
}

/** A page-mode query (page + hitsPerPage), so totals are exact up to the index's maxTotalHits. */
export type PagedQuery = Omit<MultiSearchQuery, 'offset' | 'limit'> & {
  indexUid: string
  page: number
  hitsPerPage: number
}

function unexpectedShape(what: string, error: z.ZodError) {
  const detail = error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    .join('; ')
  return new SearchUnavailableError(
    `Meilisearch answered ${what} in an unexpected shape (${detail})`,
  )
}

/**
 * Runs several searches in one round trip and checks every response, hits included, against
 * the schemas before anything reaches a loader.
 */
export async function multiSearch<H extends z.ZodType>(
  queries: PagedQuery[],
  hit: H,
): Promise<Array<SearchResponse<z.output<H>>>> {
  const raw: unknown = await callSearch((client) => client.multiSearch({ queries }))
  const parsed = responsesSchema(hit).safeParse(raw)
  if (!parsed.success) throw unexpectedShape('a search', parsed.error)
  if (parsed.data.results.length !== queries.length)
    throw new SearchUnavailableError(
      'Meilisearch answered a different number of searches than asked',
    )
  return parsed.data.results
}

const FacetSearchResponseSchema = z.object({
  facetHits: z.array(z.object({ value: z.string(), count: z.number().int().nonnegative() })),
  processingTimeMs: z.number().nonnegative(),
})

/** Values of one facet that match `facetQuery`, counted among the documents the other parameters select. */
export async function searchFacetValues(uid: string, params: SearchForFacetValuesParams) {
  const raw: unknown = await callSearch((client) => client.index(uid).searchForFacetValues(params))
  const parsed = FacetSearchResponseSchema.safeParse(raw)
  if (!parsed.success) throw unexpectedShape('a facet search', parsed.error)
  return parsed.data
}
