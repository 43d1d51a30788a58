import { prisma } from '~/infra/db.server.ts'
import type { Locale } from '~/i18n/locales.ts'
import type { WithinTransaction } from '~/services/catalog/hooks.ts'
import { PAGE_TAGS } from '~/services/catalog/page-tags.server.ts'
import { invalidatePages } from '~/infra/page-cache/page-cache.server.ts'
import { DomainError } from '~/utils/domain-error.ts'
import { CONTENT_PAGE_SLUGS, isContentPageSlug, type ContentPageInput } from './content.ts'

// The store's pages (help, shipping, returns …): read by the storefront in the page's language,
// listed and edited by admins in both (the audit entry comes through `within`).

const ADMIN_SELECT = {
  id: true,
  slug: true,
  title: true,
  titleFa: true,
  body: true,
  bodyFa: true,
  version: true,
  updatedAt: true,
} as const

/** One page in a language, or null when there is no such page. */
export async function getContentPage(slug: string, locale: Locale) {
  if (!isContentPageSlug(slug)) return null
  const page = await prisma.contentPage.findUnique({ where: { slug }, select: ADMIN_SELECT })
  if (!page) return null
  return {
    slug: page.slug,
    title: locale === 'fa' ? page.titleFa : page.title,
    body: locale === 'fa' ? page.bodyFa : page.body,
    updatedAt: page.updatedAt,
  }
}

/** Every page, in the footer's order, for the admin's list. */
export async function listContentPagesForAdmin() {
  const rows = await prisma.contentPage.findMany({ select: ADMIN_SELECT })
  const order = (slug: string) => CONTENT_PAGE_SLUGS.indexOf(slug as never)
  return rows.sort((a, b) => order(a.slug) - order(b.slug))
}

export async function getContentPageForAdmin(slug: string) {
  if (!isContentPageSlug(slug)) return null
  return prisma.contentPage.findUnique({ where: { slug }, select: ADMIN_SELECT })
}

type PageRow = NonNullable<Awaited<ReturnType<typeof getContentPageForAdmin>>>

/**
 * Saves both languages of a page. `version` is the one the admin started from: if someone saved
 * meanwhile, nothing is written and the refusal says so (the admin's text stays in the form).
 */
export async function updateContentPage(
  slug: string,
  input: ContentPageInput,
  { within }: WithinTransaction<{ before: PageRow | null; after: PageRow }> = {},
) {
  if (!isContentPageSlug(slug)) throw new DomainError('not-found', 'page-not-found', 'That page')
  const saved = await prisma.$transaction(async (tx) => {
    const before = await tx.contentPage.findUnique({ where: { slug }, select: ADMIN_SELECT })
    const text = {
      title: input.title,
      titleFa: input.titleFa,
      body: input.body,
      bodyFa: input.bodyFa,
    }
    if (!before) {
      // A store whose pages were never seeded: the first save writes the page (version 0 → 1).
      if (input.version !== 0) throw stale()
      const after = await tx.contentPage.create({ data: { slug, ...text }, select: ADMIN_SELECT })
      await within?.(tx, { before: null, after })
      return after
    }
    const { count } = await tx.contentPage.updateMany({
      where: { slug, version: input.version },
      data: { ...text, version: { increment: 1 } },
    })
    if (count === 0) throw stale()
    const after = await tx.contentPage.findUniqueOrThrow({ where: { slug }, select: ADMIN_SELECT })
    await within?.(tx, { before, after })
    return after
  })
  await invalidatePages([PAGE_TAGS.contentPage(slug)])
  return saved
}

function stale() {
  return new DomainError(
    'stale',
    'page-changed',
    'Someone saved this page after you opened it: reload it to see their changes.',
  )
}
