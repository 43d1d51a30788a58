import sharp from 'sharp'
import { createRandom } from '../random.ts'

// Fabric and material surfaces as small seamless tiles (128 px, black and white at low alpha:
// darker and lighter than the cloth), made once per process with sharp and repeated by an SVG
// pattern. Drawing them in SVG instead (thousands of tiny strokes, or feTurbulence) costs ten
// to a hundred times more per photo.

export type Texture =
  | 'jersey'
  | 'cotton'
  | 'denim'
  | 'knit'
  | 'rib'
  | 'linen'
  | 'wool'
  | 'corduroy'
  | 'silk'
  | 'leather'
  | 'suede'
  | 'canvas'
  | 'straw'
  | 'nylon'
  | 'mesh'
  | 'fleece'

export const TEXTURES: Texture[] = [
  'jersey',
  'cotton',
  'denim',
  'knit',
  'rib',
  'linen',
  'wool',
  'corduroy',
  'silk',
  'leather',
  'suede',
  'canvas',
  'straw',
  'nylon',
  'mesh',
  'fleece',
]

const SIZE = 128

/** How wide one tile is in the drawing's units: the scale of the weave. */
export const TILE_UNITS: Record<Texture, number> = {
  jersey: 40,
  cotton: 36,
  denim: 44,
  knit: 64,
  rib: 48,
  linen: 72,
  wool: 80,
  corduroy: 56,
  silk: 96,
  leather: 36,
  suede: 44,
  canvas: 40,
  straw: 72,
  nylon: 96,
  mesh: 36,
  fleece: 64,
}

/** How strongly the tile shows over the cloth (its alpha is scaled by this). */
export const TEXTURE_STRENGTH: Record<Texture, number> = {
  jersey: 0.55,
  cotton: 0.6,
  denim: 1,
  knit: 0.9,
  rib: 0.85,
  linen: 0.9,
  wool: 0.6,
  corduroy: 1,
  silk: 0.18,
  leather: 0.45,
  suede: 0.5,
  canvas: 0.8,
  straw: 1,
  nylon: 0.5,
  mesh: 0.9,
  fleece: 0.7,
}

type Field = (x: number, y: number) => number

/** Smooth value noise that wraps at the tile's edge, `cells` cells across. */
function valueNoise(random: ReturnType<typeof createRandom>, cells: number): Field {
  const grid = Array.from({ length: cells * cells }, () => random.next() * 2 - 1)
  const at = (i: number, j: number) => grid[((j + cells) % cells) * cells + ((i + cells) % cells)]!
  const smooth = (t: number) => t * t * (3 - 2 * t)
  return (x, y) => {
    const gx = (x / SIZE) * cells
    const gy = (y / SIZE) * cells
    const i = Math.floor(gx)
    const j = Math.floor(gy)
    const tx = smooth(gx - i)
    const ty = smooth(gy - j)
    const top = at(i, j) + (at(i + 1, j) - at(i, j)) * tx
    const bottom = at(i, j + 1) + (at(i + 1, j + 1) - at(i, j + 1)) * tx
    return top + (bottom - top) * ty
  }
}

