import { prisma, type Tx } from '~/infra/db.server.ts'
import { invalidatePages, LAYOUT_TAG } from '~/infra/page-cache/page-cache.server.ts'
import { singleton } from '~/infra/singleton.server.ts'
import { localDescription, localLabel, localName } from './localized.ts'
import type { Locale } from '~/i18n/locales.ts'

// The shared vocabulary of the catalog: the category tree, brands, the colour palette and the
// size scales. Admins manage categories and brands; colours and size scales come from the seed
// so filters mean the same across sellers. The admin's commands: category-admin.server.ts and
// brand-admin.server.ts.

export type CategoryNode = {
  id: string
  name: string
  nameFa: string | null
  slug: string
  description: string
  descriptionFa: string | null
  parentId: string | null
  position: number
  depth: number
  children: CategoryNode[]
}

/** A category's or brand's words in both languages, as read for pages and forms. */
export const TAXONOMY_TEXT = {
  name: true,
  nameFa: true,
  slug: true,
  description: true,
  descriptionFa: true,
} as const

/** The words the admin gives a brand or a category, in both languages. */
export type TaxonomyTextInput = {
  name: string
  /** The Persian name; empty or absent, Persian pages show `name`. */
  nameFa?: string | null
  description?: string
  /** The Persian description; empty or absent, Persian pages show `description`. */
  descriptionFa?: string | null
}

const NO_TEXT = { nameFa: null, description: '', descriptionFa: null }

/**
 * The words to store for a new brand or category, or after an edit of `current`: a field left
 * out keeps its value, a Persian one sent empty is cleared.
 */
export function taxonomyText(
  input: TaxonomyTextInput,
  current: { nameFa: string | null; description: string; descriptionFa: string | null } = NO_TEXT,
) {
  return {
    name: input.name,
    nameFa: input.nameFa === undefined ? current.nameFa : input.nameFa || null,
    description: input.description ?? current.description,
    descriptionFa:
      input.descriptionFa === undefined ? current.descriptionFa : input.descriptionFa || null,
  }
}

export type CategoryTree = {
  roots: CategoryNode[]
  byId: Map<string, CategoryNode>
  bySlug: Map<string, CategoryNode>
}

// The tree is small (hundreds of rows) and read on every page for the header, so it is cached
// briefly; this process's writes drop the cache at once, other processes see them within TTL.
const TREE_TTL_MS = 30_000
const treeCache = singleton('category-tree-cache', () => ({
  tree: null as Promise<CategoryTree> | null,
  loadedAt: 0,
}))

export function invalidateCategoryTree() {
  treeCache.tree = null
  // The header's menu and every grid's scope are on every cached page. Again once every other
  // process's copy of the tree has expired, or one of them could cache a page with the old one.
  void invalidatePages([LAYOUT_TAG])
  setTimeout(() => void invalidatePages([LAYOUT_TAG]), TREE_TTL_MS + 1000).unref()
}

export function getCategoryTree(): Promise<CategoryTree> {
  if (!treeCache.tree || Date.now() - treeCache.loadedAt > TREE_TTL_MS) {
    treeCache.loadedAt = Date.now()
    treeCache.tree = loadCategoryTree(prisma).catch((error: unknown) => {
      treeCache.tree = null
      throw error
    })
  }
  return treeCache.tree
}

export async function loadCategoryTree(db: Tx | typeof prisma): Promise<CategoryTree> {
  const rows = await db.category.findMany({
    select: { id: true, ...TAXONOMY_TEXT, parentId: true, position: true },
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
  })
  return buildTree(rows)
}

export function buildTree(rows: Array<Omit<CategoryNode, 'children' | 'depth'>>): CategoryTree {
  const byId = new Map<string, CategoryNode>(
    rows.map((row) => [row.id, { ...row, depth: 0, children: [] }]),
  )
  const roots: CategoryNode[] = []
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  const setDepth = (nodes: CategoryNode[], depth: number) => {
    for (const node of nodes) {
      node.depth = depth
      setDepth(node.children, depth + 1)
    }
  }
  setDepth(roots, 0)
  return { roots, byId, bySlug: new Map([...byId.values()].map((node) => [node.slug, node])) }
}

