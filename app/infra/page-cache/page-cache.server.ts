import { logger } from '~/infra/logger.server.ts'
import { redis, redisKey } from '~/infra/redis.server.ts'
import { requestContext } from '~/infra/request-context.server.ts'
import { singleton } from '~/infra/singleton.server.ts'
import { memoryStore, redisStore, type PageCacheStore } from './store.server.ts'

// The page cache's two verbs for the rest of the app (docs/decisions/026-page-cache.md):
// - a loader of a cacheable page says what it shows with `tagPage('product:…', …)`; a page no
//   loader tagged is never cached;
// - whatever changes what pages show calls `invalidatePages([...tags])` after its change is
//   visible (committed, and indexed for the grids).
// The Express layer (app/server/page-cache.ts) decides which requests may use it: anonymous
// ones only, so nothing personal is ever stored.

/** Every cached page carries it: the header and footer (category menu, store pages) change all pages. */
export const LAYOUT_TAG = 'layout'

/** The in-process cache's bound (pages and their gzip). */
const MEMORY_BYTES = 48 * 1024 * 1024

export const pageCacheStore: PageCacheStore = singleton('page-cache-store', () =>
  redis ? redisStore(redis, redisKey) : memoryStore({ maxBytes: MEMORY_BYTES }),
)

/** Marks the page being rendered as cacheable for anonymous visitors, showing these things. */
export function tagPage(...tags: string[]) {
  const store = requestContext.getStore()
  if (!store) return
  store.pageTags ??= new Set()
  for (const tag of tags) store.pageTags.add(tag)
}

/**
 * Pages showing any of these things are rendered afresh from now on. Never throws: a cache that
 * cannot be told drops its entries within ENTRY_TTL_MS anyway, and the change itself succeeded.
 */
export async function invalidatePages(tags: Iterable<string>) {
  const unique = [...new Set(tags)]
  if (!unique.length) return
  try {
    await pageCacheStore.invalidate(unique)
  } catch (error) {
    logger.warn({ err: error, tags: unique.length }, 'Could not invalidate cached pages')
  }
}
