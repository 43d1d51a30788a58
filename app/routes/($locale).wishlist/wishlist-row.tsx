import { Form, Link, type useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Price } from '~/components/catalog/price.tsx'
import { ProductCardImage } from '~/components/media/product-gallery.tsx'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import type { loader } from './route.tsx'

// One saved product on the wishlist: its photo, price, stock, size and the forms beside it.

export type Line = ReturnType<typeof useLoaderData<typeof loader>>['lines'][number]

export function WishlistRow({
  line,
  signedIn,
  error,
}: {
  line: Line
  signedIn: boolean
  currency: string
  error: string | null
}) {
  const { t } = useTranslation('shop')
  const f = useFormat()
  const lp = useLocalePath()
  const navigation = useNavigation()
  const busy = navigation.formData?.get('itemId') === line.target
  const href = lp(`/p/${line.slug}`)
  const stock = !line.available
    ? t('wishlist.page.unavailable')
    : line.stock <= 0
      ? t('wishlist.page.soldOut')
      : line.stock <= 5
        ? t('wishlist.page.fewLeft', { count: line.stock })
        : t('wishlist.page.inStock')
  const errorId = `wishlist-${line.target}-error`
  return (
    <li className="flex flex-wrap gap-4 p-4" data-testid="wishlist-line">
      <Link to={href} className="block h-28 w-24 shrink-0 overflow-hidden rounded bg-stone-100">
        {line.card ? (
          <ProductCardImage
            images={line.card.images}
            productTitle={line.title}
            hex={line.color?.hex ?? line.card.colors[0]?.hex}
            className="h-full w-full"
          />
        ) : null}
      </Link>
      <div className="min-w-0 flex-1 space-y-1">
        <h2 className="font-medium">
          <Link to={href} className="hover:underline">
            <bdi>{line.title}</bdi>
          </Link>
        </h2>
        {line.color && line.size ? (
          <p className="text-sm text-stone-600">
            {t('wishlist.page.variant', { color: line.color.name, size: line.size })}
          </p>
        ) : (
          <p className="text-sm text-stone-600">{t('wishlist.page.anySize')}</p>
        )}
        <div className="flex flex-wrap items-center gap-2">
          <Price quote={line.price} />
          {line.price?.onSale ? (
            <span className="rounded bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white">
              {t('card.sale')}
            </span>
          ) : null}
        </div>
        {line.drop ? (
          <p className="text-sm font-medium text-green-800" data-testid="price-drop">
            {t('wishlist.page.dropped', { amount: f.money(line.drop) })}
          </p>
        ) : null}
        <p
          className={`text-sm ${line.stock > 0 && line.available ? 'text-green-800' : 'text-red-700'}`}
          data-testid="wishlist-stock"
        >
          {stock}
        </p>
        <p role="alert" id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      </div>
      <div className="flex w-full flex-wrap items-start gap-2 sm:w-auto sm:flex-col">
        {line.variantId && line.available && line.stock > 0 ? (
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value="move" />
            <input type="hidden" name="itemId" value={line.target} />
            <button type="submit" className="btn-primary" disabled={busy}>
              {t('wishlist.page.moveToCart')}
            </button>
          </Form>
        ) : line.available && !line.variantId ? (
          <Link to={href} className="btn-primary">
            {t('wishlist.page.chooseSize')}
          </Link>
        ) : null}
        {signedIn && line.available ? (
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value="price-alert" />
            <input type="hidden" name="itemId" value={line.target} />
            <input type="hidden" name="on" value={line.priceAlert ? 'false' : 'true'} />
            <button
              type="submit"
              className="btn-secondary"
              aria-pressed={line.priceAlert}
              disabled={busy}
            >
              {line.priceAlert ? t('wishlist.page.alertOn') : t('wishlist.page.alertOff')}
            </button>
          </Form>
        ) : null}
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="itemId" value={line.target} />
          <button
            type="submit"
            className="text-sm link"
            disabled={busy}
            aria-label={t('wishlist.page.removeLabel', { title: line.title })}
          >
            {t('wishlist.page.remove')}
          </button>
        </Form>
      </div>
    </li>
  )
}
