import { dropShadow, type Studio } from './studio.ts'
import { CX, boxOf, contrast, darken, lighten, outline, symmetric, type Point } from './svg.ts'

// Clothes, laid flat and photographed from above (the "ghost" flat lay of most shops): tops,
// shirts, knits, coats and dresses share one upper-body cut with options; trousers, shorts and
// skirts share one lower-body cut. Front and back views differ in what is sewn on them.

export type Side = 'front' | 'back'

export type Neck =
  | 'crew'
  | 'v'
  | 'scoop'
  | 'square'
  | 'collar'
  | 'turtle'
  | 'hood'
  | 'lapel'
  | 'stand'
  | 'straps'
  | 'wrap'
export type Sleeve = 'none' | 'cap' | 'short' | 'puff' | 'elbow' | 'long'
export type Closure = 'none' | 'buttons' | 'zip' | 'double' | 'henley' | 'half-zip' | 'open'
export type Pockets = 'none' | 'chest' | 'two-flap' | 'kangaroo' | 'hip-flap' | 'four' | 'hip-patch'

export type TopCut = {
  /** Half the chest width. */
  fit: number
  /** Where the hem is (y). */
  length: number
  sleeve: Sleeve
  neck: Neck
  closure?: Closure
  pockets?: Pockets
  /** Ribbed cuffs and hem band (knits, sweatshirts, bombers). */
  bands?: boolean
  belt?: boolean
  /** A shirttail hem, curved up at the sides. */
  curvedHem?: boolean
  /** How much wider the hem is than the chest (half width). */
  flare?: number
  quilted?: boolean
  pattern?: 'stripes' | 'checks' | 'cables'
  yoke?: boolean
  /** A skirt sewn on at the waist (dresses): its hem (y) and half width there. */
  skirt?: { hem: number; width: number; gathers?: boolean }
}

const TOP = 150

type Piece = { d: string; points: readonly Point[] }

const piece = (points: readonly Point[]): Piece => ({ d: outline(points), points })

/** The shapes of an upper-body garment: body, sleeves, and where its features sit. */
function topShapes(cut: TopCut) {
  const fit = cut.fit
  const neckHalf =
    cut.neck === 'scoop' || cut.neck === 'square' ? 78 : cut.neck === 'straps' ? 0 : 60
  const shoulder = fit * 0.93
  const armpit = TOP + (cut.sleeve === 'none' ? 150 : 140) + (fit - 160) * 0.4
  const waistY = cut.skirt ? TOP + 235 : TOP + (cut.length - TOP) * 0.55
  const hemY = cut.skirt ? waistY : cut.length
  const hemHalf = cut.skirt ? fit - 22 : fit + (cut.flare ?? 0)
  const waistHalf = cut.skirt ? fit - 24 : fit - 6 + (cut.flare ?? 0) * 0.3
  const hemDrop = cut.curvedHem ? 26 : 4

  const sleeveless = cut.sleeve === 'none' || cut.neck === 'straps'
  const body: Point[] =
    cut.neck === 'straps'
      ? [
          [CX, TOP + 118],
          [CX + fit - 30, TOP + 88, 10],
          [CX + fit - 6, armpit - 10, 30],
          [CX + waistHalf, waistY, 30],
          [CX + hemHalf, hemY, 8],
          [CX, hemY + hemDrop],
        ]
      : [
          [CX, TOP + 12],
          [CX + neckHalf * 0.55, TOP + 7],
          [CX + neckHalf, TOP, 10],
          ...(sleeveless
            ? ([
                [CX + shoulder - 28, TOP + 22, 8],
                [CX + fit - 34, TOP + 95, 40],
                [CX + fit, armpit, 16],
              ] as Point[])
            : ([
                [CX + shoulder, TOP + 30, 12],
                [CX + fit, armpit, 12],
              ] as Point[])),
          [CX + waistHalf, waistY, 60],
          [CX + hemHalf, hemY, cut.curvedHem ? 30 : 10],
          ...(cut.curvedHem ? ([[CX + hemHalf * 0.55, hemY + hemDrop * 0.8, 30]] as Point[]) : []),
          [CX, hemY + hemDrop],
        ]

  const sleeves: Array<{ right: Piece; left: Piece; cuff: [Point, Point]; dir: [number, number] }> =
    []
  if (!sleeveless) {
    const s: Point = [CX + shoulder, TOP + 30]
    const a: Point = [CX + fit, armpit]
    let outer: Point
    let inner: Point
    let bulge = 0
    switch (cut.sleeve) {
      case 'cap':
        outer = [s[0] + 46, s[1] + 62]
        inner = [a[0] + 14, a[1] - 14]
        break
      case 'short':
        outer = [s[0] + 112, s[1] + 128]
        inner = [a[0] + 58, a[1] + 58]
        break
      case 'puff':
        outer = [s[0] + 100, s[1] + 120]
        inner = [a[0] + 50, a[1] + 50]
        bulge = 34
        break
      case 'elbow':
        outer = [s[0] + 120, TOP + 390]
        inner = [a[0] + 52, TOP + 420]
        break
      default:
        outer = [CX + fit + 122, Math.min(cut.length - 16, TOP + 600)]
        inner = [CX + fit + 46, outer[1] + 16]
    }
    const top: Point = [
      s[0] + (outer[0] - s[0]) * 0.35 + bulge * 0.6,
      s[1] + (outer[1] - s[1]) * 0.3 - bulge,
    ]
    const right: Point[] = [
      [s[0] - 4, s[1] - 2, 6],
      [top[0], top[1], 40],
      [outer[0], outer[1], 6],
      [inner[0], inner[1], 6],
      [a[0] - 14, a[1] + 10, 10],
    ]
    const left = right.map(([x, y, r]) => [2 * CX - x, y, r] as Point).reverse()
    const length = Math.hypot(outer[0] - s[0], outer[1] - s[1]) || 1
    sleeves.push({
      right: piece(right),
      left: piece(left),
      cuff: [outer, inner],
      dir: [(outer[0] - s[0]) / length, (outer[1] - s[1]) / length],
    })
  }

  let skirt: Piece | undefined
  if (cut.skirt) {
    const { hem, width } = cut.skirt
    skirt = piece(
      symmetric([
        [CX, waistY - 4],
        [CX + waistHalf + 2, waistY - 4, 6],
        [CX + waistHalf + (width - waistHalf) * 0.25, waistY + (hem - waistY) * 0.25, 90],
        [CX + width, hem - 12, 16],
        [CX + width * 0.5, hem + 10, 60],
        [CX, hem + 14],
      ]),
    )
  }
  return {
    body: piece(symmetric(body)),
    sleeves,
    skirt,
    neckHalf,
    waistY,
    hemY,
    hemHalf,
    armpit,
    fit,
  }
}

