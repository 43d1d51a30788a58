import { z } from 'zod'
import { message } from '~/i18n/validation.ts'
import { noControlCharacters } from '~/utils/text.ts'

// The pages every store has, shared by the server and the browser (no server code here). Their
// text lives in the database (ContentPage), in English and Persian, edited at /admin/pages.

/** The store's pages, in the footer's order. A slug is an address: it never changes. */
export const CONTENT_PAGE_SLUGS = [
  'help',
  'shipping',
  'returns',
  'privacy',
  'terms',
  'contact',
  'about',
] as const
export type ContentPageSlug = (typeof CONTENT_PAGE_SLUGS)[number]

export function isContentPageSlug(value: unknown): value is ContentPageSlug {
  return (CONTENT_PAGE_SLUGS as readonly unknown[]).includes(value)
}

export const TITLE_MAX = 120
export const BODY_MAX = 20_000

const text = (required: Parameters<typeof message>[0], min: number, max: number) =>
  z
    .string({ error: message(required) })
    .trim()
    .min(1, { error: message(required), abort: true })
    .min(min, message('text.tooShort', { min }))
    .max(max, message('text.tooLong', { max }))
    .refine(...noControlCharacters)

/** The admin's form: both languages' title and body, and the version the admin started from. */
export const ContentPageFormSchema = z.object({
  title: text('pages.title', 2, TITLE_MAX),
  titleFa: text('pages.title', 2, TITLE_MAX),
  body: text('pages.body', 20, BODY_MAX),
  bodyFa: text('pages.body', 20, BODY_MAX),
  version: z.coerce
    .number({ error: message('pages.outOfDate') })
    .int()
    .min(0)
    .max(2 ** 31 - 1),
})
export type ContentPageInput = z.infer<typeof ContentPageFormSchema>
