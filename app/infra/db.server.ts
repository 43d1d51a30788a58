import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '~/generated/prisma/client.ts'
import { getEnv } from './env.server.ts'
import { singleton } from './singleton.server.ts'

export { Prisma } from '~/generated/prisma/client.ts'
export type * from '~/generated/prisma/client.ts'

/** The one Prisma client of the process, over node-postgres (no native query engine). */
export const prisma = singleton('prisma', () => {
  const env = getEnv()
  const adapter = new PrismaPg({ connectionString: env.databaseUrl, max: env.DATABASE_POOL_MAX })
  return new PrismaClient({ adapter })
})

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
