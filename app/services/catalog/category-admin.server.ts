import { prisma, Prisma, type Tx } from '~/infra/db.server.ts'
import { message } from '~/i18n/validation.ts'
import { productsChanged } from './changes.server.ts'
import { isForeignKeyViolation, slugTaken } from './constraint-errors.server.ts'
import { CatalogNotFoundError, fieldError } from './errors.ts'
import type { WithinTransaction } from './hooks.ts'
import { slugify } from './schemas.ts'
import {
  type CategoryNode,
  invalidateCategoryTree,
  loadCategoryTree,
  subtreeIds,
  taxonomyText,
  type TaxonomyTextInput,
} from './taxonomy.server.ts'

// The admin's category commands: create, rename or move, reorder, delete, and the admin page's
// list. Every write takes the tree's lock and drops the cached tree (taxonomy.server.ts).

export type CategoryInput = TaxonomyTextInput & {
  slug?: string
  parentId?: string | null
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
          ...taxonomyText(input),
          slug,
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
            ...taxonomyText(input, current),
            slug,
            parentId,
            position,
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
    descriptionFa: string | null
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
        descriptionFa: node.descriptionFa,
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
