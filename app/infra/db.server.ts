import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaClient } from '~/generated/prisma/client.ts'
import { getEnv } from './env.server.ts'
import { countRoundTrip } from './request-context.server.ts'
import { singleton } from './singleton.server.ts'

export { Prisma } from '~/generated/prisma/client.ts'
export type * from '~/generated/prisma/client.ts'

/**
 * A connection that sends one query at a time. Prisma's query interpreter reads the relations
 * of a nested select in parallel, which inside a transaction means several queries on one
 * connection at once: pg queues them but warns that doing so will be an error in pg 9. Waiting
 * here for the previous query gives the same order without relying on that queue.
 * Each query also counts as a round trip of the current request (see request-context).
 */
class OneQueryAtATimeClient extends pg.Client {
  #last: Promise<unknown> = Promise.resolve()

  override query(...args: unknown[]): never {
    countRoundTrip()
    const [config] = args
    const submittable = typeof config === 'object' && config !== null && 'submit' in config
    // Callback-style and streaming queries are the pool's own one-off calls: nothing else can
    // be running on the connection while they do.
    if (submittable || args.some((arg) => typeof arg === 'function'))
      return Reflect.apply(super.query, this, args) as never
    const run = this.#last.then(() => Reflect.apply(super.query, this, args) as Promise<unknown>)
    this.#last = run.catch(() => undefined)
    return run as never
  }
}

/** The one Prisma client of the process, over node-postgres (no native query engine). */
export const prisma = singleton('prisma', () => {
  const adapter = new PrismaPg(dbPool(), { disposeExternalPool: true })
  return new PrismaClient({ adapter })
})

/** The connection pool under the Prisma client (its figures are on /metrics). */
export function dbPool() {
  return singleton('pg-pool', () => {
    const env = getEnv()
    return new pg.Pool({
      connectionString: env.databaseUrl,
      max: env.DATABASE_POOL_MAX,
      Client: OneQueryAtATimeClient,
    })
  })
}

export type DbClient = typeof prisma
/** A client usable inside `prisma.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<DbClient['$transaction']>[0]>[0]

/**
 * A deadlock or serialization failure: PostgreSQL rolled the transaction back, and running it
 * again from the start is the cure. (Lock orders make these rare, but foreign-key checks take
 * row locks of their own.)
 */
export function isTransientTransactionError(error: unknown) {
  if (typeof error !== 'object' || error === null) return false
  const { code, message } = error as { code?: unknown; message?: unknown }
  if (code === 'P2034') return true
  return (
    typeof message === 'string' && /deadlock detected|could not serialize|40P01|40001/.test(message)
  )
}

/** PostgreSQL's codes for a lost or refused connection: class 08, and 57P01–57P03 (shutting down, starting up). */
const UNAVAILABLE_SQLSTATE = /^(08\d{3}|57P0[123])$/
/** What Prisma and its pg adapter call a database that cannot be reached or went away. */
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1017', 'P2024'])
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
])
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'])

/**
 * The database could not be reached, or dropped the connection (a restart, a failover): the
 * request failed through no fault of its own and can be tried again in a moment (a 503, never a
 * 500). Nothing it wrote in a transaction was committed. Reads Prisma's errors, the pg adapter's
 * and node-postgres' own, following `cause`.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false
  const { code, message, meta, cause } = error as {
    code?: unknown
    message?: unknown
    meta?: { code?: unknown; driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } }
    cause?: unknown
  }
  if (typeof code === 'string') {
    if (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code)) return true
    if (UNAVAILABLE_SQLSTATE.test(code)) return true
  }
  const adapter = meta?.driverAdapterError?.cause
  if (typeof adapter?.kind === 'string' && UNAVAILABLE_ADAPTER_KINDS.has(adapter.kind)) return true
  if (typeof adapter?.code === 'string' && UNAVAILABLE_SQLSTATE.test(adapter.code)) return true
  if (typeof meta?.code === 'string' && UNAVAILABLE_SQLSTATE.test(meta.code)) return true
  if (
    typeof message === 'string' &&
    /Code: `(08\d{3}|57P0[123])`|Can't reach database server|Connection terminated|Server has closed the connection|connection error and is not queryable/.test(
      message,
    )
  )
    return true
  return isDatabaseUnavailable(cause, depth + 1)
}
