import { Link, useFetcher, useLocation } from '@remix-run/react'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorList } from '~/components/forms.tsx'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import type { action as cartAction } from '~/routes/($locale).cart/route.tsx'
import { MAX_LINE_QUANTITY } from '~/services/orders/limits.ts'

// The product page's "Add to cart": a form posting intent=add to /cart (the cart's action owns
// the rules). Without JavaScript it is a plain POST that comes back to this page with a toast,
// or shows the refusal on the cart page. With JavaScript a fetcher sends it; refusals appear
// here at the field, and on success the cart's redirect (a history replace) re-runs the
// loaders, so the header count and the toast update without leaving the page.

export type AddableVariant = { id: string; stock: number; priced: boolean }

/** Why the chosen colour and size cannot go in the cart (a key of product: cart.reasons), or null when it can. */
export type CannotAddReason = 'preview' | 'chooseSize' | 'notMade' | 'notForSale' | 'soldOut'

export function cannotAddReason({
  variant,
  sizeChosen,
  preview,
}: {
  variant: AddableVariant | null
  sizeChosen: boolean
  preview: boolean
}): CannotAddReason | null {
  if (preview) return 'preview'
  if (!sizeChosen) return 'chooseSize'
  if (!variant) return 'notMade'
  if (!variant.priced) return 'notForSale'
  if (variant.stock <= 0) return 'soldOut'
  return null
}

type AddAnswer = {
  result?: {
    error?: Record<string, string[] | null> | null
    initialValue?: Record<string, unknown> | null
  }
}

export function AddToCart({
  variant,
  reason,
  productTitle,
}: {
  variant: AddableVariant | null
  reason: CannotAddReason | null
  productTitle: string
}) {
  const { t } = useTranslation('product')
  const f = useFormat()
  const lp = useLocalePath()
  const fetcher = useFetcher<typeof cartAction>({ key: 'add-to-cart' })
  const location = useLocation()
  const ids = useId()
  const busy = fetcher.state !== 'idle'
  // A refusal belongs to the variant it was about; choosing another one clears it.
  const answer = fetcher.data as AddAnswer | undefined
  const errors =
    answer?.result?.initialValue?.variantId === variant?.id ? (answer?.result?.error ?? null) : null
  const variantErrors = errors?.variantId ?? undefined
  const quantityErrors = errors?.quantity ?? undefined

  // "Added" once a submission comes back without a refusal (the cart redirected).
  const [added, setAdded] = useState(false)
  const [shownState, setShownState] = useState(fetcher.state)
  if (shownState !== fetcher.state) {
    setShownState(fetcher.state)
    setAdded(fetcher.state === 'idle' && !fetcher.data)
  }

  const max = variant ? Math.max(1, Math.min(MAX_LINE_QUANTITY, variant.stock)) : 1
  const reasonId = `${ids}-reason`
  const quantityId = `${ids}-quantity`
  return (
    <fetcher.Form
      method="post"
      // The cart's action answers in the page's language (a refusal without JavaScript shows there).
      action={lp('/cart')}
      preventScrollReset
      className="mt-6 space-y-3"
      aria-label={t('cart.formLabel', { title: productTitle })}
    >
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      {variant && !reason ? <input type="hidden" name="variantId" value={variant.id} /> : null}
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={quantityId} className="block text-sm font-semibold">
            {t('cart.quantity')}
          </label>
          <select
            id={quantityId}
            name="quantity"
            // A new variant starts again at one.
            key={variant?.id ?? 'none'}
            defaultValue="1"
            disabled={Boolean(reason)}
            aria-invalid={quantityErrors ? true : undefined}
            aria-describedby={quantityErrors ? `${quantityId}-error` : undefined}
            className="mt-1 input w-24"
          >
            {Array.from({ length: max }, (_, index) => (
              <option key={index + 1} value={index + 1}>
                {f.number(index + 1)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="btn-primary min-w-48 flex-1 py-3 text-base sm:flex-none"
          disabled={Boolean(reason) || busy}
          aria-describedby={reason ? reasonId : undefined}
        >
          {busy ? t('cart.adding') : t('cart.add')}
        </button>
      </div>
      {reason ? (
        <p id={reasonId} className="text-sm text-stone-600" data-testid="add-to-cart-reason">
          {t(`cart.reasons.${reason}`)}
        </p>
      ) : null}
      <div role="alert">
        <ErrorList id={`${quantityId}-error`} errors={quantityErrors} />
        <ErrorList id={`${ids}-variant-error`} errors={variantErrors} />
      </div>
      {/* Seen beside the button, with its link; screen readers hear it once, from the toast. */}
      {added ? (
        <p className="text-sm text-green-800">
          {t('cart.added')}{' '}
          <Link to={lp('/cart')} className="link">
            {t('cart.viewCart')}
          </Link>
        </p>
      ) : null}
    </fetcher.Form>
  )
}
