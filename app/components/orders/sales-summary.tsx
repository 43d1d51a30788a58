import { Link } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { createFormatter } from '~/i18n/format.ts'
import { useFormat, useLocalePath, usePageLocale } from '~/i18n/use-locale.ts'
import type { SalesSummary } from '~/services/orders/sales.server.ts'
import { LOW_STOCK_THRESHOLD } from '~/services/catalog/schemas.ts'

// The seller's sales summary (getSalesSummary): figures for the last 30 days, revenue per day,
// best sellers and low stock. /sell/sales shows all of it; the dashboard's overview the
// `compact` form, without the day-by-day chart. The chart's days run in the page's direction:
// oldest at the start (the right on a Persian page).

type SummaryData = Omit<SalesSummary, 'since'> & { since: Date | string }

export function SalesSummaryView({
  summary,
  compact = false,
}: {
  summary: SummaryData
  /** The store's currency (money is formatted with the page's store settings). */
  currency?: string
  compact?: boolean
}) {
  const { t } = useTranslation('seller')
  const lp = useLocalePath()
  const f = useFormat()
  return (
    <div className="space-y-8">
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={t('summary.revenue')} value={f.money(summary.revenue)} />
        <Stat label={t('summary.itemsSold')} value={f.number(summary.units)} />
        <Stat label={t('summary.orders')} value={f.number(summary.orders)} />
        <Stat
          label={t('summary.toShip')}
          value={f.number(summary.toShip)}
          link={
            summary.toShip
              ? { to: lp('/sell/orders?status=to-ship'), label: t('summary.shipThem') }
              : undefined
          }
        />
      </dl>

      {compact ? null : <DailyRevenue daily={summary.daily} />}

      <div className="grid gap-6 lg:grid-cols-2">
        <section className="card" aria-labelledby="best-heading">
          <h2 id="best-heading" className="font-semibold">
            {t('summary.bestSellers')}
          </h2>
          {summary.bestSellers.length ? (
            <ol className="mt-3 divide-y divide-stone-100 text-sm">
              {summary.bestSellers.map((row, index) => (
                <li
                  key={`${row.productId ?? row.title}`}
                  className="flex items-center justify-between gap-3 py-2"
                >
                  <span className="min-w-0 truncate">
                    <span className="me-2 text-stone-500">
                      {t('summary.rank', { n: f.number(index + 1) })}
                    </span>
                    {row.productId ? (
                      <Link to={lp(`/p/${row.slug}`)} className="hover:underline">
                        {row.title}
                      </Link>
                    ) : (
                      row.title
                    )}
                  </span>
                  <span className="whitespace-nowrap text-stone-600">
                    {t('summary.sold', {
                      count: row.units,
                      n: f.number(row.units),
                      revenue: f.money(row.revenue),
                    })}
                  </span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="mt-3 text-sm text-stone-600">{t('summary.noSales')}</p>
          )}
        </section>

        <section className="card" aria-labelledby="low-heading">
          <h2 id="low-heading" className="font-semibold">
            {t('summary.lowStock')}
          </h2>
          <p className="text-xs text-stone-500">
            {t('summary.lowStockHint', { n: f.number(LOW_STOCK_THRESHOLD) })}{' '}
            <Link to={lp('/sell/products?status=ACTIVE')} className="link">
              {t('summary.reviewStock')}
            </Link>
          </p>
          {summary.lowStock.length ? (
            <ul className="mt-3 divide-y divide-stone-100 text-sm">
              {summary.lowStock.map((row) => (
                <li key={row.variantId} className="flex items-center justify-between gap-3 py-2">
                  <span className="min-w-0">
                    <Link
                      to={lp(`/sell/products/${row.productId}`)}
                      className="hover:underline"
                      aria-label={t('summary.restock', {
                        title: row.title,
                        colour: row.colorName,
                        size: row.sizeLabel,
                      })}
                    >
                      {row.title}
                    </Link>
                    <span className="block text-xs text-stone-500">
                      {row.colorName} · {row.sizeLabel} · <bdi className="font-mono">{row.sku}</bdi>
                    </span>
                  </span>
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${row.stock === 0 ? 'bg-red-100 text-red-800' : 'bg-amber-100 text-amber-900'}`}
                  >
                    {row.stock === 0
                      ? t('summary.soldOut')
                      : t('summary.left', { n: f.number(row.stock) })}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-3 text-sm text-stone-600">{t('summary.wellStocked')}</p>
          )}
        </section>
      </div>
    </div>
  )
}

/** The days of the chart are calendar days (YYYY-MM-DD): shown as such, in the page's calendar. */
function useDayFormat() {
  const { locale, store } = usePageLocale()
  const days = createFormatter({ locale, ...store, timeZone: 'UTC' })
  return (day: string) => days.date(`${day}T00:00:00Z`)
}

function DailyRevenue({ daily }: { daily: SummaryData['daily'] }) {
  const { t } = useTranslation('seller')
  const f = useFormat()
  const day = useDayFormat()
  const peak = Math.max(1, ...daily.map((entry) => entry.revenue))
  const first = daily[0]
  const last = daily.at(-1)
  return (
    <section className="card" aria-labelledby="daily-heading">
      <h2 id="daily-heading" className="font-semibold">
        {t('summary.perDay')}
      </h2>
      <div aria-hidden className="mt-4 flex h-40 items-end gap-1">
        {daily.map((entry) => (
          <div key={entry.day} className="group relative flex h-full flex-1 items-end">
            <div
              className="w-full rounded-t bg-brand-500/80 group-hover:bg-brand-700"
              style={{
                height: `${Math.max(entry.revenue ? 3 : 0, (entry.revenue / peak) * 100)}%`,
              }}
            />
            <span className="pointer-events-none absolute inset-x-0 -top-6 mx-auto hidden w-max rounded bg-stone-900 px-1.5 py-0.5 text-xs whitespace-nowrap text-white group-hover:block">
              {t('summary.dayRevenue', { day: day(entry.day), revenue: f.money(entry.revenue) })}
            </span>
          </div>
        ))}
      </div>
      <div aria-hidden className="mt-1 flex justify-between text-xs text-stone-500">
        <span>{first ? day(first.day) : null}</span>
        <span>{last ? day(last.day) : null}</span>
      </div>
      <table className="sr-only">
        <caption>{t('summary.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('summary.day')}</th>
            <th scope="col">{t('summary.revenue')}</th>
            <th scope="col">{t('summary.items')}</th>
          </tr>
        </thead>
        <tbody>
          {daily
            .filter((entry) => entry.units > 0)
            .map((entry) => (
              <tr key={entry.day}>
                <td>{day(entry.day)}</td>
                <td>{f.money(entry.revenue)}</td>
                <td>{f.number(entry.units)}</td>
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

/** "You do not have a shop yet. Open your shop to start selling." with its link. */
export function NoShopYet() {
  const { t } = useTranslation('seller')
  const lp = useLocalePath()
  return (
    <p className="rounded-lg border border-dashed border-stone-300 p-8 text-center text-stone-600">
      <Trans
        t={t}
        i18nKey="noShop"
        components={{ link: <Link to={lp('/sell')} className="link" /> }}
      />
    </p>
  )
}
