import { Link, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { splitLocale } from '~/i18n/locales.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
import type { SizeState } from '~/services/catalog/variant-selection.ts'

// The product page's colour swatches and size buttons. Each choice is a link that changes
// ?color= or ?size= (so it works without JavaScript and can be shared); sold-out colours are
// struck through, and sizes that are sold out or not made in the colour cannot be chosen.

type Color = { id: string; slug: string; name: string; hex: string }
type Size = { id: string; label: string }

const SIZE_BUTTON =
  'inline-flex h-11 min-w-14 items-center justify-center rounded-md border px-3 text-sm font-medium'

export type PickerSelection = {
  color: Color | null
  size: Size | null
  colors: Array<{ color: Color; soldOut: boolean }>
  sizes: Array<SizeState<Size, unknown>>
}

export function VariantPicker({
  selection,
  sizeScale,
  sizeGuide = null,
  showSizes,
  optionLink,
}: {
  selection: PickerSelection
  sizeScale: string
  /** The size scale's code when it has a size guide (a link beside the sizes). */
  sizeGuide?: string | null
  /** False for products that come in one size only. */
  showSizes: boolean
  /** The link that changes these options in the current URL. */
  optionLink: (changes: Record<string, string | null>) => string
}) {
  const { t } = useTranslation('shop')
  return (
    <>
      {selection.colors.length ? (
        <div className="mt-8">
          <h2 id="color-heading" className="text-sm font-semibold">
            {t('picker.colour')}{' '}
            <span className="font-normal text-stone-700">{selection.color?.name}</span>
          </h2>
          <ul aria-labelledby="color-heading" className="mt-3 flex flex-wrap gap-3">
            {selection.colors.map(({ color, soldOut }) => {
              const current = color.id === selection.color?.id
              return (
                <li key={color.id}>
                  <Link
                    to={optionLink({ color: color.slug })}
                    replace
                    preventScrollReset
                    aria-current={current ? 'true' : undefined}
                    aria-label={
                      soldOut ? t('picker.colourSoldOut', { name: color.name }) : color.name
                    }
                    title={color.name}
                    className={`relative block h-10 w-10 rounded-full ring-1 ring-stone-300 ring-offset-2 ${current ? 'ring-2 ring-ink' : 'hover:ring-stone-500'}`}
                    style={{ backgroundColor: color.hex }}
                  >
                    {soldOut ? (
                      <span
                        aria-hidden
                        className="absolute inset-0 m-auto h-px w-11 -translate-x-0.5 rotate-45 bg-stone-500"
                      />
                    ) : null}
                  </Link>
                </li>
              )
            })}
          </ul>
        </div>
      ) : null}

      {showSizes ? (
        <div className="mt-6">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="size-heading" className="text-sm font-semibold">
              {t('picker.size')}
              {selection.size ? (
                <span className="font-normal text-stone-700">: {selection.size.label}</span>
              ) : null}{' '}
              <span className="font-normal text-stone-500">· {sizeScale}</span>
            </h2>
            {sizeGuide ? <SizeGuideLink code={sizeGuide} scale={sizeScale} /> : null}
          </div>
          <ul aria-labelledby="size-heading" className="mt-3 flex flex-wrap gap-2">
            {selection.sizes.map(({ size, state }) => {
              const current = size.id === selection.size?.id
              const base = SIZE_BUTTON
              return (
                <li key={size.id}>
                  {state === 'available' ? (
                    <Link
                      to={optionLink({
                        size: size.label,
                        ...(selection.color ? { color: selection.color.slug } : {}),
                      })}
                      replace
                      preventScrollReset
                      aria-current={current ? 'true' : undefined}
                      className={`${base} ${current ? 'border-ink bg-ink text-white' : 'border-stone-300 bg-white text-ink hover:border-ink'}`}
                    >
                      {size.label}
                    </Link>
                  ) : (
                    <span
                      aria-disabled="true"
                      data-disabled-size={size.label}
                      className={`${base} cursor-not-allowed border-stone-200 bg-stone-50 text-stone-400 line-through`}
                    >
                      {size.label}
                      <span className="sr-only">
                        {' '}
                        {state === 'sold-out'
                          ? t('picker.sizeOutOfStock')
                          : t('picker.sizeNotMade')}
                      </span>
                    </span>
                  )}
                </li>
              )
            })}
          </ul>
        </div>
      ) : null}
    </>
  )
}

/** The size scale's guide, a plain link (works without JavaScript) that can lead back here. */
function SizeGuideLink({ code, scale }: { code: string; scale: string }) {
  const { t } = useTranslation('pages')
  const lp = useLocalePath()
  const { pathname, search } = useLocation()
  const from = `${splitLocale(pathname).rest}${search}`
  return (
    <Link
      to={lp(`/size-guide/${code}?${new URLSearchParams({ from })}`)}
      aria-label={t('sizeGuide.linkLabel', { scale })}
      className="hover:text-brand-800 text-sm text-brand-700 underline"
      data-testid="size-guide-link"
    >
      {t('sizeGuide.link')}
    </Link>
  )
}
