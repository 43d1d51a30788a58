import type { LoaderFunctionArgs } from '@remix-run/node'
import { getT } from '~/i18n/i18n.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { listLedgerForExport } from '~/services/finance/finances.server.ts'
import { LedgerQuerySchema } from '~/services/finance/schemas.ts'
import { minorUnitFactor } from '~/utils/money.ts'
import { utcToZonedLocal } from '~/utils/zoned-time.ts'

// The seller's ledger as CSV, with the finances page's filters: amounts in major units with a
// dot (for spreadsheets), dates in the store's time zone, headers in the page's language.

function cell(value: string) {
  return `"${value.replace(/"/g, '""')}"`
}

/** Text people typed (titles, memos) with a leading formula character defused (CSV injection). */
function text(value: string) {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'SELLER')
  const t = getT(request, 'seller')
  const query = LedgerQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const entries = await listLedgerForExport(user.id, query)
  if (!entries) throw new Response('Not found', { status: 404 })
  const { STORE_TIMEZONE: zone, STORE_CURRENCY: currency } = getEnv()
  const factor = minorUnitFactor(currency)
  const digits = Math.round(Math.log10(factor))
  const rows = [
    ['date', 'type', 'balance', 'order', 'item', 'memo', 'amount', 'currency'].map((key) =>
      t(`finances.csvColumns.${key}` as never),
    ),
    ...entries.map((entry) => [
      utcToZonedLocal(entry.createdAt, zone).replace('T', ' '),
      entry.type,
      entry.account === 'SHOP_PENDING' ? 'pending' : 'available',
      entry.order?.number ?? '',
      text(entry.orderLine?.title ?? ''),
      text(entry.memo ?? ''),
      (entry.amount / factor).toFixed(digits),
      entry.currency,
    ]),
  ]
  const body = rows.map((row) => row.map((value) => cell(String(value))).join(',')).join('\r\n')
  return new Response(`\uFEFF${body}\r\n`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="ledger.csv"',
      'Cache-Control': 'private, no-store',
    },
  })
}
