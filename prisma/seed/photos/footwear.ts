import type { View } from './render.ts'
import { contactShadow, dropShadow, type Studio } from './studio.ts'
import { CX, boxOf, darken, lighten, outline, type Point } from './svg.ts'

// Shoes in profile, toe to the left, standing on the studio floor: the photo every shoe shop
// starts with. A pair (one shoe behind the other), a close-up and the outsole seen from below
// complete the set. Each style is an upper outline over a sole, plus what is sewn on it.

export type ShoeStyle =
  | 'sneaker'
  | 'runner'
  | 'high-top'
  | 'platform'
  | 'chelsea'
  | 'ankle-boot'
  | 'knee-boot'
  | 'lace-boot'
  | 'desert-boot'
  | 'pump'
  | 'block-heel'
  | 'slingback'
  | 'mule'
  | 'slide'
  | 'strappy'
  | 'espadrille'
  | 'loafer'
  | 'tassel-loafer'
  | 'boat-shoe'

export type ShoeDesign = { style: ShoeStyle }

type Sole = {
  colour: string
  height: number
  heel: number
  lug?: boolean
  texture?: 'straw' | null
}

const WHITE_SOLE = '#f2f0ec'
const GUM = '#b7834e'
const DARK_SOLE = '#2a2522'

/** Length of a shoe, in drawing units; the shoe's own coordinates run from 0 (toe) to this. */
const LENGTH = 566

function soleOf(style: ShoeStyle): Sole {
  switch (style) {
    case 'sneaker':
    case 'high-top':
      return { colour: WHITE_SOLE, height: 44, heel: 0 }
    case 'runner':
      return { colour: WHITE_SOLE, height: 58, heel: 10, lug: true }
    case 'platform':
      return { colour: WHITE_SOLE, height: 86, heel: 0 }
    case 'chelsea':
    case 'ankle-boot':
    case 'knee-boot':
      return { colour: DARK_SOLE, height: 26, heel: 42 }
    case 'lace-boot':
      return { colour: DARK_SOLE, height: 46, heel: 18, lug: true }
    case 'desert-boot':
      return { colour: GUM, height: 40, heel: 0 }
    case 'espadrille':
      return { colour: '#cdb283', height: 46, heel: 0, texture: 'straw' }
    case 'slide':
      return { colour: '#e9e2d6', height: 40, heel: 0 }
    case 'boat-shoe':
      return { colour: WHITE_SOLE, height: 30, heel: 0 }
    case 'loafer':
    case 'tassel-loafer':
      return { colour: '#3b2a20', height: 18, heel: 22 }
    default:
      return { colour: DARK_SOLE, height: 10, heel: 0 }
  }
}

const HEELED: ShoeStyle[] = ['pump', 'block-heel', 'slingback', 'mule', 'strappy']
const HEEL = 150

/** How tall the shoe stands, so it can sit in the frame. */
function heightOf(style: ShoeStyle) {
  if (style === 'knee-boot') return 760
  if (style === 'chelsea' || style === 'ankle-boot' || style === 'lace-boot') return 470
  if (style === 'desert-boot') return 360
  if (style === 'high-top') return 330
  if (HEELED.includes(style)) return HEEL + 120
  return 260
}

export function drawShoe(studio: Studio, design: ShoeDesign, view: View) {
  if (view === 'sole') return drawOutsole(studio, design)
  const style = design.style
  const tall = heightOf(style)
  const baseline = Math.min(880, 520 + tall / 2)
  const left = CX - LENGTH / 2
  const canvas = studio.canvas
  contactShadow(canvas, CX + 10, baseline, LENGTH * 0.5, 18)
  if (view === 'pair') {
    // The other shoe stands behind, a little further back and in shadow.
    canvas.add(`<g transform="translate(${left + 70} ${baseline - 54}) scale(0.97)">`)
    shoe(studio, style, 0.16)
    canvas.add('</g>')
    contactShadow(canvas, CX - 20, baseline + 6, LENGTH * 0.46, 12)
    canvas.add(`<g transform="translate(${left - 24} ${baseline + 8})">`)
  } else {
    canvas.add(`<g transform="translate(${left} ${baseline})">`)
  }
  const focus = shoe(studio, style, 0)
  canvas.add('</g>')
  const shift = view === 'pair' ? [left - 24, baseline + 8] : [left, baseline]
  return {
    focus: [shift[0]! + focus[0], shift[1]! + focus[1]] as const,
    box: { x: left, y: baseline - tall, width: LENGTH, height: tall },
  }
}

