import type { Redis } from 'ioredis'

// Where rendered anonymous pages are kept: in this process (a size-bounded LRU) or, with
// REDIS_URL, in Redis so every process and machine shares them. Invalidation is by tag and by
// time: a tag remembers when it was last invalidated, and an entry counts only if it started
// rendering after every one of its tags' last invalidation. A render that raced a change
// (read the old data, stored after the invalidation) is therefore never served.

export type PageEntry = {
  status: number
  /** The headers the page was rendered with that a replay needs (Content-Type …). */
  headers: Record<string, string>
  body: Buffer
  gzip: Buffer
  etag: string
  /** The CSP nonce the page's scripts carry: a replay sends the same one in its policy. */
  nonce: string
  tags: string[]
  /** When its render started (ms since the epoch). */
  renderedAt: number
}

export interface PageCacheStore {
  get(key: string): Promise<PageEntry | null>
  set(key: string, entry: PageEntry): Promise<void>
  /** Every entry carrying one of these tags and rendered before now stops counting. */
  invalidate(tags: string[]): Promise<void>
  clear(): Promise<void>
}

/** How long an entry lives at most, whatever happens (relative dates, safety net). */
export const ENTRY_TTL_MS = 10 * 60_000

function fresh(entry: PageEntry, invalidatedAt: Array<number | null>, now: number) {
  if (now - entry.renderedAt > ENTRY_TTL_MS) return false
  return invalidatedAt.every((at) => at === null || at < entry.renderedAt)
}

export function memoryStore({ maxBytes }: { maxBytes: number }): PageCacheStore & {
  bytes(): number
} {
  // A Map keeps insertion order: re-inserting on a hit makes its first key the least recent.
  const entries = new Map<string, PageEntry>()
  const tagTimes = new Map<string, number>()
  let bytes = 0
  const sizeOf = (entry: PageEntry) => entry.body.length + entry.gzip.length + 512
  const drop = (key: string) => {
    const entry = entries.get(key)
    if (!entry) return
    entries.delete(key)
    bytes -= sizeOf(entry)
  }
  return {
    async get(key) {
      const entry = entries.get(key)
      if (!entry) return null
      const now = Date.now()
      if (
        !fresh(
          entry,
          entry.tags.map((tag) => tagTimes.get(tag) ?? null),
          now,
        )
      ) {
        drop(key)
        return null
      }
      entries.delete(key)
      entries.set(key, entry)
      return entry
    },
    async set(key, entry) {
      drop(key)
      const size = sizeOf(entry)
      if (size > maxBytes / 4) return
      entries.set(key, entry)
      bytes += size
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break
        drop(oldest)
      }
    },
    async invalidate(tags) {
      const now = Date.now()
      for (const tag of tags) tagTimes.set(tag, now)
      // Tag times older than any entry can be are of no use: keep the map small.
      if (tagTimes.size > 50_000)
        for (const [tag, at] of tagTimes) if (now - at > ENTRY_TTL_MS) tagTimes.delete(tag)
    },
    async clear() {
      entries.clear()
      tagTimes.clear()
      bytes = 0
    },
    bytes: () => bytes,
  }
}

/**
 * Entries as one binary value each (a JSON head, the page, its gzip), tags as "invalidated at"
 * timestamps; both expire on their own, so nothing needs sweeping.
 */
export function redisStore(redis: Redis, keyOf: (...parts: string[]) => string): PageCacheStore {
  const entryKey = (key: string) => keyOf('page', key)
  const tagKey = (tag: string) => keyOf('page-tag', tag)
  // While Redis is away (the connection was lost), do without the cache at once rather than
  // wait for a reconnection; a first connection still being made is waited for.
  const connected = () => {
    if (redis.status === 'reconnecting' || redis.status === 'close' || redis.status === 'end')
      throw new Error(`Redis is not connected (${redis.status})`)
  }
  return {
    async get(key) {
      connected()
      const raw = await redis.getBuffer(entryKey(key))
      if (!raw || raw.length < 4) return null
      const headLength = raw.readUInt32BE(0)
      const head = JSON.parse(raw.subarray(4, 4 + headLength).toString('utf8')) as Omit<
        PageEntry,
        'body' | 'gzip'
      > & { bodyLength: number }
      const start = 4 + headLength
      const entry: PageEntry = {
        ...head,
        body: raw.subarray(start, start + head.bodyLength),
        gzip: raw.subarray(start + head.bodyLength),
      }
      const times = entry.tags.length ? await redis.mget(...entry.tags.map(tagKey)) : []
      if (
        !fresh(
          entry,
          times.map((value) => (value === null ? null : Number(value))),
          Date.now(),
        )
      )
        return null
      return entry
    },
    async set(key, entry) {
      connected()
      const { body, gzip, ...rest } = entry
      const head = Buffer.from(JSON.stringify({ ...rest, bodyLength: body.length }), 'utf8')
      const length = Buffer.alloc(4)
      length.writeUInt32BE(head.length, 0)
      await redis.set(entryKey(key), Buffer.concat([length, head, body, gzip]), 'PX', ENTRY_TTL_MS)
    },
    async invalidate(tags) {
      if (!tags.length) return
      const now = String(Date.now())
      const pipeline = redis.pipeline()
      for (const tag of tags) pipeline.set(tagKey(tag), now, 'PX', ENTRY_TTL_MS + 60_000)
      await pipeline.exec()
    },
    async clear() {
      // Tests only: entries of this prefix's cache.
      let cursor = '0'
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', keyOf('page*'), 'COUNT', 500)
        cursor = next
        if (keys.length) await redis.del(...keys)
      } while (cursor !== '0')
    },
  }
}
