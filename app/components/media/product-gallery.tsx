/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import { useId, useRef, useState, type KeyboardEvent } from 'react'
import { altFor, orderImagesForColor, type ProductImageView } from '~/services/media/views.ts'
import { PhotoPlaceholder } from './photo-placeholder.tsx'
import { ResponsiveImage } from './responsive-image.tsx'

/**
 * The product page gallery: the main photo (fetched with priority) and thumbnails to switch
 * between them with the pointer or the arrow keys. When a colour is picked, that colour's
 * photos come first, then the photos for every colour, then the others. Without photos, a
 * placeholder in the picked colour (`hex`).
 */
export function ProductGallery({
  images,
  productTitle,
  colorId,
  hex,
}: {
  images: ProductImageView[]
  productTitle: string
  colorId?: string | null
  hex?: string
}) {
  const ordered = orderImagesForColor(images, colorId)
  const [selected, setSelected] = useState(0)
  const thumbnails = useRef<Array<HTMLButtonElement | null>>([])
  const headingId = useId()

  // A new colour starts again from its first photo.
  const [shownColor, setShownColor] = useState(colorId)
  if (shownColor !== colorId) {
    setShownColor(colorId)
    setSelected(0)
  }

  if (!ordered.length) {
    return (
      <PhotoPlaceholder
        label={`${productTitle}: no photos yet`}
        title={productTitle}
        hex={hex}
        className="aspect-[4/5] w-full rounded-lg ring-1 ring-stone-200"
      />
    )
  }
  const index = Math.min(selected, ordered.length - 1)
  const current = ordered[index]!
  const select = (next: number) => {
    const wrapped = (next + ordered.length) % ordered.length
    setSelected(wrapped)
    thumbnails.current[wrapped]?.focus()
  }
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowLeft: index - 1,
      ArrowUp: index - 1,
      ArrowRight: index + 1,
      ArrowDown: index + 1,
      Home: 0,
      End: ordered.length - 1,
    }
    const next = moves[event.key]
    if (next === undefined) return
    event.preventDefault()
    select(next)
  }

  return (
    <section aria-labelledby={headingId} className="flex flex-col-reverse gap-3 md:flex-row">
      <h2 id={headingId} className="sr-only">
        Photos of {productTitle}
      </h2>
      {ordered.length > 1 ? (
        <div
          role="toolbar"
          aria-label="Choose a photo"
          className="flex gap-2 overflow-x-auto md:w-20 md:flex-col md:overflow-visible"
          onKeyDown={onKeyDown}
        >
          {ordered.map((image, position) => (
            <button
              key={image.id}
              ref={(element) => {
                thumbnails.current[position] = element
              }}
              type="button"
              onClick={() => setSelected(position)}
              aria-label={`Show photo ${position + 1} of ${ordered.length}`}
              aria-pressed={position === index}
              tabIndex={position === index ? 0 : -1}
              className={`shrink-0 overflow-hidden rounded-md border-2 ${position === index ? 'border-brand-600' : 'border-transparent hover:border-stone-300'}`}
            >
              <ResponsiveImage
                image={image.image}
                alt=""
                sizes="80px"
                fit="cover"
                className="aspect-[4/5] w-16 md:w-full"
              />
            </button>
          ))}
        </div>
      ) : null}
      <figure className="relative flex-1">
        <ResponsiveImage
          key={current.id}
          image={current.image}
          alt={altFor(current, productTitle, index, ordered.length)}
          sizes="(min-width: 1024px) 45vw, (min-width: 768px) 55vw, 100vw"
          // The first photo is the page's largest paint; the others arrive on demand.
          priority={index === 0}
          loading="eager"
          fit="contain"
          className="aspect-[4/5] w-full rounded-lg bg-stone-100"
        />
        {ordered.length > 1 ? (
          <figcaption className="mt-2 text-center text-xs text-stone-500" aria-live="polite">
            Photo {index + 1} of {ordered.length}
          </figcaption>
        ) : null}
      </figure>
    </section>
  )
}

/**
 * A product card's photo: the first one (for the colour, when given), cropped to the card's
 * 4:5 frame, with the second shown on hover where there is one. Without photos, a placeholder
 * in the product's colour (`hex`).
 */
export function ProductCardImage({
  images,
  productTitle,
  colorId,
  hex,
  priority = false,
  sizes = '(min-width: 1280px) 20vw, (min-width: 1024px) 25vw, (min-width: 640px) 33vw, 50vw',
  className = 'aspect-[4/5] w-full rounded-md',
}: {
  images: ProductImageView[]
  productTitle: string
  colorId?: string | null
  hex?: string
  priority?: boolean
  sizes?: string
  /** The frame's size and rounding. */
  className?: string
}) {
  const [first, second] = orderImagesForColor(images, colorId)
  if (!first)
    return (
      <PhotoPlaceholder label={productTitle} title={productTitle} hex={hex} className={className} />
    )
  return (
    <div className={`group/card-image relative overflow-hidden bg-stone-100 ${className}`}>
      <ResponsiveImage
        image={first.image}
        alt={altFor(first, productTitle, 0, 1)}
        sizes={sizes}
        priority={priority}
        fit="cover"
        className="h-full w-full"
      />
      {second ? (
        <ResponsiveImage
          image={second.image}
          alt=""
          sizes={sizes}
          fit="cover"
          className="absolute inset-0 h-full w-full opacity-0 transition-opacity duration-300 group-hover/card-image:opacity-100"
        />
      ) : null}
    </div>
  )
}