/** Ribbed bands, quilting, stripes and cables printed into a piece before its light. */
function printFor(
  studio: Studio,
  cut: TopCut,
  box: { x: number; y: number; width: number; height: number },
) {
  const canvas = studio.canvas
  const parts: string[] = []
  if (cut.pattern === 'stripes') {
    const ink = contrast(studio.colour, 0.75)
    for (let y = TOP + 90; y < box.y + box.height + 60; y += 64)
      parts.push(
        `<rect x="${box.x - 100}" y="${y}" width="${box.width + 200}" height="22" fill="${ink}"/>`,
      )
  }
  if (cut.pattern === 'checks') {
    const dark = darken(studio.colour, 0.45)
    const line = contrast(studio.colour, 0.6)
    for (let x = CX - 440; x < CX + 440; x += 110) {
      parts.push(
        `<rect x="${x}" y="-100" width="44" height="1200" fill="${dark}" fill-opacity="0.45"/>`,
      )
      parts.push(
        `<rect x="${x + 70}" y="-100" width="5" height="1200" fill="${line}" fill-opacity="0.55"/>`,
      )
    }
    for (let y = TOP - 100; y < 1100; y += 110) {
      parts.push(
        `<rect x="-100" y="${y}" width="1000" height="44" fill="${dark}" fill-opacity="0.4"/>`,
      )
      parts.push(
        `<rect x="-100" y="${y + 70}" width="1000" height="5" fill="${line}" fill-opacity="0.5"/>`,
      )
    }
  }
  if (cut.pattern === 'cables') {
    // Rope cables: links leaning alternately, lit on one side, between purl furrows.
    for (const x of [CX - 120, CX - 40, CX + 40, CX + 120]) {
      for (let y = TOP - 20; y < 1000; y += 34) {
        const lean = ((y - TOP) / 34) % 2 ? 1 : -1
        parts.push(
          `<ellipse cx="${x}" cy="${y}" rx="21" ry="11" transform="rotate(${lean * 32} ${x} ${y})" fill="#000" fill-opacity="0.16"/>`,
          `<ellipse cx="${x - 2}" cy="${y - 3}" rx="17" ry="7" transform="rotate(${lean * 32} ${x} ${y})" fill="#fff" fill-opacity="0.16"/>`,
        )
      }
      parts.push(
        `<path d="M${x - 32} ${TOP}V1000M${x + 32} ${TOP}V1000" stroke="#000" stroke-opacity="0.18" stroke-width="5"/>`,
      )
    }
  }
  if (cut.quilted) {
    for (let y = TOP + 60; y < 1000; y += 78) {
      const puff = canvas.linear(
        [0, y - 78, 0, y],
        [
          [0, '#000000', 0.2],
          [0.3, '#ffffff', 0.16],
          [0.65, '#ffffff', 0.02],
          [1, '#000000', 0.26],
        ],
      )
      parts.push(`<rect x="-100" y="${y - 78}" width="1000" height="78" fill="${puff}"/>`)
    }
  }
  return parts.join('')
}

/**
 * A top, shirt, knit, coat or dress. The front carries the closure, pockets and the inside of
 * the neck; the back, a yoke or centre seam and the label.
 */
export function drawTop(studio: Studio, cut: TopCut, side: Side) {
  const canvas = studio.canvas
  const shapes = topShapes(cut)
  const { body, sleeves, skirt } = shapes
  const hood = cut.neck === 'hood' ? hoodShape(shapes.neckHalf) : undefined
  const silhouettes = [
    ...(hood ? [hood.d] : []),
    body.d,
    ...(skirt ? [skirt.d] : []),
    ...sleeves.flatMap((sleeve) => [sleeve.right.d, sleeve.left.d]),
  ]
  dropShadow(canvas, silhouettes)

  const bodyBox = boxOf(body.points)
  const wholeBox = boxOf([
    ...body.points,
    ...(skirt?.points ?? []),
    ...sleeves.flatMap((s) => s.right.points),
  ])
  const print = printFor(studio, cut, wholeBox)
  if (hood) {
    const clip = studio.cloth(hood.d, boxOf(hood.points), { shade: 0.12 })
    studio.seam(`M${CX} ${TOP - 96}V${TOP + 20}`, clip)
  }

  // Short sleeves sit under the body's shoulder; long ones lie folded over its sides.
  const over = cut.sleeve === 'long' || cut.sleeve === 'elbow'
  if (!over) drawSleeves(studio, cut, sleeves, print)

  if (skirt) {
    const clip = studio.cloth(skirt.d, boxOf(skirt.points), { print })
    const { hem, width } = cut.skirt!
    const count = cut.skirt!.gathers ? 7 : 5
    for (let index = 0; index < count; index++) {
      const t = (index + 0.5) / count - 0.5
      const top: [number, number] = [CX + t * shapes.fit * 1.6, shapes.waistY + 30]
      const bottom: [number, number] = [CX + t * width * 2.05, hem]
      studio.fold(clip, top, bottom, cut.skirt!.gathers ? 44 : 60, index % 2 ? -0.1 : 0.2)
    }
    studio.stitch(
      `M${CX - width * 0.98} ${hem - 26}Q${CX} ${hem + 10} ${CX + width * 0.98} ${hem - 26}`,
      { clip },
    )
  }

  const clip = studio.cloth(body.d, bodyBox, { print })
  // Soft vertical drape in a long body (a bodice is too short to fall in folds).
  if (shapes.hemY - shapes.armpit > 260) {
    studio.fold(
      clip,
      [CX - shapes.fit * 0.55, shapes.armpit + 20],
      [CX - shapes.fit * 0.45, shapes.hemY + 40],
      60,
      0.1,
    )
    studio.fold(
      clip,
      [CX + shapes.fit * 0.5, shapes.armpit + 30],
      [CX + shapes.fit * 0.62, shapes.hemY + 40],
      50,
      0.12,
    )
    studio.fold(
      clip,
      [CX - shapes.fit * 0.1, shapes.armpit + 40],
      [CX + shapes.fit * 0.05, shapes.hemY + 60],
      90,
      -0.07,
    )
  }
  if (over) {
    dropShadow(
      canvas,
      sleeves.flatMap((sleeve) => [sleeve.right.d, sleeve.left.d]),
      3,
      6,
      0.7,
    )
    drawSleeves(studio, cut, sleeves, print)
  }
  for (const sleeve of over ? [] : sleeves) {
    const s = sleeve.right.points[0]!
    const a = sleeve.right.points.at(-1)!
    studio.seam(`M${s[0]} ${s[1]}Q${s[0] - 8} ${(s[1] + a[1]) / 2} ${a[0]} ${a[1]}`, clip)
    studio.seam(
      `M${2 * CX - s[0]} ${s[1]}Q${2 * CX - s[0] + 8} ${(s[1] + a[1]) / 2} ${2 * CX - a[0]} ${a[1]}`,
      clip,
    )
  }
  if (sleeves.length && cut.neck !== 'straps') {
    const shoulder = CX + shapes.fit * 0.93
    studio.seam(`M${CX + shapes.neckHalf} ${TOP + 1}L${shoulder} ${TOP + 30}`, clip, 0.7)
    studio.seam(`M${CX - shapes.neckHalf} ${TOP + 1}L${2 * CX - shoulder} ${TOP + 30}`, clip, 0.7)
  }
  if (cut.bands) {
    const band = outline([
      [CX - shapes.hemHalf, shapes.hemY - 50],
      [CX + shapes.hemHalf, shapes.hemY - 50],
      [CX + shapes.hemHalf, shapes.hemY + 2],
      [CX - shapes.hemHalf, shapes.hemY + 2],
    ])
    canvas.add(`<g clip-path="${clip}">`)
    studio.cloth(
      band,
      { x: CX - shapes.hemHalf, y: shapes.hemY - 50, width: shapes.hemHalf * 2, height: 52 },
      { texture: 'rib', edge: 0.5 },
    )
    canvas.add('</g>')
  } else if (!cut.skirt) {
    studio.stitch(
      cut.curvedHem
        ? `M${CX - shapes.hemHalf + 6} ${shapes.hemY - 12}Q${CX} ${shapes.hemY + 50} ${CX + shapes.hemHalf - 6} ${shapes.hemY - 12}`
        : `M${CX - shapes.hemHalf} ${shapes.hemY - 18}H${CX + shapes.hemHalf}`,
      { clip },
    )
  } else {
    const half = shapes.fit - 22
    studio.seam(
      `M${CX - half} ${shapes.waistY - 4}Q${CX} ${shapes.waistY + 4} ${CX + half} ${shapes.waistY - 4}`,
      clip,
    )
  }

  if (side === 'front') {
    neckFront(studio, cut, shapes, clip)
    closureFront(studio, cut, shapes, clip)
    pocketsFront(studio, cut, shapes, clip)
  } else {
    neckBack(studio, cut, shapes)
    if (cut.yoke || cut.neck === 'collar')
      studio.seam(
        `M${CX - shapes.fit * 0.93} ${TOP + 95}Q${CX} ${TOP + 110} ${CX + shapes.fit * 0.93} ${TOP + 95}`,
        clip,
      )
    if (cut.neck === 'lapel' || cut.length > 800)
      studio.seam(`M${CX} ${TOP + 200}V${shapes.hemY}`, clip, 0.8)
  }
  if (cut.belt) belt(studio, shapes, side)
  if (cut.quilted && side === 'front') studio.zip(CX, TOP + 40, shapes.hemY - 10)

  return {
    focus: [CX + shapes.fit * 0.3, TOP + 130] as const,
    box: wholeBox,
  }
}

