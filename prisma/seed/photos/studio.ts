import {
  CX,
  type Canvas,
  HEIGHT,
  WIDTH,
  contrast,
  darken,
  lighten,
  luminance,
  mix,
  type Box,
} from './svg.ts'
import { TILE_UNITS, type Texture } from './textures.ts'

// The photo studio: backdrops, light, shadows and the surface of materials. A drawing (a dress,
// a boot) describes its pieces; the studio paints each in the product's colour with its weave,
// the key light from the upper left, soft shadow along its edges and folds, and sets it on a
// backdrop with a shadow beneath.

export type Surface = {
  texture: Texture
  /** 0 for matte wool, up to 1 for silk, patent leather or nylon: how much the light glances. */
  sheen: number
}

/** Backdrop tones: each shop photographs on its own, as real sellers do. */
export const BACKDROPS = [
  { top: '#f4f2ef', bottom: '#e4dfd8' },
  { top: '#f1f2f3', bottom: '#dfe1e4' },
  { top: '#f6f1ea', bottom: '#e8dccd' },
  { top: '#eef0ec', bottom: '#dde1d8' },
  { top: '#f5efef', bottom: '#e6dbda' },
  { top: '#f3f3f1', bottom: '#e2e2dd' },
] as const

export type Backdrop = (typeof BACKDROPS)[number]

export type ClothOptions = {
  colour?: string
  texture?: Texture | null
  /** Extra darkness (0..1): linings, the inside of a collar, the far shoe of a pair. */
  shade?: number
  /** How strong the darkening along the edges is (1 = normal). */
  edge?: number
  sheen?: number
  /** Markup printed on the cloth under its weave and light (stripes, checks, quilting). */
  print?: string
}

export class Studio {
  constructor(
    readonly canvas: Canvas,
    readonly colour: string,
    readonly surface: Surface,
    private readonly tiles: Partial<Record<Texture, string>>,
  ) {}

  get thread() {
    return contrast(this.colour, 0.22)
  }

  /** A surface of the product: fill, weave, light across its box, shadow along its edges. */
  cloth(d: string, box: Box, options: ClothOptions = {}) {
    const canvas = this.canvas
    const colour = options.colour ?? this.colour
    const texture = options.texture === undefined ? this.surface.texture : options.texture
    const sheen = options.sheen ?? this.surface.sheen
    const clip = canvas.clip(d)
    const dark = 1 - luminance(colour)
    const highlight = 0.05 + 0.15 * dark
    const shadow = 0.12 + 0.16 * dark
    const parts = [`<path d="${d}" fill="${colour}"/>`, `<g clip-path="${clip}">`]
    if (options.print) parts.push(options.print)
    const tile = texture ? this.tiles[texture] : undefined
    if (texture && tile) {
      const size = TILE_UNITS[texture]
      parts.push(
        `<rect x="${box.x - 2}" y="${box.y - 2}" width="${box.width + 4}" height="${box.height + 4}" fill="${canvas.tile(tile, size)}"/>`,
      )
    }
    const light = canvas.linear(
      [box.x, box.y, box.x + box.width * 0.9, box.y + box.height],
      [
        [0, '#ffffff', highlight],
        [0.25 + 0.1 * sheen, '#ffffff', highlight * 0.35 + 0.12 * sheen],
        [0.5, '#ffffff', 0],
        [0.8, '#000000', shadow * 0.6],
        [1, '#000000', shadow],
      ],
    )
    parts.push(
      `<rect x="${box.x - 2}" y="${box.y - 2}" width="${box.width + 4}" height="${box.height + 4}" fill="${light}"/>`,
    )
    if (options.shade)
      parts.push(`<path d="${d}" fill="#000" fill-opacity="${options.shade.toFixed(3)}"/>`)
    const edge = options.edge ?? 1
    if (edge > 0) {
      // Nested strokes, each a little darker towards the edge: a smooth falloff without a blur.
      for (const [width, alpha] of EDGE_FALLOFF)
        parts.push(
          `<path d="${d}" fill="none" stroke="#000" stroke-opacity="${(alpha * edge).toFixed(3)}" stroke-width="${width}" stroke-linejoin="round"/>`,
        )
    }
    parts.push('</g>')
    canvas.add(...parts)
    return clip
  }

  /**
   * A soft crease from `from` to `to`, `width` across: `strength` above 0 is a shadow, below 0
   * a highlight. An ellipse with a radial falloff, drawn inside `clip` (the piece it belongs to).
   */
  fold(
    clip: string,
    from: readonly [number, number],
    to: readonly [number, number],
    width: number,
    strength: number,
  ) {
    const [x1, y1] = from
    const [x2, y2] = to
    const length = Math.hypot(x2 - x1, y2 - y1) || 1
    const angle = (Math.atan2(y2 - y1, x2 - x1) * 180) / Math.PI
    const cx = (x1 + x2) / 2
    const cy = (y1 + y2) / 2
    const fill = this.canvas.soft(strength > 0 ? '#000000' : '#ffffff')
    this.canvas.add(
      `<g clip-path="${clip}"><ellipse cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" rx="${(length / 2).toFixed(1)}" ry="${(width / 2).toFixed(1)}" transform="rotate(${angle.toFixed(1)} ${cx.toFixed(1)} ${cy.toFixed(1)})" fill="${fill}" fill-opacity="${Math.min(1, Math.abs(strength)).toFixed(3)}"/></g>`,
    )
  }

