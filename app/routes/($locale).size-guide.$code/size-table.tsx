import { useTranslation } from 'react-i18next'
import { useFormat } from '~/i18n/use-locale.ts'
import type { Measurements, Range, SizeMeasure } from '~/services/pages/size-guide.ts'

/** A size guide's table: a row per size, a column per measurement, ranges in the page's digits. */
export function SizeTable({
  caption,
  measures,
  sizes,
}: {
  caption: string
  measures: SizeMeasure[]
  sizes: Array<{ label: string; measurements: Measurements }>
}) {
  const { t } = useTranslation('pages')
  const f = useFormat()
  const cell = (range: Range | undefined) => {
    if (!range) return t('sizeGuide.none')
    const [from, to] = range
    return from === to
      ? f.number(from)
      : t('sizeGuide.range', { from: f.number(from), to: f.number(to) })
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="px-4 py-3 text-start text-sm text-stone-600">{caption}</caption>
        <thead className="bg-stone-50 text-stone-700">
          <tr>
            <th scope="col" className="px-4 py-2 text-start font-semibold">
              {t('sizeGuide.size')}
            </th>
            {measures.map((measure) => (
              <th key={measure} scope="col" className="px-4 py-2 text-start font-semibold">
                {t(`sizeGuide.measures.${measure}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {sizes.map((size) => (
            <tr key={size.label}>
              <th scope="row" className="px-4 py-2 text-start font-semibold text-ink">
                <bdi>{size.label}</bdi>
              </th>
              {measures.map((measure) => (
                <td key={measure} className="px-4 py-2 whitespace-nowrap text-stone-700">
                  {cell(size.measurements[measure])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