function drawSleeves(studio: Studio, cut: TopCut, sleeves: Shapes['sleeves'], print: string) {
  for (const sleeve of sleeves) {
    for (const [index, part] of [sleeve.right, sleeve.left].entries()) {
      const clip = studio.cloth(part.d, boxOf(part.points), { shade: 0.04, print })
      const [outer, inner] = sleeve.cuff
      const sign = index === 0 ? 1 : -1
      const ox = index === 0 ? outer[0] : 2 * CX - outer[0]
      const ix = index === 0 ? inner[0] : 2 * CX - inner[0]
      const [dx, dy] = [sleeve.dir[0] * sign, sleeve.dir[1]]
      if (cut.bands && cut.sleeve === 'long') {
        const band = `M${ox} ${outer[1]}L${ix} ${inner[1]}L${ix - dx * 46} ${inner[1] - dy * 46}L${ox - dx * 46} ${outer[1] - dy * 46}Z`
        studio.cloth(
          band,
          {
            x: Math.min(ox, ix) - 50,
            y: Math.min(outer[1], inner[1]) - 50,
            width: 100,
            height: 60,
          },
          { texture: 'rib', edge: 0.6 },
        )
      } else {
        studio.stitch(
          `M${ox - dx * 22} ${outer[1] - dy * 22}L${ix - dx * 22} ${inner[1] - dy * 22}`,
          { clip },
        )
      }
      // Creases where the sleeve bends.
      const mx = (ox + ix) / 2
      const my = (outer[1] + inner[1]) / 2
      studio.fold(clip, [mx - dx * 200, my - dy * 200], [mx - dx * 40, my - dy * 40], 22, 0.14)
      studio.fold(
        clip,
        [mx - dx * 150 + sign * 18, my - dy * 150],
        [mx - dx * 60 + sign * 14, my - dy * 60],
        12,
        -0.1,
      )
    }
  }
}

function hoodShape(neckHalf: number) {
  // A hood lying flat behind the shoulders, as it does when the jacket is laid out.
  const points: Point[] = symmetric([
    [CX, TOP - 96],
    [CX + neckHalf + 40, TOP - 88, 50],
    [CX + neckHalf + 96, TOP - 30, 50],
    [CX + neckHalf + 80, TOP + 30, 20],
    [CX, TOP + 60],
  ])
  return { d: outline(points), points }
}

type Shapes = ReturnType<typeof topShapes>

