import { Form, Link, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DataTable } from '~/components/data-table.tsx'
import { useMoney } from '~/components/orders/commerce.tsx'
import { useFormat } from '~/i18n/use-locale.ts'
import type { PromoStatus } from '~/services/promos/form.ts'

// The code lists of the seller's and the admin's screens: each code with what it gives, its
// window, its uses against its limit, the discount it gave and the revenue it brought, and
// (where the viewer may change it) edit and deactivate.

export type PromoTableRow = {
  id: string
  code: string
  shopName: string | null
  kind: 'PERCENT' | 'FIXED' | 'FREE_DELIVERY'
  value: number
  minOrder: number
  startsAt: string | Date | null
  endsAt: string | Date | null
  usedCount: number
  usageLimit: number | null
  active: boolean
  status: PromoStatus
  discountGiven: number
  revenue: number
}

const STATUS_TONE: Record<PromoStatus, string> = {
  active: 'bg-green-50 text-green-800',
  scheduled: 'bg-sky-50 text-sky-800',
  expired: 'bg-stone-100 text-stone-700',
  'used-up': 'bg-amber-50 text-amber-900',
  inactive: 'bg-stone-100 text-stone-700',
}

export function PromoTable({
  codes,
  currency,
  editPath,
  showShop = false,
  error,
}: {
  codes: PromoTableRow[]
  currency: string
  /** Where a code's edit form is; null: the viewer may only read these codes. */
  editPath: ((id: string) => string) | null
  showShop?: boolean
  error?: { promoId: string | null; message: string } | null | undefined
}) {
  const { t } = useTranslation('seller')
  const f = useFormat()
  const money = useMoney(currency)
  const navigation = useNavigation()
  const gives = (row: PromoTableRow) =>
    row.kind === 'PERCENT'
      ? t('promos.gives.PERCENT', { percent: f.number(row.value) })
      : row.kind === 'FIXED'
        ? t('promos.gives.FIXED', { amount: money(row.value) })
        : t('promos.gives.FREE_DELIVERY')
  const window = (row: PromoTableRow) =>
    row.startsAt && row.endsAt
      ? t('promos.window.between', { from: f.dateTime(row.startsAt), to: f.dateTime(row.endsAt) })
      : row.startsAt
        ? t('promos.window.from', { from: f.dateTime(row.startsAt) })
        : row.endsAt
          ? t('promos.window.until', { to: f.dateTime(row.endsAt) })
          : t('promos.window.always')
  return (
    <DataTable
      caption={t('promos.caption')}
      columns={[
        { label: t('promos.columns.code') },
        ...(showShop ? [{ label: t('promos.columns.shop') }] : []),
        { label: t('promos.columns.gives') },
        { label: t('promos.columns.uses') },
        { label: t('promos.columns.discountGiven'), className: 'text-end' },
        { label: t('promos.columns.revenue'), className: 'text-end' },
        ...(editPath
          ? [{ label: t('promos.columns.actions'), className: 'text-end', hideLabel: true }]
          : []),
      ]}
      minWidth="min-w-[44rem]"
      className="mt-4"
    >
      {codes.map((row) => {
        const busy = navigation.formData?.get('promoId') === row.id
        const rowError = error && error.promoId === row.id ? error.message : null
        return (
          <tr key={row.id} className="align-top" data-testid="promo-row">
            <td className="px-4 py-3">
              <code className="font-mono font-semibold" dir="ltr">
                {row.code}
              </code>
              <p className="mt-1">
                <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_TONE[row.status]}`}>
                  {t(`promos.status.${row.status}`)}
                </span>
              </p>
              {rowError ? (
                <p role="alert" className="mt-1 text-xs text-red-700">
                  {rowError}
                </p>
              ) : null}
            </td>
            {showShop ? <td className="px-4 py-3">{row.shopName}</td> : null}
            <td className="px-4 py-3">
              <p>{gives(row)}</p>
              {row.minOrder ? (
                <p className="text-xs text-stone-500">
                  {t('promos.minOrder', { amount: money(row.minOrder) })}
                </p>
              ) : null}
              <p className="text-xs text-stone-500">{window(row)}</p>
            </td>
            <td className="px-4 py-3 whitespace-nowrap" data-testid="promo-uses">
              {row.usageLimit === null
                ? t('promos.usesUnlimited', { used: f.number(row.usedCount) })
                : t('promos.uses', {
                    used: f.number(row.usedCount),
                    limit: f.number(row.usageLimit),
                  })}
            </td>
            <td className="px-4 py-3 text-end whitespace-nowrap">{money(row.discountGiven)}</td>
            <td className="px-4 py-3 text-end whitespace-nowrap" data-testid="promo-revenue">
              {money(row.revenue)}
            </td>
            {editPath ? (
              <td className="px-4 py-3 text-end">
                <div className="flex flex-wrap justify-end gap-2">
                  <Link
                    to={editPath(row.id)}
                    className="btn-secondary"
                    aria-label={t('promos.editCode', { code: row.code })}
                  >
                    {t('promos.edit')}
                  </Link>
                  <Form method="post">
                    <input type="hidden" name="promoId" value={row.id} />
                    <button
                      type="submit"
                      name="intent"
                      value={row.active ? 'deactivate' : 'activate'}
                      className={row.active ? 'btn-danger' : 'btn-secondary'}
                      disabled={busy}
                      aria-label={t(row.active ? 'promos.deactivateCode' : 'promos.activateCode', {
                        code: row.code,
                      })}
                    >
                      {t(row.active ? 'promos.deactivate' : 'promos.activate')}
                    </button>
                  </Form>
                </div>
              </td>
            ) : null}
          </tr>
        )
      })}
    </DataTable>
  )
}
