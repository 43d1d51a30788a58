import { prisma, type Prisma } from '~/infra/db.server.ts'
import type { Locale } from '~/i18n/locales.ts'
import type { WithinTransaction } from '~/services/catalog/hooks.ts'
import { localLabel, localName } from '~/services/catalog/localized.ts'
import { DomainError } from '~/utils/domain-error.ts'
import { invalidateAllPages } from '~/services/catalog/page-tags.server.ts'
import {
  isSizeMeasure,
  readMeasurements,
  type Measurements,
  type SizeMeasure,
} from './size-guide.ts'

// Size guides: a size scale's measurements table (its columns on SizeScale.guideMeasures, a row
// per size on Size.measurements), shown at /size-guide/<scale code> and edited by admins.

const SCALE_SELECT = {
  id: true,
  code: true,
  name: true,
  nameFa: true,
  guideMeasures: true,
  sizes: {
    select: { id: true, label: true, labelFa: true, measurements: true },
    orderBy: { position: 'asc' },
  },
} as const satisfies Prisma.SizeScaleSelect

type ScaleRow = Prisma.SizeScaleGetPayload<{ select: typeof SCALE_SELECT }>

function shape(scale: ScaleRow) {
  const measures = scale.guideMeasures.filter(isSizeMeasure)
  return {
    id: scale.id,
    code: scale.code,
    name: scale.name,
    nameFa: scale.nameFa,
    measures,
    sizes: scale.sizes.map((size) => ({
      id: size.id,
      label: size.label,
      labelFa: size.labelFa,
      measurements: readMeasurements(size.measurements),
    })),
  }
}

/** A scale's guide in a language; null when there is no such scale or it has no guide. */
export async function getSizeGuide(code: string, locale: Locale) {
  if (code.length > 60) return null
  const scale = await prisma.sizeScale.findUnique({ where: { code }, select: SCALE_SELECT })
  if (!scale) return null
  const guide = shape(scale)
  if (!guide.measures.length) return null
  return {
    code: guide.code,
    name: localName(locale, guide),
    measures: guide.measures,
    sizes: guide.sizes.map((size) => ({
      label: localLabel(locale, size),
      measurements: size.measurements,
    })),
  }
}

/** The codes of the scales that have a guide, for the size picker's link. */
export async function hasSizeGuide(scaleId: string) {
  const scale = await prisma.sizeScale.findUnique({
    where: { id: scaleId },
    select: { guideMeasures: true },
  })
  return Boolean(scale?.guideMeasures.some(isSizeMeasure))
}

export async function listSizeGuidesForAdmin() {
  const rows = await prisma.sizeScale.findMany({ select: SCALE_SELECT, orderBy: { name: 'asc' } })
  return rows.map(shape)
}

export async function getSizeGuideForAdmin(code: string) {
  if (code.length > 60) return null
  const scale = await prisma.sizeScale.findUnique({ where: { code }, select: SCALE_SELECT })
  return scale ? shape(scale) : null
}

export type SizeGuideInput = {
  measures: SizeMeasure[]
  /** Size id → its row; sizes not named keep no values. */
  rows: Record<string, Measurements>
}

type GuideChange = {
  scale: { id: string; code: string; name: string }
  before: { measures: string[]; rows: Record<string, Measurements> }
  after: { measures: string[]; rows: Record<string, Measurements> }
}

/** Replaces a scale's guide: its columns and every size's row (values of other columns are dropped). */
export async function updateSizeGuide(
  code: string,
  input: SizeGuideInput,
  { within }: WithinTransaction<GuideChange> = {},
) {
  const saved = await prisma.$transaction(async (tx) => {
    const scale = await tx.sizeScale.findUnique({ where: { code }, select: SCALE_SELECT })
    if (!scale) throw new DomainError('not-found', 'size-scale-not-found', 'That size scale')
    const before = shape(scale)
    const rows: Record<string, Measurements> = {}
    for (const size of before.sizes) {
      const given = input.rows[size.id] ?? {}
      const row: Measurements = {}
      for (const measure of input.measures) {
        const range = given[measure]
        if (range) row[measure] = range
      }
      rows[size.id] = row
      await tx.size.update({ where: { id: size.id }, data: { measurements: row } })
    }
    await tx.sizeScale.update({ where: { id: scale.id }, data: { guideMeasures: input.measures } })
    const label = (sizes: typeof before.sizes) =>
      Object.fromEntries(sizes.map((size) => [size.label, size.measurements]))
    await within?.(tx, {
      scale: { id: scale.id, code: scale.code, name: scale.name },
      before: { measures: before.measures, rows: label(before.sizes) },
      after: {
        measures: input.measures,
        rows: Object.fromEntries(before.sizes.map((size) => [size.label, rows[size.id] ?? {}])),
      },
    })
    return { code: scale.code, name: scale.name, nameFa: scale.nameFa }
  })
  // Product pages link to a scale's guide only while it has one.
  await invalidateAllPages()
  return saved
}
