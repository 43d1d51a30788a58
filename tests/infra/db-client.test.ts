import { afterEach, describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { requestContext } from '~/infra/request-context.server.ts'

const warnings: Error[] = []
const onWarning = (warning: Error) => warnings.push(warning)
process.on('warning', onWarning)
afterEach(() => {
  warnings.length = 0
})

describe('the database client', () => {
  test('queries started together inside a transaction run one after another, without pg warning', async () => {
    // Prisma's interpreter reads nested relations in parallel; inside a transaction they share
    // one connection, where pg 8 queues them with a deprecation warning (an error in pg 9).
    const results = await prisma.$transaction(async (tx) =>
      Promise.all([
        tx.$queryRaw<Array<{ n: number }>>`SELECT 1::int AS n, pg_sleep(0.05)::text AS slept`,
        tx.$queryRaw<Array<{ n: number }>>`SELECT 2::int AS n`,
        tx.user.count(),
        // Sibling relations: the interpreter reads them at the same time.
        tx.product.findMany({
          select: {
            id: true,
            brand: { select: { id: true } },
            shop: { select: { id: true } },
            variants: { select: { id: true } },
            images: { select: { id: true } },
          },
        }),
      ]),
    )
    expect(results[0][0]?.n).toBe(1)
    expect(results[1][0]?.n).toBe(2)
    await new Promise((resolve) => setImmediate(resolve))
    expect(warnings.map((warning) => warning.message)).not.toContainEqual(
      expect.stringContaining('already executing a query'),
    )
  })

  test('a failed query inside a transaction does not stop the ones queued behind it from settling', async () => {
    await expect(
      prisma.$transaction(async (tx) =>
        Promise.all([tx.$queryRaw`SELECT * FROM no_such_table`, tx.$queryRaw`SELECT 1`]),
      ),
    ).rejects.toThrow()
    // The connection went back to the pool in a usable state.
    expect(await prisma.$queryRaw`SELECT 1 AS ok`).toEqual([{ ok: 1 }])
  })

  test('counts the round trips of the current request', async () => {
    const context = { requestId: 'test', roundTrips: 0 }
    await requestContext.run(context, async () => {
      await prisma.$queryRaw`SELECT 1`
      await Promise.all([prisma.user.count(), prisma.category.count()])
    })
    expect(context.roundTrips).toBe(3)
  })
})
