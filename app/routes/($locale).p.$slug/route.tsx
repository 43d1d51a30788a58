import {
  data as respond,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import {
  useActionData,
  useLoaderData,
  useSearchParams,
  type ShouldRevalidateFunction,
} from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { Breadcrumbs } from '~/components/catalog/breadcrumbs.tsx'
import { JsonLd } from '~/components/catalog/json-ld.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ProductGallery } from '~/components/media/product-gallery.tsx'
import { ReviewsSection } from './reviews-section.tsx'
import type { ReviewActionData } from './review-types.ts'
import { BuyBox, useSelection } from './buy-box.tsx'
import { ProductNotFound, notFoundOf } from './not-found.tsx'
import { productNotFound } from './not-found.server.ts'
import { reviewFeedback, writeReview } from './review-commands.server.ts'
import { CardRow, MoreFromShop, PreviewNotice, ProductDescription } from './product-sections.tsx'
import { getEnv } from '~/infra/env.server.ts'
import { defaultLocale, getLocale, getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { localePath } from '~/i18n/locales.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { getUser, requireUser } from '~/services/accounts/auth.server.ts'
import { getProductReviews } from '~/services/reviews/reading.server.ts'
import { reviewListQuery } from '~/services/reviews/schemas.ts'
import { getProductPage } from '~/services/catalog/product-page.server.ts'
import {
  recentlyViewedCookie,
  recentlyViewedFrom,
  viewedNow,
} from '~/services/catalog/recently-viewed.ts'
import { listSimilarProducts, similarScope } from '~/services/search/similar.server.ts'
import { backInStockAction } from '~/http/wishlist.server.ts'
import { waitingVariantsSql } from '~/services/wishlist/alerts.server.ts'
import { productJsonLd } from '~/services/catalog/structured-data.ts'
import { formatAmountForInput } from '~/utils/money.ts'
import { tagPage } from '~/infra/page-cache/page-cache.server.ts'
import { PAGE_TAGS } from '~/services/catalog/page-tags.server.ts'

// The product page in the page's language: the loader says the title and description (meta
// has no translate function), the not-found answer carries its own title for the 404 page.

export async function loader({ params, request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const locale = getLocale(request)
  const t = getT(request, 'product')
  const cookieHeader = request.headers.get('Cookie')
  const recentIds = recentlyViewedFrom(cookieHeader)
  const page = await getProductPage(params.slug ?? '', {
    viewerId: user?.id ?? null,
    locale,
    recentIds,
    // The sizes the shopper asked to hear about ride in the page's own query.
    waitingFor: user ? (productId) => waitingVariantsSql(productId, user.email) : null,
  })
  if (!page) throw productNotFound(t)
  // Its product, its shop's newest products in "more from this shop", and the category
  // "you may also like" picks from.
  const similarScopeSlug = similarScope(page.similarTo.categories)
  tagPage(
    PAGE_TAGS.product(page.product.id),
    PAGE_TAGS.shop(page.product.shop.slug),
    ...(similarScopeSlug ? [PAGE_TAGS.category(similarScopeSlug)] : []),
  )
  const requestUrl = new URL(request.url)
  const [reviews, alsoLike] = await Promise.all([
    getProductReviews(page.product.id, reviewListQuery(requestUrl.searchParams), user?.id ?? null),
    page.preview
      ? Promise.resolve([])
      : listSimilarProducts(page.similarTo, {
          except: page.moreFromShop.map((card) => card.id),
          locale,
        }),
  ])
  const env = getEnv()
  const url = `${env.appUrl}${localePath(locale, defaultLocale(), `/p/${page.product.slug}`)}`
  // Search engines and link previews need absolute addresses (local storage serves /media/…).
  const imageUrls = page.images.map((image) => new URL(image.image.src, env.appUrl).toString())
  const { product } = page
  const meta = {
    title: product.brand
      ? t('meta.titleByBrand', { title: product.title, brand: product.brand.name })
      : t('meta.title', { title: product.title }),
    description: (
      product.description ||
      t('meta.description', { title: product.title, shop: product.shop.name })
    ).slice(0, 160),
  }
  // Remembered only where the page is personal already (recently-viewed.ts).
  const headers = new Headers()
  if (cookieHeader && !page.preview)
    headers.append(
      'Set-Cookie',
      recentlyViewedCookie(viewedNow(recentIds, page.product.id), env.https),
    )
  const { similarTo: _similarTo, ...shown } = page
  return respond(
    {
      ...shown,
      alsoLike,
      url,
      meta,
      imageUrl: imageUrls[0] ?? null,
      currency: env.STORE_CURRENCY,
      jsonLd: productJsonLd({ url, currency: env.STORE_CURRENCY, ...page, images: imageUrls }),
      // Link previews (app/utils/seo.ts): the product's first photo, large.
      social: {
        title: page.product.title,
        description: meta.description,
        image: imageUrls[0] ?? null,
        imageAlt: page.product.title,
        type: 'product' as const,
      },
      reviews,
      // Relative dates ("3 days ago") are counted from the server's clock, so the browser agrees.
      now: new Date().toISOString(),
      viewer: {
        signedIn: Boolean(user),
        // Sellers do not review their own products (the service refuses it too).
        canReview: Boolean(user) && !page.preview && !page.isOwner,
        loginHref: localeRedirectPath(
          request,
          `/login?${new URLSearchParams({ redirectTo: `${requestUrl.pathname}${requestUrl.search}#reviews` })}`,
        ),
      },
    },
    { headers },
  )
}

const REVIEW_PARAMS = ['reviewSort', 'reviewPage'] as const

// Choosing a colour or size only changes the query string: no need to ask the server again.
// The reviews' sort and page are read by the loader, so changing those does.
export const shouldRevalidate: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  formMethod,
  defaultShouldRevalidate,
}) => {
  const reviewsMoved = REVIEW_PARAMS.some(
    (key) => currentUrl.searchParams.get(key) !== nextUrl.searchParams.get(key),
  )
  if (!formMethod && currentUrl.pathname === nextUrl.pathname && !reviewsMoved) return false
  return defaultShouldRevalidate
}

/** The reviews section's commands: write or edit one's review, mark one helpful, report one. */
export async function action({ request, params }: ActionFunctionArgs) {
  const t = getT(request, 'product')
  const slug = z.string().min(1).max(200).safeParse(params.slug)
  if (!slug.success) throw productNotFound(t)
  const url = new URL(request.url)
  // Back to the same URL without a #fragment: a redirect that only adds a hash would not re-run
  // the loaders in the browser (no toast, no pending review shown).
  const back = `${url.pathname}${url.search}`
  const formData = await readFormData(request)
  const intent = formData.get('intent')
  // Guests too: "Email me when it's back" asks them for an address.
  if (intent === 'back-in-stock')
    return backInStockAction(request, formData, await getUser(request), back)
  const user = await requireUser(request)
  const reviewId =
    typeof formData.get('reviewId') === 'string' ? String(formData.get('reviewId')) : null

  if (intent === 'review')
    return writeReview({ formData, userId: user.id, back, t, slug: slug.data })
  if (intent === 'helpful' || intent === 'report')
    return reviewFeedback({ formData, userId: user.id, back, t, intent, reviewId })
  return respond<ReviewActionData>(
    { intent: 'helpful', reviewId, error: t('reviews.chooseAction') },
    { status: 400 },
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  if (!data) {
    const notFound = notFoundOf(error)
    return notFound ? [{ title: notFound.title }, { name: 'robots', content: 'noindex' }] : []
  }
  const { price, currency, preview, meta } = data
  return [
    { title: meta.title },
    { name: 'description', content: meta.description },
    ...(price
      ? [
          {
            property: 'product:price:amount',
            content: formatAmountForInput(price.effective, currency),
          },
          { property: 'product:price:currency', content: currency },
        ]
      : []),
    ...(preview ? [{ name: 'robots', content: 'noindex' }] : []),
  ]
}

export default function ProductPage() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation('product')
  const lp = useLocalePath()
  const actionData = useActionData<typeof action>()
  const { product, images, breadcrumbs, preview } = data
  const [params] = useSearchParams()
  const selection = useSelection(data, params)

  return (
    <div>
      {/* Counts this view for the seller's analytics (a beacon: cached pages count too). */}
      {preview ? null : (
        <img
          src={`/product-views/${product.id}`}
          alt=""
          aria-hidden
          width={1}
          height={1}
          className="pointer-events-none absolute h-px w-px opacity-0"
        />
      )}
      {preview ? (
        <PreviewNotice
          productId={product.id}
          reason={
            preview.shopSuspended || preview.status === 'ACTIVE'
              ? t('preview.suspended')
              : t(`preview.${preview.status}`)
          }
        />
      ) : null}
      <Breadcrumbs
        crumbs={[
          { name: t('home'), to: lp('/') },
          ...breadcrumbs.map((crumb) => ({ name: crumb.name, to: lp(`/c/${crumb.slug}`) })),
          { name: product.title, to: lp(`/p/${product.slug}`) },
        ]}
      />

      <div className="mt-6 grid gap-10 lg:grid-cols-2">
        <ProductGallery
          images={images}
          productTitle={product.title}
          colorId={selection.color?.id}
          hex={selection.color?.hex}
        />

        <BuyBox
          data={data}
          selection={selection}
          params={params}
          backInStock={actionData?.intent === 'back-in-stock' ? actionData : undefined}
        />
      </div>

      {/* Sections below the buy box, in reading order. */}
      <ProductDescription description={product.description} />
      <ReviewsSection
        {...data.reviews}
        now={data.now}
        viewer={data.viewer}
        actionData={actionData?.intent === 'back-in-stock' ? undefined : actionData}
      />
      <MoreFromShop shop={product.shop} products={data.moreFromShop} />
      <CardRow id="also-like" title={t('alsoLike')} products={data.alsoLike} />
      <CardRow id="recently-viewed" title={t('recentlyViewed')} products={data.recentlyViewed} />
      <JsonLd data={data.jsonLd} />
    </div>
  )
}

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      statusHandlers={{
        404: ({ data }) => <ProductNotFound data={data} />,
      }}
    />
  )
}
