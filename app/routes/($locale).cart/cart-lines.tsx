import { Form, Link, useFetcher } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useValidationMessage } from '~/components/forms.tsx'
import { LineThumbnail, Money, Notice, UnitPrice, useMoney } from '~/components/orders/commerce.tsx'
import { LinePromoNote } from '~/components/orders/promo-code.tsx'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import type { CartLine } from '~/services/orders/cart.server.ts'
import { MAX_LINE_QUANTITY } from '~/services/orders/limits.ts'
import type { ProductImageView } from '~/services/media/views.ts'
import type { CartPromo } from '~/services/promos/totals.ts'
import type { action } from './route.tsx'

// The cart page's lines: each with its quantity, remove and its notices (price changed, stock
// short), and the notice that asks to accept changed prices.

export function PriceChangeNotice() {
  const { t } = useTranslation('cart')
  return (
    <Notice tone="info" title={t('priceChanges.title')}>
      <p>{t('priceChanges.body')}</p>
      <Form method="post" className="mt-2">
        <input type="hidden" name="intent" value="accept-prices" />
        <button type="submit" className="btn-secondary">
          {t('priceChanges.accept')}
        </button>
      </Form>
    </Notice>
  )
}

export function CartLineRow({
  line,
  photo,
  currency,
  promo,
}: {
  line: CartLine
  photo: ProductImageView | undefined
  currency: string
  promo: CartPromo | null
}) {
  const { t } = useTranslation('cart')
  const f = useFormat()
  const lp = useLocalePath()
  const translate = useValidationMessage()
  const fetcher = useFetcher<typeof action>()
  const busy = fetcher.state !== 'idle'
  const error =
    fetcher.data && 'error' in fetcher.data && fetcher.data.variantId === line.variantId
      ? fetcher.data.error
      : null
  const unavailable = line.problem?.kind === 'unavailable'
  const maxQuantity = Math.min(MAX_LINE_QUANTITY, Math.max(line.stock, line.quantity))
  const item = t('line.describe', {
    title: line.title,
    color: line.colorName,
    size: line.sizeLabel,
  })
  return (
    <li className={`flex gap-4 p-4 ${busy ? 'opacity-60' : ''}`} data-testid="cart-line">
      <LineThumbnail photo={photo} hex={line.colorHex} size={line.sizeLabel} />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            {unavailable ? (
              <p className="font-medium">{line.title}</p>
            ) : (
              <Link to={lp(`/p/${line.slug}`)} className="font-medium hover:underline">
                {line.title}
              </Link>
            )}
            <p className="text-sm text-stone-600">
              {t('line.details', { color: line.colorName, size: line.sizeLabel })} ·{' '}
              <bdi className="text-stone-500">{line.shopName}</bdi>
            </p>
          </div>
          <div className="text-end">
            {line.unitPrice !== null && line.regularPrice !== null && !unavailable ? (
              <UnitPrice
                regular={line.regularPrice}
                effective={line.unitPrice}
                currency={currency}
                percentOff={line.percentOff}
              />
            ) : null}
          </div>
        </div>

        <LineNotices line={line} currency={currency} />

        <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
          {unavailable ? (
            <span />
          ) : (
            <fetcher.Form
              method="post"
              className="flex items-center rounded-md border border-stone-300 bg-white"
              aria-label={t('line.quantityOf', { item })}
            >
              <input type="hidden" name="intent" value="update" />
              <input type="hidden" name="variantId" value={line.variantId} />
              <button
                type="submit"
                name="quantity"
                value={line.quantity - 1}
                disabled={line.quantity <= 1 || busy}
                className="px-3 py-1.5 text-lg leading-none disabled:opacity-40"
                aria-label={t('line.fewer', { item })}
              >
                {'\u2212'}
              </button>
              <output
                className="min-w-8 text-center text-sm font-medium"
                aria-live="polite"
                aria-label={t('line.quantity', { quantity: f.number(line.quantity) })}
              >
                {f.number(line.quantity)}
              </output>
              <button
                type="submit"
                name="quantity"
                value={line.quantity + 1}
                disabled={line.quantity >= maxQuantity || busy}
                className="px-3 py-1.5 text-lg leading-none disabled:opacity-40"
                aria-label={t('line.more', { item })}
              >
                {'+'}
              </button>
            </fetcher.Form>
          )}
          <div className="flex items-center gap-4">
            {!unavailable ? (
              <span className="text-end">
                <Money amount={line.lineTotal} currency={currency} className="font-semibold" />
                <LinePromoNote promo={promo} variantId={line.variantId} />
              </span>
            ) : null}
            <fetcher.Form method="post">
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="variantId" value={line.variantId} />
              <button
                type="submit"
                className="text-sm font-medium text-stone-600 underline-offset-2 hover:text-red-700 hover:underline"
                aria-label={t('line.removeItem', { item })}
                disabled={busy}
              >
                {t('line.remove')}
              </button>
            </fetcher.Form>
          </div>
        </div>
        {error ? (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {translate(error)}
          </p>
        ) : null}
      </div>
    </li>
  )
}

export function LineNotices({ line, currency }: { line: CartLine; currency: string }) {
  const { t } = useTranslation('cart')
  const f = useFormat()
  const money = useMoney(currency)
  const fetcher = useFetcher<typeof action>()
  const notices = []
  if (line.problem?.kind === 'unavailable') {
    notices.push(
      <p key="gone" className="text-red-700">
        {t('notices.unavailable')}
      </p>,
    )
  } else if (line.problem?.kind === 'sold-out') {
    notices.push(
      <p key="sold" className="text-red-700">
        {t('notices.soldOut')}
      </p>,
    )
  } else if (line.problem?.kind === 'not-enough') {
    const available = line.problem.available
    notices.push(
      <div key="short" className="flex flex-wrap items-center gap-2 text-red-700">
        <span>{t('notices.notEnough', { count: available })}</span>
        <fetcher.Form method="post">
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="variantId" value={line.variantId} />
          <input type="hidden" name="quantity" value={available} />
          <button type="submit" className="font-medium underline underline-offset-2">
            {t('notices.changeTo', { quantity: f.number(available) })}
          </button>
        </fetcher.Form>
      </div>,
    )
  }
  if (line.priceChange) {
    const { direction, from, to } = line.priceChange
    const values = { now: money(to), was: money(from) }
    notices.push(
      <p key="price" className={direction === 'cheaper' ? 'text-green-700' : 'text-amber-800'}>
        {direction === 'cheaper' ? t('notices.cheaper', values) : t('notices.dearer', values)}
      </p>,
    )
  }
  return notices.length ? <div className="mt-2 space-y-1 text-sm">{notices}</div> : null
}
