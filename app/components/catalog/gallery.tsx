import { useState } from 'react'
import { ProductImage, type ProductImageData } from './product-image.tsx'

export type GalleryItem = ProductImageData & { id: string; colorId?: string | null }

/**
 * The product page's pictures: a main image and thumbnails to switch between them. With no
 * photos yet it shows the placeholder in the chosen colour. The media service fills `items`
 * (and orders them so the chosen colour's photos come first).
 */
export function ProductGallery({ title, items, hex }: { title: string; items: GalleryItem[]; hex?: string }) {
  const [index, setIndex] = useState(0)
  const current = items[Math.min(index, items.length - 1)] ?? null
  return (
    <div className="flex flex-col gap-3">
      <div className="aspect-[4/5] overflow-hidden rounded-xl bg-stone-100 ring-1 ring-stone-200">
        <ProductImage title={title} image={current} hex={hex} priority sizes="(min-width: 1024px) 50vw, 100vw" />
      </div>
      {items.length > 1 ? (
        <ul className="flex gap-2 overflow-x-auto" aria-label="Product photos">
          {items.map((item, position) => (
            <li key={item.id}>
              <button
                type="button"
                onClick={() => setIndex(position)}
                aria-label={`Show photo ${position + 1} of ${items.length}`}
                aria-pressed={position === index}
                className="h-20 w-16 overflow-hidden rounded-md ring-1 ring-stone-200 aria-pressed:ring-2 aria-pressed:ring-ink"
              >
                <ProductImage title={title} image={{ ...item, alt: '' }} sizes="64px" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
