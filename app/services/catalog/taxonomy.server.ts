import { prisma, Prisma, type Tx } from '~/infra/db.server.ts'
import { invalidatePages, LAYOUT_TAG } from '~/infra/page-cache/page-cache.server.ts'
import { singleton } from '~/infra/singleton.server.ts'
import { isUniqueViolation } from '~/services/accounts/auth.server.ts'
import { productsChanged } from './changes.server.ts'
import {
  CatalogNotFoundError,
  type CatalogValidationError,
  fieldError,
  violatedConstraint,
} from './errors.ts'
import type { WithinTransaction } from './hooks.ts'
import { localLabel, localName } from './localized.ts'
import { slugify } from './schemas.ts'
import type { Locale } from '~/i18n/locales.ts'
import { message } from '~/i18n/validation.ts'

// The shared vocabulary of the catalog: the category tree, brands, the colour palette and the
// size scales. Admins manage categories and brands; colours and size scales come from the seed
// so filters mean the same across sellers.

export type CategoryNode = {
  id: string
  name: string
  nameFa: string | null
  slug: string
  description: string
  parentId: string | null
  position: number
  depth: number
  children: CategoryNode[]
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

async function loadCategoryTree(db: Tx | typeof prisma): Promise<CategoryTree> {
  const rows = await db.category.findMany({
    select: {
      id: true,
      name: true,
      nameFa: true,
      slug: true,
      description: true,
      parentId: true,
      position: true,
    },
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
    select: { id: true, name: true, nameFa: true, slug: true, description: true },
  })
  return brand && named(locale, brand)
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

// ---------------------------------------------------------------- admin: categories

export type CategoryInput = {
  name: string
  /** The Persian name; empty or absent, Persian pages show `name`. */
  nameFa?: string | null
  slug?: string
  parentId?: string | null
  description?: string
}

/** Category writes take this lock so two concurrent moves cannot build a cycle together. */
async function lockTree(tx: Tx) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('shikposh:category-tree'))`
}

async function productIdsInCategories(tx: Tx, categoryIds: string[]) {
  const rows = await tx.$queryRaw<Array<{ id: string }>>(
    Prisma.sql`SELECT id FROM "Product" WHERE "categoryId" = ANY(${categoryIds}::text[])`,
  )
  return rows.map((row) => row.id)
}

function slugTaken(error: unknown): CatalogValidationError | null {
  if (!isUniqueViolation(error)) return null
  const target = violatedConstraint(error)
  if (target.includes('_name_')) return fieldError('name', 'That name is already used')
  return fieldError('slug', 'That web address is already used')
}

type CategoryRow = {
  id: string
  name: string
  nameFa: string | null
  slug: string
  parentId: string | null
}

export async function createCategory(
  input: CategoryInput,
  { within }: WithinTransaction<{ category: CategoryRow }> = {},
) {
  const base = input.slug || slugify(input.name)
  if (!base) throw fieldError('slug', message('catalog.slug'))
  try {
    const category = await prisma.$transaction(async (tx) => {
      await lockTree(tx)
      const parent = input.parentId
        ? await tx.category.findUnique({
            where: { id: input.parentId },
            select: { id: true, slug: true },
          })
        : null
      if (input.parentId && !parent)
        throw fieldError('parentId', 'That parent category no longer exists')
      let slug = base
      // "Sneakers" under Men's Shoes when Women's Shoes has one: derive "mens-shoes-sneakers".
      if (
        !input.slug &&
        parent &&
        (await tx.category.findUnique({ where: { slug }, select: { id: true } }))
      )
        slug = `${parent.slug}-${base}`
      const last = await tx.category.aggregate({
        where: { parentId: parent?.id ?? null },
        _max: { position: true },
      })
      const created = await tx.category.create({
        data: {
          name: input.name,
          nameFa: input.nameFa || null,
          slug,
          description: input.description ?? '',
          parentId: parent?.id ?? null,
          position: (last._max.position ?? -1) + 1,
        },
      })
      await within?.(tx, { category: created })
      return created
    })
    return category
  } catch (error) {
    throw slugTaken(error) ?? error
  } finally {
    invalidateCategoryTree()
  }
}

/**
 * Renames and/or moves a category. A category cannot move under itself or its descendants.
 * Products in the subtree are re-indexed when their category path changed.
 */
export async function updateCategory(
  categoryId: string,
  input: CategoryInput,
  { within }: WithinTransaction<{ before: CategoryRow; after: CategoryRow; products: number }> = {},
) {
  try {
    return await prisma.$transaction(
      async (tx) => {
        await lockTree(tx)
        const tree = await loadCategoryTree(tx)
        const current = tree.byId.get(categoryId)
        if (!current) throw new CatalogNotFoundError('That category')
        const parentId = input.parentId === undefined ? current.parentId : input.parentId || null
        if (parentId) {
          if (!tree.byId.has(parentId))
            throw fieldError('parentId', 'That parent category no longer exists')
          if (subtreeIds(tree, categoryId).includes(parentId)) {
            throw fieldError(
              'parentId',
              'A category cannot move under itself or one of its sub-categories',
            )
          }
        }
        const slug = input.slug || current.slug
        const moved = parentId !== current.parentId
        const position = moved
          ? ((await tx.category.aggregate({ where: { parentId }, _max: { position: true } }))._max
              .position ?? -1) + 1
          : current.position
        const category = await tx.category.update({
          where: { id: categoryId },
          data: {
            name: input.name,
            nameFa: input.nameFa === undefined ? current.nameFa : input.nameFa || null,
            slug,
            parentId,
            position,
            description: input.description ?? current.description,
          },
        })
        let products = 0
        if (
          moved ||
          slug !== current.slug ||
          category.name !== current.name ||
          category.nameFa !== current.nameFa
        ) {
          const ids = await productIdsInCategories(tx, subtreeIds(tree, categoryId))
          await productsChanged(tx, ids)
          products = ids.length
        }
        await within?.(tx, {
          before: {
            id: current.id,
            name: current.name,
            nameFa: current.nameFa,
            slug: current.slug,
            parentId: current.parentId,
          },
          after: category,
          products,
        })
        return category
      },
      { timeout: 120_000 },
    )
  } catch (error) {
    throw slugTaken(error) ?? error
  } finally {
    invalidateCategoryTree()
  }
}

/** Moves a category one place up or down among its siblings. */
export async function reorderCategory(
  categoryId: string,
  direction: 'up' | 'down',
  { within }: WithinTransaction<{ categoryId: string; direction: 'up' | 'down' }> = {},
) {
  try {
    await prisma.$transaction(async (tx) => {
      await lockTree(tx)
      const current = await tx.category.findUnique({
        where: { id: categoryId },
        select: { id: true, parentId: true },
      })
      if (!current) throw new CatalogNotFoundError('That category')
      const siblings = await tx.category.findMany({
        where: { parentId: current.parentId },
        select: { id: true },
        orderBy: [{ position: 'asc' }, { name: 'asc' }],
      })
      const index = siblings.findIndex((sibling) => sibling.id === categoryId)
      const target = direction === 'up' ? index - 1 : index + 1
      if (target < 0 || target >= siblings.length) return
      const order = siblings.map((sibling) => sibling.id)
      ;[order[index], order[target]] = [order[target]!, order[index]!]
      for (const [position, id] of order.entries())
        await tx.category.update({ where: { id }, data: { position } })
      await within?.(tx, { categoryId, direction })
    })
  } finally {
    invalidateCategoryTree()
  }
}

/** Deletes a category that has no sub-categories and no products (archived ones count: orders need them). */
export async function deleteCategory(
  categoryId: string,
  { within }: WithinTransaction<{ category: CategoryRow }> = {},
) {
  try {
    await prisma.$transaction(async (tx) => {
      await lockTree(tx)
      const category = await tx.category.findUnique({
        where: { id: categoryId },
        select: {
          id: true,
          name: true,
          nameFa: true,
          slug: true,
          parentId: true,
          _count: { select: { children: true, products: true } },
        },
      })
      if (!category) throw new CatalogNotFoundError('That category')
      const { children, products } = category._count
      if (children || products) {
        const what = [
          children ? `${children} sub-categor${children === 1 ? 'y' : 'ies'}` : '',
          products ? `${products} product${products === 1 ? '' : 's'}` : '',
        ]
          .filter(Boolean)
          .join(' and ')
        throw fieldError('', `“${category.name}” still has ${what}. Move or delete them first.`)
      }
      await tx.category.delete({ where: { id: categoryId } })
      await within?.(tx, {
        category: {
          id: category.id,
          name: category.name,
          nameFa: category.nameFa,
          slug: category.slug,
          parentId: category.parentId,
        },
      })
    })
  } catch (error) {
    // A product filed here a moment ago: the foreign key refuses the delete.
    if (isForeignKeyViolation(error))
      throw fieldError('', 'This category just received a product. Move it first.')
    throw error
  } finally {
    invalidateCategoryTree()
  }
}

/** Categories with their direct product counts, for the admin page. */
export async function listCategoriesForAdmin() {
  const [tree, counts] = await Promise.all([
    loadCategoryTree(prisma),
    prisma.product.groupBy({ by: ['categoryId'], _count: { _all: true } }),
  ])
  const direct = new Map(counts.map((row) => [row.categoryId, row._count._all]))
  const rows: Array<{
    id: string
    name: string
    nameFa: string | null
    slug: string
    description: string
    parentId: string | null
    depth: number
    products: number
    children: number
    isFirst: boolean
    isLast: boolean
  }> = []
  const walk = (nodes: CategoryNode[]) => {
    nodes.forEach((node, index) => {
      rows.push({
        id: node.id,
        name: node.name,
        nameFa: node.nameFa,
        slug: node.slug,
        description: node.description,
        parentId: node.parentId,
        depth: node.depth,
        products: direct.get(node.id) ?? 0,
        children: node.children.length,
        isFirst: index === 0,
        isLast: index === nodes.length - 1,
      })
      walk(node.children)
    })
  }
  walk(tree.roots)
  return rows
}

// ---------------------------------------------------------------- admin: brands

export type BrandInput = {
  name: string
  /** The Persian name; empty or absent, Persian pages show `name`. */
  nameFa?: string | null
  slug?: string
  description?: string
}

type BrandRow = { id: string; name: string; nameFa: string | null; slug: string }

export async function createBrand(
  input: BrandInput,
  { within }: WithinTransaction<{ brand: BrandRow }> = {},
) {
  const slug = input.slug || slugify(input.name)
  if (!slug) throw fieldError('slug', message('catalog.slug'))
  try {
    return await prisma.$transaction(async (tx) => {
      const brand = await tx.brand.create({
        data: {
          name: input.name,
          nameFa: input.nameFa || null,
          slug,
          description: input.description ?? '',
        },
      })
      await within?.(tx, { brand })
      return brand
    })
  } catch (error) {
    throw slugTaken(error) ?? error
  }
}

export async function updateBrand(
  brandId: string,
  input: BrandInput,
  { within }: WithinTransaction<{ before: BrandRow; after: BrandRow; products: number }> = {},
) {
  try {
    return await prisma.$transaction(
      async (tx) => {
        const current = await tx.brand.findUnique({ where: { id: brandId } })
        if (!current) throw new CatalogNotFoundError('That brand')
        const slug = input.slug || current.slug
        const brand = await tx.brand.update({
          where: { id: brandId },
          data: {
            name: input.name,
            nameFa: input.nameFa === undefined ? current.nameFa : input.nameFa || null,
            slug,
            description: input.description ?? current.description,
          },
        })
        let products = 0
        if (
          brand.name !== current.name ||
          brand.nameFa !== current.nameFa ||
          brand.slug !== current.slug
        ) {
          const rows = await tx.product.findMany({ where: { brandId }, select: { id: true } })
          await productsChanged(
            tx,
            rows.map((row) => row.id),
          )
          products = rows.length
        }
        await within?.(tx, {
          before: {
            id: current.id,
            name: current.name,
            nameFa: current.nameFa,
            slug: current.slug,
          },
          after: brand,
          products,
        })
        return brand
      },
      { timeout: 120_000 },
    )
  } catch (error) {
    throw slugTaken(error) ?? error
  }
}

export async function deleteBrand(
  brandId: string,
  { within }: WithinTransaction<{ brand: BrandRow }> = {},
) {
  await prisma
    .$transaction(async (tx) => {
      const brand = await tx.brand.findUnique({
        where: { id: brandId },
        select: {
          id: true,
          name: true,
          nameFa: true,
          slug: true,
          _count: { select: { products: true } },
        },
      })
      if (!brand) throw new CatalogNotFoundError('That brand')
      const count = brand._count.products
      if (count)
        throw fieldError(
          '',
          `“${brand.name}” still has ${count} product${count === 1 ? '' : 's'}. Change their brand first.`,
        )
      await tx.brand.delete({ where: { id: brandId } })
      await within?.(tx, {
        brand: { id: brand.id, name: brand.name, nameFa: brand.nameFa, slug: brand.slug },
      })
    })
    .catch((error: unknown) => {
      if (isForeignKeyViolation(error))
        throw fieldError('', 'This brand just received a product. Change its brand first.')
      throw error
    })
}

export function isForeignKeyViolation(error: unknown) {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2003'
}

export async function listBrandsForAdmin() {
  const [brands, counts] = await Promise.all([
    prisma.brand.findMany({
      select: { id: true, name: true, nameFa: true, slug: true, description: true },
      orderBy: { name: 'asc' },
    }),
    prisma.product.groupBy({
      by: ['brandId'],
      _count: { _all: true },
      where: { brandId: { not: null } },
    }),
  ])
  const byBrand = new Map(counts.map((row) => [row.brandId, row._count._all]))
  return brands.map((brand) => ({ ...brand, products: byBrand.get(brand.id) ?? 0 }))
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
