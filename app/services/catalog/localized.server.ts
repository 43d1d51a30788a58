import { Prisma } from '~/infra/db.server.ts'
import type { Locale } from '~/i18n/locales.ts'

// The SQL twins of localized.ts, for the storefront's hand-written queries.

/** `alias.name` in the page's language: nameFa on Persian pages when set (or labelFa for sizes). */
export function localNameSql(locale: Locale, alias: string, column: 'name' | 'label' = 'name') {
  const base = Prisma.raw(`${alias}."${column}"`)
  if (locale !== 'fa') return base
  return Prisma.sql`COALESCE(NULLIF(${Prisma.raw(`${alias}."${column}Fa"`)}, ''), ${base})`
}

/** A product's title or description in the page's language, falling back to its own. */
export function localProductSql(locale: Locale, alias: string, field: 'title' | 'description') {
  const own = Prisma.raw(`${alias}."${field}"`)
  const translated = Prisma.raw(
    `${alias}."translated${field === 'title' ? 'Title' : 'Description'}"`,
  )
  return Prisma.sql`CASE WHEN ${Prisma.raw(`${alias}.locale`)} = ${locale} THEN ${own}
    ELSE COALESCE(NULLIF(${translated}, ''), ${own}) END`
}
