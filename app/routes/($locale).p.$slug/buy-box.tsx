import type { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Price } from '~/components/catalog/price.tsx'
import {
  BackInStockForm,
  type BackInStockActionData,
} from '~/components/wishlist/back-in-stock.tsx'
import { SaveButton } from '~/components/wishlist/save-button.tsx'
import { selectVariant, stockMessage } from '~/services/catalog/variant-selection.ts'
import { withParams } from '~/utils/search-params.ts'
import { AddToCart, cannotAddReason } from './add-to-cart.tsx'
import { ProductFacts, ProductHeading, SaleEnds } from './product-sections.tsx'
import type { loader } from './route.tsx'
import { VariantPicker } from './variant-picker.tsx'

// The product page's buy box: heading, price, colour and size, add to cart, save, "email me when
// it's back", the stock line and the facts. The chosen colour and size live in the query string.

type PageData = ReturnType<typeof useLoaderData<typeof loader>>

/** The colour, size and variant the query string chooses (the gallery follows the colour). */
export function useSelection(
  { colors, sizes, variants }: Pick<PageData, 'colors' | 'sizes' | 'variants'>,
  params: URLSearchParams,
) {
  return selectVariant(
    { colors, sizes, variants },
    { color: params.get('color'), size: params.get('size') },
  )
}

export function BuyBox({
  data,
  selection,
  params,
  backInStock,
}: {
  data: PageData
  selection: ReturnType<typeof useSelection>
  params: URLSearchParams
  backInStock: BackInStockActionData | undefined
}) {
  const { t } = useTranslation('product')
  const { product, sizes, variants, breadcrumbs, preview, price, priceRange, viewer, waitingFor } =
    data
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
          signedIn={viewer.signedIn}
          subscribed={waitingFor.includes(selection.variant.id)}
          actionData={backInStock}
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
  )
}
