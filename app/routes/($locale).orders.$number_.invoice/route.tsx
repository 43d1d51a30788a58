import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData, useLocation } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { AddressBlock } from '~/components/orders/address-fields.tsx'
import { useMoney, useOrderLabels } from '~/components/orders/commerce.tsx'
import { DocumentParty, DocumentSheet } from '~/components/orders/documents.tsx'
import { getT } from '~/i18n/i18n.server.ts'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { requireUser } from '~/services/accounts/auth.server.ts'
import { getInvoice } from '~/services/orders/documents.server.ts'
import { ACCESS_PARAM } from '~/services/orders/order-access.server.ts'
import type { OrderViewer } from '~/services/orders/orders.server.ts'
import { settlesOnDelivery } from '~/services/orders/payments/index.server.ts'
import { requireOrderNumber } from '~/services/orders/schemas.ts'
import { paymentHeadline } from '~/services/orders/status.ts'
import { invariantResponse } from '~/utils/http.ts'
import { TotalRow } from './total-row.tsx'

// The shopper's printable invoice. Who may open it is who may open the order page: the buyer,
// or a guest with the signed link from the order's emails (the `?access=` travels along).

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const accessToken = new URL(request.url).searchParams.get(ACCESS_PARAM)
  const viewer: OrderViewer =
    accessToken !== null ? { accessToken } : { userId: (await requireUser(request)).id }
  const t = getT(request, 'orders')
  const invoice = await getInvoice(viewer, requireOrderNumber(params))
  invariantResponse(invoice, t('invoice.notFound'))
  return {
    title: t('invoice.meta', { number: invoice.number, store: invoice.store.name }),
    invoice,
    payment: paymentHeadline(invoice.paymentStatus, {
      paysOnDelivery: settlesOnDelivery(invoice.paymentMethod),
      shipments: invoice.shops,
    }),
  }
}

