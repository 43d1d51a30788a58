import { Trans, useTranslation } from 'react-i18next'
import { quote } from '~/services/catalog/pricing.ts'
import { MAX_DISCOUNT_PERCENT } from '~/services/catalog/schemas.ts'
import { useFormat } from '~/i18n/use-locale.ts'
import { parseDateTimeInput } from '~/i18n/date-input.ts'
import { normaliseNumberInput } from '~/i18n/format.ts'
import { parseMoneyInput, type MoneyInputUnit } from '~/i18n/money-input.ts'

/** What the discount makes of the price, and whether it runs now, as the seller types. */
export function DiscountPreview({
  price,
  discount,
  unit,
  timeZone,
}: {
  price: string
  discount: { percent: string; startsAt: string; endsAt: string }
  unit: MoneyInputUnit
  timeZone: string
}) {
  const { t } = useTranslation('seller')
  const f = useFormat()
  const amount = parseMoneyInput(price, unit)
  const percent = Number(normaliseNumberInput(discount.percent))
  if (!amount || !Number.isInteger(percent) || percent < 1 || percent > MAX_DISCOUNT_PERCENT)
    return null
  const window = {
    discountPercent: percent,
    discountStartsAt: discount.startsAt ? parseDateTimeInput(discount.startsAt, timeZone) : null,
    discountEndsAt: discount.endsAt ? parseDateTimeInput(discount.endsAt, timeZone) : null,
  }
  const now = new Date()
  const withDiscount = quote({
    ...window,
    discountStartsAt: null,
    discountEndsAt: null,
    price: amount,
  })!
  const running = quote({ ...window, price: amount }, null, now)!.onSale
  const state = running
    ? 'running'
    : window.discountEndsAt && window.discountEndsAt <= now
      ? 'over'
      : 'scheduled'
  return (
    <p className="rounded-md bg-stone-50 px-3 py-2 text-sm text-stone-700" aria-live="polite">
      <Trans
        t={t}
        i18nKey={`productForm.discountPreview.${state}`}
        values={{ price: f.money(amount), discounted: f.money(withDiscount.effective) }}
        components={{ strong: <strong /> }}
      />
    </p>
  )
}
