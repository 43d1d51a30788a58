// Small tools for drawing the demo catalogue's product photos as SVG: colours, outlines with
// soft corners, mirrored halves, and a canvas that collects <defs> under unique ids. Shading is
// done with gradients and strokes, not filters: librsvg's blur costs hundreds of milliseconds
// per photo, a gradient almost nothing.

export const WIDTH = 800
export const HEIGHT = 1000
export const CX = WIDTH / 2

export type Point = readonly [x: number, y: number, radius?: number]
export type Box = { x: number; y: number; width: number; height: number }

// ---------------------------------------------------------------- colour

type Rgb = [number, number, number]

function parse(hex: string): Rgb {
  const value = hex.replace('#', '')
  return [0, 2, 4].map((start) => parseInt(value.slice(start, start + 2), 16)) as Rgb
}

function format([r, g, b]: Rgb) {
  return `#${[r, g, b]
    .map((channel) =>
      Math.round(Math.min(255, Math.max(0, channel)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`
}

/** `a` moved towards `b` by `t` (0..1). */
export function mix(a: string, b: string, t: number) {
  const [x, y] = [parse(a), parse(b)]
  return format([0, 1, 2].map((i) => x[i]! + (y[i]! - x[i]!) * t) as Rgb)
}

export const darken = (hex: string, t: number) => mix(hex, '#000000', t)
export const lighten = (hex: string, t: number) => mix(hex, '#ffffff', t)

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance(hex: string) {
  const [r, g, b] = parse(hex).map((channel) => {
    const c = channel / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as Rgb
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** Thread, piping and print colours that read against the fabric without shouting. */
export function contrast(hex: string, amount = 0.35) {
  return luminance(hex) > 0.35 ? darken(hex, amount) : lighten(hex, amount)
}

// ---------------------------------------------------------------- geometry

const round = (value: number) => Math.round(value * 10) / 10

/**
 * A closed outline through the points, each corner rounded by its radius (third value): a
 * quadratic curve from a point `radius` before the corner to one `radius` after it.
 */
export function outline(points: readonly Point[], closed = true) {
  const count = points.length
  const parts: string[] = []
  for (let index = 0; index < count; index++) {
    const [x, y, radius = 0] = points[index]!
    const isEnd = !closed && (index === 0 || index === count - 1)
    if (!radius || isEnd) {
      parts.push(`${parts.length ? 'L' : 'M'}${round(x)} ${round(y)}`)
      continue
    }
    const previous = points[(index - 1 + count) % count]!
    const next = points[(index + 1) % count]!
    const toward = (other: Point) => {
      const dx = other[0] - x
      const dy = other[1] - y
      const length = Math.hypot(dx, dy) || 1
      const cut = Math.min(radius, length / 2)
      return [x + (dx / length) * cut, y + (dy / length) * cut] as const
    }
    const [ax, ay] = toward(previous)
    const [bx, by] = toward(next)
    parts.push(`${parts.length ? 'L' : 'M'}${round(ax)} ${round(ay)}`)
    parts.push(`Q${round(x)} ${round(y)} ${round(bx)} ${round(by)}`)
  }
  return parts.join('') + (closed ? 'Z' : '')
}

/** The point mirrored across the vertical centre line. */
export const mirror = ([x, y, radius]: Point, centre = CX): Point => [2 * centre - x, y, radius]

/**
 * A symmetric outline from its right half, given clockwise from the top centre to the bottom
 * centre: the left half is the mirror image, walked back up.
 */
export function symmetric(right: readonly Point[], centre = CX) {
  const left = [...right]
    .reverse()
    .filter(([x]) => Math.abs(x - centre) > 0.5)
    .map((point) => mirror(point, centre))
  return [...right, ...left]
}

export function boxOf(points: readonly Point[]): Box {
  const xs = points.map(([x]) => x)
  const ys = points.map(([, y]) => y)
  const x = Math.min(...xs)
  const y = Math.min(...ys)
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y }
}

/** A point on the straight line from a to b. */
export const lerp = (a: readonly [number, number], b: readonly [number, number], t: number) =>
  [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t] as const

// ---------------------------------------------------------------- canvas

/** Collects the drawing and its <defs>, handing out ids that are unique within the picture. */
export class Canvas {
  private defs: string[] = []
  private parts: string[] = []
  private next = 0
  private tiles = new Map<string, string>()

  id(prefix: string) {
    this.next += 1
    return `${prefix}${this.next}`
  }

  def(markup: string) {
    this.defs.push(markup)
  }

  add(...markup: string[]) {
    this.parts.push(...markup)
  }

  /** A clip path of the outlines (their union), returning its url(). */
  clip(...paths: string[]) {
    const id = this.id('c')
    this.def(`<clipPath id="${id}">${paths.map((d) => `<path d="${d}"/>`).join('')}</clipPath>`)
    return `url(#${id})`
  }

  /** A linear gradient in user space from (x1, y1) to (x2, y2); stops are [offset, colour, opacity]. */
  linear(
    [x1, y1, x2, y2]: readonly [number, number, number, number],
    stops: ReadonlyArray<readonly [number, string, number]>,
  ) {
    const id = this.id('g')
    this.def(
      `<linearGradient id="${id}" gradientUnits="userSpaceOnUse" x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}">${stopsOf(stops)}</linearGradient>`,
    )
    return `url(#${id})`
  }

  /** A radial gradient in user space; `ry` squashes it into an ellipse. */
  radial(
    cx: number,
    cy: number,
    r: number,
    stops: ReadonlyArray<readonly [number, string, number]>,
    ry = r,
  ) {
    const id = this.id('g')
    const transform =
      ry === r
        ? ''
        : ` gradientTransform="translate(${round(cx)} ${round(cy)}) scale(1 ${round(ry / r)}) translate(${round(-cx)} ${round(-cy)})"`
    this.def(
      `<radialGradient id="${id}" gradientUnits="userSpaceOnUse" cx="${round(cx)}" cy="${round(cy)}" r="${round(r)}"${transform}>${stopsOf(stops)}</radialGradient>`,
    )
    return `url(#${id})`
  }

  /** A radial falloff from `colour` at the centre to nothing at the edge, shared by every use. */
  soft(colour: string) {
    const known = this.tiles.get(`soft:${colour}`)
    if (known) return known
    const id = this.id('s')
    this.def(
      `<radialGradient id="${id}"><stop offset="0" stop-color="${colour}" stop-opacity="1"/><stop offset="0.45" stop-color="${colour}" stop-opacity="0.55"/><stop offset="1" stop-color="${colour}" stop-opacity="0"/></radialGradient>`,
    )
    this.tiles.set(`soft:${colour}`, `url(#${id})`)
    return `url(#${id})`
  }

  /** An image tile repeated over user space (texture), returning its url(); defined once per picture. */
  tile(href: string, size: number) {
    const known = this.tiles.get(`${size}:${href}`)
    if (known) return known
    const id = this.id('t')
    this.def(
      `<pattern id="${id}" width="${size}" height="${size}" patternUnits="userSpaceOnUse"><image width="${size}" height="${size}" href="${href}" preserveAspectRatio="none"/></pattern>`,
    )
    this.tiles.set(`${size}:${href}`, `url(#${id})`)
    return `url(#${id})`
  }

  svg(viewBox: Box, size: { width: number; height: number }) {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="${round(viewBox.x)} ${round(viewBox.y)} ${round(viewBox.width)} ${round(viewBox.height)}"><defs>${this.defs.join('')}</defs>${this.parts.join('')}</svg>`
  }
}

function stopsOf(stops: ReadonlyArray<readonly [number, string, number]>) {
  return stops
    .map(
      ([offset, colour, opacity]) =>
        `<stop offset="${round(offset)}" stop-color="${colour}" stop-opacity="${round(opacity * 1000) / 1000}"/>`,
    )
    .join('')
}
