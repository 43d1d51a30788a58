// Over 400 lines: a folder route now, so its sections can become pieces beside it (not yet done).
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data as respond,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import {
  Link,
  useActionData,
  useLoaderData,
  isRouteErrorResponse,
  useSearchParams,
  type ShouldRevalidateFunction,
} from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { z } from 'zod'
import { Breadcrumbs } from '~/components/catalog/breadcrumbs.tsx'
import { JsonLd } from '~/components/catalog/json-ld.tsx'
import { withParams } from '~/utils/search-params.ts'
import { Price } from '~/components/catalog/price.tsx'
import { ProductGrid } from '~/components/catalog/product-card.tsx'
import { VariantPicker } from './variant-picker.tsx'
import { DirectionArrow } from '~/components/direction-arrow.tsx'
import { ErrorPage, GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ProductGallery } from '~/components/media/product-gallery.tsx'
import { AddToCart, cannotAddReason } from './add-to-cart.tsx'
import { ReviewsSection } from './reviews-section.tsx'
import type { ReviewActionData } from './review-types.ts'
import { getEnv } from '~/infra/env.server.ts'
import { defaultLocale, getLocale, getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { localePath } from '~/i18n/locales.ts'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { toRefusal } from '~/http/errors.server.ts'
import { localizedRefusal } from '~/http/refusal-messages.server.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { getUser, requireUser } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { getProductReviews } from '~/services/reviews/reading.server.ts'
import { markHelpful, reportReview, submitReview } from '~/services/reviews/reviews.server.ts'
import {
  ReviewFeedbackSchema,
  ReviewFormSchema,
  reviewListQuery,
} from '~/services/reviews/schemas.ts'
import { getProductPage } from '~/services/catalog/product-page.server.ts'
import {
  recentlyViewedCookie,
  recentlyViewedFrom,
  viewedNow,
} from '~/services/catalog/recently-viewed.ts'
import { listSimilarProducts, similarScope } from '~/services/search/similar.server.ts'
import { backInStockAction } from '~/http/wishlist.server.ts'
import { waitingVariantsSql } from '~/services/wishlist/alerts.server.ts'
import { BackInStockForm } from '~/components/wishlist/back-in-stock.tsx'
import { SaveButton } from '~/components/wishlist/save-button.tsx'
import { productJsonLd } from '~/services/catalog/structured-data.ts'
import { selectVariant, stockMessage } from '~/services/catalog/variant-selection.ts'
import { formatAmountForInput } from '~/utils/money.ts'
import { tagPage } from '~/infra/page-cache/page-cache.server.ts'
import { PAGE_TAGS } from '~/services/catalog/page-tags.server.ts'

// The product page in the page's language: the loader says the title and description (meta
// has no translate function), the not-found answer carries its own title for the 404 page.

/** What a 404 of this page carries: the message shown and the page's title. */
type NotFound = { message: string; title: string }

function productNotFound(t: ReturnType<typeof getT<'product'>>) {
  return respond<NotFound>(
    { message: t('notFound'), title: t('meta.notFoundTitle') },
    { status: 404 },
  )
}

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

  if (intent === 'review') {
    const submission = parseWithZod(formData, { schema: ReviewFormSchema })
    if (submission.status !== 'success')
      return respond<ReviewActionData>({ intent, result: submission.reply() }, { status: 400 })
    try {
      const { edited } = await submitReview(user.id, slug.data, submission.value)
      return redirectWithToast(back, {
        message: edited ? t('reviews.toastEdited') : t('reviews.toastSubmitted'),
      })
    } catch (error) {
      // The product went away meanwhile: the page's own 404, in its language.
      if (toRefusal(error).kind === 'not-found') throw productNotFound(t)
      const refusal = localizedRefusal(t, error)
      const { formErrors, fieldErrors } = refusal
      return respond<ReviewActionData>(
        { intent, result: submission.reply({ formErrors, fieldErrors }) },
        { status: refusal.status, headers: refusal.headers },
      )
    }
  }

  if (intent === 'helpful' || intent === 'report') {
    const parsed = ReviewFeedbackSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success) {
      // Schema messages are validation keys; the page shows them in its language.
      const fieldErrors: Record<string, string[]> = z.flattenError(parsed.error).fieldErrors
      return respond<ReviewActionData>(
        {
          intent,
          reviewId,
          error: Object.values(fieldErrors).flat()[0] ?? t('reviews.checkForm'),
          fieldErrors,
        },
        { status: 400 },
      )
    }
    try {
      if (parsed.data.intent === 'helpful') await markHelpful(user.id, parsed.data.reviewId)
      else await reportReview(user.id, parsed.data.reviewId, parsed.data.reason)
      return redirectWithToast(back, {
        message: intent === 'helpful' ? t('reviews.toastHelpful') : t('reviews.toastReported'),
      })
    } catch (error) {
      const refusal = localizedRefusal(t, error)
      return respond<ReviewActionData>(
        { intent, reviewId, error: refusal.message },
        { status: refusal.status, headers: refusal.headers },
      )
    }
  }
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