function neckFront(studio: Studio, cut: TopCut, shapes: Shapes, clip: string) {
  const canvas = studio.canvas
  const n = shapes.neckHalf
  const inside = darken(studio.colour, 0.42)
  const band = darken(studio.colour, 0.08)
  const depth = {
    crew: 62,
    v: 150,
    scoop: 105,
    square: 95,
    wrap: 230,
    hood: 70,
    stand: 30,
    turtle: 40,
    collar: 50,
    lapel: 60,
    straps: 0,
  }[cut.neck]
  switch (cut.neck) {
    case 'crew':
    case 'scoop':
    case 'hood':
    case 'stand': {
      canvas.add(
        `<path d="M${CX - n} ${TOP}Q${CX} ${TOP + 24} ${CX + n} ${TOP}Q${CX} ${TOP + depth + 10} ${CX - n} ${TOP}Z" fill="${inside}"/>`,
        `<path d="M${CX - n} ${TOP}Q${CX} ${TOP + depth * 1.9} ${CX + n} ${TOP}" fill="none" stroke="${band}" stroke-width="16"/>`,
      )
      studio.cloth(
        `M${CX - n} ${TOP}Q${CX} ${TOP + depth * 1.9} ${CX + n} ${TOP}L${CX + n - 6} ${TOP + 14}Q${CX} ${TOP + depth * 1.9 + 26} ${CX - n + 6} ${TOP + 14}Z`,
        { x: CX - n, y: TOP, width: n * 2, height: depth + 30 },
        { texture: 'rib', colour: band, edge: 0.6 },
      )
      studio.stitch(
        `M${CX - n + 4} ${TOP + 20}Q${CX} ${TOP + depth * 1.9 + 36} ${CX + n - 4} ${TOP + 20}`,
        { clip },
      )
      if (cut.neck === 'hood') {
        for (const x of [CX - 26, CX + 26]) {
          const tip = TOP + 210 + (x > CX ? 16 : 0)
          canvas.add(
            `<path d="M${x} ${TOP + 46}Q${x + (x > CX ? 8 : -8)} ${TOP + 140} ${x + (x > CX ? 4 : -6)} ${tip}" fill="none" stroke="${lighten(studio.colour, 0.55)}" stroke-width="7" stroke-linecap="round"/>`,
            `<path d="M${x} ${TOP + 46}Q${x + (x > CX ? 8 : -8)} ${TOP + 140} ${x + (x > CX ? 4 : -6)} ${tip}" fill="none" stroke="#000" stroke-opacity="0.15" stroke-width="2" transform="translate(2 1)"/>`,
            `<rect x="${x + (x > CX ? 0 : -10)}" y="${tip - 4}" width="7" height="20" rx="3" fill="#d6d3d1"/>`,
          )
          studio.rivet(x, TOP + 44, 5, 'silver')
        }
      }
      if (cut.neck === 'stand') {
        studio.cloth(
          `M${CX - n - 6} ${TOP - 36}Q${CX} ${TOP - 24} ${CX + n + 6} ${TOP - 36}L${CX + n + 2} ${TOP + 12}Q${CX} ${TOP + 30} ${CX - n - 2} ${TOP + 12}Z`,
          { x: CX - n, y: TOP - 40, width: 2 * n, height: 70 },
          { texture: cut.bands ? 'rib' : undefined, edge: 0.8 },
        )
      }
      break
    }
    case 'v':
    case 'wrap': {
      const bottom = TOP + depth
      const rightX = cut.neck === 'wrap' ? CX + shapes.fit * 0.55 : CX
      canvas.add(
        `<path d="M${CX - n} ${TOP}Q${CX} ${TOP + 24} ${CX + n} ${TOP}L${rightX} ${bottom}Z" fill="${inside}"/>`,
      )
      studio.stitch(
        `M${CX - n + 10} ${TOP + 6}L${rightX} ${bottom + 14}M${CX + n - 10} ${TOP + 6}L${rightX + 2} ${bottom - 2}`,
        { clip },
      )
      if (cut.neck === 'wrap') {
        studio.seam(`M${rightX} ${bottom}L${CX - shapes.fit + 10} ${shapes.waistY + 10}`, clip, 1.4)
        studio.fold(clip, [rightX, bottom], [CX - shapes.fit * 0.6, shapes.waistY], 30, 0.2)
        // The tie at the side of the waist.
        const tx = CX + shapes.fit - 30
        const ty = shapes.waistY
        studio.cloth(
          `M${tx} ${ty - 14}q40 -30 70 -6q-30 10 -58 22q40 20 52 64q-40 -16 -68 -56Z`,
          { x: tx, y: ty - 40, width: 80, height: 110 },
          { edge: 0.7 },
        )
      }
      break
    }
    case 'square': {
      const bottom = TOP + depth
      canvas.add(
        `<path d="M${CX - n} ${TOP}Q${CX} ${TOP + 24} ${CX + n} ${TOP}L${CX + n} ${bottom}L${CX - n} ${bottom}Z" fill="${inside}"/>`,
      )
      studio.stitch(`M${CX - n - 8} ${TOP}V${bottom + 10}H${CX + n + 8}V${TOP}`, { clip })
      break
    }
    case 'turtle': {
      canvas.add(
        `<path d="M${CX - n} ${TOP}Q${CX} ${TOP + 30} ${CX + n} ${TOP}Z" fill="${inside}"/>`,
      )
      studio.cloth(
        outline([
          [CX - n - 14, TOP - 58, 14],
          [CX + n + 14, TOP - 58, 14],
          [CX + n + 24, TOP + 32, 10],
          [CX, TOP + 48],
          [CX - n - 24, TOP + 32, 10],
        ]),
        { x: CX - n - 24, y: TOP - 58, width: 2 * n + 48, height: 106 },
        { texture: 'rib', edge: 1.1 },
      )
      studio.seam(
        `M${CX - n - 18} ${TOP - 10}Q${CX} ${TOP + 8} ${CX + n + 18} ${TOP - 10}`,
        undefined,
        1.2,
      )
      break
    }
    case 'collar': {
      // The collar stand, then its two points lying on the shoulders.
      canvas.add(
        `<path d="M${CX - n} ${TOP}Q${CX} ${TOP + 20} ${CX + n} ${TOP}L${CX} ${TOP + 40}Z" fill="${inside}"/>`,
      )
      for (const sign of [-1, 1]) {
        const points: Point[] = [
          [CX + sign * (n + 8), TOP - 10, 8],
          [CX + sign * (n + 30), TOP + 60, 4],
          [CX + sign * 34, TOP + 112, 3],
          [CX + sign * 4, TOP + 38, 6],
          [CX + sign * (n - 6), TOP + 4, 6],
        ]
        const ordered = sign > 0 ? points : [...points].reverse()
        const collarClip = studio.cloth(outline(ordered), boxOf(points), {
          edge: 0.9,
          print: cut.pattern === 'checks' ? printFor(studio, cut, boxOf(points)) : undefined,
        })
        studio.stitch(`M${CX + sign * (n + 20)} ${TOP + 56}L${CX + sign * 36} ${TOP + 100}`, {
          clip: collarClip,
          width: 1.4,
        })
      }
      break
    }
    case 'lapel': {
      const bottom = TOP + 270
      canvas.add(
        `<path d="M${CX - n} ${TOP}Q${CX} ${TOP + 24} ${CX + n} ${TOP}L${CX + 6} ${bottom}L${CX - 6} ${bottom}Z" fill="${inside}"/>`,
      )
      for (const sign of [-1, 1]) {
        const points: Point[] = [
          [CX + sign * (n - 4), TOP - 6, 6],
          [CX + sign * (n + 46), TOP + 64, 4],
          [CX + sign * (n + 30), TOP + 82, 2],
          [CX + sign * (n + 68), TOP + 112, 4],
          [CX + sign * 8, bottom, 2],
          [CX + sign * 4, TOP + 80, 4],
        ]
        const ordered = sign > 0 ? points : [...points].reverse()
        const lapelClip = studio.cloth(outline(ordered), boxOf(points), { edge: 1.2 })
        studio.stitch(`M${CX + sign * (n + 56)} ${TOP + 116}L${CX + sign * 14} ${bottom - 14}`, {
          clip: lapelClip,
          width: 1.3,
        })
      }
      break
    }
    case 'straps': {
      const top = TOP + 118
      for (const sign of [-1, 1]) {
        canvas.add(
          `<path d="M${CX + sign * (shapes.fit - 40)} ${top - 26}L${CX + sign * (shapes.fit - 70)} ${TOP - 30}" stroke="${darken(studio.colour, 0.1)}" stroke-width="9" stroke-linecap="round"/>`,
          `<path d="M${CX + sign * (shapes.fit - 40)} ${top - 26}L${CX + sign * (shapes.fit - 70)} ${TOP - 30}" stroke="#fff" stroke-opacity="0.2" stroke-width="3" stroke-linecap="round"/>`,
        )
      }
      studio.stitch(
        `M${CX - shapes.fit + 34} ${top - 16}L${CX} ${top + 12}L${CX + shapes.fit - 34} ${top - 16}`,
        { clip },
      )
      break
    }
  }
  void depth
}

function neckBack(studio: Studio, cut: TopCut, shapes: Shapes) {
  const n = shapes.neckHalf
  if (cut.neck === 'straps') return
  const band = darken(studio.colour, 0.1)
  if (cut.neck === 'turtle' || cut.neck === 'stand') {
    studio.cloth(
      outline([
        [CX - n - 14, TOP - 40, 12],
        [CX + n + 14, TOP - 40, 12],
        [CX + n + 18, TOP + 24, 8],
        [CX - n - 18, TOP + 24, 8],
      ]),
      { x: CX - n - 18, y: TOP - 40, width: 2 * n + 36, height: 64 },
      { texture: 'rib', edge: 0.9 },
    )
    return
  }
  studio.canvas.add(
    `<path d="M${CX - n} ${TOP + 4}Q${CX} ${TOP + 26} ${CX + n} ${TOP + 4}" fill="none" stroke="${band}" stroke-width="14"/>`,
  )
  // A woven label at the back of the neck.
  studio.canvas.add(
    `<rect x="${CX - 22}" y="${TOP + 22}" width="44" height="26" rx="2" fill="#f5f2ec"/>`,
    `<rect x="${CX - 22}" y="${TOP + 22}" width="44" height="26" rx="2" fill="none" stroke="#000" stroke-opacity="0.15"/>`,
    `<path d="M${CX - 12} ${TOP + 33}h24M${CX - 8} ${TOP + 39}h16" stroke="#57534e" stroke-width="2"/>`,
  )
  if (cut.neck === 'collar' || cut.neck === 'lapel') {
    studio.cloth(
      outline([
        [CX - n - 20, TOP - 12, 10],
        [CX + n + 20, TOP - 12, 10],
        [CX + n + 44, TOP + 44, 8],
        [CX - n - 44, TOP + 44, 8],
      ]),
      { x: CX - n - 44, y: TOP - 12, width: 2 * n + 88, height: 56 },
      { edge: 1 },
    )
  }
}

