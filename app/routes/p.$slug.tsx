import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Await, Link, useLoaderData, useSearchParams, type ShouldRevalidateFunction } from '@remix-run/react'
import { Suspense } from 'react'
import { Breadcrumbs } from '~/components/catalog/breadcrumbs.tsx'
import { ProductGallery } from '~/components/catalog/gallery.tsx'
import { JsonLd } from '~/components/catalog/json-ld.tsx'
import { withParams } from '~/components/catalog/listing-controls.tsx'
import { Price } from '~/components/catalog/price.tsx'
import { ProductGrid } from '~/components/catalog/product-card.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { getEnv } from '~/infra/env.server.ts'
import { getUser } from '~/services/accounts/auth.server.ts'
import { getMoreFromShop, getProductPage } from '~/services/catalog/storefront.server.ts'
import { productJsonLd } from '~/services/catalog/structured-data.ts'
import { selectVariant, stockMessage } from '~/services/catalog/variant-selection.ts'
import { useStore } from '~/root.tsx'
import { formatAmountForInput } from '~/utils/money.ts'
import { invariantResponse } from '~/utils/http.ts'

export async function loader({ params, request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const page = await getProductPage(params.slug ?? '', { viewerId: user?.id ?? null })
  invariantResponse(page, 'This product is not available. It may have been removed, or the link may be wrong.')
  const env = getEnv()
  const url = `${env.appUrl}/p/${page.product.slug}`
  return {
    ...page,
    url,
    currency: env.STORE_CURRENCY,
    jsonLd: productJsonLd({ url, currency: env.STORE_CURRENCY, ...page }),
    // Streamed after the page: shoppers see the product first.
    moreFromShop: getMoreFromShop(page.product.shop.id, page.product.id),
  }
}

// Choosing a colour or size only changes the query string: no need to ask the server again.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }) => {
  if (!formMethod && currentUrl.pathname === nextUrl.pathname) return false
  return defaultShouldRevalidate
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: 'Product not found · Shikposh' }]
  const { product, price, url, currency, preview } = data
  const description = (product.description || `${product.title} from ${product.shop.name} on Shikposh.`).slice(0, 160)
  return [
    { title: `${product.title}${product.brand ? ` by ${product.brand.name}` : ''} · Shikposh` },
    { name: 'description', content: description },
    { tagName: 'link', rel: 'canonical', href: url },
    { property: 'og:type', content: 'product' },
    { property: 'og:title', content: product.title },
    { property: 'og:description', content: description },
    { property: 'og:url', content: url },
    ...(price
      ? [
          { property: 'product:price:amount', content: formatAmountForInput(price.effective, currency) },
          { property: 'product:price:currency', content: currency },
        ]
      : []),
    ...(preview ? [{ name: 'robots', content: 'noindex' }] : []),
  ]
}

const PREVIEW_REASONS = {
  DRAFT: 'It is a draft: publish it to put it in the store.',
  ARCHIVED: 'It is archived: restore and publish it to sell it again.',
  ACTIVE: 'It is published, but your shop is suspended, so none of your products are visible.',
} as const

