const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i

/** A palette colour safe to put in a style attribute (anything but #rgb / #rrggbb becomes grey). */
export function swatchColor(hex: string | undefined) {
  return hex && HEX.test(hex) ? hex : '#d6d3d1'
}

/** True for colours so light that a swatch needs a visible border and dark text on top. */
export function isLight(hex: string | undefined) {
  const color = swatchColor(hex).slice(1)
  const full = color.length === 3 ? [...color].map((c) => c + c).join('') : color
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16))
  return 0.299 * r! + 0.587 * g! + 0.114 * b! > 200
}
