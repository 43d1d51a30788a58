import { Link } from '@remix-run/react'
import { hasHighlight } from '~/services/search/highlight.ts'
import type { ProductHit } from '~/services/search/search.server.ts'
import { Highlighted } from './highlighted.tsx'
import { Price } from './price.tsx'
import { swatchColor } from './swatch.ts'

// A search result as a product card. (Phase 2 swaps in the catalog's ProductCard; this one
// shows what a card needs from a search document.)

const MAX_SWATCHES = 5

export function ProductResultCard({ hit, currency, priority = false }: { hit: ProductHit; currency: string; priority?: boolean }) {
  const swatches = hit.swatches.slice(0, MAX_SWATCHES)
  const moreColours = hit.swatches.length - swatches.length
  return (
    <article className="group relative flex flex-col" data-testid="search-result">
      <div className="relative aspect-[4/5] overflow-hidden rounded-lg bg-stone-100">
        {hit.image ? (
          <img
            src={hit.image.url}
            alt={hit.image.alt}
            width={hit.image.width}
            height={hit.image.height}
            loading={priority ? 'eager' : 'lazy'}
            className="h-full w-full object-cover transition-transform duration-300 group-hover:scale-105"
          />
        ) : (
          <Placeholder hex={hit.swatches[0]?.hex} title={hit.title} />
        )}
        <div className="absolute left-2 top-2 flex flex-col items-start gap-1">
          {hit.onSale && hit.percentOff ? <span className="rounded bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white">−{hit.percentOff}%</span> : null}
          {!hit.inStock ? <span className="rounded bg-stone-800/80 px-2 py-0.5 text-xs font-semibold text-white">Out of stock</span> : null}
        </div>
      </div>
      <div className="mt-3 flex flex-1 flex-col gap-1">
        {hit.brandName ? <p className="text-xs font-semibold uppercase tracking-wide text-stone-500">{hit.brandName}</p> : null}
        <h3 className="text-sm font-medium leading-snug text-stone-900">
          {/* The link covers the whole card, so the card is one target for mouse, touch and keyboard. */}
          <Link to={`/p/${hit.slug}`} className="after:absolute after:inset-0 after:rounded-lg focus-visible:outline-none group-focus-within:underline">
            <Highlighted text={hit.highlightedTitle} />
          </Link>
        </h3>
        {/* The description's matching words, when the title itself did not match. */}
        {hit.snippet && !hasHighlight(hit.highlightedTitle) ? (
          <p className="line-clamp-2 text-xs text-stone-500">
            <Highlighted text={hit.snippet} />
          </p>
        ) : null}
        <Price price={hit.price} regularPrice={hit.regularPrice} currency={currency} className="mt-auto pt-1" />
        <div className="flex items-center justify-between gap-2">
          {swatches.length ? (
            <p className="flex items-center gap-1">
              <span className="sr-only">Colours: {hit.swatches.map((swatch) => swatch.name).join(', ')}</span>
              {swatches.map((swatch) => (
                <span key={swatch.slug} aria-hidden className="size-3.5 rounded-full border border-stone-300" style={{ backgroundColor: swatchColor(swatch.hex) }} />
              ))}
              {moreColours > 0 ? <span aria-hidden className="text-xs text-stone-500">+{moreColours}</span> : null}
            </p>
          ) : (
            <span />
          )}
          {hit.ratingCount > 0 ? (
            <p className="text-xs text-stone-600">
              <span aria-hidden className="text-amber-500">
                ★
              </span>{' '}
              {hit.rating.toFixed(1)}
              <span className="sr-only"> out of 5 from</span> ({hit.ratingCount}
              <span className="sr-only"> reviews</span>)
            </p>
          ) : null}
        </div>
      </div>
    </article>
  )
}

function Placeholder({ hex, title }: { hex?: string; title: string }) {
  const initials = title
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('')
  return (
    <div
      aria-hidden
      className="flex h-full w-full items-center justify-center text-3xl font-semibold tracking-wide text-stone-500/70"
      style={{ background: `linear-gradient(135deg, #f5f5f4 0%, ${swatchColor(hex)} 160%)` }}
    >
      {initials}
    </div>
  )
}
