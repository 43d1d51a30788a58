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