/** One shoe in its own coordinates (toe at x 0, floor at y 0). Returns where a close-up looks. */
function shoe(studio: Studio, style: ShoeStyle, shade: number): [number, number] {
  const canvas = studio.canvas
  const sole = soleOf(style)
  const heeled = HEELED.includes(style)
  const top = -sole.height - sole.heel
  const upperColour = studio.colour

  if (heeled) return heeledShoe(studio, style, shade)

  // The sole: a rubber cup with a little toe spring.
  const solePoints: Point[] = [
    [2, top + 6, 16],
    [26, -4, 30],
    [120, 0],
    [LENGTH - 40, 0, 8],
    [LENGTH + 2, -6, 10],
    [LENGTH + 4, top + 2, 8],
    [LENGTH * 0.55, top + 4, 120],
    [60, top - 2, 30],
  ]
  const soleD = outline(solePoints)

  const upper = upperOf(style, top)
  const upperD = outline(upper)
  const upperClip = studio.cloth(upperD, boxOf(upper), { shade, colour: upperColour })
  // Light from the upper left: the toe box and the top of the foot catch it.
  studio.fold(upperClip, [60, top - 70], [260, top - 120], 70, -0.14)
  studio.fold(upperClip, [LENGTH - 60, top - 40], [LENGTH - 20, top - 160], 50, 0.16)
  features(studio, style, top, upperClip)

  const soleClip = studio.cloth(soleD, boxOf(solePoints), {
    colour: sole.colour,
    texture: sole.texture ?? null,
    shade,
    edge: 0.7,
    sheen: 0.2,
  })
  if (sole.heel) {
    canvas.add(
      `<path clip-path="${soleClip}" d="M${LENGTH - 150} ${-sole.heel}H${LENGTH + 10}" stroke="#000" stroke-opacity="0.35" stroke-width="2"/>`,
    )
    canvas.add(
      `<rect clip-path="${soleClip}" x="${LENGTH - 150}" y="${-sole.heel}" width="170" height="${sole.heel}" fill="#000" fill-opacity="0.12"/>`,
    )
  }
  if (sole.lug) {
    let d = ''
    for (let x = 20; x < LENGTH; x += 26) d += `M${x} 0v-12h14v12`
    canvas.add(`<path clip-path="${soleClip}" d="${d}" fill="#000" fill-opacity="0.3"/>`)
  }
  if (sole.colour === WHITE_SOLE) {
    canvas.add(
      `<path clip-path="${soleClip}" d="M10 ${-sole.height * 0.45}H${LENGTH}" stroke="#000" stroke-opacity="0.1" stroke-width="3"/>`,
    )
  }
  studio.stitch(`M40 ${top + 10}Q${LENGTH * 0.55} ${top + 12} ${LENGTH - 6} ${top + 8}`, {
    clip: soleClip,
    colour: darken(sole.colour, 0.35),
    width: 1.6,
  })
  return [260, top - 120]
}

