import { useTranslation } from 'react-i18next'
import { useFormat } from '~/i18n/use-locale.ts'
import type { PriceQuote } from '~/services/catalog/pricing.ts'

/** Formats minor units in the store currency, in the page's language (Toman and Persian digits in fa). */
export function useMoney() {
  return useFormat().money
}

/**
 * A price as shoppers read it: what they pay, and while a discount runs the old price struck
 * through with the percentage off. `from` says it is the cheapest of several variants.
 */
export function Price({
  quote,
  size = 'md',
  from = false,
}: {
  quote: PriceQuote | null
  size?: 'md' | 'lg'
  from?: boolean
}) {
  const { t } = useTranslation('shop')
  const f = useFormat()
  if (!quote) return <p className="text-sm text-stone-500">{t('price.comingSoon')}</p>
  const big = size === 'lg'
  return (
    <p className={`flex flex-wrap items-baseline gap-x-2 ${big ? 'text-2xl' : 'text-sm'}`}>
      {from ? (
        <span className={`${big ? 'text-base' : 'text-xs'} text-stone-500`}>{t('price.from')}</span>
      ) : null}
      <span
        className={`font-semibold ${quote.onSale ? 'text-brand-700' : 'text-ink'}`}
        data-testid="price"
      >
        {quote.onSale ? <span className="sr-only">{t('price.salePrice')} </span> : null}
        {f.money(quote.effective)}
      </span>
      {quote.onSale ? (
        <>
          <s className={`${big ? 'text-base' : 'text-xs'} text-stone-500`}>
            <span className="sr-only">{t('price.was')} </span>
            {f.money(quote.regular)}
          </s>
          <span
            className={`rounded bg-brand-600 px-1.5 py-0.5 font-semibold text-white ${big ? 'text-sm' : 'text-[0.7rem]'}`}
          >
            {t('price.percentOff', { percent: f.percent((quote.percentOff ?? 0) / 100) })}
          </span>
        </>
      ) : null}
    </p>
  )
}
