import type { CSSProperties } from 'react'
import type { ImageView } from '~/services/media/views.ts'

export type ResponsiveImageProps = {
  image: ImageView
  alt: string
  /** How wide the image is shown, per breakpoint, e.g. "(min-width: 1024px) 25vw, 50vw". */
  sizes: string
  /**
   * The page's main image (the first product photo, above the fold): fetched at once with high
   * priority. Everything else loads lazily.
   */
  priority?: boolean
  /** Overrides the loading strategy (e.g. eager for a small image that is always in view, without raising its priority). */
  loading?: 'eager' | 'lazy'
  /** The box's width and height attributes when they differ from the image's (avatars); the aspect follows. */
  width?: number
  height?: number
  /**
   * How the image fills a box of another shape (one given by CSS, e.g. `aspect-[4/5]`): `cover`
   * crops, `contain` letterboxes. The placeholder follows suit.
   */
  fit?: 'cover' | 'contain'
  /** Classes of the <img> (its size, rounding, a background colour for letterboxing). */
  className?: string
  /** Classes of the <picture> wrapper. */
  pictureClassName?: string
}

/**
 * An image from the media service as a <picture>: AVIF, then WebP, then JPEG, each with a
 * srcset so the browser picks the width it needs; width and height set so the layout never
 * shifts; the tiny blurred placeholder painted as the background until the image arrives.
 */
export function ResponsiveImage({
  image,
  alt,
  sizes,
  priority = false,
  loading,
  width,
  height,
  fit,
  className = '',
  pictureClassName,
}: ResponsiveImageProps) {
  const boxWidth = width ?? image.width
  const boxHeight =
    height ?? (width ? Math.round((width * image.height) / image.width) : image.height)
  const style: CSSProperties = {
    objectFit: fit,
    backgroundImage: `url("${image.placeholder}")`,
    backgroundSize: fit ?? 'cover',
    backgroundPosition: 'center',
    backgroundRepeat: 'no-repeat',
  }
  // React 18 does not know fetchPriority yet; the lowercase attribute passes through as is.
  const fetchPriority: Record<string, string> = priority ? { fetchpriority: 'high' } : {}
  return (
    <picture className={pictureClassName}>
      {image.srcSet.avif ? (
        <source type="image/avif" srcSet={image.srcSet.avif} sizes={sizes} />
      ) : null}
      {image.srcSet.webp ? (
        <source type="image/webp" srcSet={image.srcSet.webp} sizes={sizes} />
      ) : null}
      <img
        src={image.src}
        srcSet={image.srcSet.jpeg || undefined}
        sizes={sizes}
        alt={alt}
        width={boxWidth}
        height={boxHeight}
        loading={loading ?? (priority ? 'eager' : 'lazy')}
        decoding={priority ? 'auto' : 'async'}
        {...fetchPriority}
        style={style}
        className={className}
      />
    </picture>
  )
}