function upperOf(style: ShoeStyle, top: number): Point[] {
  const y = (value: number) => top - value
  switch (style) {
    case 'chelsea':
    case 'ankle-boot':
    case 'lace-boot':
    case 'desert-boot':
      return bootUpper(y, style === 'desert-boot' ? 300 : 420)
    case 'knee-boot':
      return [
        [6, y(0), 10],
        [16, y(60), 50],
        [140, y(112), 80],
        [276, y(150), 70],
        [322, y(250), 70],
        [306, y(420), 120],
        [328, y(700), 10],
        [528, y(700), 10],
        [548, y(480), 140],
        [528, y(300), 90],
        [560, y(170), 60],
        [580, y(80), 40],
        [LENGTH, y(0), 6],
      ]
    case 'high-top':
      return [
        [4, y(0), 10],
        [14, y(54), 40],
        [130, y(100), 70],
        [250, y(140), 40],
        [330, y(250), 30],
        [356, y(286), 10],
        [452, y(262), 40],
        [540, y(286), 14],
        [566, y(200), 60],
        [576, y(50), 30],
        [LENGTH - 6, y(0), 6],
      ]
    case 'loafer':
    case 'tassel-loafer':
    case 'boat-shoe':
      return [
        [6, y(0), 10],
        [20, y(64), 50],
        [150, y(120), 70],
        [296, y(140), 16],
        [322, y(132), 16],
        [440, y(110), 60],
        [540, y(124), 20],
        [574, y(80), 40],
        [LENGTH - 4, y(0), 6],
      ]
    case 'espadrille':
      return [
        [6, y(0), 10],
        [22, y(58), 50],
        [160, y(110), 70],
        [300, y(128), 16],
        [330, y(118), 30],
        [470, y(100), 60],
        [548, y(106), 20],
        [572, y(60), 30],
        [LENGTH - 4, y(0), 6],
      ]
    case 'slide':
      // Only the strap: the footbed is the sole.
      return [
        [70, y(0), 6],
        [120, y(120), 60],
        [260, y(150), 70],
        [360, y(60), 40],
        [380, y(0), 6],
      ]
    default:
      return [
        [4, y(0), 10],
        [14, y(52), 40],
        [120, y(100), 70],
        [240, y(132), 30],
        [384, y(198), 16],
        [404, y(206), 16],
        [470, y(166), 50],
        [546, y(190), 24],
        [572, y(130), 50],
        [576, y(40), 30],
        [LENGTH - 6, y(0), 6],
      ]
  }
}

function bootUpper(y: (value: number) => number, shaft: number): Point[] {
  return [
    [6, y(0), 10],
    [16, y(60), 50],
    [140, y(112), 80],
    [270, y(150), 60],
    [318, y(228), 60],
    [304, y(shaft * 0.78), 80],
    [314, y(shaft), 8],
    [522, y(shaft), 8],
    [534, y(shaft * 0.72), 80],
    [556, y(190), 60],
    [580, y(80), 40],
    [LENGTH, y(0), 6],
  ]
}

