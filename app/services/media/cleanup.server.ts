import { prisma, type OutboxEvent } from '~/infra/db.server.ts'
import type { OutboxHandler } from '~/infra/outbox/worker.server.ts'
import { getStorage, type ObjectStorage } from '~/infra/storage/storage.server.ts'
import { MEDIA_SWEEP_TOPIC } from './assets.server.ts'

// Stored objects follow the database, eventually. Two outbox topics:
// - `storage.delete` (key: an object key), queued by database triggers whenever a row naming
//   an object is deleted; the object is deleted unless a row names it again.
// - `media.sweep` (key: an asset id), queued before an upload or rebuild writes objects and due
//   an hour later; it deletes the asset's objects that no row names, so a crash between
//   writing objects and committing rows leaves nothing behind for long.
// Failures are retried by the outbox worker with backoff; the database change never waits.

export const STORAGE_DELETE_TOPIC = 'storage.delete'
/** Objects younger than this are never swept: a rebuild may be about to commit their rows. */
export const SWEEP_GRACE_MS = 15 * 60_000

/** Keys among these that a row still names. */
async function referencedKeys(keys: string[]) {
  if (!keys.length) return new Set<string>()
  const [variants, originals] = await Promise.all([
    prisma.mediaVariant.findMany({ where: { key: { in: keys } }, select: { key: true } }),
    prisma.mediaAsset.findMany({
      where: { originalKey: { in: keys } },
      select: { originalKey: true },
    }),
  ])
  return new Set([...variants.map((row) => row.key), ...originals.map((row) => row.originalKey)])
}

/** Deletes the events' objects; events whose object could not be deleted fail (and are retried). */
export async function deleteStoredObjects(storage: ObjectStorage, events: OutboxEvent[]) {
  const keys = [...new Set(events.map((event) => event.key))]
  const stillUsed = await referencedKeys(keys)
  const failedKeys = await storage.delete(keys.filter((key) => !stillUsed.has(key)))
  const failed = new Map<bigint, unknown>()
  for (const event of events) {
    const error = failedKeys.get(event.key)
    if (error) failed.set(event.id, error)
  }
  return { failed }
}

/** Deletes the objects under each asset's prefixes that no row names and that are old enough. */
export async function sweepAssets(
  storage: ObjectStorage,
  events: OutboxEvent[],
  graceMs = SWEEP_GRACE_MS,
) {
  const failed = new Map<bigint, unknown>()
  const cutoff = Date.now() - graceMs
  for (const event of events) {
    try {
      if (!/^[a-z0-9]{8,64}$/.test(event.key)) continue
      const candidates: string[] = []
      for (const prefix of [`img/${event.key}/`, `originals/${event.key}/`]) {
        for await (const object of storage.list(prefix)) {
          if (object.lastModified.getTime() < cutoff) candidates.push(object.key)
        }
      }
      const used = await referencedKeys(candidates)
      const orphans = candidates.filter((key) => !used.has(key))
      const failedKeys = await storage.delete(orphans)
      if (failedKeys.size) failed.set(event.id, [...failedKeys.values()][0])
    } catch (error) {
      failed.set(event.id, error)
    }
  }
  return { failed }
}

export const mediaOutboxHandlers: OutboxHandler[] = [
  {
    topic: STORAGE_DELETE_TOPIC,
    batchSize: 500,
    handle: (events) => deleteStoredObjects(getStorage(), events),
  },
  {
    topic: MEDIA_SWEEP_TOPIC,
    batchSize: 20,
    handle: (events) => sweepAssets(getStorage(), events),
  },
]