export default function InvoicePage() {
  const { invoice, payment } = useLoaderData<typeof loader>()
  const { search } = useLocation()
  const { t } = useTranslation('orders')
  const f = useFormat()
  const lp = useLocalePath()
  const money = useMoney(invoice.currency)
  const labels = useOrderLabels()
  const { totals } = invoice
  return (
    <DocumentSheet
      back={{ to: lp(`/orders/${invoice.number}`) + search, label: t('invoice.back') }}
      label={t('invoice.title')}
    >
      <header className="flex flex-wrap items-start justify-between gap-4 border-b border-stone-200 pb-5">
        <div>
          <p className="text-xl font-bold tracking-tight">{invoice.store.name}</p>
          <p className="text-stone-600">
            <bdi dir="ltr">{invoice.store.host}</bdi>
          </p>
        </div>
        <div className="text-end">
          <h1 className="text-2xl font-bold tracking-tight">{t('invoice.title')}</h1>
          <p>
            <Trans
              t={t}
              i18nKey="invoice.number"
              values={{ number: invoice.number }}
              components={{ bdi: <bdi dir="ltr" className="font-mono" /> }}
            />
          </p>
          <p className="text-stone-600">
            {t('invoice.date', { date: f.dateTime(invoice.placedAt) })}
          </p>
        </div>
      </header>

      {invoice.cancelledAt ? (
        <p
          role="status"
          className="mt-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 font-semibold text-red-900 print:border-black print:bg-transparent print:text-black"
        >
          {t('invoice.cancelled', { date: f.dateTime(invoice.cancelledAt) })}
        </p>
      ) : null}

      <div className="mt-5 grid gap-5 sm:grid-cols-3 print:grid-cols-3">
        <DocumentParty title={t('invoice.billedTo')}>
          <AddressBlock address={invoice.address} />
          <p className="mt-1 break-all text-stone-600">
            <bdi dir="ltr">{invoice.email}</bdi>
          </p>
        </DocumentParty>
        <DocumentParty title={t('invoice.soldBy')}>
          <ul className="space-y-1">
            {invoice.shops.map((shop) => (
              <li key={shop.slug}>
                <span className="block font-medium">{shop.name}</span>
                <bdi dir="ltr" className="block break-all text-stone-600">
                  {`${invoice.store.host}/shops/${shop.slug}`}
                </bdi>
              </li>
            ))}
          </ul>
        </DocumentParty>
        <DocumentParty title={t('invoice.payment')}>
          <p>{labels.paymentMethod(invoice.paymentMethod)}</p>
          <p className="text-stone-600">{labels.paymentStatus(payment)}</p>
          <p className="mt-1 text-stone-600">{labels.shippingMethod(totals.shippingMethod)}</p>
        </DocumentParty>
      </div>

      {invoice.shops.map((shop) => (
        <table key={shop.slug} className="mt-6 w-full border-collapse" data-testid="invoice-shop">
          <caption className="pb-2 text-start font-semibold">
            <Trans
              t={t}
              i18nKey="detail.from"
              values={{ shop: shop.name }}
              components={{ bdi: <bdi /> }}
            />
          </caption>
          <thead>
            <tr className="border-b border-stone-300 text-xs text-stone-600 print:text-stone-800">
              <th scope="col" className="py-2 pe-2 text-start font-semibold">
                {t('invoice.item')}
              </th>
              <th scope="col" className="px-2 py-2 text-end font-semibold">
                {t('invoice.quantity')}
              </th>
              <th
                scope="col"
                className="hidden px-2 py-2 text-end font-semibold sm:table-cell print:table-cell"
              >
                {t('invoice.unitPrice')}
              </th>
              <th scope="col" className="py-2 ps-2 text-end font-semibold">
                {t('invoice.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shop.lines.map((line) => (
              <tr
                key={line.id}
                className="break-inside-avoid border-b border-stone-100 align-top"
                data-testid="invoice-line"
              >
                <td className="py-2 pe-2">
                  <span className="block font-medium">{line.title}</span>
                  <span className="block text-xs text-stone-600">
                    {line.colorName} · <bdi>{line.sizeLabel}</bdi> · {t('detail.sku')}{' '}
                    <bdi dir="ltr">{line.sku}</bdi>
                  </span>
                  {line.unitPrice < line.regularPrice ? (
                    <span className="block text-xs text-stone-600">
                      {t('invoice.salePrice', { regular: money(line.regularPrice) })}
                    </span>
                  ) : null}
                  {line.discounts.map((discount) => (
                    <span
                      key={discount.code}
                      className="block text-xs text-green-800 print:text-black"
                    >
                      <Trans
                        t={t}
                        i18nKey="invoice.lineCode"
                        values={{ code: discount.code, amount: money(discount.amount) }}
                        components={{ bdi: <bdi dir="ltr" /> }}
                      />
                    </span>
                  ))}
                  <span className="block text-xs text-stone-600 sm:hidden print:hidden">
                    {money(line.unitPrice)}
                  </span>
                </td>
                <td className="px-2 py-2 text-end tabular-nums">{f.number(line.quantity)}</td>
                <td className="hidden px-2 py-2 text-end whitespace-nowrap sm:table-cell print:table-cell">
                  {money(line.unitPrice)}
                </td>
                <td className="py-2 ps-2 text-end whitespace-nowrap">
                  {line.net < line.lineTotal ? (
                    <s className="block text-xs text-stone-500">{money(line.lineTotal)}</s>
                  ) : null}
                  <span data-testid="line-net">{money(line.net)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}

      <dl className="ms-auto mt-6 max-w-xs break-inside-avoid space-y-1.5" data-testid="totals">
        <TotalRow label={t('money.items')} value={money(totals.itemsRegular)} />
        {totals.saleDiscount > 0 ? (
          <TotalRow label={t('money.discounts')} value={`−${money(totals.saleDiscount)}`} />
        ) : null}
        {totals.promoCodes.map((code) => (
          <TotalRow
            key={code.code}
            label={t('money.promo', { code: code.code })}
            value={`−${money(code.amount)}`}
            testId="promo-total"
          />
        ))}
        <TotalRow
          label={labels.shippingMethod(totals.shippingMethod)}
          value={totals.shippingCost === 0 ? t('money.free') : money(totals.shippingCost)}
          was={totals.shippingDiscount > 0 ? money(totals.shippingDiscount) : null}
        />
        <div className="flex justify-between gap-4 border-t border-stone-300 pt-2 text-base font-bold">
          <dt>{t('money.total')}</dt>
          <dd data-testid="invoice-total">{money(totals.total)}</dd>
        </div>
      </dl>

      <footer className="mt-8 border-t border-stone-200 pt-4 text-xs text-stone-600">
        {t('invoice.footer', { store: invoice.store.name })}
      </footer>
    </DocumentSheet>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
