import type { Settings } from 'meilisearch'
import { logger } from '~/infra/logger.server.ts'
import {
  callSearch,
  indexUid,
  meilisearchErrorCode,
  waitForTasks,
} from '~/infra/search/client.server.ts'
import { CATEGORY_LEVELS } from './document.ts'
import { FACET_VALUES_LIMIT, MAX_TOTAL_HITS } from './state.ts'

// The product index's settings live here, in code, and are applied at start-up and by the
// reindex command. A settings change makes Meilisearch re-index everything, so they are only
// sent when they differ from what the index has, and before documents are added.

export const PRODUCTS_INDEX = 'products'

export function productIndexUid() {
  return indexUid(PRODUCTS_INDEX)
}

/** Words shoppers use for the same thing; each group is made fully interchangeable. */
export const SYNONYM_GROUPS: string[][] = [
  ['tee', 'tees', 't-shirt', 't-shirts', 'tshirt', 'tshirts'],
  ['sneakers', 'sneaker', 'trainers', 'trainer', 'kicks'],
  ['hoodie', 'hoodies', 'hoody', 'sweatshirt', 'sweatshirts'],
  ['sweater', 'sweaters', 'jumper', 'jumpers', 'pullover', 'pullovers'],
  ['trousers', 'pants', 'slacks'],
  ['jeans', 'denims'],
  ['joggers', 'sweatpants', 'trackpants', 'track pants'],
  ['handbag', 'handbags', 'purse', 'purses'],
  ['swimsuit', 'swimsuits', 'swimwear', 'bathing suit', 'swimming costume'],
  ['flip-flops', 'flip flops', 'thongs sandals'],
  ['heels', 'high heels', 'pumps'],
  ['parka', 'parkas', 'anorak', 'anoraks'],
  ['beanie', 'beanies', 'knit hat', 'woolly hat'],
  ['cardigan', 'cardigans', 'cardi'],
  ['blazer', 'blazers', 'sport coat', 'suit jacket'],
  ['tank top', 'tank tops', 'camisole', 'cami'],
  ['dress', 'dresses', 'frock', 'frocks'],
  ['boots', 'booties'],
  ['scarf', 'scarves', 'shawl', 'shawls'],
  ['grey', 'gray'],
]

function synonymsFrom(groups: string[][]): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {}
  for (const group of groups) {
    for (const word of group)
      synonyms[word] = [
        ...new Set([...(synonyms[word] ?? []), ...group.filter((other) => other !== word)]),
      ]
  }
  return synonyms
}

/** Filler words that only add noise to matching ("dress with pockets for the beach"). */
export const STOP_WORDS = [
  'a',
  'an',
  'and',
  'at',
  'by',
  'for',
  'from',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
  'my',
  'your',
]

/** How many values a facet returns; a facet with more is searched through facet search. */
export const MAX_VALUES_PER_FACET = FACET_VALUES_LIMIT

export const PRODUCT_INDEX_SETTINGS = {
  displayedAttributes: ['*'],
  // Order matters: a match in the title ranks above one in the description.
  searchableAttributes: [
    'title',
    'translatedTitle',
    'brandName',
    'brandNameFa',
    'categoryNames',
    'tags',
    'colorNames',
    'shopName',
    'description',
    'translatedDescription',
  ],
  filterableAttributes: [
    'categories',
    ...Array.from({ length: CATEGORY_LEVELS }, (_, level) => `categoryLvl${level}`),
    'brand',
    'shop',
    'colors',
    'sizes',
    'price',
    'rating',
    'ratingBucket',
    'onSale',
    'inStock',
    'featured',
    'publishedAt',
  ],
  sortableAttributes: ['price', 'publishedAt', 'rating', 'ratingCount', 'salesCount'],
  // Meilisearch's defaults, then featured and popular products first among equals (and for an
  // empty query, where everything is equal).
  rankingRules: [
    'words',
    'typo',
    'proximity',
    'attribute',
    'sort',
    'exactness',
    'featured:desc',
    'salesCount:desc',
    'publishedAt:desc',
  ],
  stopWords: STOP_WORDS,
  synonyms: synonymsFrom(SYNONYM_GROUPS),
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
    // "38" must not find "39": sizes and numbers are exact.
    disableOnNumbers: true,
    disableOnAttributes: [],
    disableOnWords: [],
  },
  faceting: {
    maxValuesPerFacet: MAX_VALUES_PER_FACET,
    // Brands and shops list their biggest values first. Prices are asked for their range only,
    // and colours and sizes are few and put in their own order: counting them all to sort by
    // count would be wasted (for prices, most of the time a page spends in Meilisearch).
    sortFacetValuesBy: { '*': 'count', price: 'alpha', colors: 'alpha', sizes: 'alpha' },
  },
  pagination: { maxTotalHits: MAX_TOTAL_HITS },
  facetSearch: true,
  prefixSearch: 'indexingTime',
  // Every text is Persian or English. Left to guess, Meilisearch takes short Persian texts for
  // Arabic or Urdu and folds their letters differently in documents and queries, so "پیراهن"
  // found nothing even when both were spelled alike (app/services/search/normalize.ts).
  localizedAttributes: [{ attributePatterns: ['*'], locales: ['pes', 'eng'] }],
  // A pathological query gives up after this long and returns what it has, instead of holding a page.
  searchCutoffMs: 500,
} satisfies Settings

