import { Form } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { useFormat } from '~/i18n/use-locale.ts'
import { lineDiscount, type CartPromo, type PromoReason } from '~/services/promos/totals.ts'
import { useMoney } from './commerce.tsx'

// The promo code field of the cart and the checkout. Without JavaScript it is a plain form post
// (in the checkout, buttons of the checkout form that skip its validation, so the shopper's
// choices come back with the new total); with it, the same posts without a reload.

/** Why a code cannot apply, in the page's language. */
export function usePromoReason(currency: string) {
  const { t } = useTranslation('cart')
  const money = useMoney(currency)
  return (refusal: { reason: PromoReason; minOrder: number | null }) =>
    t(`promo.reasons.${refusal.reason}`, { min: money(refusal.minOrder ?? 0) })
}

export function PromoCodeBox({
  promo,
  error,
  currency,
  inCheckoutForm = false,
}: {
  promo: CartPromo | null
  /** A refusal of the code just typed, already in the page's language. */
  error?: string | null | undefined
  currency: string
  /** Inside the checkout's form: its own buttons, no nested form. */
  inCheckoutForm?: boolean
}) {
  const { t } = useTranslation('cart')
  const reasonText = usePromoReason(currency)
  const message = error ?? (promo?.refusal ? reasonText(promo.refusal) : null)
  const body = promo ? (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <p className={promo.applied ? 'text-green-800' : 'text-amber-900'} data-testid="promo-state">
        <Trans
          t={t}
          i18nKey={
            !promo.applied
              ? 'promo.notApplied'
              : promo.applied.freeDelivery
                ? 'promo.appliedFreeDelivery'
                : 'promo.applied'
          }
          values={{ code: promo.code }}
          components={{ code: <code className="font-mono font-semibold" dir="ltr" /> }}
        />
      </p>
      {!inCheckoutForm ? <input type="hidden" name="intent" value="remove-code" /> : null}
      <button
        type="submit"
        name={inCheckoutForm ? 'intent' : undefined}
        value={inCheckoutForm ? 'remove-code' : undefined}
        formNoValidate
        className="text-sm font-medium underline underline-offset-2"
        aria-label={t('promo.removeCode', { code: promo.code })}
      >
        {t('promo.remove')}
      </button>
    </div>
  ) : (
    <div>
      <label htmlFor="promo-code" className="block text-sm font-medium">
        {t('promo.label')}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id="promo-code"
          name="promoCode"
          type="text"
          dir="ltr"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          placeholder={t('promo.placeholder')}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? 'promo-code-error' : undefined}
          className="input min-w-0 flex-1 uppercase"
        />
        {!inCheckoutForm ? <input type="hidden" name="intent" value="apply-code" /> : null}
        <button
          type="submit"
          name={inCheckoutForm ? 'intent' : undefined}
          value={inCheckoutForm ? 'apply-code' : undefined}
          formNoValidate
          className="btn-secondary"
        >
          {t('promo.apply')}
        </button>
      </div>
    </div>
  )
  const errorLine = message ? (
    <p id="promo-code-error" role="alert" className="mt-1 text-sm text-red-700">
      {message}
    </p>
  ) : null
  if (inCheckoutForm)
    return (
      <div className="space-y-1" data-testid="promo-code">
        {body}
        {errorLine}
      </div>
    )
  return (
    <Form method="post" className="space-y-1" data-testid="promo-code" preventScrollReset>
      {body}
      {errorLine}
    </Form>
  )
}

/** Under a line's total: what the code takes off this line, if anything. */
export function LinePromoNote({
  promo,
  variantId,
}: {
  promo: CartPromo | null
  variantId: string
}) {
  const { t } = useTranslation('cart')
  const f = useFormat()
  const amount = lineDiscount(promo, variantId)
  if (!promo || amount === 0) return null
  return (
    <span className="block text-xs text-green-700" data-testid="line-promo">
      {t('promo.lineOff', { code: promo.code, amount: f.money(amount) })}
    </span>
  )
}

/** Under an order line's total: what each code took off it, as the order recorded. */
export function LineDiscounts({
  discounts,
  currency,
}: {
  discounts: ReadonlyArray<{ code: string; amount: number }>
  currency: string
}) {
  const { t } = useTranslation('orders')
  const money = useMoney(currency)
  if (!discounts.length) return null
  return (
    <ul className="text-xs text-green-700">
      {discounts.map((discount) => (
        <li key={discount.code} data-testid="line-discount">
          {t('detail.lineDiscount', { code: discount.code, amount: money(discount.amount) })}
        </li>
      ))}
    </ul>
  )
}
