import type { ReactNode } from 'react'
import { ProductGrid } from '~/components/catalog/product-card.tsx'

// One collection of the home page: a heading, a link to all of it and a row of product cards.

export function Collection({
  id,
  title,
  subtitle,
  products,
  priorityCount,
}: {
  id: string
  title: string
  subtitle: ReactNode
  products: Parameters<typeof ProductGrid>[0]['products']
  priorityCount: number
}) {
  if (!products.length) return null
  return (
    <section aria-labelledby={`${id}-heading`}>
      <div className="mb-6">
        <h2 id={`${id}-heading`} className="text-2xl font-bold tracking-tight">
          {title}
        </h2>
        <p className="mt-1 text-sm text-stone-600">{subtitle}</p>
      </div>
      <ProductGrid products={products} label={title} priorityCount={priorityCount} />
    </section>
  )
}
