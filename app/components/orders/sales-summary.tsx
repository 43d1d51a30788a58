/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import { Link } from '@remix-run/react'
import type { SalesSummary } from '~/services/orders/sales.server.ts'
import { LOW_STOCK_THRESHOLD } from '~/services/catalog/schemas.ts'
import { formatMoney } from '~/utils/money.ts'

// The seller's sales summary (getSalesSummary): figures for the last 30 days, revenue per day,
// best sellers and low stock. /sell/sales shows all of it; the dashboard's overview the
// `compact` form, without the day-by-day chart.

type SummaryData = Omit<SalesSummary, 'since'> & { since: Date | string }

export function SalesSummaryView({
  summary,
  currency,
  compact = false,
}: {
  summary: SummaryData
  currency: string
  compact?: boolean
}) {
  const money = (amount: number) => formatMoney(amount, currency)
  return (
    <div className="space-y-8">
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Revenue" value={money(summary.revenue)} />
        <Stat label="Items sold" value={String(summary.units)} />
        <Stat label="Orders" value={String(summary.orders)} />
        <Stat
          label="Waiting to ship"
          value={String(summary.toShip)}
          link={
            summary.toShip ? { to: '/sell/orders?status=to-ship', label: 'Ship them' } : undefined
          }
        />
      </dl>

      {compact ? null : <DailyRevenue daily={summary.daily} money={money} />}

      <div className="grid gap-6 lg:grid-cols-2">
        <section className="card" aria-labelledby="best-heading">
          <h2 id="best-heading" className="font-semibold">
            Best sellers
          </h2>
          {summary.bestSellers.length ? (
            <ol className="mt-3 divide-y divide-stone-100 text-sm">
              {summary.bestSellers.map((row, index) => (
                <li
                  key={`${row.productId ?? row.title}`}
                  className="flex items-center justify-between gap-3 py-2"
                >
                  <span className="min-w-0 truncate">
                    <span className="me-2 text-stone-400">{index + 1}.</span>
                    {row.productId ? (
                      <Link to={`/p/${row.slug}`} className="hover:underline">
                        {row.title}
                      </Link>
                    ) : (
                      row.title
                    )}
                  </span>
                  <span className="whitespace-nowrap text-stone-600">
                    {row.units} sold · {money(row.revenue)}
                  </span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="mt-3 text-sm text-stone-600">No sales in this period yet.</p>
          )}
        </section>

        <section className="card" aria-labelledby="low-heading">
          <h2 id="low-heading" className="font-semibold">
            Low stock
          </h2>
          <p className="text-xs text-stone-500">
            Published items with {LOW_STOCK_THRESHOLD} or fewer left.{' '}
            <Link to="/sell/products?status=ACTIVE" className="link">
              Review stock
            </Link>
          </p>
          {summary.lowStock.length ? (
            <ul className="mt-3 divide-y divide-stone-100 text-sm">
              {summary.lowStock.map((row) => (
                <li key={row.variantId} className="flex items-center justify-between gap-3 py-2">
                  <span className="min-w-0">
                    <Link
                      to={`/sell/products/${row.productId}`}
                      className="hover:underline"
                      aria-label={`Restock ${row.title} (${row.colorName}, ${row.sizeLabel})`}
                    >
                      {row.title}
                    </Link>
                    <span className="block text-xs text-stone-500">
                      {row.colorName} · {row.sizeLabel} ·{' '}
                      <span className="font-mono">{row.sku}</span>
                    </span>
                  </span>
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${row.stock === 0 ? 'bg-red-100 text-red-800' : 'bg-amber-100 text-amber-900'}`}
                  >
                    {row.stock === 0 ? 'Sold out' : `${row.stock} left`}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-3 text-sm text-stone-600">Everything is well stocked.</p>
          )}
        </section>
      </div>
    </div>
  )
}

function DailyRevenue({
  daily,
  money,
}: {
  daily: SummaryData['daily']
  money: (amount: number) => string
}) {
  const peak = Math.max(1, ...daily.map((day) => day.revenue))
  return (
    <section className="card" aria-labelledby="daily-heading">
      <h2 id="daily-heading" className="font-semibold">
        Revenue per day
      </h2>
      <div aria-hidden className="mt-4 flex h-40 items-end gap-1">
        {daily.map((day) => (
          <div key={day.day} className="group relative flex h-full flex-1 items-end">
            <div
              className="w-full rounded-t bg-brand-500/80 group-hover:bg-brand-700"
              style={{ height: `${Math.max(day.revenue ? 3 : 0, (day.revenue / peak) * 100)}%` }}
            />
            <span className="pointer-events-none absolute inset-x-0 -top-6 mx-auto hidden w-max rounded bg-stone-900 px-1.5 py-0.5 text-xs whitespace-nowrap text-white group-hover:block">
              {day.day.slice(5)}: {money(day.revenue)}
            </span>
          </div>
        ))}
      </div>
      <div aria-hidden className="mt-1 flex justify-between text-xs text-stone-500">
        <span>{daily[0]?.day}</span>
        <span>{daily.at(-1)?.day}</span>
      </div>
      <table className="sr-only">
        <caption>Revenue and items sold per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Revenue</th>
            <th scope="col">Items</th>
          </tr>
        </thead>
        <tbody>
          {daily
            .filter((day) => day.units > 0)
            .map((day) => (
              <tr key={day.day}>
                <td>{day.day}</td>
                <td>{money(day.revenue)}</td>
                <td>{day.units}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </section>
  )
}

function Stat({
  label,
  value,
  link,
}: {
  label: string
  value: string
  link?: { to: string; label: string }
}) {
  return (
    <div className="card p-5">
      <dt className="text-sm text-stone-600">{label}</dt>
      <dd className="mt-1 text-2xl font-bold tracking-tight">{value}</dd>
      {link ? (
        <dd className="mt-1 text-sm">
          <Link to={link.to} className="link">
            {link.label}
          </Link>
        </dd>
      ) : null}
    </div>
  )
}
