import type { Locale } from '~/i18n/locales.ts'
import { localName } from '~/services/catalog/localized.ts'
import { buildFilters, filterExcept } from './filters.ts'
import { brandNames, getCatalogLabels, type CatalogLabels } from './labels.server.ts'
import { normalizeSearchQuery } from './normalize.ts'
import { runQueries } from './search.server.ts'
import { productIndexUid } from './settings.server.ts'
import type { SearchScope, SearchState } from './state.ts'

// What a search that found nothing offers instead (issue 17): the query with its misspelt
// words replaced by the nearest names the catalog knows (categories, colours, brands, in both
// languages), when that query finds something, and the categories holding most products in
// the page's scope. Meilisearch's typo tolerance has already failed at this point (one typo
// from 4 letters, two from 8), so the words here are further off: a closer look at a small
// vocabulary, checked against the index before it is offered. Only a search with no result
// pays for this (one more multi-search round trip).

export type NoResultsHelp = {
  /** A corrected query and how many products it finds, when there is one that finds any. */
  didYouMean: { q: string; totalHits: number } | null
  popularCategories: Array<{ slug: string; name: string; count: number }>
}

const POPULAR_CATEGORIES = 6

/** Edit distance with adjacent transpositions counted as one edit (optimal string alignment). */
export function editDistance(a: string, b: string, limit = Infinity) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)]
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, rows[i - 2]![j - 2]! + 1)
      row.push(value)
      best = Math.min(best, value)
    }
    if (best > limit) return limit + 1
    rows.push(row)
  }
  return rows[a.length]![b.length]!
}

/** How far off a word may be to be corrected: more letters, more room. */
function allowedEdits(word: string) {
  return word.length <= 3 ? 1 : word.length <= 6 ? 2 : 3
}

export function words(text: string) {
  return normalizeSearchQuery(text)
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}\u200C]+/u)
    .filter(Boolean)
}

/**
 * The query with each word the vocabulary does not hold replaced by its nearest vocabulary
 * word, or null when no word could be corrected.
 */
export function correctQuery(query: string, vocabulary: Iterable<string>) {
  const known = new Set(vocabulary)
  const typed = words(query)
  let changed = false
  const corrected = typed.map((word) => {
    if (known.has(word) || /^\p{N}+$/u.test(word)) return word
    const limit = allowedEdits(word)
    let best: { word: string; distance: number } | null = null
    for (const candidate of known) {
      const distance = editDistance(word, candidate, limit)
      if (distance <= limit && (!best || distance < best.distance))
        best = { word: candidate, distance }
    }
    if (!best) return word
    changed = true
    return best.word
  })
  return changed ? corrected.join(' ') : null
}

function vocabularyOf(
  labels: CatalogLabels,
  brands: Iterable<{ name: string; nameFa: string | null }>,
) {
  const names = [...labels.categories.values(), ...labels.colors.values(), ...brands]
  return new Set(names.flatMap((label) => words(`${label.name} ${label.nameFa ?? ''}`)))
}

/**
 * The categories holding most products, below the top level when there are any (a whole
 * department says little), without a parent that holds exactly what one of its listed
 * children holds.
 */
function popularIn(labels: CatalogLabels, counts: Record<string, number>, scope: SearchScope) {
  const entries = Object.entries(counts)
    .map(([slug, count]) => ({ slug, count, label: labels.categories.get(slug) }))
    .filter((entry) => entry.label && entry.slug !== scope.category)
  const below = entries.filter((entry) => entry.label!.depth > 0)
  const candidates = (below.length ? below : entries).sort(
    (a, b) => b.count - a.count || b.label!.depth - a.label!.depth,
  )
  const chosen: typeof candidates = []
  for (const candidate of candidates) {
    if (chosen.length >= POPULAR_CATEGORIES) break
    const sameAsChild = candidates.some(
      (other) => other.label!.parentSlug === candidate.slug && other.count === candidate.count,
    )
    if (!sameAsChild) chosen.push(candidate)
  }
  return chosen
}

export async function helpForNoResults(
  state: SearchState,
  scope: SearchScope,
  locale: Locale,
): Promise<NoResultsHelp> {
  const labels = await getCatalogLabels()
  const built = buildFilters(state, scope)
  // What the scope holds, whatever was typed: its categories and brands.
  const [inScope] = await runQueries([
    {
      indexUid: productIndexUid(),
      q: '',
      filter: built.fixed,
      facets: ['categories', 'brand'],
      page: 1,
      hitsPerPage: 0,
    },
  ])
  const distribution = inScope?.facetDistribution ?? {}
  const popularCategories = popularIn(labels, distribution.categories ?? {}, scope).map(
    ({ slug, count }) => ({ slug, name: localName(locale, labels.categories.get(slug)!), count }),
  )

  let didYouMean: NoResultsHelp['didYouMean'] = null
  if (state.q) {
    const brands = await brandNames(Object.keys(distribution.brand ?? {}))
    const corrected = correctQuery(state.q, vocabularyOf(labels, brands.values()))
    if (corrected && corrected !== words(state.q).join(' ')) {
      const [check] = await runQueries([
        {
          indexUid: productIndexUid(),
          q: normalizeSearchQuery(corrected),
          filter: filterExcept(built),
          page: 1,
          hitsPerPage: 0,
        },
      ])
      if (check && check.totalHits > 0) didYouMean = { q: corrected, totalHits: check.totalHits }
    }
  }
  return { didYouMean, popularCategories }
}
