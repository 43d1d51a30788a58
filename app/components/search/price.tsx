import { formatMoney } from '~/utils/money.ts'

/** A price as shoppers read it: what they pay, and the struck-through regular price when on sale. */
export function Price({ price, regularPrice, currency, className = '' }: { price: number; regularPrice: number; currency: string; className?: string }) {
  const reduced = price < regularPrice
  return (
    <p className={`flex flex-wrap items-baseline gap-x-2 ${className}`}>
      <span className={`font-semibold ${reduced ? 'text-brand-700' : 'text-stone-900'}`}>
        {reduced ? <span className="sr-only">Sale price </span> : null}
        {formatMoney(price, currency)}
      </span>
      {reduced ? (
        <s className="text-sm text-stone-500">
          <span className="sr-only">Regular price </span>
          {formatMoney(regularPrice, currency)}
        </s>
      ) : null}
    </p>
  )
}
