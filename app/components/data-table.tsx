import type { ReactNode } from 'react'

// The frame of the dashboards' tables (the seller's products and orders, the admin's
// categories, brands and accounts): a scrollable box, a caption for screen readers, a header
// row. The rows are the page's own.

export type DataColumn = {
  label: string
  /** Extra classes of the header cell (alignment, `hidden sm:table-cell` …). */
  className?: string
  /** A column without a visible heading (the row's actions): the label is for screen readers. */
  hideLabel?: boolean
}

export function DataTable({
  caption,
  columns,
  minWidth = '',
  className = 'mt-6',
  children,
}: {
  caption: string
  columns: DataColumn[]
  minWidth?: string
  className?: string
  children: ReactNode
}) {
  // `relative`: screen-reader-only text in the cells is positioned absolutely, and would
  // otherwise stretch the page sideways from outside the scroller on a phone.
  return (
    <div
      className={`relative overflow-x-auto rounded-lg border border-stone-200 bg-white ${className}`}
    >
      <table className={`w-full text-sm ${minWidth}`}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-stone-50 text-start text-stone-600">
          <tr>
            {columns.map((column) => (
              <th
                key={column.label}
                scope="col"
                className={`px-4 py-2.5 font-medium ${column.className ?? ''}`}
              >
                {column.hideLabel ? <span className="sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">{children}</tbody>
      </table>
    </div>
  )
}
