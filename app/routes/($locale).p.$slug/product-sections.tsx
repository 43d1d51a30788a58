import { Link, type useLoaderData } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { DirectionArrow } from '~/components/direction-arrow.tsx'
import { ProductGrid } from '~/components/catalog/product-card.tsx'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import type { loader } from './route.tsx'

// The product page's sections: the notice above a preview, the buy box's heading and facts, and
// what sits below the buy box (description, more from the shop, rows of cards).

type PageData = ReturnType<typeof useLoaderData<typeof loader>>

export function PreviewNotice({ productId, reason }: { productId: string; reason: string }) {
  const { t } = useTranslation('product')
  const lp = useLocalePath()
  return (
    <div
      role="status"
      className="mb-6 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <p className="font-semibold">{t('preview.heading')}</p>
      <p className="mt-1">
        {reason}{' '}
        <Link to={lp(`/sell/products/${productId}`)} className="link">
          {t('preview.edit')}
        </Link>
      </p>
    </div>
  )
}

export function ProductHeading({ product }: { product: PageData['product'] }) {
  const { t } = useTranslation('product')
  const lp = useLocalePath()
  return (
    <>
      {product.brand ? (
        <Link
          to={lp(`/brands/${product.brand.slug}`)}
          className="text-sm font-semibold tracking-wide text-stone-500 uppercase hover:text-brand-700"
        >
          <bdi>{product.brand.name}</bdi>
        </Link>
      ) : null}
      <h1 className="mt-1 text-3xl font-bold tracking-tight break-words">{product.title}</h1>
      <p className="mt-2 text-sm text-stone-600">
        <Trans
          t={t}
          i18nKey="soldBy"
          values={{ shop: product.shop.name }}
          components={{
            shop: <Link to={lp(`/shops/${product.shop.slug}`)} className="link" />,
          }}
        />
      </p>
    </>
  )
}

export function SaleEnds({ endsAt }: { endsAt: string | Date | null }) {
  const { t } = useTranslation('product')
  const f = useFormat()
  if (!endsAt) return null
  return <p className="mt-1 text-sm text-brand-700">{t('saleEnds', { date: f.date(endsAt) })}</p>
}

export function ProductFacts({
  sku,
  category,
  tags,
}: {
  sku: string | null
  category: { name: string; slug: string } | null
  tags: string[]
}) {
  const { t } = useTranslation('product')
  const lp = useLocalePath()
  return (
    <dl className="mt-8 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 border-t border-stone-200 pt-6 text-sm">
      {sku ? (
        <>
          <dt className="text-stone-500">{t('facts.sku')}</dt>
          {/* A Latin code: isolated, so a Persian line does not reorder its dashes. */}
          <dd className="font-mono text-stone-800">
            <bdi dir="ltr">{sku}</bdi>
          </dd>
        </>
      ) : null}
      <dt className="text-stone-500">{t('facts.category')}</dt>
      <dd>
        {category ? (
          <Link to={lp(`/c/${category.slug}`)} className="link">
            {category.name}
          </Link>
        ) : null}
      </dd>
      {tags.length ? (
        <>
          <dt className="text-stone-500">{t('facts.tags')}</dt>
          <dd className="flex flex-wrap gap-1.5">
            {tags.map((tag) => (
              <bdi
                key={tag}
                className="rounded-full bg-stone-100 px-2.5 py-0.5 text-xs text-stone-700"
              >
                {tag}
              </bdi>
            ))}
          </dd>
        </>
      ) : null}
    </dl>
  )
}

export function ProductDescription({ description }: { description: string }) {
  const { t } = useTranslation('product')
  if (!description) return null
  return (
    <section
      aria-labelledby="description-heading"
      className="mt-12 max-w-3xl border-t border-stone-200 pt-8"
    >
      <h2 id="description-heading" className="text-xl font-semibold">
        {t('description')}
      </h2>
      <div dir="auto" className="mt-3 whitespace-pre-line text-stone-700">
        {description}
      </div>
    </section>
  )
}

export function MoreFromShop({
  shop,
  products,
}: {
  shop: PageData['product']['shop']
  products: PageData['moreFromShop']
}) {
  const { t } = useTranslation('product')
  const lp = useLocalePath()
  return (
    <section aria-labelledby="more-heading" className="mt-16">
      <h2 id="more-heading" className="text-2xl font-bold tracking-tight">
        {t('moreFrom', { shop: shop.name })}
      </h2>
      <div className="mt-6">
        {/* Below the fold: none of these photos competes with the gallery's. */}
        <ProductGrid
          products={products}
          label={t('moreFrom', { shop: shop.name })}
          empty={t('onlyProduct')}
          priorityCount={0}
        />
        {products.length ? (
          <p className="mt-6">
            <Link to={lp(`/shops/${shop.slug}`)} className="link">
              {t('visitShop', { shop: shop.name })} <DirectionArrow to="forward" />
            </Link>
          </p>
        ) : null}
      </div>
    </section>
  )
}

/** A row of cards below the fold ("you may also like", "recently viewed"); nothing when empty. */
export function CardRow({
  id,
  title,
  products,
}: {
  id: string
  title: string
  products: PageData['moreFromShop']
}) {
  if (!products.length) return null
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-16" data-testid={id}>
      <h2 id={`${id}-heading`} className="text-2xl font-bold tracking-tight">
        {title}
      </h2>
      <div className="mt-6">
        <ProductGrid products={products} label={title} priorityCount={0} />
      </div>
    </section>
  )
}
