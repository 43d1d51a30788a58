/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import type { PriceQuote } from '~/services/catalog/pricing.ts'
import { useStore } from '~/root.tsx'
import { formatMoney } from '~/utils/money.ts'

/** Formats minor units in the store currency. */
export function useMoney() {
  const { currency } = useStore()
  return (minor: number) => formatMoney(minor, currency)
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
  const money = useMoney()
  if (!quote) return <p className="text-sm text-stone-500">Price coming soon</p>
  const big = size === 'lg'
  return (
    <p className={`flex flex-wrap items-baseline gap-x-2 ${big ? 'text-2xl' : 'text-sm'}`}>
      {from ? (
        <span className={`${big ? 'text-base' : 'text-xs'} text-stone-500`}>from</span>
      ) : null}
      <span className={`font-semibold ${quote.onSale ? 'text-brand-700' : 'text-ink'}`}>
        {quote.onSale ? <span className="sr-only">Sale price: </span> : null}
        {money(quote.effective)}
      </span>
      {quote.onSale ? (
        <>
          <s className={`${big ? 'text-base' : 'text-xs'} text-stone-500`}>
            <span className="sr-only">Was </span>
            {money(quote.regular)}
          </s>
          <span
            className={`rounded bg-brand-600 px-1.5 py-0.5 font-semibold text-white ${big ? 'text-sm' : 'text-[0.7rem]'}`}
          >
            −{quote.percentOff}%
          </span>
        </>
      ) : null}
    </p>
  )
}
