import { prisma } from '~/infra/db.server.ts'

// Facet values in the index are slugs (and size labels); what shoppers read (names, swatch
// colours, the order of sizes, the category tree) comes from the catalog tables, cached briefly
// in the process so a search page costs no database round trip most of the time.

const CATALOG_TTL_MS = 30_000
const NAME_TTL_MS = 5 * 60_000

// Names come in both languages; pages pick theirs with localName/localLabel (docs/decisions/018).

export type CategoryLabel = {
  slug: string
  name: string
  nameFa: string | null
  parentSlug: string | null
  depth: number
  position: number
}

export type CatalogLabels = {
  categories: Map<string, CategoryLabel>
  /** Child slugs by parent slug ('' for the roots), in catalog order. */
  children: Map<string, string[]>
  colors: Map<string, { name: string; nameFa: string | null; hex: string; position: number }>
  /** Sort key of each size label: scale, then position in the scale. */
  sizeOrder: Map<string, number>
  /** The Persian label of each size label that has one ("One size" → "تک‌سایز"). */
  sizeLabelsFa: Map<string, string>
}

let catalog: { at: number; value: Promise<CatalogLabels> } | undefined

async function loadCatalogLabels(): Promise<CatalogLabels> {
  const [categoryRows, colorRows, sizeRows] = await Promise.all([
    prisma.category.findMany({
      select: { id: true, slug: true, name: true, nameFa: true, parentId: true, position: true },
    }),
    prisma.color.findMany({
      select: { slug: true, name: true, nameFa: true, hex: true, position: true },
    }),
    prisma.size.findMany({
      select: { label: true, labelFa: true, position: true, scale: { select: { code: true } } },
    }),
  ])
  const byId = new Map(categoryRows.map((row) => [row.id, row]))
  const depthOf = (id: string) => {
    let depth = 0
    const seen = new Set<string>()
    for (
      let node = byId.get(id);
      node?.parentId && !seen.has(node.id);
      node = byId.get(node.parentId)
    ) {
      seen.add(node.id)
      depth++
    }
    return depth
  }
  const categories = new Map<string, CategoryLabel>()
  const children = new Map<string, string[]>()
  const sorted = [...categoryRows].sort(
    (a, b) => a.position - b.position || a.name.localeCompare(b.name),
  )
  for (const row of sorted) {
    const parentSlug = row.parentId ? (byId.get(row.parentId)?.slug ?? null) : null
    categories.set(row.slug, {
      slug: row.slug,
      name: row.name,
      nameFa: row.nameFa,
      parentSlug,
      depth: depthOf(row.id),
      position: row.position,
    })
    const siblings = children.get(parentSlug ?? '') ?? []
    siblings.push(row.slug)
    children.set(parentSlug ?? '', siblings)
  }
  const scales = [...new Set(sizeRows.map((row) => row.scale.code))].sort()
  const sizeOrder = new Map<string, number>()
  for (const row of sizeRows) {
    const key = scales.indexOf(row.scale.code) * 10_000 + row.position
    sizeOrder.set(row.label, Math.min(sizeOrder.get(row.label) ?? Infinity, key))
  }
  return {
    categories,
    children,
    colors: new Map(
      colorRows.map((row) => [
        row.slug,
        { name: row.name, nameFa: row.nameFa, hex: row.hex, position: row.position },
      ]),
    ),
    sizeOrder,
    sizeLabelsFa: new Map(
      sizeRows.flatMap((row) => (row.labelFa ? [[row.label, row.labelFa] as const] : [])),
    ),
  }
}

/** The category tree, colour palette and size order (cached for 30 s). */
export async function getCatalogLabels(): Promise<CatalogLabels> {
  if (!catalog || Date.now() - catalog.at > CATALOG_TTL_MS) {
    const value = loadCatalogLabels()
    catalog = { at: Date.now(), value }
    value.catch(() => {
      if (catalog?.value === value) catalog = undefined
    })
  }
  return catalog.value
}

type Named = { name: string; nameFa: string | null }

function nameCache(load: (slugs: string[]) => Promise<Array<{ slug: string } & Named>>) {
  const cache = new Map<string, { at: number; name: Named }>()
  return async function names(slugs: Iterable<string>): Promise<Map<string, Named>> {
    const now = Date.now()
    const wanted = [...new Set(slugs)]
    const missing = wanted.filter((slug) => {
      const hit = cache.get(slug)
      return !hit || now - hit.at > NAME_TTL_MS
    })
    if (missing.length) {
      for (const { slug, ...name } of await load(missing)) cache.set(slug, { at: now, name })
      if (cache.size > 20_000) cache.clear()
    }
    const result = new Map<string, Named>()
    for (const slug of wanted) {
      const hit = cache.get(slug)
      if (hit) result.set(slug, hit.name)
    }
    return result
  }
}

/** Brand names by slug, in both languages. */
export const brandNames = nameCache((slugs) =>
  prisma.brand.findMany({
    where: { slug: { in: slugs } },
    select: { slug: true, name: true, nameFa: true },
  }),
)

/** Shop names by slug (sellers name their shop in one language). */
export const shopNames = nameCache(async (slugs) =>
  (
    await prisma.shop.findMany({
      where: { slug: { in: slugs } },
      select: { slug: true, name: true },
    })
  ).map((shop) => ({ ...shop, nameFa: null })),
)

/** Drops the cached catalog labels (tests, and after catalog edits in this process). */
export function forgetCatalogLabels() {
  catalog = undefined
}