  /** A sewn seam: a dark groove with a lighter ridge beside it. */
  seam(d: string, clip?: string, strength = 1) {
    const clipped = clip ? ` clip-path="${clip}"` : ''
    this.canvas.add(
      `<path${clipped} d="${d}" fill="none" stroke="#000" stroke-opacity="${(0.28 * strength).toFixed(2)}" stroke-width="2.4" stroke-linecap="round"/>`,
      `<path${clipped} d="${d}" fill="none" stroke="#fff" stroke-opacity="${(0.12 * strength).toFixed(2)}" stroke-width="1.6" transform="translate(1.6 1.6)" stroke-linecap="round"/>`,
    )
  }

  /** Visible stitching along a path (topstitching, hems). */
  stitch(
    d: string,
    {
      colour = this.thread,
      width = 1.8,
      clip,
    }: { colour?: string; width?: number; clip?: string } = {},
  ) {
    const clipped = clip ? ` clip-path="${clip}"` : ''
    this.canvas.add(
      `<path${clipped} d="${d}" fill="none" stroke="${colour}" stroke-opacity="0.85" stroke-width="${width}" stroke-dasharray="${(width * 3.6).toFixed(1)} ${(width * 2.4).toFixed(1)}" stroke-linecap="round"/>`,
    )
  }

  /** A round button with a rim and holes, lit from the upper left. */
  button(x: number, y: number, r: number, colour = this.buttonColour) {
    const face = this.canvas.radial(x - r * 0.4, y - r * 0.4, r * 1.6, [
      [0, lighten(colour, 0.35), 1],
      [0.6, colour, 1],
      [1, darken(colour, 0.35), 1],
    ])
    this.canvas.add(
      `<circle cx="${x + r * 0.25}" cy="${y + r * 0.35}" r="${r * 1.05}" fill="#000" fill-opacity="0.22"/>`,
      `<circle cx="${x}" cy="${y}" r="${r}" fill="${face}" stroke="${darken(colour, 0.3)}" stroke-width="${(r * 0.12).toFixed(1)}"/>`,
      `<circle cx="${x}" cy="${y}" r="${r * 0.62}" fill="none" stroke="#000" stroke-opacity="0.18" stroke-width="${(r * 0.12).toFixed(1)}"/>`,
      ...[
        [-1, -1],
        [1, -1],
        [-1, 1],
        [1, 1],
      ].map(
        ([dx, dy]) =>
          `<circle cx="${x + dx! * r * 0.22}" cy="${y + dy! * r * 0.22}" r="${r * 0.1}" fill="${darken(colour, 0.55)}"/>`,
      ),
    )
  }

  get buttonColour() {
    const l = luminance(this.colour)
    return l > 0.5
      ? mix(this.colour, '#8a7f72', 0.35)
      : l < 0.05
        ? '#2b2724'
        : darken(this.colour, 0.3)
  }

  /** A polished metal fill (buckles, rivets, zip pulls, jewellery). */
  metal(kind: Metal, box: Box) {
    const [light, mid, dark] = METALS[kind]
    return this.canvas.linear(
      [box.x, box.y, box.x + box.width, box.y + box.height],
      [
        [0, mid, 1],
        [0.22, light, 1],
        [0.45, mid, 1],
        [0.7, dark, 1],
        [0.85, mid, 1],
        [1, light, 1],
      ],
    )
  }

  /** A rivet or press stud. */
  rivet(x: number, y: number, r: number, kind: Metal = 'copper') {
    const fill = this.metal(kind, { x: x - r, y: y - r, width: r * 2, height: r * 2 })
    this.canvas.add(
      `<circle cx="${x + 1}" cy="${y + 1.5}" r="${r}" fill="#000" fill-opacity="0.25"/>`,
      `<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}" stroke="${METALS[kind][2]}" stroke-width="1"/>`,
    )
  }

