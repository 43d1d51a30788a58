import { z } from 'zod'
import { message } from '~/i18n/validation.ts'
import { noControlCharacters } from '~/utils/text.ts'

// The pages every store has, shared by the server and the browser (no server code here). Their
// text lives in the database (ContentPage), in English and Persian, edited at /admin/pages.

export { CONTENT_PAGE_SLUGS, isContentPageSlug, type ContentPageSlug } from './slugs.ts'

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
