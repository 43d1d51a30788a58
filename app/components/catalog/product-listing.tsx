import type { ReactNode } from 'react'
import type { Sort } from '~/services/catalog/schemas.ts'
import type { Listing } from '~/services/catalog/storefront.server.ts'
import { Pagination } from '~/components/pagination.tsx'
import { ResultCount, SortControl } from './listing-controls.tsx'
import { ProductGrid } from './product-card.tsx'

/**
 * A grid page's body: the count, the sort control, the products and the pages. `aside` is
 * where filters go (the search issue adds facets there); the grid takes the rest of the width.
 */
export function ProductListing({ listing, sort, label, empty, aside }: { listing: Listing; sort: Sort; label: string; empty?: ReactNode; aside?: ReactNode }) {
  return (
    <div className={aside ? 'grid gap-8 lg:grid-cols-[15rem_1fr]' : undefined}>
      {aside ? <aside aria-label="Filters">{aside}</aside> : null}
      <section aria-label={label} className="min-w-0">
        <div className="mb-6 flex flex-wrap items-center justify-between gap-3 border-b border-stone-200 pb-4">
          <ResultCount total={listing.total} capped={listing.totalIsCapped} />
          <SortControl sort={sort} />
        </div>
        <ProductGrid products={listing.items} label={label} empty={empty} />
        <Pagination page={listing.page} pageCount={listing.pageCount} />
      </section>
    </div>
  )
}