/** Laces, toe caps, gussets, straps and tassels: what makes each style itself. */
function features(studio: Studio, style: ShoeStyle, top: number, clip: string) {
  const canvas = studio.canvas
  const y = (value: number) => top - value
  const lace =
    style === 'sneaker' ||
    style === 'runner' ||
    style === 'platform' ||
    style === 'high-top' ||
    style === 'lace-boot' ||
    style === 'desert-boot' ||
    style === 'boat-shoe'
  const thread = studio.thread
  switch (style) {
    case 'sneaker':
    case 'platform':
    case 'high-top': {
      // Rubber toe cap and a side panel.
      studio.cloth(
        `M6 ${y(0)}Q8 ${y(58)} 70 ${y(84)}Q40 ${y(40)} 54 ${y(0)}Z`,
        { x: 0, y: y(90), width: 80, height: 90 },
        { colour: WHITE_SOLE, texture: null, edge: 0.5 },
      )
      studio.seam(`M190 ${y(4)}Q250 ${y(90)} 320 ${y(120)}`, clip)
      studio.stitch(`M180 ${y(8)}Q240 ${y(92)} 312 ${y(128)}`, { clip, colour: thread })
      // The heel counter, following the back of the shoe.
      const high = style === 'high-top'
      studio.cloth(
        `M${LENGTH - 70} ${y(0)}Q${LENGTH - 90} ${y(high ? 160 : 110)} ${LENGTH - 40} ${y(high ? 270 : 182)}L${LENGTH - 20} ${y(high ? 280 : 186)}Q${LENGTH + 14} ${y(high ? 160 : 110)} ${LENGTH + 8} ${y(0)}Z`,
        { x: LENGTH - 90, y: y(280), width: 110, height: 280 },
        { colour: darken(studio.colour, 0.18), edge: 0.6 },
      )
      break
    }
    case 'runner': {
      for (const offset of [0, 26]) {
        canvas.add(
          `<path clip-path="${clip}" d="M${140 + offset} ${y(6)}Q${300 + offset} ${y(60)} ${420 + offset} ${y(170)}" fill="none" stroke="${lighten(studio.colour, 0.5)}" stroke-width="12" stroke-linecap="round"/>`,
        )
      }
      studio.cloth(
        `M${LENGTH - 70} ${y(180)}L${LENGTH + 8} ${y(130)}L${LENGTH + 8} ${y(30)}L${LENGTH - 80} ${y(20)}Z`,
        { x: LENGTH - 80, y: y(180), width: 90, height: 160 },
        { colour: darken(studio.colour, 0.25), edge: 0.6, texture: 'leather' },
      )
      break
    }
    case 'chelsea': {
      // The elastic side panel and the pull tab.
      studio.cloth(
        `M380 ${y(420)}Q396 ${y(240)} 430 ${y(220)}Q466 ${y(240)} 480 ${y(420)}Z`,
        { x: 380, y: y(420), width: 100, height: 200 },
        { colour: darken(studio.colour, 0.55), texture: 'rib', edge: 0.8 },
      )
      studio.stitch(`M372 ${y(420)}Q388 ${y(232)} 430 ${y(210)}Q474 ${y(232)} 488 ${y(420)}`, {
        clip,
        colour: thread,
      })
      studio.cloth(
        `M500 ${y(400)}Q506 ${y(480)} 530 ${y(478)}Q546 ${y(470)} 526 ${y(400)}Z`,
        { x: 500, y: y(480), width: 46, height: 80 },
        { colour: darken(studio.colour, 0.35), edge: 0.8 },
      )
      break
    }
    case 'ankle-boot':
    case 'knee-boot': {
      const shaft = style === 'knee-boot' ? 700 : 420
      canvas.add(
        `<path clip-path="${clip}" d="M470 ${y(shaft)}L486 ${y(80)}" stroke="#000" stroke-opacity="0.45" stroke-width="4"/>`,
      )
      studio.zip(478, y(shaft) + 6, y(90), 'gunmetal')
      break
    }
    case 'lace-boot': {
      studio.cloth(
        `M6 ${y(0)}Q10 ${y(70)} 110 ${y(104)}Q90 ${y(50)} 110 ${y(0)}Z`,
        { x: 0, y: y(110), width: 120, height: 110 },
        { colour: darken(studio.colour, 0.1), edge: 0.7 },
      )
      studio.stitch(`M104 ${y(8)}Q86 ${y(56)} 104 ${y(96)}`, { clip, colour: thread })
      studio.cloth(
        `M330 ${y(440)}Q430 ${y(470)} 526 ${y(440)}L528 ${y(400)}Q430 ${y(420)} 334 ${y(400)}Z`,
        { x: 330, y: y(470), width: 200, height: 70 },
        { colour: darken(studio.colour, 0.3), edge: 0.7, texture: 'leather' },
      )
      break
    }
    case 'desert-boot':
      studio.seam(`M300 ${y(280)}Q250 ${y(170)} 130 ${y(112)}`, clip, 1.3)
      studio.stitch(`M290 ${y(282)}Q240 ${y(160)} 124 ${y(104)}`, { clip, colour: thread })
      break
    case 'loafer':
    case 'tassel-loafer': {
      // The moccasin seam around the vamp, and a strap across it.
      studio.seam(`M90 ${y(80)}Q160 ${y(136)} 300 ${y(112)}`, clip, 1.4)
      studio.stitch(`M96 ${y(72)}Q164 ${y(126)} 300 ${y(102)}`, { clip, colour: thread })
      if (style === 'loafer') {
        studio.cloth(
          `M220 ${y(120)}L316 ${y(114)}L318 ${y(84)}L224 ${y(92)}Z`,
          { x: 220, y: y(120), width: 100, height: 40 },
          { colour: darken(studio.colour, 0.08), edge: 1 },
        )
        canvas.add(
          `<path d="M252 ${y(104)}q16 -8 34 -2" stroke="#000" stroke-opacity="0.5" stroke-width="5" stroke-linecap="round" fill="none"/>`,
        )
      } else {
        for (const dx of [0, 22]) {
          canvas.add(
            `<path d="M${270 + dx} ${y(110)}q-4 40 -14 70" stroke="${darken(studio.colour, 0.3)}" stroke-width="5" fill="none" stroke-linecap="round"/>`,
            `<path d="M${250 + dx} ${y(42)}q6 -22 12 -34q6 12 10 34q-11 6 -22 0Z" fill="${darken(studio.colour, 0.15)}"/>`,
          )
        }
      }
      break
    }
    case 'boat-shoe':
      studio.seam(`M90 ${y(80)}Q160 ${y(136)} 300 ${y(112)}`, clip, 1.4)
      canvas.add(
        `<path d="M300 ${y(110)}Q420 ${y(96)} 560 ${y(60)}" stroke="#d6c7a8" stroke-width="6" fill="none"/>`,
      )
      break
    case 'espadrille':
      studio.stitch(`M20 ${y(10)}Q${LENGTH / 2} ${y(14)} ${LENGTH - 4} ${y(8)}`, {
        clip,
        colour: '#e8dcc0',
        width: 3,
      })
      break
    case 'slide':
      break
    default:
      break
  }
  if (lace) {
    const [start, end] =
      style === 'lace-boot'
        ? [
            [250, y(150)],
            [330, y(400)],
          ]
        : style === 'desert-boot'
          ? [
              [250, y(160)],
              [300, y(270)],
            ]
          : style === 'high-top'
            ? [
                [250, y(140)],
                [340, y(262)],
              ]
            : style === 'boat-shoe'
              ? [
                  [240, y(104)],
                  [300, y(110)],
                ]
              : [
                  [236, y(138)],
                  [374, y(192)],
                ]
    const count: number =
      style === 'lace-boot' ? 7 : style === 'desert-boot' || style === 'boat-shoe' ? 2 : 5
    const laceColour =
      studio.colour === '#fafaf9' || studio.colour === '#f3ead8'
        ? '#e7e5e4'
        : lighten(studio.colour, 0.75)
    let d = ''
    const holes: Array<[number, number]> = []
    for (let index = 0; index < count; index++) {
      const t = count === 1 ? 0 : index / (count - 1)
      const x = start[0]! + (end[0]! - start[0]!) * t
      const yy = start[1]! + (end[1]! - start[1]!) * t
      holes.push([x, yy])
      d += `M${x - 16} ${yy + 10}L${x + 14} ${yy - 12}`
    }
    studio.cloth(
      `M${start[0]! - 30} ${start[1]! + 20}L${end[0]! - 24} ${end[1]! - 6}L${end[0]! + 20} ${end[1]! - 20}L${start[0]! + 30} ${start[1]! - 6}Z`,
      {
        x: start[0]! - 30,
        y: end[1]! - 20,
        width: end[0]! - start[0]! + 60,
        height: start[1]! - end[1]! + 40,
      },
      { colour: darken(studio.colour, 0.12), edge: 0.6 },
    )
    for (const [x, yy] of holes) {
      canvas.add(`<circle cx="${x - 14}" cy="${yy + 8}" r="5" fill="#1c1917" fill-opacity="0.7"/>`)
      canvas.add(
        `<circle cx="${x - 14}" cy="${yy + 8}" r="5" fill="none" stroke="#c9ccd1" stroke-width="2"/>`,
      )
    }
    canvas.add(
      `<path d="${d}" stroke="#000" stroke-opacity="0.25" stroke-width="9" stroke-linecap="round" transform="translate(1.5 2)"/>`,
      `<path d="${d}" stroke="${laceColour}" stroke-width="8" stroke-linecap="round"/>`,
    )
    // A bow at the top.
    const [bx, by] = holes.at(-1)!
    canvas.add(
      `<path d="M${bx} ${by - 6}q-40 -30 -54 6q30 8 54 -6q30 -40 58 -8q-30 18 -58 8" fill="none" stroke="${laceColour}" stroke-width="7" stroke-linecap="round"/>`,
      `<path d="M${bx} ${by - 6}q-16 40 -30 76M${bx} ${by - 6}q10 40 2 84" fill="none" stroke="${laceColour}" stroke-width="7" stroke-linecap="round"/>`,
    )
  }
  // The collar's inside, a shadow where the foot goes.
  if (style === 'sneaker' || style === 'runner' || style === 'platform') {
    canvas.add(
      `<path d="M404 ${y(206)}Q470 ${y(150)} 546 ${y(190)}Q476 ${y(176)} 404 ${y(206)}Z" fill="${darken(studio.colour, 0.6)}"/>`,
    )
  }
  if (
    style === 'loafer' ||
    style === 'tassel-loafer' ||
    style === 'boat-shoe' ||
    style === 'espadrille'
  ) {
    canvas.add(
      `<path d="M322 ${y(132)}Q440 ${y(96)} 540 ${y(124)}Q440 ${y(112)} 322 ${y(132)}Z" fill="${darken(studio.colour, 0.6)}"/>`,
    )
  }
  if (style !== 'slide' && style !== 'espadrille') {
    const shaftTop =
      style === 'knee-boot'
        ? y(700)
        : style === 'chelsea' || style === 'ankle-boot' || style === 'lace-boot'
          ? y(420)
          : style === 'desert-boot'
            ? y(300)
            : null
    if (shaftTop !== null) {
      canvas.add(
        `<ellipse cx="428" cy="${shaftTop + 4}" rx="92" ry="12" fill="${darken(studio.colour, 0.55)}"/>`,
      )
    }
  }
}