  /** A zip from (x, y1) to (x, y2) with its pull at the top. */
  zip(x: number, y1: number, y2: number, kind: Metal = 'silver') {
    const [, mid, dark] = METALS[kind]
    const fill = this.metal(kind, { x: x - 9, y: y1, width: 18, height: 44 })
    this.canvas.add(
      `<path d="M${x} ${y1}V${y2}" stroke="${darken(this.colour, 0.35)}" stroke-width="12"/>`,
      `<path d="M${x} ${y1}V${y2}" stroke="${mid}" stroke-width="7" stroke-dasharray="2.2 2.2"/>`,
      `<path d="M${x} ${y1}V${y2}" stroke="${dark}" stroke-width="1"/>`,
      `<rect x="${x - 7}" y="${y1 + 2}" width="14" height="20" rx="3" fill="${fill}" stroke="${dark}" stroke-width="1"/>`,
      `<rect x="${x - 5}" y="${y1 + 20}" width="10" height="26" rx="4" fill="${fill}" stroke="${dark}" stroke-width="1"/>`,
      `<rect x="${x - 2}" y="${y1 + 28}" width="4" height="12" rx="2" fill="${dark}" fill-opacity="0.7"/>`,
    )
  }
}

const EDGE_FALLOFF = [
  [44, 0.025],
  [32, 0.03],
  [22, 0.035],
  [13, 0.04],
  [6, 0.05],
  [2.5, 0.08],
] as const

export type Metal = 'silver' | 'gold' | 'brass' | 'copper' | 'gunmetal'

export const METALS: Record<Metal, [light: string, mid: string, dark: string]> = {
  silver: ['#f4f5f7', '#bfc3c9', '#7d838c'],
  gold: ['#fff1b8', '#d9ad4a', '#94691b'],
  brass: ['#f3dd9b', '#b99443', '#74561d'],
  copper: ['#f3c3a0', '#b87341', '#6f3f1f'],
  gunmetal: ['#a3a7ad', '#5b6068', '#2f3238'],
}

// ---------------------------------------------------------------- backdrop and framing

/** The backdrop: a paper sweep, lighter behind the product, falling off to the corners. */
export function backdrop(canvas: Canvas, tone: Backdrop, horizon = 0.78) {
  const sweep = canvas.linear(
    [0, 0, 0, HEIGHT],
    [
      [0, tone.top, 1],
      [horizon, mix(tone.top, tone.bottom, 0.55), 1],
      [1, tone.bottom, 1],
    ],
  )
  const glow = canvas.radial(CX, HEIGHT * 0.42, WIDTH * 0.7, [
    [0, '#ffffff', 0.5],
    [0.6, '#ffffff', 0.12],
    [1, '#ffffff', 0],
  ])
  canvas.add(
    `<rect x="-200" y="-200" width="${WIDTH + 400}" height="${HEIGHT + 400}" fill="${sweep}"/>`,
    `<rect x="-200" y="-200" width="${WIDTH + 400}" height="${HEIGHT + 400}" fill="${glow}"/>`,
  )
}

/** A shadow cast by a garment lying flat: its silhouette, shifted and softened. */
export function dropShadow(canvas: Canvas, paths: string[], dx = 5, dy = 10, strength = 1) {
  const d = paths.join('')
  const layers = [
    [26, 0.02],
    [14, 0.03],
    [6, 0.04],
  ] as const
  canvas.add(
    `<g transform="translate(${dx} ${dy})" stroke-linejoin="round">`,
    `<path d="${d}" fill="#000" fill-opacity="${(0.07 * strength).toFixed(3)}"/>`,
    ...layers.map(
      ([width, alpha]) =>
        `<path d="${d}" fill="none" stroke="#000" stroke-opacity="${(alpha * strength).toFixed(3)}" stroke-width="${width}"/>`,
    ),
    '</g>',
  )
}

/** The shadow under something standing on the floor: a dark core and a wide soft falloff. */
export function contactShadow(canvas: Canvas, cx: number, cy: number, rx: number, ry: number) {
  const wide = canvas.radial(
    cx,
    cy,
    rx * 1.25,
    [
      [0, '#000000', 0.2],
      [0.55, '#000000', 0.08],
      [1, '#000000', 0],
    ],
    ry * 2.2,
  )
  const core = canvas.radial(
    cx,
    cy,
    rx * 0.9,
    [
      [0, '#000000', 0.32],
      [0.7, '#000000', 0.12],
      [1, '#000000', 0],
    ],
    ry * 0.7,
  )
  canvas.add(
    `<ellipse cx="${cx}" cy="${cy}" rx="${rx * 1.25}" ry="${ry * 2.2}" fill="${wide}"/>`,
    `<ellipse cx="${cx}" cy="${cy}" rx="${rx * 0.9}" ry="${ry * 0.7}" fill="${core}"/>`,
  )
}

/** A lens vignette over the whole frame. */
export function vignette(canvas: Canvas, box: Box) {
  const cx = box.x + box.width / 2
  const cy = box.y + box.height / 2
  const fill = canvas.radial(cx, cy, Math.hypot(box.width, box.height) / 2, [
    [0, '#000000', 0],
    [0.7, '#000000', 0.02],
    [1, '#000000', 0.1],
  ])
  canvas.add(
    `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" fill="${fill}"/>`,
  )
}
