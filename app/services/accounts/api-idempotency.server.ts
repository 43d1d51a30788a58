import { randomUUID } from 'node:crypto'
import { prisma } from '~/infra/db.server.ts'

// The first answers of API requests made with an `Idempotency-Key` (docs/decisions/022): one row
// per account and key. The first request claims the key (a row without an answer), does its
// work and stores its answer; a retry with the same key reads the answer instead of doing the
// work again. A request that was refused stores nothing and frees the key, as a refused checkout
// places no order.

/** How long a stored answer is replayed; after that the key may be used afresh. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000
/** A claim still without an answer after this long is taken to be a crashed request's. */
export const IDEMPOTENCY_CLAIM_TIMEOUT_MS = 60 * 1000

export type StoredAnswer = { status: number; body: string; location: string | null }

export type IdempotencyClaim =
  | { claimed: true; id: string }
  | { claimed: false; fingerprint: string; answer: StoredAnswer | null }

/**
 * Claims the key for this request, or says what holds it: another request's fingerprint and its
 * answer (null while it is still being made). An expired answer or an abandoned claim is cleared
 * first, so the key can be claimed again.
 */
export async function claimIdempotencyKey(
  userId: string,
  key: string,
  fingerprint: string,
  now = new Date(),
): Promise<IdempotencyClaim> {
  await prisma.apiIdempotencyKey.deleteMany({
    where: {
      userId,
      key,
      OR: [
        { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS) } },
        {
          status: null,
          createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_CLAIM_TIMEOUT_MS) },
        },
      ],
    },
  })
  const id = randomUUID()
  const { count } = await prisma.apiIdempotencyKey.createMany({
    data: [{ id, userId, key, fingerprint, createdAt: now }],
    skipDuplicates: true,
  })
  if (count === 1) return { claimed: true, id }
  const held = await prisma.apiIdempotencyKey.findUnique({
    where: { userId_key: { userId, key } },
    select: { fingerprint: true, status: true, body: true, location: true },
  })
  // Freed between the insert and the read (the holder was refused): try again.
  if (!held) return claimIdempotencyKey(userId, key, fingerprint, now)
  return {
    claimed: false,
    fingerprint: held.fingerprint,
    answer:
      held.status === null
        ? null
        : { status: held.status, body: held.body ?? '', location: held.location },
  }
}

/** Keeps the answer of the request that claimed the key. */
export async function storeIdempotentAnswer(id: string, answer: StoredAnswer) {
  await prisma.apiIdempotencyKey.update({
    where: { id },
    data: { ...answer, completedAt: new Date() },
  })
}

/** Frees the key of a request that was refused or failed: nothing was done, so a retry may do it. */
export async function releaseIdempotencyKey(id: string) {
  await prisma.apiIdempotencyKey.deleteMany({ where: { id, status: null } })
}

/** Deletes answers older than the replay window (the daily job). */
export async function pruneIdempotencyKeys(now = new Date()) {
  const { count } = await prisma.apiIdempotencyKey.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS) } },
  })
  return count
}