function closureFront(studio: Studio, cut: TopCut, shapes: Shapes, clip: string) {
  const start =
    cut.neck === 'collar'
      ? TOP + 40
      : cut.neck === 'lapel'
        ? TOP + 270
        : cut.neck === 'v'
          ? TOP + 150
          : TOP + 60
  const end = shapes.hemY - (cut.bands ? 56 : 16)
  switch (cut.closure ?? 'none') {
    case 'buttons':
    case 'henley': {
      const stop = cut.closure === 'henley' ? start + 170 : end
      studio.cloth(
        outline([
          [CX - 15, start],
          [CX + 15, start],
          [CX + 15, stop],
          [CX - 15, stop],
        ]),
        { x: CX - 15, y: start, width: 30, height: stop - start },
        { edge: 0.5 },
      )
      studio.stitch(`M${CX - 11} ${start}V${stop}M${CX + 11} ${start}V${stop}`, {
        clip,
        width: 1.3,
      })
      const count = Math.max(2, Math.round((stop - start) / 88))
      for (let index = 0; index < count; index++) {
        const y = start + 26 + (index * (stop - start - 40)) / Math.max(1, count - 1)
        studio.button(CX, y, 8)
      }
      break
    }
    case 'double': {
      studio.seam(`M${CX + 70} ${start}L${CX + 70} ${end}`, clip, 1.4)
      const rows = Math.min(3, Math.max(2, Math.round((end - start) / 160)))
      for (let row = 0; row < rows; row++) {
        const y = start + 20 + row * 95
        studio.button(CX - 48, y, 12)
        studio.button(CX + 48, y, 12)
      }
      break
    }
    case 'zip':
      studio.zip(CX, start - 20, end)
      break
    case 'half-zip':
      studio.zip(CX, TOP - 30, TOP + 190)
      break
    case 'open': {
      const edge = (sign: number) =>
        `M${CX + sign * 4} ${cut.neck === 'v' ? TOP + 150 : start}L${CX + sign * 4} ${end + 10}`
      canvas(studio).add(
        `<path d="M${CX} ${cut.neck === 'v' ? TOP + 150 : start}V${end + 10}" stroke="#000" stroke-opacity="0.4" stroke-width="3"/>`,
      )
      studio.stitch(edge(-14) + edge(14), { clip, width: 1.4 })
      if (cut.neck === 'v') {
        studio.cloth(
          `M${CX - shapes.neckHalf} ${TOP}L${CX} ${TOP + 150}L${CX} ${end}L${CX + 24} ${end}L${CX + 24} ${TOP + 150}L${CX + shapes.neckHalf + 10} ${TOP}Z`,
          { x: CX - shapes.neckHalf, y: TOP, width: shapes.neckHalf * 2 + 10, height: end - TOP },
          { texture: 'rib', edge: 0.4, colour: darken(studio.colour, 0.05) },
        )
      }
      const count = Math.max(3, Math.round((end - TOP - 150) / 90))
      for (let index = 0; index < count; index++)
        studio.button(CX + 12, TOP + 175 + (index * (end - TOP - 200)) / Math.max(1, count - 1), 8)
      break
    }
    default:
      break
  }
}

const canvas = (studio: Studio) => studio.canvas

function pocketsFront(studio: Studio, cut: TopCut, shapes: Shapes, clip: string) {
  const patch = (x: number, y: number, width: number, height: number, flap: boolean) => {
    const points: Point[] = [
      [x, y, 3],
      [x + width, y, 3],
      [x + width, y + height - 14, 3],
      [x + width / 2, y + height, 6],
      [x, y + height - 14, 3],
    ]
    const pocketClip = studio.cloth(outline(points), boxOf(points), { edge: 0.7 })
    studio.stitch(
      `M${x + 6} ${y + 4}V${y + height - 18}L${x + width / 2} ${y + height - 6}L${x + width - 6} ${y + height - 18}V${y + 4}`,
      { clip: pocketClip, width: 1.4 },
    )
    if (flap) {
      const flapPoints: Point[] = [
        [x - 4, y - 6, 3],
        [x + width + 4, y - 6, 3],
        [x + width + 4, y + 30, 3],
        [x + width / 2, y + 44, 4],
        [x - 4, y + 30, 3],
      ]
      studio.cloth(outline(flapPoints), boxOf(flapPoints), { edge: 1.1 })
      studio.button(x + width / 2, y + 28, 7)
    }
  }
  void clip
  switch (cut.pockets ?? 'none') {
    case 'chest':
      patch(CX + 52, TOP + 150, 84, 96, false)
      break
    case 'two-flap':
      patch(CX + 48, TOP + 140, 90, 104, true)
      patch(CX - 138, TOP + 140, 90, 104, true)
      break
    case 'four':
      patch(CX + 48, TOP + 140, 90, 100, true)
      patch(CX - 138, TOP + 140, 90, 100, true)
      patch(CX + 46, shapes.hemY - 250, 110, 130, true)
      patch(CX - 156, shapes.hemY - 250, 110, 130, true)
      break
    case 'hip-patch':
      patch(CX + 46, shapes.hemY - 250, 110, 130, false)
      patch(CX - 156, shapes.hemY - 250, 110, 130, false)
      break
    case 'hip-flap':
      for (const sign of [-1, 1]) {
        const x = sign > 0 ? CX + 50 : CX - 160
        const y = shapes.hemY - 240
        studio.cloth(
          outline([
            [x, y, 3],
            [x + 110, y, 3],
            [x + 110, y + 36, 3],
            [x, y + 36, 3],
          ]),
          { x, y, width: 110, height: 36 },
          { edge: 1.1 },
        )
      }
      break
    case 'kangaroo': {
      const y = shapes.hemY - 250
      const points: Point[] = [
        [CX - 110, y, 10],
        [CX + 110, y, 10],
        [CX + 150, y + 170, 8],
        [CX - 150, y + 170, 8],
      ]
      const pocketClip = studio.cloth(outline(points), boxOf(points), { edge: 0.8 })
      for (const sign of [-1, 1])
        studio.seam(
          `M${CX + sign * 110} ${y + 2}Q${CX + sign * 118} ${y + 110} ${CX + sign * 150} ${y + 168}`,
          pocketClip,
          1.6,
        )
      studio.stitch(`M${CX - 100} ${y + 8}H${CX + 100}`, { clip: pocketClip, width: 1.4 })
      break
    }
    default:
      break
  }
}

function belt(studio: Studio, shapes: Shapes, side: Side) {
  const y = shapes.waistY - 26
  const half = shapes.fit + 4
  const points: Point[] = [
    [CX - half, y, 4],
    [CX + half, y, 4],
    [CX + half, y + 40, 4],
    [CX - half, y + 40, 4],
  ]
  const clip = studio.cloth(outline(points), boxOf(points), { edge: 1 })
  studio.stitch(`M${CX - half} ${y + 6}H${CX + half}M${CX - half} ${y + 34}H${CX + half}`, {
    clip,
    width: 1.3,
  })
  if (side === 'front') {
    const buckle = studio.metal('gunmetal', { x: CX - 30, y: y - 8, width: 60, height: 56 })
    studio.canvas.add(
      `<rect x="${CX - 30}" y="${y - 8}" width="60" height="56" rx="8" fill="none" stroke="${buckle}" stroke-width="9"/>`,
      `<path d="M${CX - 34} ${y + 20}H${CX + 4}" stroke="${buckle}" stroke-width="5" stroke-linecap="round"/>`,
    )
    const tail = outline([
      [CX + 20, y + 4, 2],
      [CX + 170, y + 14, 18],
      [CX + 196, y + 64, 10],
      [CX + 150, y + 70, 6],
      [CX + 20, y + 36, 2],
    ])
    studio.cloth(tail, { x: CX + 20, y, width: 180, height: 72 }, { edge: 1 })
  }
}