const UNORDERED = new Set([
  'filterableAttributes',
  'sortableAttributes',
  'stopWords',
  'disableOnAttributes',
  'disableOnWords',
])

/** True when every setting we manage has the value we want (Meilisearch returns all the others too). */
export function settingsMatch(current: unknown, desired: unknown, key = ''): boolean {
  if (Array.isArray(desired)) {
    if (!Array.isArray(current) || current.length !== desired.length) return false
    const [a, b] = UNORDERED.has(key)
      ? [[...current].sort(), [...desired].sort()]
      : [current, desired]
    return a.every((value, i) => settingsMatch(value, b[i], key))
  }
  if (desired !== null && typeof desired === 'object') {
    if (current === null || typeof current !== 'object') return false
    const currentRecord = current as Record<string, unknown>
    const desiredRecord = desired as Record<string, unknown>
    // Synonyms are a whole map: a word we dropped must go too.
    if (
      key === 'synonyms' &&
      Object.keys(currentRecord).length !== Object.keys(desiredRecord).length
    )
      return false
    return Object.entries(desiredRecord).every(([name, value]) =>
      settingsMatch(currentRecord[name], value, key === 'synonyms' ? 'stopWords' : name),
    )
  }
  return current === desired
}

/**
 * Creates the index if it is missing and applies the settings if they differ, waiting until
 * Meilisearch has done both. Returns what it had to do.
 */
export async function applyProductIndexSettings(uid = productIndexUid()) {
  let created = false
  let updated = false
  await callSearch(async (client) => {
    try {
      await client.getIndex(uid)
    } catch (error) {
      if (meilisearchErrorCode(error) !== 'index_not_found') throw error
      const task = await client.createIndex(uid, { primaryKey: 'id' })
      await waitForTasks([task]).catch((failure: unknown) => {
        // Someone else created it meanwhile: fine.
        if (!(failure instanceof Error && /already exists/.test(failure.message))) throw failure
      })
      created = true
    }
    const current = await client.index(uid).getSettings()
    if (!settingsMatch(current, PRODUCT_INDEX_SETTINGS)) {
      await waitForTasks([await client.index(uid).updateSettings(PRODUCT_INDEX_SETTINGS)], {
        timeoutMs: 10 * 60_000,
      })
      updated = true
    }
  })
  return { created, updated }
}

const CHECK_EVERY_MS = 60_000
const checked = new Map<
  string,
  { at: number; pending: Promise<{ created: boolean; updated: boolean }> }
>()

/**
 * Makes sure the index exists with our settings before documents go in (Meilisearch would
 * otherwise create it on the first write, without them). Checked at most once a minute.
 */
export async function ensureProductIndex(uid = productIndexUid()) {
  const last = checked.get(uid)
  if (last && Date.now() - last.at < CHECK_EVERY_MS) return last.pending
  const pending = applyProductIndexSettings(uid)
  checked.set(uid, { at: Date.now(), pending })
  try {
    return await pending
  } catch (error) {
    checked.delete(uid)
    throw error
  }
}

/** Forgets what ensureProductIndex checked (after deleting or swapping indexes). */
export function forgetEnsuredIndexes() {
  checked.clear()
}

/**
 * At start-up: applies the settings in the background, retrying with backoff while Meilisearch
 * is unreachable (the store starts and takes orders all the same). Returns a function that
 * stops retrying.
 */
/** About 1 s, 2 s, 4 s … between attempts, capped at 5 minutes, with jitter. */
function backoffMs(attempts: number) {
  const exponential = Math.min(5 * 60_000, 1_000 * 2 ** Math.max(0, attempts - 1))
  return Math.round(exponential * (0.75 + Math.random() * 0.5))
}

export function applySettingsInBackground(): () => void {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  const attempt = async (attempts: number) => {
    try {
      const { created, updated } = await ensureProductIndex()
      if (created || updated)
        logger.info({ index: productIndexUid(), created, updated }, 'Search index settings applied')
    } catch (error) {
      if (stopped) return
      const delay = backoffMs(attempts)
      logger.warn(
        { err: error, retryInMs: delay },
        'Could not apply the search index settings; will retry',
      )
      timer = setTimeout(() => void attempt(attempts + 1), delay)
      timer.unref()
    }
  }
  void attempt(1)
  return () => {
    stopped = true
    clearTimeout(timer)
  }
}
