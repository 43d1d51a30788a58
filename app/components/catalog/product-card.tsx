import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocalePath } from '~/i18n/use-locale.ts'
import type { ProductCardData } from '~/services/catalog/storefront.server.ts'
import { ProductCardImage } from '~/components/media/product-gallery.tsx'
import { SaveButton } from '~/components/wishlist/save-button.tsx'
import { Price } from './price.tsx'

/**
 * One product in a grid: photo (or placeholder in its colour), brand, title, shop, price, colours.
 * Search results pass the title with its matches marked (`title`) and, when only the
 * description matched, a marked excerpt (`excerpt`).
 */
export function ProductCard({
  product,
  priority = false,
  title,
  excerpt,
}: {
  product: ProductCardData
  priority?: boolean
  title?: ReactNode
  excerpt?: ReactNode
}) {
  const { t } = useTranslation('shop')
  const lp = useLocalePath()
  return (
    <article className="group relative flex flex-col" data-testid="product-card">
      <div className="relative aspect-[4/5] overflow-hidden rounded-lg bg-stone-100 ring-1 ring-stone-200">
        <ProductCardImage
          images={product.images}
          productTitle={product.title}
          hex={product.colors[0]?.hex}
          priority={priority}
          className="h-full w-full"
        />
        <div className="absolute start-2 top-2 flex flex-col items-start gap-1">
          {product.price?.onSale ? (
            <span className="rounded bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white">
              {t('card.sale')}
            </span>
          ) : null}
          {product.isNew ? (
            <span className="rounded bg-white/90 px-2 py-0.5 text-xs font-semibold text-ink">
              {t('card.new')}
            </span>
          ) : null}
        </div>
        {/* Above the card's link (its ::after covers the card). */}
        <SaveButton productId={product.id} productTitle={product.title} />
        {!product.inStock ? (
          <span className="absolute inset-x-0 bottom-0 bg-stone-900/75 py-1.5 text-center text-xs font-semibold tracking-wide text-white uppercase">
            {t('card.soldOut')}
          </span>
        ) : null}
      </div>
      <div className="mt-3 flex flex-1 flex-col gap-1">
        {product.brand ? (
          <p className="text-xs font-semibold tracking-wide text-stone-500 uppercase">
            <bdi>{product.brand.name}</bdi>
          </p>
        ) : null}
        <h3 className="text-sm leading-snug font-medium text-ink">
          {/* The whole card is one link target; the title is its accessible name. */}
          <Link
            to={lp(`/p/${product.slug}`)}
            prefetch="intent"
            className="group-focus-within:underline after:absolute after:inset-0 after:rounded-lg focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:outline-offset-2 focus-visible:after:outline-brand-600"
          >
            <bdi>{title ?? product.title}</bdi>
          </Link>
        </h3>
        {excerpt ? <p className="line-clamp-2 text-xs text-stone-500">{excerpt}</p> : null}
        <p className="text-xs text-stone-500">
          <bdi>{product.shop.name}</bdi>
        </p>
        <div className="mt-auto flex items-end justify-between gap-2 pt-1">
          <Price quote={product.price} />
          {product.colors.length > 1 ? (
            <ul
              className="flex shrink-0 items-center gap-1"
              aria-label={t('card.colours', { count: product.colors.length })}
            >
              {product.colors.slice(0, 4).map((color) => (
                <li
                  key={color.name}
                  title={color.name}
                  className="h-3 w-3 rounded-full ring-1 ring-stone-300"
                  style={{ backgroundColor: color.hex }}
                >
                  <span className="sr-only">{color.name}</span>
                </li>
              ))}
              {product.colors.length > 4 ? (
                <li className="text-xs text-stone-500">
                  {t('card.moreColours', { count: product.colors.length - 4 })}
                </li>
              ) : null}
            </ul>
          ) : null}
        </div>
      </div>
    </article>
  )
}

/**
 * The responsive product grid every listing uses; `empty` shows when there is nothing. The
 * first `priorityCount` photos (the first row, above the fold) load at once; the rest lazily.
 */
export function ProductGrid({
  products,
  empty,
  label,
  priorityCount = 4,
}: {
  products: ProductCardData[]
  empty?: ReactNode
  label?: string
  priorityCount?: number
}) {
  const { t } = useTranslation('shop')
  if (!products.length)
    return (
      <div className="rounded-lg border border-dashed border-stone-300 bg-white px-6 py-16 text-center text-stone-600">
        {empty ?? t('card.empty')}
      </div>
    )
  return (
    <ul
      aria-label={label}
      className="grid grid-cols-2 gap-x-4 gap-y-8 sm:grid-cols-3 lg:grid-cols-4"
    >
      {products.map((product, index) => (
        <li key={product.id}>
          <ProductCard product={product} priority={index < priorityCount} />
        </li>
      ))}
    </ul>
  )
}