function heeledShoe(studio: Studio, style: ShoeStyle, shade: number): [number, number] {
  const canvas = studio.canvas
  const colour = studio.colour
  const heelSeat = -HEEL
  // The sole line: flat under the toes, rising along the arch to the heel seat.
  const sole: Point[] = [
    [0, -6, 6],
    [20, 0, 20],
    [150, 0, 40],
    [300, -40, 120],
    [430, heelSeat + 6, 40],
    [500, heelSeat, 8],
    [500, heelSeat - 10],
    [430, heelSeat - 4, 40],
    [300, -52, 120],
    [150, -12, 40],
    [20, -12, 10],
  ]
  const block = style === 'block-heel' || style === 'mule'
  const heel: Point[] = block
    ? [
        [440, heelSeat, 4],
        [500, heelSeat, 4],
        [492, 0, 4],
        [450, 0, 4],
      ]
    : [
        [452, heelSeat, 4],
        [500, heelSeat, 4],
        [486, 0, 2],
        [476, 0, 2],
      ]
  const heelClip = studio.cloth(outline(heel), boxOf(heel), {
    shade: shade + 0.1,
    texture: 'leather',
    sheen: 0.5,
  })
  canvas.add(
    `<rect clip-path="${heelClip}" x="430" y="-10" width="80" height="10" fill="#1c1917"/>`,
  )
  studio.cloth(outline(sole), boxOf(sole), { colour: '#2b2522', texture: null, shade, edge: 0.5 })

  let upper: Point[]
  switch (style) {
    case 'strappy': {
      // Thin straps over the toes and round the ankle.
      for (const [x, w] of [
        [60, 40],
        [150, 30],
      ] as const) {
        studio.cloth(
          `M${x - 40} -14Q${x} ${-80 - w} ${x + 60} -20L${x + 72} -24Q${x + 4} ${-100 - w} ${x - 52} -18Z`,
          { x: x - 52, y: -130 - w, width: 130, height: 130 },
          { shade, edge: 0.8, sheen: 0.5 },
        )
      }
      studio.cloth(
        `M420 ${heelSeat - 4}Q440 ${heelSeat - 110} 470 ${heelSeat - 118}L500 ${heelSeat - 100}L506 ${heelSeat - 8}Z`,
        { x: 420, y: heelSeat - 120, width: 90, height: 120 },
        { shade, edge: 0.8 },
      )
      canvas.add(
        `<path d="M300 ${heelSeat - 90}Q400 ${heelSeat - 140} 500 ${heelSeat - 98}" fill="none" stroke="${colour}" stroke-width="12" stroke-linecap="round"/>`,
      )
      studio.rivet(320, heelSeat - 96, 6, 'gold')
      return [120, -90]
    }
    case 'mule':
      upper = [
        [0, -8, 6],
        [26, -62, 40],
        [160, -116, 60],
        [270, -110, 20],
        [290, -60, 20],
        [200, -22, 40],
        [40, -14, 6],
      ]
      break
    default:
      upper = [
        [0, -8, 6],
        [30, -64, 40],
        [170, -112, 60],
        [240, -118, 30],
        [320, heelSeat - 30, 90],
        [460, heelSeat - 64, 30],
        [506, heelSeat - 70, 10],
        [506, heelSeat - 6, 6],
        [430, heelSeat, 30],
        [300, -50, 100],
        [150, -14, 40],
        [20, -14, 6],
      ]
  }
  const clip = studio.cloth(outline(upper), boxOf(upper), {
    shade,
    sheen: Math.max(0.4, studio.surface.sheen),
  })
  studio.fold(clip, [40, -60], [200, -110], 60, -0.2)
  if (style === 'slingback') {
    canvas.add(
      `<path clip-path="${clip}" d="M330 ${heelSeat - 40}L520 ${heelSeat - 40}L520 ${heelSeat + 60}L330 ${heelSeat + 60}Z" fill="#000" fill-opacity="0"/>`,
    )
    canvas.add(
      `<path d="M360 ${heelSeat - 32}Q460 ${heelSeat - 90} 508 ${heelSeat - 60}" fill="none" stroke="${colour}" stroke-width="11"/>`,
    )
  }
  if (style === 'block-heel') {
    canvas.add(
      `<path d="M420 ${heelSeat - 62}Q470 ${heelSeat - 120} 500 ${heelSeat - 100}" fill="none" stroke="${darken(colour, 0.05)}" stroke-width="14" stroke-linecap="round"/>`,
    )
    studio.rivet(432, heelSeat - 70, 6, 'gold')
  }
  // The inside of the shoe, seen over the topline.
  canvas.add(
    `<path d="M240 -118Q330 ${heelSeat - 40} 460 ${heelSeat - 64}Q360 ${heelSeat - 10} 240 -118Z" fill="${darken(colour, 0.5)}" fill-opacity="0.8"/>`,
  )
  return [120, -80]
}

