import { Link, type useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import {
  LineThumbnail,
  Money,
  PriceBreakdown,
  useOrderLabels,
} from '~/components/orders/commerce.tsx'
import { LinePromoNote, PromoCodeBox } from '~/components/orders/promo-code.tsx'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { linePhotoKey } from '~/services/media/views.ts'
import type { promoTotals } from '~/services/promos/totals.ts'
import type { loader } from './route.tsx'

// The checkout's summary beside the form: the lines, the code box, the totals for the delivery
// chosen, and "Place order" (or, when a delivery was chosen without JavaScript, "Update total").

type PageData = ReturnType<typeof useLoaderData<typeof loader>>

export function OrderSummary({
  data: { cart, photos, promo, currency },
  methodId,
  totals,
  promoError,
  placing,
}: {
  data: PageData
  methodId: string
  totals: ReturnType<typeof promoTotals>
  promoError: string | null
  placing: boolean
}) {
  const { t } = useTranslation('orders')
  const labels = useOrderLabels()
  const f = useFormat()
  const lp = useLocalePath()
  const total = totals.total
  return (
    <aside aria-labelledby="summary-heading" className="h-fit space-y-4 card lg:sticky lg:top-4">
      <h2 id="summary-heading" className="text-lg font-semibold">
        {t('checkout.summary')}
      </h2>
      <ul className="divide-y divide-stone-100" data-testid="checkout-lines">
        {cart.lines.map((line) => (
          <li key={line.variantId} className="flex gap-3 py-3 text-sm">
            <LineThumbnail
              photo={photos[linePhotoKey(line.productId, line.colorId)]}
              hex={line.colorHex}
              size={line.sizeLabel}
              className="h-14 w-11"
            />
            <div className="min-w-0 flex-1">
              <p className="font-medium">{line.title}</p>
              <p className="text-stone-600">
                {t('checkout.lineDetails', {
                  color: line.colorName,
                  size: line.sizeLabel,
                  quantity: f.number(line.quantity),
                  price: line.unitPrice !== null ? f.money(line.unitPrice) : '—',
                })}
              </p>
              {line.problem ? <p className="text-red-700">{t('checkout.lineProblem')}</p> : null}
            </div>
            <span className="text-end">
              <Money amount={line.lineTotal} currency={currency} className="font-medium" />
              <LinePromoNote promo={promo} variantId={line.variantId} />
            </span>
          </li>
        ))}
      </ul>
      <PromoCodeBox promo={promo} error={promoError} currency={currency} inCheckoutForm />
      <PriceBreakdown
        currency={currency}
        itemsRegular={cart.itemsRegular}
        itemsTotal={cart.itemsTotal}
        delivery={{ label: labels.shippingMethod(methodId), amount: totals.delivery }}
        promo={promo?.applied ? { code: promo.code, ...totals } : null}
        total={total}
        totalTestId="checkout-total"
        className="space-y-2 border-t border-stone-200 pt-3 text-sm"
      />
      <div className="space-y-4 group-has-[.summary-stale:checked]/checkout:hidden">
        <button
          type="submit"
          name="intent"
          value="place"
          className="btn-primary w-full py-3 text-base"
          disabled={placing || !cart.canCheckout}
        >
          {placing ? t('checkout.placing') : t('checkout.place', { total: f.money(total) })}
        </button>
        {!cart.canCheckout ? (
          <p className="text-sm text-red-700">
            {t('checkout.needsAttention')}{' '}
            <Link to={lp('/cart')} className="underline">
              {t('checkout.goToCart')}
            </Link>
          </p>
        ) : (
          <p className="text-xs text-stone-500">
            {t('checkout.agreement', { total: f.money(total) })}
          </p>
        )}
      </div>
      <div className="hidden space-y-2 group-has-[.summary-stale:checked]/checkout:block">
        <p className="text-sm text-stone-700" role="status">
          {t('checkout.staleSummary')}
        </p>
        <button
          type="submit"
          name="intent"
          value="update"
          formNoValidate
          className="btn-secondary w-full py-3 text-base"
        >
          {t('checkout.updateTotal')}
        </button>
      </div>
    </aside>
  )
}