// ---------------------------------------------------------------- trousers, shorts, skirts

export type BottomCut = {
  kind: 'trousers' | 'shorts' | 'skirt' | 'leggings'
  /** Half the hem width of one leg (trousers), or the skirt's hem half width. */
  hem: number
  /** Where the hem is (y). */
  length: number
  waist?: 'belt-loops' | 'elastic' | 'plain'
  pockets?: 'jeans' | 'slant' | 'cargo' | 'none'
  pleats?: boolean
  cuffs?: boolean
  /** Skirts: pleated all round, or wrapped with a tie. */
  skirt?: 'pleated' | 'wrap' | 'a-line' | 'denim'
  topstitch?: string
  bib?: boolean
}

const WAIST_Y = 150

export function drawBottom(studio: Studio, cut: BottomCut, side: Side) {
  const canvas = studio.canvas
  // Dungarees start lower, so their bib and straps stay in the frame.
  const WAIST = cut.bib ? 330 : WAIST_Y
  const waistHalf = cut.kind === 'leggings' ? 128 : 150
  const hipHalf = cut.kind === 'leggings' ? 142 : 172
  const crotch = WAIST + (cut.kind === 'shorts' ? 260 : 250)
  const thread = cut.topstitch ?? studio.thread
  let points: Point[]
  if (cut.kind === 'skirt') {
    points = symmetric([
      [CX, WAIST],
      [CX + waistHalf, WAIST, 6],
      [CX + hipHalf + 8, WAIST + 150, 80],
      [CX + cut.hem, cut.length - 10, 12],
      [CX + cut.hem * 0.5, cut.length + 6, 80],
      [CX, cut.length + 10],
    ])
  } else {
    const legCentre = legCentreOf(cut)
    const legOuter = legCentre + cut.hem
    const legInner = legCentre - cut.hem
    points = [
      [CX, WAIST],
      [CX + waistHalf, WAIST, 4],
      [CX + hipHalf, WAIST + 150, 80],
      [legOuter, cut.length, 6],
      [legInner, cut.length + 4, 6],
      [CX + 6, crotch, 14],
      [CX - 6, crotch, 14],
      [2 * CX - legInner, cut.length + 4, 6],
      [2 * CX - legOuter, cut.length, 6],
      [CX - hipHalf, WAIST + 150, 80],
      [CX - waistHalf, WAIST, 4],
    ]
  }
  const d = outline(points)
  const bib = cut.bib
    ? outline([
        [CX - 110, WAIST - 190, 8],
        [CX + 110, WAIST - 190, 8],
        [CX + 118, WAIST + 10, 4],
        [CX - 118, WAIST + 10, 4],
      ])
    : undefined
  dropShadow(canvas, bib ? [d, bib] : [d])
  if (cut.bib) {
    for (const sign of [-1, 1]) {
      // The straps, unbuttoned, lie out to the sides behind the bib.
      const strap = outline([
        [CX + sign * 96, WAIST - 186, 4],
        [CX + sign * 128, WAIST - 186, 4],
        [CX + sign * 176, WAIST - 120, 8],
        [CX + sign * 178, WAIST - 8, 6],
        [CX + sign * 148, WAIST - 8, 6],
        [CX + sign * 146, WAIST - 110, 8],
      ])
      studio.cloth(
        strap,
        { x: CX + Math.min(sign * 96, sign * 178), y: WAIST - 190, width: 90, height: 190 },
        { shade: 0.06 },
      )
    }
  }
  const box = boxOf(points)
  const clip = studio.cloth(d, box)
  const legs = cut.kind !== 'skirt'
  // Creases down each leg, and the shadow between them.
  if (legs) {
    const hemCentre = legCentreOf(cut) - CX
    for (const sign of [-1, 1]) {
      studio.fold(
        clip,
        [CX + sign * 90, WAIST + 160],
        [CX + sign * (hemCentre + 10), cut.length],
        40,
        -0.12,
      )
      studio.fold(
        clip,
        [CX + sign * 40, crotch + 20],
        [CX + sign * (hemCentre - cut.hem * 0.6), cut.length],
        30,
        0.16,
      )
      studio.fold(
        clip,
        [CX + sign * 150, WAIST + 180],
        [CX + sign * (hemCentre + cut.hem * 0.7), cut.length],
        26,
        0.1,
      )
    }
    studio.fold(clip, [CX, WAIST + 60], [CX, crotch], 24, 0.16)
  } else if (cut.skirt === 'pleated') {
    const count = 14
    for (let index = 0; index < count; index++) {
      const t = index / (count - 1) - 0.5
      const x1 = CX + t * waistHalf * 2
      const x2 = CX + t * cut.hem * 2
      canvas.add(
        `<path clip-path="${clip}" d="M${x1} ${WAIST + 40}L${x2} ${cut.length + 20}L${x2 + (cut.hem * 2) / count} ${cut.length + 20}L${x1 + (waistHalf * 2) / count} ${WAIST + 40}Z" fill="#000" fill-opacity="${index % 2 ? 0.12 : 0}"/>`,
        `<path clip-path="${clip}" d="M${x1} ${WAIST + 40}L${x2} ${cut.length + 20}" stroke="#000" stroke-opacity="0.25" stroke-width="2"/>`,
      )
    }
  } else {
    for (const t of [-0.35, 0, 0.3]) {
      studio.fold(
        clip,
        [CX + t * waistHalf * 2, WAIST + 120],
        [CX + t * cut.hem * 2.1, cut.length],
        56,
        t === 0 ? -0.1 : 0.16,
      )
    }
  }

  // Waistband.
  const band = outline([
    [CX - waistHalf - 2, WAIST - 2],
    [CX + waistHalf + 2, WAIST - 2],
    [CX + waistHalf + 3, WAIST + 48],
    [CX - waistHalf - 3, WAIST + 48],
  ])
  if (cut.waist === 'elastic') {
    studio.cloth(
      band,
      { x: CX - waistHalf, y: WAIST, width: waistHalf * 2, height: 48 },
      { texture: 'rib', edge: 0.8 },
    )
    for (let x = CX - waistHalf + 10; x < CX + waistHalf; x += 16)
      studio.fold(clip, [x, WAIST], [x + 2, WAIST + 48], 5, 0.25)
    if (side === 'front' && cut.kind !== 'leggings') {
      canvas.add(
        `<path d="M${CX - 14} ${WAIST + 30}q-10 60 -30 110M${CX + 14} ${WAIST + 30}q6 70 22 118" fill="none" stroke="${lighten(studio.colour, 0.6)}" stroke-width="6" stroke-linecap="round"/>`,
      )
    }
  } else {
    const bandClip = studio.cloth(
      band,
      { x: CX - waistHalf, y: WAIST, width: waistHalf * 2, height: 48 },
      { edge: 0.9 },
    )
    studio.stitch(
      `M${CX - waistHalf} ${WAIST + 8}H${CX + waistHalf}M${CX - waistHalf} ${WAIST + 40}H${CX + waistHalf}`,
      { clip: bandClip, colour: thread, width: 1.6 },
    )
    if (cut.waist === 'belt-loops') {
      for (const x of [CX - waistHalf + 30, CX - 70, CX + 70, CX + waistHalf - 30]) {
        studio.cloth(
          outline([
            [x - 7, WAIST - 6, 2],
            [x + 7, WAIST - 6, 2],
            [x + 7, WAIST + 54, 2],
            [x - 7, WAIST + 54, 2],
          ]),
          { x: x - 7, y: WAIST - 6, width: 14, height: 60 },
          { edge: 1.4 },
        )
      }
    }
    if (side === 'front') {
      if (cut.waist === 'belt-loops' || cut.waist === 'plain')
        canvas.add(
          `<circle cx="${CX - 8}" cy="${WAIST + 24}" r="9" fill="${studio.metal(cut.topstitch ? 'copper' : 'gunmetal', { x: CX - 17, y: WAIST + 15, width: 18, height: 18 })}" stroke="#000" stroke-opacity="0.3"/>`,
        )
    }
  }

  if (legs && side === 'front' && cut.kind !== 'leggings') {
    // The fly, and front pockets.
    studio.stitch(
      `M${CX + 26} ${WAIST + 50}V${WAIST + 190}Q${CX + 24} ${WAIST + 222} ${CX + 2} ${WAIST + 226}`,
      { clip, colour: thread },
    )
    studio.seam(`M${CX} ${WAIST + 50}V${WAIST + 230}`, clip)
    for (const sign of [-1, 1]) {
      if (cut.pockets === 'jeans' || cut.pockets === undefined) {
        studio.seam(
          `M${CX + sign * (waistHalf - 90)} ${WAIST + 48}Q${CX + sign * (waistHalf - 80)} ${WAIST + 120} ${CX + sign * (waistHalf + 14)} ${WAIST + 130}`,
          clip,
          1.2,
        )
        studio.stitch(
          `M${CX + sign * (waistHalf - 80)} ${WAIST + 48}Q${CX + sign * (waistHalf - 70)} ${WAIST + 110} ${CX + sign * (waistHalf + 14)} ${WAIST + 120}`,
          { clip, colour: thread },
        )
        if (cut.topstitch) studio.rivet(CX + sign * (waistHalf - 86), WAIST + 56, 5)
      } else {
        studio.seam(
          `M${CX + sign * (waistHalf - 50)} ${WAIST + 48}L${CX + sign * (waistHalf + 12)} ${WAIST + 170}`,
          clip,
          1.2,
        )
      }
      if (cut.pleats)
        studio.fold(clip, [CX + sign * 60, WAIST + 48], [CX + sign * 70, WAIST + 260], 14, 0.3)
      if (cut.pockets === 'cargo') {
        // On the outside of the thigh, following the leg's outer seam.
        const y = cut.kind === 'shorts' ? WAIST + 230 : WAIST + 330
        const t = (y - WAIST - 150) / (cut.length - WAIST - 150)
        const outer = hipHalf + (legCentreOf(cut) - CX + cut.hem - hipHalf) * t
        cargoPocket(studio, CX + sign * (outer - 8), y, sign)
      }
    }
    if (cut.topstitch)
      studio.stitch(`M${CX + waistHalf - 60} ${WAIST + 60}q20 4 24 30`, { clip, colour: thread })
  }
  if (legs && side === 'back' && cut.kind !== 'leggings') {
    studio.seam(
      `M${CX - waistHalf} ${WAIST + 110}L${CX} ${WAIST + 150}L${CX + waistHalf} ${WAIST + 110}`,
      clip,
      1.1,
    )
    studio.seam(`M${CX} ${WAIST + 150}V${crotch}`, clip)
    if (cut.pockets === 'jeans' || cut.pockets === 'cargo' || cut.pockets === undefined) {
      for (const sign of [-1, 1]) {
        const x = CX + sign * 90 - 55
        const y = WAIST + 150
        const pocket: Point[] = [
          [x, y, 3],
          [x + 110, y - 6 * sign, 3],
          [x + 104, y + 110, 3],
          [x + 55, y + 132, 6],
          [x + 6, y + 112, 3],
        ]
        const pocketClip = studio.cloth(outline(pocket), boxOf(pocket), { edge: 0.8 })
        studio.stitch(`M${x + 8} ${y + 8}L${x + 98} ${y + 4 - 6 * sign}`, {
          clip: pocketClip,
          colour: thread,
        })
        if (cut.topstitch)
          studio.stitch(`M${x + 20} ${y + 40}q35 30 70 0`, { clip: pocketClip, colour: thread })
      }
    }
    // The maker's patch on the waistband.
    if (cut.topstitch) {
      canvas.add(
        `<rect x="${CX + 40}" y="${WAIST + 6}" width="70" height="36" rx="3" fill="#b08a5a"/>`,
        `<rect x="${CX + 40}" y="${WAIST + 6}" width="70" height="36" rx="3" fill="none" stroke="#5b4027" stroke-opacity="0.6"/>`,
        `<path d="M${CX + 52} ${WAIST + 20}h46M${CX + 58} ${WAIST + 30}h34" stroke="#5b4027" stroke-opacity="0.7" stroke-width="2.5"/>`,
      )
    }
  }
  if (cut.kind === 'skirt' && side === 'front') {
    if (cut.skirt === 'denim') studio.seam(`M${CX} ${WAIST + 48}V${cut.length}`, clip, 1.1)
    if (cut.skirt === 'wrap') {
      studio.seam(
        `M${CX + waistHalf - 20} ${WAIST + 48}Q${CX + 40} ${WAIST + 300} ${CX - 60} ${cut.length + 10}`,
        clip,
        1.5,
      )
      studio.fold(clip, [CX + waistHalf - 40, WAIST + 60], [CX - 40, cut.length], 40, 0.22)
    }
  }
  if (legs) {
    const hemY = cut.length
    for (const sign of [-1, 1]) {
      const outer = CX + sign * (legCentreOf(cut) - CX + cut.hem)
      const inner = CX + sign * (legCentreOf(cut) - CX - cut.hem)
      if (cut.cuffs) {
        studio.cloth(
          outline([
            [Math.min(outer, inner), hemY - 48],
            [Math.max(outer, inner), hemY - 48],
            [Math.max(outer, inner), hemY + 3],
            [Math.min(outer, inner), hemY + 3],
          ]),
          { x: Math.min(outer, inner), y: hemY - 48, width: Math.abs(outer - inner), height: 50 },
          { texture: 'rib', edge: 0.7 },
        )
      } else {
        studio.stitch(`M${outer - sign * 4} ${hemY - 16}L${inner + sign * 4} ${hemY - 14}`, {
          clip,
          colour: thread,
        })
      }
    }
  } else {
    studio.stitch(
      `M${CX - cut.hem + 10} ${cut.length - 24}Q${CX} ${cut.length + 4} ${CX + cut.hem - 10} ${cut.length - 24}`,
      { clip, colour: thread },
    )
  }
  if (cut.bib) {
    const bibClip = studio.cloth(bib!, { x: CX - 118, y: WAIST - 190, width: 236, height: 200 })
    studio.stitch(
      `M${CX - 100} ${WAIST - 178}H${CX + 100}V${WAIST}M${CX - 100} ${WAIST - 178}V${WAIST}`,
      { clip: bibClip, colour: thread },
    )
    if (side === 'front') {
      const pocket: Point[] = [
        [CX - 55, WAIST - 150, 3],
        [CX + 55, WAIST - 150, 3],
        [CX + 55, WAIST - 60, 3],
        [CX - 55, WAIST - 60, 3],
      ]
      const pocketClip = studio.cloth(outline(pocket), boxOf(pocket), { edge: 0.7 })
      studio.stitch(`M${CX - 48} ${WAIST - 144}H${CX + 48}`, { clip: pocketClip, colour: thread })
      for (const sign of [-1, 1]) studio.button(CX + sign * 96, WAIST - 164, 10, '#c9ccd1')
    }
  }

  return {
    focus: side === 'front' ? ([CX + 90, WAIST + 90] as const) : ([CX - 90, WAIST + 200] as const),
    box,
  }
}

