/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
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
  useSearchParams,
  type ShouldRevalidateFunction,
} from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { Breadcrumbs } from '~/components/catalog/breadcrumbs.tsx'
import { JsonLd } from '~/components/catalog/json-ld.tsx'
import { withParams } from '~/utils/search-params.ts'
import { Price } from '~/components/catalog/price.tsx'
import { ProductGrid } from '~/components/catalog/product-card.tsx'
import { VariantPicker } from '~/components/catalog/variant-picker.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ProductGallery } from '~/components/media/product-gallery.tsx'
import { AddToCart, cannotAddReason } from '~/components/orders/add-to-cart.tsx'
import { ReviewsSection, type ReviewActionData } from '~/components/reviews/reviews-section.tsx'
import { getEnv } from '~/infra/env.server.ts'
import { getLocale } from '~/i18n/i18n.server.ts'
import { throwIfNotFound, toRefusal } from '~/http/errors.server.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { getUser, requireUser } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import {
  getProductReviews,
  markHelpful,
  reportReview,
  submitReview,
} from '~/services/reviews/reviews.server.ts'
import {
  ReviewFeedbackSchema,
  ReviewFormSchema,
  reviewListQuery,
} from '~/services/reviews/schemas.ts'
import { getProductPage } from '~/services/catalog/storefront.server.ts'
import { productJsonLd } from '~/services/catalog/structured-data.ts'
import { selectVariant, stockMessage } from '~/services/catalog/variant-selection.ts'
import { useStore } from '~/root.tsx'
import { formatAmountForInput } from '~/utils/money.ts'
import { invariantResponse } from '~/utils/http.ts'