/** The category and everything below it. */
export function subtreeIds(tree: CategoryTree, categoryId: string): string[] {
  const start = tree.byId.get(categoryId)
  if (!start) return []
  const ids: string[] = []
  const stack = [start]
  while (stack.length) {
    const node = stack.pop()!
    ids.push(node.id)
    stack.push(...node.children)
  }
  return ids
}

/** Root first, ending with the category itself. */
export function ancestorsOf(tree: CategoryTree, categoryId: string): CategoryNode[] {
  const path: CategoryNode[] = []
  let node = tree.byId.get(categoryId)
  while (node && path.length <= tree.byId.size) {
    path.unshift(node)
    node = node.parentId ? tree.byId.get(node.parentId) : undefined
  }
  return path
}

export type CategoryLink = { name: string; slug: string; children: CategoryLink[] }

/** The tree as plain data for the header's category menu (three levels). */
export async function getCategoryNav(locale: Locale): Promise<CategoryLink[]> {
  const tree = await getCategoryTree()
  const toLink = (node: CategoryNode, depth: number): CategoryLink => ({
    name: localName(locale, node),
    slug: node.slug,
    children: depth < 2 ? node.children.map((child) => toLink(child, depth + 1)) : [],
  })
  return tree.roots.map((root) => toLink(root, 0))
}

/** Every category as an indented option list for pickers: [{ id, label, depth }]. */
export async function listCategoryOptions(locale: Locale) {
  const tree = await getCategoryTree()
  const options: Array<{ id: string; name: string; path: string; depth: number; leaf: boolean }> =
    []
  const walk = (nodes: CategoryNode[], trail: string[]) => {
    for (const node of nodes) {
      const name = localName(locale, node)
      const names = [...trail, name]
      options.push({
        id: node.id,
        name,
        path: names.join(' › '),
        depth: node.depth,
        leaf: node.children.length === 0,
      })
      walk(node.children, names)
    }
  }
  walk(tree.roots, [])
  return options
}

// ---------------------------------------------------------------- brands, colours, sizes

// Each returns names in the page's language (localized.ts), so pages need not choose.

/** The row with `name` in the page's language, without its Persian column. */
function named<T extends { name: string; nameFa: string | null }>(locale: Locale, row: T) {
  const { nameFa: _, ...rest } = row
  return { ...rest, name: localName(locale, row) }
}

export async function listBrands(locale: Locale) {
  const brands = await prisma.brand.findMany({
    select: { id: true, name: true, nameFa: true, slug: true },
    orderBy: { name: 'asc' },
  })
  return brands.map((brand) => named(locale, brand))
}

export async function getBrandBySlug(slug: string, locale: Locale) {
  const brand = await prisma.brand.findUnique({
    where: { slug },
    select: { id: true, ...TAXONOMY_TEXT },
  })
  if (!brand) return null
  const { descriptionFa: _, ...rest } = brand
  return { ...named(locale, rest), description: localDescription(locale, brand) }
}

export async function listColors(locale: Locale) {
  const colors = await prisma.color.findMany({
    select: { id: true, name: true, nameFa: true, slug: true, hex: true },
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
  })
  return colors.map((color) => named(locale, color))
}

export async function listSizeScales(locale: Locale) {
  const scales = await prisma.sizeScale.findMany({
    select: {
      id: true,
      code: true,
      name: true,
      nameFa: true,
      sizes: { select: { id: true, label: true, labelFa: true }, orderBy: { position: 'asc' } },
    },
    orderBy: { name: 'asc' },
  })
  return scales.map((scale) => ({
    id: scale.id,
    code: scale.code,
    name: localName(locale, scale),
    sizes: scale.sizes.map((size) => ({ id: size.id, label: localLabel(locale, size) })),
  }))
}

/** Everything the product form offers to pick from, named in the page's language. */
export async function getProductFormOptions(locale: Locale) {
  const [categories, brands, colors, scales] = await Promise.all([
    listCategoryOptions(locale),
    listBrands(locale),
    listColors(locale),
    listSizeScales(locale),
  ])
  return { categories, brands, colors, scales }
}
