// What stands where a product photo would be while the product has none: a panel in the
// product's (or the picked) colour with the title's initial, so grids and pages still look
// like a shop.

/** Dark text on light swatches, light text on dark ones (WCAG relative luminance). */
export function readableOn(hex: string) {
  const [r, g, b] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.4 ? '#1c1917' : '#ffffff'
}

export const PLACEHOLDER_HEX = '#e7e5e4'

export function PhotoPlaceholder({
  label,
  title,
  hex = PLACEHOLDER_HEX,
  className = '',
}: {
  label: string
  title: string
  hex?: string
  className?: string
}) {
  const ink = readableOn(hex)
  const initial = Array.from(title.trim())[0]?.toUpperCase() ?? '?'
  return (
    <div
      role="img"
      aria-label={label}
      data-testid="photo-placeholder"
      className={`flex items-center justify-center ${className}`}
      style={{
        background: `linear-gradient(145deg, ${hex} 0%, ${hex} 55%, color-mix(in srgb, ${hex} 80%, ${ink}) 100%)`,
        color: ink,
      }}
    >
      <span
        aria-hidden
        className="text-5xl font-light tracking-tight opacity-70 select-none sm:text-6xl"
      >
        {initial}
      </span>
    </div>
  )
}