export async function loader({ params, request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const page = await getProductPage(params.slug ?? '', {
    viewerId: user?.id ?? null,
    locale: getLocale(request),
  })
  invariantResponse(
    page,
    'This product is not available. It may have been removed, or the link may be wrong.',
  )
  const requestUrl = new URL(request.url)
  const reviews = await getProductReviews(
    page.product.id,
    reviewListQuery(requestUrl.searchParams),
    user?.id ?? null,
  )
  const env = getEnv()
  const url = `${env.appUrl}/p/${page.product.slug}`
  // Search engines and link previews need absolute addresses (local storage serves /media/…).
  const imageUrls = page.images.map((image) => new URL(image.image.src, env.appUrl).toString())
  return {
    ...page,
    url,
    imageUrl: imageUrls[0] ?? null,
    currency: env.STORE_CURRENCY,
    jsonLd: productJsonLd({ url, currency: env.STORE_CURRENCY, ...page, images: imageUrls }),
    // Link previews (app/utils/seo.ts): the product's first photo, large.
    social: {
      title: page.product.title,
      description: page.product.description || page.product.title,
      image: imageUrls[0] ?? null,
      imageAlt: page.product.title,
      type: 'product' as const,
    },
    reviews,
    viewer: {
      signedIn: Boolean(user),
      // Sellers do not review their own products (the service refuses it too).
      canReview: Boolean(user) && !page.preview && !page.isOwner,
      loginHref: `/login?${new URLSearchParams({ redirectTo: `${requestUrl.pathname}${requestUrl.search}#reviews` })}`,
    },
  }
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
  const user = await requireUser(request)
  const slug = z.string().min(1).max(200).safeParse(params.slug)
  invariantResponse(slug.success, 'This product is not available.')
  const url = new URL(request.url)
  // Back to the same URL without a #fragment: a redirect that only adds a hash would not re-run
  // the loaders in the browser (no toast, no pending review shown).
  const back = `${url.pathname}${url.search}`
  const formData = await readFormData(request)
  const intent = formData.get('intent')
  const reviewId =
    typeof formData.get('reviewId') === 'string' ? String(formData.get('reviewId')) : null

  if (intent === 'review') {
    const submission = parseWithZod(formData, { schema: ReviewFormSchema })
    if (submission.status !== 'success')
      return respond<ReviewActionData>({ intent, result: submission.reply() }, { status: 400 })
    try {
      const { edited } = await submitReview(user.id, slug.data, submission.value)
      return redirectWithToast(back, {
        message: edited
          ? 'Your review is saved and waits for approval again.'
          : 'Thank you! Your review will show once a moderator approves it.',
      })
    } catch (error) {
      const refusal = toRefusal(error)
      throwIfNotFound(refusal)
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
      const fieldErrors: Record<string, string[]> = z.flattenError(parsed.error).fieldErrors
      return respond<ReviewActionData>(
        {
          intent,
          reviewId,
          error: Object.values(fieldErrors).flat()[0] ?? 'Check the form.',
          fieldErrors,
        },
        { status: 400 },
      )
    }
    try {
      if (parsed.data.intent === 'helpful') await markHelpful(user.id, parsed.data.reviewId)
      else await reportReview(user.id, parsed.data.reviewId, parsed.data.reason)
      return redirectWithToast(back, {
        message:
          intent === 'helpful'
            ? 'Thanks for your vote.'
            : 'Thanks: a moderator will look at this review.',
      })
    } catch (error) {
      const refusal = toRefusal(error)
      return respond<ReviewActionData>(
        { intent, reviewId, error: refusal.message },
        { status: refusal.status, headers: refusal.headers },
      )
    }
  }
  return respond<ReviewActionData>(
    { intent: 'helpful', reviewId, error: 'Choose what to do.' },
    { status: 400 },
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: 'Product not found · Shikposh' }]
  const { product, price, currency, preview } = data
  const description = (
    product.description || `${product.title} from ${product.shop.name} on Shikposh.`
  ).slice(0, 160)
  return [
    { title: `${product.title}${product.brand ? ` by ${product.brand.name}` : ''} · Shikposh` },
    { name: 'description', content: description },
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

const PREVIEW_REASONS = {
  DRAFT: 'It is a draft: publish it to put it in the store.',
  ARCHIVED: 'It is archived: restore and publish it to sell it again.',
  ACTIVE: 'It is published, but your shop is suspended, so none of your products are visible.',
} as const

export default function ProductPage() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation('shop')
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
      {preview ? (
        <PreviewNotice
          productId={product.id}
          reason={preview.shopSuspended ? PREVIEW_REASONS.ACTIVE : PREVIEW_REASONS[preview.status]}
        />
      ) : null}
      <Breadcrumbs
        crumbs={[
          { name: 'Home', to: '/' },
          ...breadcrumbs.map((crumb) => ({ name: crumb.name, to: `/c/${crumb.slug}` })),
          { name: product.title, to: `/p/${product.slug}` },
        ]}
      />

      <div className="mt-6 grid gap-10 lg:grid-cols-2">
        <ProductGallery
          images={images}
          productTitle={product.title}
          colorId={selection.color?.id}
          hex={selection.color?.hex}
        />

        <div>
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
          <p
            role="status"
            className={`mt-4 text-sm font-medium ${stock.tone === 'out' ? 'text-red-700' : stock.tone === 'low' ? 'text-amber-700' : 'text-green-700'}`}
            data-testid="stock-message"
          >
            {t(`product.stock.${stock.state}`, { count: stock.count })}
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
      <ReviewsSection {...data.reviews} viewer={data.viewer} actionData={actionData} />
      <MoreFromShop shop={product.shop} products={data.moreFromShop} />
      <JsonLd data={data.jsonLd} />
    </div>
  )
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>

function PreviewNotice({ productId, reason }: { productId: string; reason: string }) {
  return (
    <div
      role="status"
      className="mb-6 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <p className="font-semibold">Preview: shoppers cannot see this product.</p>
      <p className="mt-1">
        {reason}{' '}
        <Link to={`/sell/products/${productId}`} className="link">
          Edit product
        </Link>
      </p>
    </div>
  )
}

function ProductHeading({ product }: { product: PageData['product'] }) {
  return (
    <>
      {product.brand ? (
        <Link
          to={`/brands/${product.brand.slug}`}
          className="text-sm font-semibold tracking-wide text-stone-500 uppercase hover:text-brand-700"
        >
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
    </>
  )
}

function SaleEnds({ endsAt }: { endsAt: string | Date | null }) {
  const { timeZone } = useStore()
  if (!endsAt) return null
  return (
    <p className="mt-1 text-sm text-brand-700">
      Sale ends{' '}
      {new Date(endsAt).toLocaleDateString('en-US', { month: 'long', day: 'numeric', timeZone })}
    </p>
  )
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
  return (
    <dl className="mt-8 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 border-t border-stone-200 pt-6 text-sm">
      {sku ? (
        <>
          <dt className="text-stone-500">SKU</dt>
          <dd className="font-mono text-stone-800">{sku}</dd>
        </>
      ) : null}
      <dt className="text-stone-500">Category</dt>
      <dd>
        {category ? (
          <Link to={`/c/${category.slug}`} className="link">
            {category.name}
          </Link>
        ) : null}
      </dd>
      {tags.length ? (
        <>
          <dt className="text-stone-500">Tags</dt>
          <dd className="flex flex-wrap gap-1.5">
            {tags.map((tag) => (
              <span
                key={tag}
                className="rounded-full bg-stone-100 px-2.5 py-0.5 text-xs text-stone-700"
              >
                {tag}
              </span>
            ))}
          </dd>
        </>
      ) : null}
    </dl>
  )
}

function ProductDescription({ description }: { description: string }) {
  if (!description) return null
  return (
    <section
      aria-labelledby="description-heading"
      className="mt-12 max-w-3xl border-t border-stone-200 pt-8"
    >
      <h2 id="description-heading" className="text-xl font-semibold">
        Description
      </h2>
      <div className="mt-3 whitespace-pre-line text-stone-700">{description}</div>
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
  return (
    <section aria-labelledby="more-heading" className="mt-16">
      <h2 id="more-heading" className="text-2xl font-bold tracking-tight">
        More from {shop.name}
      </h2>
      <div className="mt-6">
        {/* Below the fold: none of these photos competes with the gallery's. */}
        <ProductGrid
          products={products}
          label={`More from ${shop.name}`}
          empty="This is the only product of the shop for now."
          priorityCount={0}
        />
        {products.length ? (
          <p className="mt-6">
            <Link to={`/shops/${shop.slug}`} className="link">
              Visit {shop.name} →
            </Link>
          </p>
        ) : null}
      </div>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