/** What this page's 404 carries (message and title in the page's language), if it is one. */
function notFoundBody(body: unknown): NotFound | null {
  if (typeof body !== 'object' || body === null) return null
  const { message, title } = body as Partial<NotFound>
  return typeof message === 'string' && typeof title === 'string' ? { message, title } : null
}

function notFoundOf(error: unknown) {
  return isRouteErrorResponse(error) && error.status === 404 ? notFoundBody(error.data) : null
}

export default function ProductPage() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation('product')
  const lp = useLocalePath()
  const actionData = useActionData<typeof action>()
  const { product, colors, sizes, variants, images, breadcrumbs, preview, price, priceRange } = data
  const [params] = useSearchParams()
  const selection = selectVariant(
    { colors, sizes, variants },
    { color: params.get('color'), size: params.get('size') },
  )
  const anyInStock = variants.some((variant) => variant.stock > 0)
  const stock = stockMessage(selection.variant, selection.size ? true : anyInStock)
  const shownPrice = selection.variant?.price ?? price
  const showSizes = sizes.length > 1 || (sizes.length === 1 && sizes[0]!.label !== 'One size')
  const variant = selection.variant
    ? {
        id: selection.variant.id,
        stock: selection.variant.stock,
        priced: selection.variant.price !== null,
      }
    : null

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

        <div className="min-w-0">
          <ProductHeading product={product} />
          <div className="mt-5" data-testid="product-price">
            <Price quote={shownPrice} size="lg" from={!selection.variant && Boolean(priceRange)} />
            <SaleEnds endsAt={shownPrice?.onSale ? product.discountEndsAt : null} />
          </div>

          <VariantPicker
            selection={selection}
            sizeScale={product.sizeScale}
            sizeGuide={product.sizeGuide}
            showSizes={showSizes}
            optionLink={(changes) => `?${withParams(params, changes)}`}
          />
          <AddToCart
            variant={variant}
            reason={cannotAddReason({
              variant,
              sizeChosen: Boolean(selection.size),
              preview: Boolean(preview),
            })}
            productTitle={product.title}
          />
          {preview ? null : (
            <div className="mt-3">
              <SaveButton
                productId={product.id}
                variantId={selection.variant?.id ?? null}
                productTitle={product.title}
                variant="page"
              />
            </div>
          )}
          {selection.variant && selection.variant.stock <= 0 && !preview ? (
            <BackInStockForm
              variantId={selection.variant.id}
              signedIn={data.viewer.signedIn}
              subscribed={data.waitingFor.includes(selection.variant.id)}
              actionData={actionData?.intent === 'back-in-stock' ? actionData : undefined}
            />
          ) : null}
          <p
            role="status"
            className={`mt-4 text-sm font-medium ${stock.tone === 'out' ? 'text-red-700' : stock.tone === 'low' ? 'text-amber-700' : 'text-green-700'}`}
            data-testid="stock-message"
          >
            {t(`stock.${stock.state}`, { count: stock.count })}
          </p>

          <ProductFacts
            sku={selection.variant?.sku ?? null}
            category={breadcrumbs.at(-1) ?? null}
            tags={product.tags}
          />
        </div>
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

type PageData = ReturnType<typeof useLoaderData<typeof loader>>

function PreviewNotice({ productId, reason }: { productId: string; reason: string }) {
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

function ProductHeading({ product }: { product: PageData['product'] }) {
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

function SaleEnds({ endsAt }: { endsAt: string | Date | null }) {
  const { t } = useTranslation('product')
  const f = useFormat()
  if (!endsAt) return null
  return <p className="mt-1 text-sm text-brand-700">{t('saleEnds', { date: f.date(endsAt) })}</p>
}

function ProductFacts({
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

function ProductDescription({ description }: { description: string }) {
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

function MoreFromShop({
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
function CardRow({
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

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      statusHandlers={{
        404: ({ data }) => <ProductNotFound data={data} />,
      }}
    />
  )
}

function ProductNotFound({ data }: { data: unknown }) {
  const { t } = useTranslation()
  const { t: tp } = useTranslation('product')
  return (
    <ErrorPage
      status={404}
      title={t('errors.404.title')}
      body={notFoundBody(data)?.message ?? tp('notFound')}
    />
  )
}