/** Where a leg's hem is centred: far enough out that the legs part below the crotch. */
function legCentreOf(cut: BottomCut) {
  return CX + (cut.kind === 'shorts' ? Math.max(104, cut.hem + 20) : Math.max(88, cut.hem + 14))
}

/** A bellows pocket whose outer edge is at x (sign: which leg). */
function cargoPocket(studio: Studio, x: number, y: number, sign: number) {
  const left = sign > 0 ? x - 110 : x
  const points: Point[] = [
    [left, y, 3],
    [left + 110, y, 3],
    [left + 110, y + 140, 6],
    [left, y + 140, 6],
  ]
  const clip = studio.cloth(outline(points), boxOf(points), { edge: 0.8 })
  studio.fold(clip, [left + 55, y], [left + 55, y + 140], 14, 0.22)
  const flap: Point[] = [
    [left - 4, y - 10, 3],
    [left + 114, y - 10, 3],
    [left + 114, y + 32, 3],
    [left - 4, y + 32, 3],
  ]
  studio.cloth(outline(flap), boxOf(flap), { edge: 1.1 })
  studio.button(left + 55, y + 18, 7)
}

// ---------------------------------------------------------------- baby clothes and small knits

/** A romper or sleepsuit: one piece with snaps down the front. */
export function drawOnesie(studio: Studio, long: boolean, side: Side) {
  const canvas = studio.canvas
  const scale = 0.82
  const top = 230
  const right: Point[] = [
    [CX, top + 12],
    [CX + 48, top, 10],
    [CX + 110, top + 22, 10],
    ...(long
      ? ([
          [CX + 230, top + 260, 8],
          [CX + 180, top + 290, 8],
          [CX + 132, top + 160, 20],
        ] as Point[])
      : ([
          [CX + 178, top + 110, 8],
          [CX + 140, top + 150, 8],
        ] as Point[])),
    [CX + 136, top + 300, 50],
    ...(long
      ? ([
          [CX + 138, top + 560, 30],
          [CX + 150, top + 640, 36],
          [CX + 40, top + 650, 30],
          [CX + 26, top + 420, 20],
        ] as Point[])
      : ([
          [CX + 150, top + 420, 16],
          [CX + 46, top + 440, 16],
        ] as Point[])),
    [CX, top + 420],
  ]
  const points = symmetric(right).map(
    ([x, y, r]) => [CX + (x - CX) * scale * 1.15, 150 + (y - 150) * scale * 1.05, r] as Point,
  )
  const d = outline(points)
  dropShadow(canvas, [d])
  const clip = studio.cloth(d, boxOf(points))
  studio.fold(clip, [CX - 60, 420], [CX - 40, 700], 40, 0.14)
  studio.fold(clip, [CX + 50, 420], [CX + 60, 700], 40, -0.1)
  const neckY = 150 + (top - 150) * scale * 1.05
  if (side === 'front') {
    canvas.add(
      `<path d="M${CX - 48} ${neckY}Q${CX} ${neckY + 20} ${CX + 48} ${neckY}Q${CX} ${neckY + 70} ${CX - 48} ${neckY}Z" fill="${darken(studio.colour, 0.4)}"/>`,
    )
    studio.stitch(`M${CX - 44} ${neckY + 10}Q${CX} ${neckY + 80} ${CX + 44} ${neckY + 10}`, {
      clip,
    })
    for (let y = neckY + 90; y < neckY + 330; y += 58) studio.rivet(CX, y, 6, 'silver')
    // A small appliqué heart.
    canvas.add(
      `<path d="M${CX + 50} ${neckY + 150}c-12 -16 -38 -6 -30 14c6 14 30 28 30 28s24 -14 30 -28c8 -20 -18 -30 -30 -14Z" fill="${contrast(studio.colour, 0.5)}"/>`,
    )
    studio.stitch(
      `M${CX + 50} ${neckY + 150}c-12 -16 -38 -6 -30 14c6 14 30 28 30 28s24 -14 30 -28c8 -20 -18 -30 -30 -14Z`,
      { width: 1.2 },
    )
  } else {
    canvas.add(
      `<path d="M${CX - 48} ${neckY + 4}Q${CX} ${neckY + 24} ${CX + 48} ${neckY + 4}" fill="none" stroke="${darken(studio.colour, 0.1)}" stroke-width="12"/>`,
    )
  }
  return { focus: [CX + 40, neckY + 120] as const, box: boxOf(points) }
}

