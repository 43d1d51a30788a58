import { formatAmountForInput } from '~/utils/money.ts'
import type { PriceQuote } from './pricing.ts'

// schema.org Product data for a product page: one Offer per priced variant, with the price a
// shopper pays at this moment, its availability, and until when a running discount holds.

type Input = {
  url: string
  currency: string
  product: {
    title: string
    description: string
    brand: { name: string } | null
    shop: { name: string }
    discountEndsAt: Date | string | null
    rating: { count: number; average: number } | null
  }
  breadcrumbs: Array<{ name: string }>
  colors: Array<{ id: string; slug: string; name: string }>
  sizes: Array<{ id: string; label: string }>
  variants: Array<{
    sku: string
    colorId: string
    sizeId: string
    stock: number
    price: PriceQuote | null
  }>
  images?: string[]
}

const IN_STOCK = 'https://schema.org/InStock'
const OUT_OF_STOCK = 'https://schema.org/OutOfStock'

export function productJsonLd({
  url,
  currency,
  product,
  breadcrumbs,
  colors,
  sizes,
  variants,
  images = [],
}: Input) {
  const colorOf = new Map(colors.map((color) => [color.id, color]))
  const sizeOf = new Map(sizes.map((size) => [size.id, size]))
  const offers = variants.flatMap((variant) => {
    if (!variant.price) return []
    const color = colorOf.get(variant.colorId)
    const size = sizeOf.get(variant.sizeId)
    const query = new URLSearchParams({
      ...(color ? { color: color.slug } : {}),
      ...(size ? { size: size.label } : {}),
    })
    return [
      {
        '@type': 'Offer',
        sku: variant.sku,
        name: [color?.name, size?.label].filter(Boolean).join(' / '),
        url: `${url}?${query}`,
        price: formatAmountForInput(variant.price.effective, currency),
        priceCurrency: currency,
        availability: variant.stock > 0 ? IN_STOCK : OUT_OF_STOCK,
        itemCondition: 'https://schema.org/NewCondition',
        ...(variant.price.onSale && product.discountEndsAt
          ? { priceValidUntil: new Date(product.discountEndsAt).toISOString().slice(0, 10) }
          : {}),
        seller: { '@type': 'Organization', name: product.shop.name },
      },
    ]
  })
  const prices = variants.flatMap((variant) => (variant.price ? [variant.price.effective] : []))
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.title,
    ...(product.description ? { description: product.description } : {}),
    url,
    ...(images.length ? { image: images } : {}),
    ...(product.brand ? { brand: { '@type': 'Brand', name: product.brand.name } } : {}),
    ...(breadcrumbs.length ? { category: breadcrumbs.map((crumb) => crumb.name).join(' > ') } : {}),
    ...(product.rating
      ? {
          aggregateRating: {
            '@type': 'AggregateRating',
            ratingValue: product.rating.average.toFixed(1),
            reviewCount: product.rating.count,
          },
        }
      : {}),
    ...(offers.length
      ? {
          offers: {
            '@type': 'AggregateOffer',
            priceCurrency: currency,
            lowPrice: formatAmountForInput(Math.min(...prices), currency),
            highPrice: formatAmountForInput(Math.max(...prices), currency),
            offerCount: offers.length,
            availability: offers.some((offer) => offer.availability === IN_STOCK)
              ? IN_STOCK
              : OUT_OF_STOCK,
            offers,
          },
        }
      : {}),
  }
}
