import { z } from 'zod'
import { normaliseNumberInput } from '~/i18n/format.ts'

// Size guides, shared by the server and the browser: each size scale names the measurements its
// guide shows (SizeScale.guideMeasures) and each size holds its row (Size.measurements), in
// centimetres, as [from, to] (from = to for a single value). Measure names and how to take them
// are in the `pages` catalogue (`sizeGuide.measures.<key>`).

export const SIZE_MEASURES = [
  'chest',
  'waist',
  'hips',
  'inseam',
  'footLength',
  'length',
  'width',
] as const
export type SizeMeasure = (typeof SIZE_MEASURES)[number]

export function isSizeMeasure(value: unknown): value is SizeMeasure {
  return (SIZE_MEASURES as readonly unknown[]).includes(value)
}

export type Range = [number, number]
export type Measurements = Partial<Record<SizeMeasure, Range>>

const CM_MAX = 500

const RangeSchema = z
  .tuple([z.number().min(0).max(CM_MAX), z.number().min(0).max(CM_MAX)])
  .refine(([from, to]) => from <= to)

/** A size's stored row, whatever the JSON column holds: unknown keys and bad ranges are dropped. */
export function readMeasurements(value: unknown): Measurements {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {}
  const row: Measurements = {}
  for (const [key, range] of Object.entries(value)) {
    const parsed = RangeSchema.safeParse(range)
    if (isSizeMeasure(key) && parsed.success) row[key] = parsed.data
  }
  return row
}

const NUMBER = '(\\d{1,3}(?:\\.\\d)?)'
const CELL = new RegExp(`^${NUMBER}(?:[-–—~]${NUMBER})?$`)

/**
 * A cell as an admin typed it, in either script: "82-86", "82–86", "۸۲–۸۶", "22.5", "۲۲٫۵".
 * Blank is null (no value); anything else that is not a range of centimetres is 'invalid'.
 */
export function parseRange(text: string): Range | null | 'invalid' {
  const clean = normaliseNumberInput(text)
  if (!clean) return null
  const match = CELL.exec(clean)
  if (!match) return 'invalid'
  const from = Number(match[1])
  const to = match[2] === undefined ? from : Number(match[2])
  if (!(from > 0) || to < from || to > CM_MAX) return 'invalid'
  return [from, to]
}

/** A cell's text for the admin's form (ASCII, as it parses back). */
export function rangeInput(range: Range | undefined) {
  if (!range) return ''
  return range[0] === range[1] ? String(range[0]) : `${range[0]}-${range[1]}`
}