/** The outsole seen from below, toe at the top: tread, heel and a moulded logo. */
function drawOutsole(studio: Studio, design: ShoeDesign) {
  const canvas = studio.canvas
  const sole = soleOf(design.style)
  const heeled = HEELED.includes(design.style)
  const points: Point[] = [
    [CX - 10, 120, 60],
    [CX + 110, 150, 110],
    [CX + 130, 360, 120],
    [CX + 70, 600, 120],
    [CX + 96, 820, 100],
    [CX, 890, 80],
    [CX - 96, 830, 100],
    [CX - 80, 600, 120],
    [CX - 120, 360, 120],
    [CX - 110, 170, 100],
  ]
  const d = outline(points)
  dropShadow(canvas, [d], 6, 12)
  const colour = heeled ? '#2b2522' : sole.colour
  const clip = studio.cloth(d, boxOf(points), {
    colour,
    texture: sole.texture ?? 'leather',
    sheen: 0.15,
  })
  const groove = darken(colour, 0.35)
  if (sole.lug) {
    let pattern = ''
    for (let y = 150; y < 880; y += 44)
      pattern += `M${CX - 140} ${y}l40 20l40 -20l40 20l40 -20l40 20l40 -20l40 20`
    canvas.add(
      `<path clip-path="${clip}" d="${pattern}" fill="none" stroke="${groove}" stroke-width="9"/>`,
    )
  } else {
    let pattern = ''
    for (let y = 160; y < 560; y += 22) pattern += `M${CX - 150} ${y}h300`
    for (let y = 640; y < 880; y += 22) pattern += `M${CX - 150} ${y}h300`
    canvas.add(
      `<path clip-path="${clip}" d="${pattern}" fill="none" stroke="${groove}" stroke-opacity="0.6" stroke-width="5"/>`,
    )
  }
  // The waist between forefoot and heel, smooth, with the maker's mark.
  canvas.add(
    `<path clip-path="${clip}" d="M${CX - 140} 580h280v50h-280z" fill="${colour}"/>`,
    `<rect clip-path="${clip}" x="${CX - 40}" y="592" width="80" height="26" rx="13" fill="none" stroke="${groove}" stroke-width="3"/>`,
  )
  studio.stitch(
    outline(points.map(([x, y, r]) => [CX + (x - CX) * 0.9, 120 + (y - 120) * 0.96 + 8, r])),
    {
      clip,
      colour: darken(colour, 0.25),
    },
  )
  void lighten
  return { focus: [CX, 300] as const, box: boxOf(points) }
}