/** A knitted bonnet with its ties, and a pair of mittens. */
export function drawBonnetSet(studio: Studio, side: Side) {
  const canvas = studio.canvas
  const bonnet: Point[] = [
    [CX - 190, 470, 40],
    [CX - 170, 240, 120],
    [CX + 170, 240, 120],
    [CX + 190, 470, 40],
    [CX + 120, 500, 30],
    [CX - 120, 500, 30],
  ]
  const mitten = (x: number): Point[] => [
    [x - 60, 820, 10],
    [x - 70, 640, 60],
    [x - 20, 600, 40],
    [x + 40, 610, 40],
    [x + 62, 700, 30],
    [x + 90, 690, 20],
    [x + 96, 740, 20],
    [x + 60, 760, 20],
    [x + 58, 820, 10],
  ]
  const shapes = [outline(bonnet), outline(mitten(CX - 120)), outline(mitten(CX + 100))]
  dropShadow(canvas, shapes)
  const clip = studio.cloth(shapes[0]!, boxOf(bonnet))
  if (side === 'front') {
    canvas.add(
      `<path clip-path="${clip}" d="M${CX - 150} 480Q${CX} 300 ${CX + 150} 480Z" fill="${darken(studio.colour, 0.35)}"/>`,
    )
  }
  studio.cloth(
    outline([
      [CX - 195, 440, 20],
      [CX + 195, 440, 20],
      [CX + 195, 500, 10],
      [CX - 195, 500, 10],
    ]),
    { x: CX - 195, y: 440, width: 390, height: 60 },
    { texture: 'rib' },
  )
  for (const sign of [-1, 1])
    canvas.add(
      `<path d="M${CX + sign * 180} 480q${sign * 40} 80 ${sign * 10} 180" fill="none" stroke="${darken(studio.colour, 0.08)}" stroke-width="14" stroke-linecap="round"/>`,
    )
  for (const x of [CX - 120, CX + 100]) {
    const points = mitten(x)
    const mClip = studio.cloth(outline(points), boxOf(points))
    studio.cloth(
      outline([
        [x - 64, 770, 6],
        [x + 62, 770, 6],
        [x + 62, 824, 6],
        [x - 64, 824, 6],
      ]),
      { x: x - 64, y: 770, width: 126, height: 54 },
      { texture: 'rib' },
    )
    void mClip
  }
  return { focus: [CX, 420] as const, box: { x: CX - 200, y: 240, width: 400, height: 600 } }
}
