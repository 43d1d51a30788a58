import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { AddressBlock } from '~/components/orders/address-fields.tsx'
import { useOrderLabels } from '~/components/orders/commerce.tsx'
import { DocumentParty, DocumentSheet } from '~/components/orders/documents.tsx'
import { getT } from '~/i18n/i18n.server.ts'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { getPackingSlip } from '~/services/orders/documents.server.ts'
import { requireOrderNumber } from '~/services/orders/schemas.ts'
import { invariantResponse } from '~/utils/http.ts'

// A seller's packing slip for their shop's parcel of an order: what goes in the box and where
// it goes, no prices (the box may be a gift). Another shop's seller gets a 404.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'SELLER')
  const t = getT(request, 'seller')
  const slip = await getPackingSlip(user.id, requireOrderNumber(params))
  invariantResponse(slip, t('order.notFound'))
  return { slip, title: t('meta.title', { page: t('slip.meta', { number: slip.number }) }) }
}

export default function PackingSlipPage() {
  const { slip } = useLoaderData<typeof loader>()
  const { t } = useTranslation('seller')
  const f = useFormat()
  const lp = useLocalePath()
  const labels = useOrderLabels()
  return (
    <DocumentSheet
      back={{ to: lp(`/sell/orders/${slip.number}`), label: t('slip.back') }}
      label={t('slip.title')}
    >
      <header className="flex flex-wrap items-start justify-between gap-4 border-b border-stone-200 pb-5">
        <div>
          <p className="text-xl font-bold tracking-tight">{slip.shop.name}</p>
          <p className="text-stone-600">
            <Trans
              t={t}
              i18nKey="slip.soldOn"
              values={{ store: slip.store.name }}
              components={{ bdi: <bdi /> }}
            />
          </p>
          <p className="text-stone-600">
            <bdi dir="ltr">{`${slip.store.host}/shops/${slip.shop.slug}`}</bdi>
          </p>
        </div>
        <div className="text-end">
          <h1 className="text-2xl font-bold tracking-tight">{t('slip.title')}</h1>
          <p>
            <Trans
              t={t}
              i18nKey="slip.number"
              values={{ number: slip.number }}
              components={{ bdi: <bdi dir="ltr" className="font-mono" /> }}
            />
          </p>
          <p className="text-stone-600">{t('slip.placed', { date: f.date(slip.placedAt) })}</p>
        </div>
      </header>

      {slip.status === 'CANCELLED' ? (
        <p
          role="status"
          className="mt-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 font-semibold text-red-900 print:border-black print:bg-transparent print:text-black"
        >
          {t('slip.cancelled')}
        </p>
      ) : null}

      <div className="mt-5 grid gap-5 sm:grid-cols-2 print:grid-cols-2">
        <DocumentParty title={t('slip.shipTo')}>
          <AddressBlock address={slip.address} className="text-base" />
        </DocumentParty>
        <DocumentParty title={t('slip.delivery')}>
          <p>{labels.shippingMethod(slip.shippingMethod)}</p>
          {slip.trackingNumber ? (
            <p className="text-stone-600">
              {labels.carrier(slip.carrier)} · <bdi dir="ltr">{slip.trackingNumber}</bdi>
            </p>
          ) : null}
        </DocumentParty>
      </div>

      <table className="mt-6 w-full border-collapse">
        <thead>
          <tr className="border-b border-stone-300 text-xs text-stone-600 print:text-stone-800">
            <th scope="col" className="w-8 py-2 pe-2 text-start font-semibold">
              <span className="sr-only">{t('slip.packed')}</span>
            </th>
            <th scope="col" className="py-2 pe-2 text-start font-semibold">
              {t('slip.item')}
            </th>
            <th scope="col" className="py-2 pe-2 text-start font-semibold">
              {t('order.sku')}
            </th>
            <th scope="col" className="py-2 ps-2 text-end font-semibold">
              {t('slip.quantity')}
            </th>
          </tr>
        </thead>
        <tbody>
          {slip.lines.map((line) => (
            <tr
              key={line.id}
              className="break-inside-avoid border-b border-stone-100 align-top"
              data-testid="slip-line"
            >
              <td className="py-2 pe-2">
                {/* A box to tick by hand on the printed slip. */}
                <span aria-hidden className="inline-block h-4 w-4 border border-stone-500" />
              </td>
              <td className="py-2 pe-2">
                <span className="block font-medium">{line.title}</span>
                <span className="block text-xs text-stone-600">
                  {line.colorName} · <bdi>{line.sizeLabel}</bdi>
                </span>
              </td>
              <td className="py-2 pe-2 text-xs break-all">
                <bdi dir="ltr" className="font-mono">
                  {line.sku}
                </bdi>
              </td>
              <td className="py-2 ps-2 text-end text-base font-semibold tabular-nums">
                {f.number(line.quantity)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-semibold">
            <td />
            <td colSpan={2} className="pe-2 pt-3">
              {t('slip.units')}
            </td>
            <td className="ps-2 pt-3 text-end text-base" data-testid="slip-units">
              {f.number(slip.units)}
            </td>
          </tr>
        </tfoot>
      </table>

      <footer className="mt-8 border-t border-stone-200 pt-4 text-xs text-stone-600">
        {t('slip.footer', { shop: slip.shop.name })}
      </footer>
    </DocumentSheet>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
