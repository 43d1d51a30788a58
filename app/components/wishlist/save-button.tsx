import { useFetcher, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { useRootData } from '~/utils/root-data.ts'
import { useHydrated } from '~/utils/use-hydrated.ts'

// The heart: a form posting to /wishlist, so it works without JavaScript (the action comes back
// to this page). With JavaScript a fetcher sends it and the heart turns at once, from the form
// being sent; the root loader's list of saved targets then confirms it (or turns it back).

/** Whether the product (or, with a variant, that colour and size) is saved, per the root loader. */
function useSaved(target: string) {
  const root = useRootData()
  return root?.saved.includes(target) ?? false
}

export function SaveButton({
  productId,
  variantId = null,
  productTitle,
  variant = 'card',
}: {
  productId: string
  variantId?: string | null
  productTitle: string
  /** `card`: a round icon on a photo; `page`: a button with its words. */
  variant?: 'card' | 'page'
}) {
  const { t } = useTranslation('shop')
  const lp = useLocalePath()
  const location = useLocation()
  const target = variantId ?? productId
  const fetcher = useFetcher({ key: `save-${target}` })
  const hydrated = useHydrated()
  const confirmed = useSaved(target)
  const pending = fetcher.formData?.get('want')
  const saved = pending ? pending === 'save' : confirmed
  const label = saved
    ? t('wishlist.unsave', { title: productTitle })
    : t('wishlist.save', { title: productTitle })
  return (
    <fetcher.Form
      method="post"
      action={lp('/wishlist')}
      preventScrollReset
      className={variant === 'card' ? 'absolute end-2 top-2 z-10' : 'inline'}
    >
      <input type="hidden" name="intent" value="toggle" />
      <input type="hidden" name="productId" value={productId} />
      {variantId ? <input type="hidden" name="variantId" value={variantId} /> : null}
      <input type="hidden" name="want" value={saved ? 'remove' : 'save'} />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      {/* Sent by the fetcher: answer in place rather than redirect (the page stays scrolled). */}
      {hydrated ? <input type="hidden" name="inPlace" value="1" /> : null}
      <button
        type="submit"
        aria-pressed={saved}
        aria-label={variant === 'card' ? label : undefined}
        title={variant === 'card' ? label : undefined}
        data-testid={variant === 'card' ? 'card-save' : 'page-save'}
        className={
          variant === 'card'
            ? 'grid h-9 w-9 place-items-center rounded-full bg-white/90 text-brand-700 shadow ring-1 ring-stone-200 hover:bg-white focus-visible:outline-2 focus-visible:outline-brand-600'
            : 'btn-secondary inline-flex items-center gap-2 py-3'
        }
      >
        <Heart filled={saved} />
        {variant === 'page' ? (
          <span>{saved ? t('wishlist.saved') : t('wishlist.saveShort')}</span>
        ) : null}
      </button>
    </fetcher.Form>
  )
}

function Heart({ filled }: { filled: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth="2"
      strokeLinejoin="round"
    >
      <path d="M12 20.5s-7.5-4.6-9.3-9.2C1.5 8 3.6 4.5 7.2 4.5c2 0 3.4 1.1 4.8 2.9 1.4-1.8 2.8-2.9 4.8-2.9 3.6 0 5.7 3.5 4.5 6.8-1.8 4.6-9.3 9.2-9.3 9.2z" />
    </svg>
  )
}
