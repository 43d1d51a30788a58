import { z } from 'zod'
import { parseDateInput } from '~/i18n/date-input.ts'
import { message } from '~/i18n/validation.ts'

// The sales page's query string: a date range (either calendar, any digits) and how to group it.
// Leaving both dates out means the last 30 days; bad values are answered at their field.

export const GROUPINGS = ['day', 'week', 'month'] as const
export type Grouping = (typeof GROUPINGS)[number]

export const DEFAULT_RANGE_DAYS = 30
/** The longest range: two years of days is still a small query and a readable chart. */
export const MAX_RANGE_DAYS = 731

const DAY_MS = 24 * 60 * 60 * 1000

const DateField = z
  .string()
  .trim()
  .max(40, message('analytics.date'))
  .optional()
  .transform((value, ctx) => {
    if (!value) return undefined
    const parsed = parseDateInput(value)
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: message('analytics.date') })
      return z.NEVER
    }
    return parsed
  })

export const AnalyticsQuerySchema = z.object({
  from: DateField,
  to: DateField,
  by: z.enum(GROUPINGS, { error: message('analytics.grouping') }).default('day'),
})

export type AnalyticsQuery = { from: string; to: string; by: Grouping }

/**
 * The range asked for, completed with defaults (`today` is the store's date, YYYY-MM-DD), or the
 * errors by field.
 */
export function resolveAnalyticsQuery(
  params: URLSearchParams,
  today: string,
):
  | { ok: true; query: AnalyticsQuery }
  | { ok: false; query: AnalyticsQuery; errors: Partial<Record<keyof AnalyticsQuery, string[]>> } {
  const raw = {
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    by: params.get('by') || undefined,
  }
  const fallback = defaultQuery(today)
  const parsed = AnalyticsQuerySchema.safeParse(raw)
  if (!parsed.success) {
    const errors: Partial<Record<keyof AnalyticsQuery, string[]>> = {}
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof AnalyticsQuery
      ;(errors[field] ??= []).push(issue.message)
    }
    return { ok: false, query: fallback, errors }
  }
  const to =
    parsed.data.to ?? (parsed.data.from && parsed.data.from > today ? parsed.data.from : today)
  const from = parsed.data.from ?? shiftDays(to, -(DEFAULT_RANGE_DAYS - 1))
  const query = { from, to, by: parsed.data.by }
  const errors: Partial<Record<keyof AnalyticsQuery, string[]>> = {}
  if (from > to) errors.to = [message('analytics.toBeforeFrom')]
  else if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS)
    errors.from = [message('analytics.tooLong', { max: MAX_RANGE_DAYS })]
  if (from > today) errors.from = [message('analytics.future')]
  if (Object.keys(errors).length) return { ok: false, query: fallback, errors }
  return { ok: true, query }
}

export function defaultQuery(today: string): AnalyticsQuery {
  return { from: shiftDays(today, -(DEFAULT_RANGE_DAYS - 1)), to: today, by: 'day' }
}

/** `2026-03-01` moved by `days`. */
export function shiftDays(isoDate: string, days: number) {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

export function daysBetween(from: string, to: string) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}
