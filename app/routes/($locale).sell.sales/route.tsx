import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BarChart, Funnel, Sparkline } from './charts.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Field } from '~/components/forms.tsx'
import { NoShopYet } from '~/components/orders/sales-summary.tsx'
import { formatDateInput, typesSolarHijri } from '~/i18n/date-input.ts'
import { getLocale, getT } from '~/i18n/i18n.server.ts'
import { useFormat, useLocalePath, usePageLocale } from '~/i18n/use-locale.ts'
import { getEnv } from '~/infra/env.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { GROUPINGS, resolveAnalyticsQuery } from '~/services/analytics/schemas.ts'
import { getSellerAnalytics } from '~/services/analytics/seller-analytics.server.ts'
import { utcToZonedLocal } from '~/utils/zoned-time.ts'

// The seller's analytics: a date range (GET form, works without JavaScript; bad dates answered
// at their field with what was typed kept), revenue and units per day, week or month, the best
// products with their trend, views → carts → orders, the returns rate and the payouts sent (from
// the shop's books). Charts are server-drawn SVG.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'SELLER')
  const t = getT(request, 'seller')
  const locale = getLocale(request)
  const params = new URL(request.url).searchParams
  const today = utcToZonedLocal(new Date(), getEnv().STORE_TIMEZONE).slice(0, 10)
  const resolved = resolveAnalyticsQuery(params, today)
  const analytics = await getSellerAnalytics(user.id, resolved.query, locale)
  const shown = (name: 'from' | 'to') =>
    resolved.ok ? formatDateInput(resolved.query[name], locale) : (params.get(name) ?? '')
  return data(
    {
      analytics,
      title: t('meta.title', { page: t('sales.title') }),
      fields: { from: shown('from'), to: shown('to'), by: params.get('by') ?? resolved.query.by },
      errors: resolved.ok ? null : resolved.errors,
    },
    { status: resolved.ok ? 200 : 400 },
  )
}

