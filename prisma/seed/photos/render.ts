import sharp from 'sharp'
import {
  drawBag,
  drawBelt,
  drawHat,
  drawJewellery,
  drawScarf,
  drawSunglasses,
  type AccessoryDesign,
} from './accessories.ts'
import { drawShoe, type ShoeDesign } from './footwear.ts'
import {
  drawBonnetSet,
  drawBottom,
  drawOnesie,
  drawTop,
  type BottomCut,
  type TopCut,
} from './garments.ts'
import { BACKDROPS, Studio, backdrop, vignette, type Surface } from './studio.ts'
import { Canvas, HEIGHT, WIDTH, type Box } from './svg.ts'
import { TEXTURES, textureTile, type Texture } from './textures.ts'

// One product photo from its description: the drawing, the view, the backdrop, rendered by
// sharp (librsvg) to a JPEG like the ones a seller's camera makes.

export type Design =
  | { kind: 'top'; cut: TopCut }
  | { kind: 'bottom'; cut: BottomCut }
  | { kind: 'onesie'; long: boolean }
  | { kind: 'bonnet' }
  | { kind: 'shoe'; shoe: ShoeDesign }
  | AccessoryDesign

export type View = 'front' | 'back' | 'detail' | 'pair' | 'sole'

export type PhotoSpec = {
  design: Design
  view: View
  /** The variant's colour (hex). */
  colour: string
  surface: Surface
  /** Which backdrop tone (the shop's). */
  backdrop: number
  /** Pixels wide; the photo is 4:5. */
  width: number
}

/** Bump when drawings change, so cached renders are made again. */
export const DRAWING_VERSION = 1

/** The views a design is photographed in, most important first. */
export function viewsOf(design: Design): View[] {
  switch (design.kind) {
    case 'shoe':
      return ['front', 'pair', 'detail', 'sole']
    case 'top':
    case 'bottom':
    case 'onesie':
      return ['front', 'back', 'detail']
    default:
      return ['front', 'back', 'detail']
  }
}

export async function photoSvg(spec: PhotoSpec) {
  const canvas = new Canvas()
  const studio = new Studio(canvas, spec.colour, spec.surface, await allTiles())
  const tone = BACKDROPS[spec.backdrop % BACKDROPS.length]!
  const standing = spec.design.kind === 'shoe' || spec.design.kind === 'bag'
  backdrop(canvas, tone, standing ? 0.74 : 0.9)
  const side = spec.view === 'back' ? 'back' : 'front'
  const drawn = draw(studio, spec.design, spec.view, side)
  const frame: Box =
    spec.view === 'detail' ? zoom(drawn.focus, 2.6) : { x: 0, y: 0, width: WIDTH, height: HEIGHT }
  vignette(canvas, frame)
  return canvas.svg(frame, { width: spec.width, height: Math.round((spec.width * 5) / 4) })
}

/** Renders the photo as a camera-like JPEG. */
export async function renderPhoto(spec: PhotoSpec): Promise<Buffer> {
  const svg = await photoSvg(spec)
  return sharp(Buffer.from(svg), { density: 72 })
    .jpeg({ quality: 90, chromaSubsampling: '4:4:4' })
    .toBuffer()
}

let tiles: Promise<Record<Texture, string>> | undefined

/** Every texture's tile, made once per process; a picture defines only those it uses. */
function allTiles() {
  tiles ??= Promise.all(
    TEXTURES.map(async (texture) => [texture, await textureTile(texture)] as const),
  ).then((entries) => Object.fromEntries(entries) as Record<Texture, string>)
  return tiles
}

function draw(studio: Studio, design: Design, view: View, side: 'front' | 'back') {
  switch (design.kind) {
    case 'top':
      return drawTop(studio, design.cut, side)
    case 'bottom':
      return drawBottom(studio, design.cut, side)
    case 'onesie':
      return drawOnesie(studio, design.long, side)
    case 'bonnet':
      return drawBonnetSet(studio, side)
    case 'shoe':
      return drawShoe(studio, design.shoe, view)
    case 'bag':
      return drawBag(studio, design, side)
    case 'hat':
      return drawHat(studio, design, side)
    case 'scarf':
      return drawScarf(studio, design, side)
    case 'belt':
      return drawBelt(studio, design, side)
    case 'jewellery':
      return drawJewellery(studio, design, side)
    case 'sunglasses':
      return drawSunglasses(studio, design, side)
  }
}

/** The frame of a close-up: `factor` times closer, centred on the focus, inside the picture. */
function zoom([x, y]: readonly [number, number], factor: number): Box {
  const width = WIDTH / factor
  const height = HEIGHT / factor
  return {
    x: Math.min(Math.max(x - width / 2, 0), WIDTH - width),
    y: Math.min(Math.max(y - height / 2, 0), HEIGHT - height),
    width,
    height,
  }
}
