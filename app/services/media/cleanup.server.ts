import { z } from 'zod'
import { prisma } from '~/infra/db.server.ts'
import type { JobTask } from '~/infra/jobs/worker.server.ts'
import { getStorage, type ObjectStorage } from '~/infra/storage/storage.server.ts'

// Stored objects follow the database, eventually. Two jobs:
// - `storage.delete` ({ keys }), queued by database triggers whenever rows naming objects are
//   deleted (one job per statement); each object is deleted unless a row names it again.
// - `media.sweep` ({ assetIds }), queued before an upload or rebuild writes objects and due an
//   hour later; it deletes the assets' objects that no row names, so a crash between writing
//   objects and committing rows leaves nothing behind for long.
// A failure is retried with backoff (deleting again what is already gone is harmless); the
// database change never waits for storage.

export const STORAGE_DELETE_TASK = 'storage.delete'
export const MEDIA_SWEEP_TASK = 'media.sweep'
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

/** Deletes the objects that no row names. Returns the keys that could not be deleted. */
export async function deleteStoredObjects(storage: ObjectStorage, keys: string[]) {
  const unique = [...new Set(keys)]
  const stillUsed = await referencedKeys(unique)
  return storage.delete(unique.filter((key) => !stillUsed.has(key)))
}

/**
 * Deletes the objects under each asset's prefixes that no row names and that are old enough.
 * Returns the keys that could not be deleted.
 */
export async function sweepAssets(
  storage: ObjectStorage,
  assetIds: string[],
  graceMs = SWEEP_GRACE_MS,
) {
  const failed = new Map<string, Error>()
  const cutoff = Date.now() - graceMs
  for (const assetId of new Set(assetIds)) {
    if (!/^[a-z0-9]{8,64}$/.test(assetId)) continue
    const candidates: string[] = []
    for (const prefix of [`img/${assetId}/`, `originals/${assetId}/`]) {
      for await (const object of storage.list(prefix)) {
        if (object.lastModified.getTime() < cutoff) candidates.push(object.key)
      }
    }
    const used = await referencedKeys(candidates)
    for (const [key, error] of await storage.delete(candidates.filter((key) => !used.has(key))))
      failed.set(key, error)
  }
  return failed
}

class StorageCleanupError extends Error {
  override name = 'StorageCleanupError'
  constructor(failed: Map<string, Error>) {
    const [key, error] = [...failed][0]!
    super(`Could not delete ${failed.size} stored object(s), e.g. ${key}: ${error.message}`)
  }
}

/** Fails the job (to be retried) when any object is left. */
function throwIfAny(failed: Map<string, Error>) {
  if (failed.size) throw new StorageCleanupError(failed)
}

/** The `storage.delete` task, on the given storage (the configured one in the app). */
export function storageDeleteTaskOn(storage: () => ObjectStorage): JobTask {
  return async (payload) => {
    const { keys } = z.object({ keys: z.array(z.string()) }).parse(payload)
    throwIfAny(await deleteStoredObjects(storage(), keys))
  }
}

/** The `media.sweep` task, on the given storage (the configured one in the app). */
export function mediaSweepTaskOn(storage: () => ObjectStorage): JobTask {
  return async (payload) => {
    const { assetIds } = z.object({ assetIds: z.array(z.string()) }).parse(payload)
    throwIfAny(await sweepAssets(storage(), assetIds))
  }
}

export const storageDeleteTask = storageDeleteTaskOn(getStorage)
export const mediaSweepTask = mediaSweepTaskOn(getStorage)