export default function SalesPage() {
  const { analytics, fields, errors } = useLoaderData<typeof loader>()
  const { t } = useTranslation('seller')
  const f = useFormat()
  const lp = useLocalePath()
  const { locale } = usePageLocale()
  if (!analytics) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-bold tracking-tight">{t('sales.title')}</h1>
        <NoShopYet />
      </div>
    )
  }
  const { totals, buckets, products, query } = analytics
  const solar = typesSolarHijri(locale)
  const bucketLabel = (bucket: { start: string; end: string }) =>
    bucket.start === bucket.end
      ? f.date(bucket.start)
      : t('analytics.span', { start: f.date(bucket.start), end: f.date(bucket.end) })
  const rate = (part: number, whole: number) => (whole > 0 ? f.rate(part / whole) : null)
  const peakOf = (values: number[]) => Math.max(0, ...values)

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t('sales.title')}</h1>
        <p className="mt-1 text-stone-600">
          {t('analytics.intro', {
            shop: analytics.shop.name,
            from: f.date(query.from),
            to: f.date(query.to),
          })}
        </p>
      </div>

      <Form
        method="get"
        className="grid gap-4 card p-5 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-start print:hidden"
        aria-label={t('analytics.rangeLabel')}
      >
        <Field
          label={t('analytics.from')}
          inputProps={{
            name: 'from',
            type: solar ? 'text' : 'date',
            defaultValue: fields.from,
            inputMode: solar ? 'numeric' : undefined,
            placeholder: solar ? t('analytics.datePlaceholder') : undefined,
            dir: 'ltr',
          }}
          errors={errors?.from}
        />
        <Field
          label={t('analytics.to')}
          inputProps={{
            name: 'to',
            type: solar ? 'text' : 'date',
            defaultValue: fields.to,
            inputMode: solar ? 'numeric' : undefined,
            placeholder: solar ? t('analytics.datePlaceholder') : undefined,
            dir: 'ltr',
          }}
          errors={errors?.to}
        />
        <div>
          <label htmlFor="analytics-by" className="block text-sm font-medium text-stone-800">
            {t('analytics.by')}
          </label>
          <select
            id="analytics-by"
            name="by"
            defaultValue={fields.by}
            className="mt-1 input"
            aria-invalid={errors?.by ? true : undefined}
            aria-describedby={errors?.by ? 'analytics-by-error' : undefined}
          >
            {GROUPINGS.map((grouping) => (
              <option key={grouping} value={grouping}>
                {t(`analytics.grouping.${grouping}`)}
              </option>
            ))}
          </select>
          {errors?.by ? (
            <p id="analytics-by-error" className="mt-1 text-sm text-red-700">
              {t('analytics.groupingError')}
            </p>
          ) : null}
        </div>
        <button type="submit" className="btn-primary sm:mt-6">
          {t('analytics.show')}
        </button>
      </Form>
      {errors ? (
        <p role="alert" className="text-sm text-red-800">
          {t('analytics.showingDefault')}
        </p>
      ) : null}

      <dl
        className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5"
        data-testid="analytics-totals"
      >
        <Stat label={t('summary.revenue')} value={f.money(totals.revenue)} testId="total-revenue" />
        <Stat label={t('summary.itemsSold')} value={f.number(totals.units)} testId="total-units" />
        <Stat label={t('summary.orders')} value={f.number(totals.orders)} testId="total-orders" />
        <Stat
          label={t('analytics.conversion')}
          value={rate(totals.orders, totals.views) ?? '—'}
          testId="total-conversion"
        />
        <Stat
          label={t('analytics.returnsRate')}
          value={rate(totals.returned, totals.units) ?? '—'}
          hint={t('analytics.returnsHint', {
            returned: f.number(totals.returned),
            units: f.number(totals.units),
          })}
          testId="total-returns-rate"
        />
      </dl>

      <div className="grid gap-6 lg:grid-cols-2">
        <section className="break-inside-avoid card" aria-labelledby="revenue-heading">
          <h2 id="revenue-heading" className="font-semibold">
            {t(`analytics.revenueBy.${query.by}`)}
          </h2>
          <BarChart
            testId="revenue-chart"
            peakLabel={f.money(peakOf(buckets.map((bucket) => bucket.revenue)))}
            points={buckets.map((bucket) => ({
              label: bucketLabel(bucket),
              value: bucket.revenue,
              title: `${bucketLabel(bucket)}: ${f.money(bucket.revenue)}`,
            }))}
          />
        </section>
        <section className="break-inside-avoid card" aria-labelledby="units-heading">
          <h2 id="units-heading" className="font-semibold">
            {t(`analytics.unitsBy.${query.by}`)}
          </h2>
          <BarChart
            testId="units-chart"
            peakLabel={f.number(peakOf(buckets.map((bucket) => bucket.units)))}
            points={buckets.map((bucket) => ({
              label: bucketLabel(bucket),
              value: bucket.units,
              title: `${bucketLabel(bucket)}: ${f.number(bucket.units)}`,
            }))}
          />
        </section>
      </div>

      <section className="break-inside-avoid card" aria-labelledby="payouts-heading">
        <h2 id="payouts-heading" className="font-semibold">
          {t(`analytics.payoutsBy.${query.by}`)}
        </h2>
        <p className="mt-1 text-sm text-stone-600" data-testid="total-payouts">
          {t('analytics.payoutsHint', { total: f.money(totals.payouts) })}
        </p>
        <BarChart
          testId="payouts-chart"
          peakLabel={f.money(peakOf(buckets.map((bucket) => bucket.payouts)))}
          points={buckets.map((bucket) => ({
            label: bucketLabel(bucket),
            value: bucket.payouts,
            title: `${bucketLabel(bucket)}: ${f.money(bucket.payouts)}`,
          }))}
        />
      </section>

      <section className="break-inside-avoid card" aria-labelledby="funnel-heading">
        <h2 id="funnel-heading" className="font-semibold">
          {t('analytics.funnel')}
        </h2>
        <p className="mt-1 text-sm text-stone-600">{t('analytics.funnelHint')}</p>
        <div className="mt-4">
          <Funnel
            steps={[
              {
                label: t('analytics.views'),
                value: totals.views,
                shown: f.number(totals.views),
                rate: null,
              },
              {
                label: t('analytics.carts'),
                value: totals.carts,
                shown: f.number(totals.carts),
                rate: rate(totals.carts, totals.views),
              },
              {
                label: t('summary.orders'),
                value: totals.orders,
                shown: f.number(totals.orders),
                rate: rate(totals.orders, totals.carts),
              },
            ]}
          />
        </div>
      </section>

      <section className="card p-0" aria-labelledby="products-heading">
        <h2 id="products-heading" className="px-5 pt-5 font-semibold">
          {t('analytics.products')}
        </h2>
        {products.length ? (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-sm" data-testid="product-trends">
              <thead>
                <tr className="border-b border-stone-200 text-xs text-stone-600">
                  <th scope="col" className="px-5 py-2 text-start font-semibold">
                    {t('analytics.product')}
                  </th>
                  <th scope="col" className="px-2 py-2 text-start font-semibold">
                    {t('analytics.trend')}
                  </th>
                  <th scope="col" className="px-2 py-2 text-end font-semibold">
                    {t('summary.items')}
                  </th>
                  <th scope="col" className="px-2 py-2 text-end font-semibold">
                    {t('summary.revenue')}
                  </th>
                  <th scope="col" className="px-2 py-2 text-end font-semibold">
                    {t('analytics.views')}
                  </th>
                  <th scope="col" className="px-5 py-2 text-end font-semibold">
                    {t('analytics.conversion')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {products.map((product) => (
                  <tr
                    key={product.productId ?? product.title}
                    className="break-inside-avoid border-b border-stone-100"
                  >
                    <td className="max-w-48 px-5 py-2">
                      {product.productId ? (
                        <Link to={lp(`/p/${product.slug}`)} className="hover:underline">
                          {product.title}
                        </Link>
                      ) : (
                        product.title
                      )}
                    </td>
                    <td className="px-2 py-2">
                      <Sparkline
                        values={product.unitsByBucket}
                        label={t('analytics.trendOf', { title: product.title })}
                      />
                    </td>
                    <td className="px-2 py-2 text-end">{f.number(product.units)}</td>
                    <td className="px-2 py-2 text-end whitespace-nowrap">
                      {f.money(product.revenue)}
                    </td>
                    <td className="px-2 py-2 text-end">{f.number(product.views)}</td>
                    <td className="px-5 py-2 text-end">
                      {rate(product.orders, product.views) ?? '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="px-5 pt-2 pb-5 text-sm text-stone-600">{t('summary.noSales')}</p>
        )}
      </section>

      <details className="card print:hidden">
        <summary className="cursor-pointer font-semibold">{t('analytics.table')}</summary>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-sm" data-testid="bucket-table">
            <thead>
              <tr className="border-b border-stone-200 text-xs text-stone-600">
                <th scope="col" className="py-2 pe-2 text-start font-semibold">
                  {t(`analytics.grouping.${query.by}`)}
                </th>
                <th scope="col" className="px-2 py-2 text-end font-semibold">
                  {t('summary.revenue')}
                </th>
                <th scope="col" className="px-2 py-2 text-end font-semibold">
                  {t('summary.items')}
                </th>
                <th scope="col" className="px-2 py-2 text-end font-semibold">
                  {t('summary.orders')}
                </th>
                <th scope="col" className="px-2 py-2 text-end font-semibold">
                  {t('analytics.views')}
                </th>
                <th scope="col" className="px-2 py-2 text-end font-semibold">
                  {t('analytics.carts')}
                </th>
                <th scope="col" className="py-2 ps-2 text-end font-semibold">
                  {t('analytics.payouts')}
                </th>
              </tr>
            </thead>
            <tbody>
              {buckets.map((bucket) => (
                <tr key={bucket.start} className="border-b border-stone-100">
                  <td className="py-1.5 pe-2">{bucketLabel(bucket)}</td>
                  <td className="px-2 py-1.5 text-end whitespace-nowrap">
                    {f.money(bucket.revenue)}
                  </td>
                  <td className="px-2 py-1.5 text-end">{f.number(bucket.units)}</td>
                  <td className="px-2 py-1.5 text-end">{f.number(bucket.orders)}</td>
                  <td className="px-2 py-1.5 text-end">{f.number(bucket.views)}</td>
                  <td className="px-2 py-1.5 text-end">{f.number(bucket.carts)}</td>
                  <td className="py-1.5 ps-2 text-end whitespace-nowrap">
                    {f.money(bucket.payouts)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  )
}

function Stat({
  label,
  value,
  hint,
  testId,
}: {
  label: string
  value: string
  hint?: string
  testId: string
}) {
  return (
    <div className="card p-4">
      <dt className="text-sm text-stone-600">{label}</dt>
      <dd className="mt-1 text-xl font-bold tracking-tight break-words" data-testid={testId}>
        {value}
      </dd>
      {hint ? <dd className="mt-1 text-xs text-stone-600">{hint}</dd> : null}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
