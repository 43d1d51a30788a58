// A product picture, or until the product has photos a placeholder panel in its colour with
// its initial. Pass `image` (from the media service) to show a real photo in the same frame.

export type ProductImageData = { src: string; alt: string; srcSet?: string; width?: number; height?: number }

/** Dark text on light swatches, light text on dark ones (WCAG relative luminance). */
export function readableOn(hex: string) {
  const [r, g, b] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.4 ? '#1c1917' : '#ffffff'
}

export function ProductImage({
  title,
  image = null,
  hex = '#e7e5e4',
  sizes = '(min-width: 1024px) 25vw, (min-width: 640px) 33vw, 50vw',
  priority = false,
  className = '',
}: {
  title: string
  image?: ProductImageData | null
  /** The swatch the placeholder takes its colour from. */
  hex?: string
  sizes?: string
  priority?: boolean
  className?: string
}) {
  if (image) {
    return (
      <img
        src={image.src}
        srcSet={image.srcSet}
        sizes={sizes}
        alt={image.alt}
        width={image.width}
        height={image.height}
        loading={priority ? 'eager' : 'lazy'}
        fetchPriority={priority ? 'high' : undefined}
        className={`h-full w-full object-cover ${className}`}
      />
    )
  }
  const ink = readableOn(hex)
  const initial = Array.from(title.trim())[0]?.toUpperCase() ?? '?'
  return (
    <div
      role="img"
      aria-label={`${title} (no photo yet)`}
      className={`flex h-full w-full items-center justify-center ${className}`}
      style={{ background: `linear-gradient(145deg, ${hex} 0%, ${hex} 55%, color-mix(in srgb, ${hex} 80%, ${ink}) 100%)`, color: ink }}
    >
      <span aria-hidden className="select-none text-5xl font-light tracking-tight opacity-70 sm:text-6xl">
        {initial}
      </span>
    </div>
  )
}