/** Each texture as a field from -1 (darker) to 1 (lighter) over the tile's pixels. */
function field(texture: Texture): Field {
  const random = createRandom(texture.length * 7919 + texture.charCodeAt(0))
  const grain = () => random.next() * 2 - 1
  const soft = valueNoise(random, 16)
  const blotch = valueNoise(random, 4)
  const pebbles = valueNoise(random, 32)
  const fluff = valueNoise(random, 40)
  const rows = Array.from({ length: SIZE }, grain)
  const columns = Array.from({ length: SIZE }, grain)
  switch (texture) {
    case 'jersey':
      return (x) => 0.35 * grain() + 0.25 * Math.sin(((x % 4) / 4) * Math.PI * 2) * 0.5
    case 'cotton':
      return (x, y) => 0.25 * grain() + 0.3 * ((((x >> 1) + (y >> 1)) % 2) * 2 - 1) * 0.5
    case 'denim':
      // A 3/1 twill: diagonal ribs, light weft showing through, and slubs along the rows.
      return (x, y) => {
        const rib = ((x + y) % 8) / 8
        const twill = rib < 0.6 ? -0.45 : 0.5
        return 0.55 * twill + 0.3 * rows[y]! + 0.25 * grain() + 0.2 * soft(x, y)
      }
    case 'knit':
      // Columns of V-shaped stitches.
      return (x, y) => {
        const column = x % 8
        const v = (y + Math.abs(column - 4)) % 8
        const stitch = v < 4 ? 0.55 : -0.35
        const gap = column === 0 ? -0.6 : 0
        return stitch + gap + 0.2 * grain()
      }
    case 'rib':
      return (x) => Math.cos(((x % 8) / 8) * Math.PI * 2) * 0.7 + 0.15 * grain()
    case 'linen': {
      // Slubs: a few thicker threads in each direction, over a fine even weave.
      const slub = (value: number) => (Math.abs(value) > 0.75 ? value : value * 0.25)
      return (x, y) =>
        0.55 * slub(rows[y]!) + 0.5 * slub(columns[x]!) + 0.3 * grain() + 0.15 * blotch(x, y)
    }
    case 'wool':
      return (x, y) => 0.35 * soft(x, y) + 0.45 * grain() + 0.12 * blotch(x, y)
    case 'corduroy':
      // Raised wales with a dark furrow between them.
      return (x, y) => {
        const wale = Math.cos(((x % 10) / 10) * Math.PI * 2)
        return 0.75 * wale + 0.15 * grain() + 0.1 * soft(x, y)
      }
    case 'silk':
      return (x, y) => 0.5 * soft(x, y) + 0.1 * grain()
    case 'leather':
      return (x, y) => {
        const pebble = pebbles(x, y)
        return 0.6 * Math.sign(pebble) * Math.sqrt(Math.abs(pebble)) + 0.25 * grain()
      }
    case 'suede':
      return (x, y) => 0.25 * soft(x, y) + 0.5 * grain() + 0.08 * blotch(x, y)
    case 'canvas':
      return (x, y) => 0.45 * ((((x >> 2) + (y >> 2)) % 2) * 2 - 1) + 0.3 * grain()
    case 'straw':
      // A basket weave of flat strands.
      return (x, y) => {
        const over = (((x >> 4) + (y >> 4)) % 2) * 2 - 1
        const strand =
          over > 0 ? Math.cos(((y % 16) / 16) * Math.PI) : Math.cos(((x % 16) / 16) * Math.PI)
        return 0.55 * strand * Math.abs(strand) + 0.3 * grain() + 0.15 * rows[y]!
      }
    case 'nylon':
      return (x, y) => (x % 32 === 0 || y % 32 === 0 ? -0.5 : 0) + 0.2 * grain() + 0.2 * soft(x, y)
    case 'mesh':
      return (x, y) => {
        const dx = (x % 8) - 4
        const dy = (y % 8) - 4
        return dx * dx + dy * dy < 5 ? -0.9 : 0.25 + 0.15 * grain()
      }
    case 'fleece':
      return (x, y) => 0.6 * fluff(x, y) + 0.3 * grain()
  }
}

const cache = new Map<Texture, Promise<string>>()

/** The texture's tile as a data: URL (a PNG), made once per process. */
export function textureTile(texture: Texture): Promise<string> {
  let tile = cache.get(texture)
  if (!tile) {
    tile = makeTile(texture)
    cache.set(texture, tile)
  }
  return tile
}

async function makeTile(texture: Texture) {
  const value = field(texture)
  const strength = TEXTURE_STRENGTH[texture]
  const pixels = Buffer.alloc(SIZE * SIZE * 4)
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const v = Math.max(-1, Math.min(1, value(x, y)))
      const offset = (y * SIZE + x) * 4
      const shade = v > 0 ? 255 : 0
      pixels[offset] = shade
      pixels[offset + 1] = shade
      pixels[offset + 2] = shade
      // Shadows show more than highlights on cloth; both stay subtle.
      pixels[offset + 3] = Math.round(Math.abs(v) * (v > 0 ? 70 : 95) * strength)
    }
  }
  const png = await sharp(pixels, { raw: { width: SIZE, height: SIZE, channels: 4 } })
    .png({ compressionLevel: 3 })
    .toBuffer()
  return `data:image/png;base64,${png.toString('base64')}`
}