export default function ProductPage() {
  const data = useLoaderData<typeof loader>()
  const { product, colors, sizes, variants, breadcrumbs, preview, price, priceRange } = data
  const [params] = useSearchParams()
  const { timeZone } = useStore()
  const selection = selectVariant({ colors, sizes, variants }, { color: params.get('color'), size: params.get('size') })
  const anyInStock = variants.some((variant) => variant.stock > 0)
  const stock = stockMessage(selection.variant, selection.size ? true : anyInStock)
  const shownPrice = selection.variant?.price ?? price
  const optionLink = (changes: Record<string, string | null>) => `?${withParams(params, changes)}`

  return (
    <div>
      {preview ? (
        <div role="status" className="mb-6 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p className="font-semibold">Preview: shoppers cannot see this product.</p>
          <p className="mt-1">
            {preview.shopSuspended ? PREVIEW_REASONS.ACTIVE : PREVIEW_REASONS[preview.status]}{' '}
            <Link to={`/sell/products/${product.id}`} className="link">
              Edit product
            </Link>
          </p>
        </div>
      ) : null}
      <Breadcrumbs crumbs={[{ name: 'Home', to: '/' }, ...breadcrumbs.map((crumb) => ({ name: crumb.name, to: `/c/${crumb.slug}` })), { name: product.title, to: `/p/${product.slug}` }]} />

      <div className="mt-6 grid gap-10 lg:grid-cols-2">
        <ProductGallery title={product.title} items={[]} hex={selection.color?.hex} />

        <div>
          {product.brand ? (
            <Link to={`/brands/${product.brand.slug}`} className="text-sm font-semibold uppercase tracking-wide text-stone-500 hover:text-brand-700">
              {product.brand.name}
            </Link>
          ) : null}
          <h1 className="mt-1 text-3xl font-bold tracking-tight">{product.title}</h1>
          <p className="mt-2 text-sm text-stone-600">
            Sold by{' '}
            <Link to={`/shops/${product.shop.slug}`} className="link">
              {product.shop.name}
            </Link>
          </p>

          <div className="mt-5" data-testid="product-price">
            <Price quote={shownPrice} size="lg" from={!selection.variant && Boolean(priceRange)} />
            {shownPrice?.onSale && product.discountEndsAt ? (
              <p className="mt-1 text-sm text-brand-700">Sale ends {new Date(product.discountEndsAt).toLocaleDateString('en-US', { month: 'long', day: 'numeric', timeZone })}</p>
            ) : null}
          </div>

          {colors.length ? (
            <div className="mt-8">
              <h2 id="color-heading" className="text-sm font-semibold">
                Colour: <span className="font-normal text-stone-700">{selection.color?.name}</span>
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
                        aria-label={`${color.name}${soldOut ? ' (sold out)' : ''}`}
                        title={color.name}
                        className={`relative block h-10 w-10 rounded-full ring-1 ring-stone-300 ring-offset-2 ${current ? 'ring-2 ring-ink' : 'hover:ring-stone-500'}`}
                        style={{ backgroundColor: color.hex }}
                      >
                        {soldOut ? <span aria-hidden className="absolute inset-0 m-auto h-px w-11 -translate-x-0.5 rotate-45 bg-stone-500" /> : null}
                      </Link>
                    </li>
                  )
                })}
              </ul>
            </div>
          ) : null}

          {sizes.length > 1 || (sizes.length === 1 && sizes[0]!.label !== 'One size') ? (
            <div className="mt-6">
              <h2 id="size-heading" className="text-sm font-semibold">
                Size{selection.size ? <span className="font-normal text-stone-700">: {selection.size.label}</span> : null}{' '}
                <span className="font-normal text-stone-500">· {product.sizeScale}</span>
              </h2>
              <ul aria-labelledby="size-heading" className="mt-3 flex flex-wrap gap-2">
                {selection.sizes.map(({ size, state }) => {
                  const current = size.id === selection.size?.id
                  const base = 'inline-flex h-11 min-w-14 items-center justify-center rounded-md border px-3 text-sm font-medium'
                  return (
                    <li key={size.id}>
                      {state === 'available' ? (
                        <Link
                          to={optionLink({ size: size.label, ...(selection.color ? { color: selection.color.slug } : {}) })}
                          replace
                          preventScrollReset
                          aria-current={current ? 'true' : undefined}
                          className={`${base} ${current ? 'border-ink bg-ink text-white' : 'border-stone-300 bg-white text-ink hover:border-ink'}`}
                        >
                          {size.label}
                        </Link>
                      ) : (
                        <span aria-disabled="true" data-disabled-size={size.label} className={`${base} cursor-not-allowed border-stone-200 bg-stone-50 text-stone-400 line-through`}>
                          {size.label}
                          <span className="sr-only">{state === 'sold-out' ? ' (out of stock)' : ' (not made in this colour)'}</span>
                        </span>
                      )}
                    </li>
                  )
                })}
              </ul>
            </div>
          ) : null}

          <p
            role="status"
            className={`mt-6 text-sm font-medium ${stock.tone === 'out' ? 'text-red-700' : stock.tone === 'low' ? 'text-amber-700' : 'text-green-700'}`}
            data-testid="stock-message"
          >
            {stock.text}
          </p>
          {/* The cart (issue 6) adds its "Add to cart" form here, for selection.variant. */}

          {product.description ? (
            <section aria-labelledby="description-heading" className="mt-10 border-t border-stone-200 pt-6">
              <h2 id="description-heading" className="text-lg font-semibold">
                Description
              </h2>
              <div className="mt-3 whitespace-pre-line text-stone-700">{product.description}</div>
            </section>
          ) : null}

          <dl className="mt-8 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 border-t border-stone-200 pt-6 text-sm">
            {selection.variant ? (
              <>
                <dt className="text-stone-500">SKU</dt>
                <dd className="font-mono text-stone-800">{variants.find((variant) => variant.id === selection.variant!.id)?.sku}</dd>
              </>
            ) : null}
            <dt className="text-stone-500">Category</dt>
            <dd>
              {breadcrumbs.length ? (
                <Link to={`/c/${breadcrumbs[breadcrumbs.length - 1]!.slug}`} className="link">
                  {breadcrumbs[breadcrumbs.length - 1]!.name}
                </Link>
              ) : null}
            </dd>
            {product.tags.length ? (
              <>
                <dt className="text-stone-500">Tags</dt>
                <dd className="flex flex-wrap gap-1.5">
                  {product.tags.map((tag) => (
                    <span key={tag} className="rounded-full bg-stone-100 px-2.5 py-0.5 text-xs text-stone-700">
                      {tag}
                    </span>
                  ))}
                </dd>
              </>
            ) : null}
          </dl>
        </div>
      </div>

      <section aria-labelledby="more-heading" className="mt-16">
        <h2 id="more-heading" className="text-2xl font-bold tracking-tight">
          More from {product.shop.name}
        </h2>
        <div className="mt-6">
          <Suspense fallback={<p className="text-sm text-stone-500">Loading…</p>}>
            <Await resolve={data.moreFromShop} errorElement={<p className="text-sm text-stone-500">Could not load more products right now.</p>}>
              {(more) => (
                <>
                  <ProductGrid products={more} label={`More from ${product.shop.name}`} empty="This is the only product of the shop for now." />
                  {more.length ? (
                    <p className="mt-6">
                      <Link to={`/shops/${product.shop.slug}`} className="link">
                        Visit {product.shop.name} →
                      </Link>
                    </p>
                  ) : null}
                </>
              )}
            </Await>
          </Suspense>
        </div>
      </section>
      <JsonLd data={data.jsonLd} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
