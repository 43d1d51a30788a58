import { useId, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useHydrated } from '~/utils/use-hydrated.ts'
import { altFor, orderImagesForColor, type ProductImageView } from '~/services/media/views.ts'
import { PhotoPlaceholder } from './photo-placeholder.tsx'
import { ResponsiveImage } from './responsive-image.tsx'

/**
 * The product page gallery: the main photo (fetched with priority) with previous and next
 * buttons, and thumbnails to switch between them with the pointer or the arrow keys. Left and
 * right follow the page's reading direction: on a Persian page the next photo is to the left. When a colour is picked, that colour's
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
  const { t, i18n } = useTranslation('product')
  const rtl = i18n.dir() === 'rtl'
  const hydrated = useHydrated()
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
        label={t('gallery.noPhotos', { title: productTitle })}
        title={productTitle}
        hex={hex}
        className="aspect-[4/5] w-full rounded-lg ring-1 ring-stone-200"
      />
    )
  }
  const index = Math.min(selected, ordered.length - 1)
  const current = ordered[index]!
  const wrap = (next: number) => (next + ordered.length) % ordered.length
  const select = (next: number) => {
    const wrapped = wrap(next)
    setSelected(wrapped)
    thumbnails.current[wrapped]?.focus()
  }
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      // The arrow pointing where the line goes next means "next".
      ArrowLeft: rtl ? index + 1 : index - 1,
      ArrowRight: rtl ? index - 1 : index + 1,
      ArrowUp: index - 1,
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
        {t('gallery.photosOf', { title: productTitle })}
      </h2>
      {ordered.length > 1 ? (
        <div
          role="toolbar"
          aria-label={t('gallery.choose')}
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
              aria-label={t('gallery.show', { position: position + 1, total: ordered.length })}
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
      <figure className="min-w-0 flex-1">
        <div className="relative">
          <ResponsiveImage
            key={current.id}
            image={current.image}
            alt={
              current.alt.trim() ||
              (ordered.length > 1
                ? t('gallery.alt', {
                    title: productTitle,
                    position: index + 1,
                    total: ordered.length,
                  })
                : productTitle)
            }
            sizes="(min-width: 1024px) 45vw, (min-width: 768px) 55vw, 100vw"
            // The first photo is the page's largest paint; the others arrive on demand.
            priority={index === 0}
            loading="eager"
            fit="contain"
            className="aspect-[4/5] w-full rounded-lg bg-stone-100"
          />
          {/* Previous at the start of the line, next at its end: they swap sides in RTL. They
              need JavaScript, so they appear once the page has it. */}
          {ordered.length > 1 && hydrated ? (
            <>
              <StepButton
                to="previous"
                label={t('gallery.previous')}
                onClick={() => setSelected(wrap(index - 1))}
              />
              <StepButton
                to="next"
                label={t('gallery.next')}
                onClick={() => setSelected(wrap(index + 1))}
              />
            </>
          ) : null}
        </div>
        {ordered.length > 1 ? (
          <figcaption className="mt-2 text-center text-xs text-stone-500" aria-live="polite">
            {t('gallery.position', { position: index + 1, total: ordered.length })}
          </figcaption>
        ) : null}
      </figure>
    </section>
  )
}

/** A round button over the photo's edge, its chevron pointing the way it moves (mirrored in RTL). */
function StepButton({
  to,
  label,
  onClick,
}: {
  to: 'previous' | 'next'
  label: string
  onClick: () => void
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={label}
      data-testid={`gallery-${to}`}
      className={`absolute top-1/2 -translate-y-1/2 ${to === 'previous' ? 'start-2' : 'end-2'} flex size-10 items-center justify-center rounded-full bg-white/85 text-stone-800 shadow ring-1 ring-stone-200 hover:bg-white focus-visible:outline-2 focus-visible:outline-brand-600`}
    >
      <svg
        aria-hidden
        viewBox="0 0 20 20"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        className="size-5 rtl:-scale-x-100"
      >
        <path d={to === 'previous' ? 'M12.5 4.5 7 10l5.5 5.5' : 'M7.5 4.5 13 10l-5.5 5.5'} />
      </svg>
    </button>
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
      {/* The second photo shows on hover, so only screens with a hovering pointer lay it out: a
          lazy image that is not displayed is never fetched, so phones do not download it. */}
      {second ? (
        <ResponsiveImage
          image={second.image}
          alt=""
          sizes={sizes}
          fit="cover"
          className="absolute inset-0 hidden h-full w-full opacity-0 transition-opacity duration-300 group-hover/card-image:opacity-100 [@media(hover:hover)]:block"
        />
      ) : null}
    </div>
  )
}
