import type { Side } from './garments.ts'
import { METALS, contactShadow, dropShadow, type Metal, type Studio } from './studio.ts'
import { CX, boxOf, contrast, darken, lighten, mix, outline, symmetric, type Point } from './svg.ts'

// Bags stand on the studio floor; hats, scarves, belts, jewellery and sunglasses lie flat.
// The variant's colour goes where a shopper would look for it: the leather of a bag, the band
// of a straw hat, the stone of a pendant, the frame of sunglasses.

export type AccessoryDesign =
  | {
      kind: 'bag'
      style: 'tote' | 'market' | 'backpack' | 'roll-top' | 'crossbody' | 'saddle' | 'belt-bag'
    }
  | { kind: 'hat'; style: 'bucket' | 'cap' | 'beanie' | 'straw' }
  | { kind: 'scarf'; style: 'silk' | 'wool' | 'bandana' }
  | { kind: 'belt'; style: 'leather' | 'woven' | 'canvas' }
  | { kind: 'jewellery'; style: 'hoops' | 'pendant' | 'signet' | 'bracelet'; metal: Metal }
  | { kind: 'sunglasses'; style: 'round' | 'cat-eye' | 'aviator'; metal?: Metal }

type Drawn = {
  focus: readonly [number, number]
  box: { x: number; y: number; width: number; height: number }
}

// ---------------------------------------------------------------- bags

export function drawBag(
  studio: Studio,
  design: Extract<AccessoryDesign, { kind: 'bag' }>,
  side: Side,
): Drawn {
  const canvas = studio.canvas
  const trim = studio.surface.texture === 'leather' ? darken(studio.colour, 0.25) : '#9a6b43'
  switch (design.style) {
    case 'tote':
    case 'market': {
      const body: Point[] = [
        [CX - 215, 390, 8],
        [CX + 215, 390, 8],
        [CX + 185, 860, 14],
        [CX - 185, 860, 14],
      ]
      contactShadow(canvas, CX, 862, 230, 16)
      // The back handle first, behind the body.
      canvas.add(
        `<path d="M${CX - 100} 400Q${CX - 80} 150 ${CX + 10} 150Q${CX + 100} 150 ${CX + 120} 400" fill="none" stroke="${darken(trim, 0.25)}" stroke-width="26" stroke-linecap="round"/>`,
      )
      const clip = studio.cloth(outline(body), boxOf(body), {
        texture: design.style === 'market' ? 'straw' : undefined,
      })
      studio.fold(clip, [CX - 120, 420], [CX - 90, 850], 60, 0.12)
      studio.fold(clip, [CX + 80, 420], [CX + 110, 850], 80, -0.08)
      studio.stitch(`M${CX - 212} 420H${CX + 212}`, { clip })
      studio.cloth(
        outline([
          [CX - 200, 780, 4],
          [CX + 200, 780, 4],
          [CX + 185, 860, 14],
          [CX - 185, 860, 14],
        ]),
        { x: CX - 200, y: 780, width: 400, height: 80 },
        { colour: trim, texture: 'leather', edge: 0.8 },
      )
      if (side === 'front') {
        canvas.add(
          `<rect x="${CX - 40}" y="470" width="80" height="40" rx="4" fill="${trim}"/>`,
          `<path d="M${CX - 26} 486h52M${CX - 18} 496h36" stroke="${lighten(trim, 0.5)}" stroke-width="3"/>`,
        )
      }
      for (const x of [CX - 110, CX + 110]) studio.rivet(x, 410, 7, 'brass')
      canvas.add(
        `<path d="M${CX - 110} 404Q${CX - 96} 120 ${CX} 120Q${CX + 96} 120 ${CX + 110} 404" fill="none" stroke="#000" stroke-opacity="0.2" stroke-width="28" stroke-linecap="round" transform="translate(4 6)"/>`,
        `<path d="M${CX - 110} 404Q${CX - 96} 120 ${CX} 120Q${CX + 96} 120 ${CX + 110} 404" fill="none" stroke="${trim}" stroke-width="26" stroke-linecap="round"/>`,
        `<path d="M${CX - 104} 398Q${CX - 92} 130 ${CX} 130Q${CX + 92} 130 ${CX + 104} 398" fill="none" stroke="#fff" stroke-opacity="0.22" stroke-width="4"/>`,
      )
      return { focus: [CX, 430], box: boxOf(body) }
    }
    case 'backpack':
    case 'roll-top': {
      const rollTop = design.style === 'roll-top'
      const body: Point[] = symmetric([
        [CX, rollTop ? 250 : 220],
        [CX + 190, rollTop ? 250 : 250, rollTop ? 20 : 130],
        [CX + 200, 860, 40],
        [CX, 866],
      ])
      contactShadow(canvas, CX, 866, 220, 16)
      if (side === 'back') {
        const clip = studio.cloth(outline(body), boxOf(body))
        // The padded shoulder straps.
        const right: Point[] = [
          [CX + 40, 280, 20],
          [CX + 130, 290, 30],
          [CX + 150, 760, 30],
          [CX + 90, 770, 20],
        ]
        for (const strap of [
          right,
          right.map(([x, y, r]) => [2 * CX - x, y, r] as Point).reverse(),
        ])
          studio.cloth(outline(strap), boxOf(strap), { shade: 0.1, edge: 1.2, texture: 'nylon' })
        studio.stitch(`M${CX - 160} 300H${CX + 160}V820H${CX - 160}Z`, { clip })
        return { focus: [CX + 100, 400], box: boxOf(body) }
      }
      const clip = studio.cloth(outline(body), boxOf(body))
      studio.fold(clip, [CX - 150, 300], [CX - 160, 840], 40, 0.14)
      if (rollTop) {
        studio.cloth(
          outline([
            [CX - 200, 200, 30],
            [CX + 200, 200, 30],
            [CX + 196, 290, 30],
            [CX - 196, 290, 30],
          ]),
          { x: CX - 200, y: 200, width: 400, height: 90 },
          { edge: 1.2 },
        )
        for (const y of [230, 258]) studio.seam(`M${CX - 196} ${y}H${CX + 196}`, undefined, 0.8)
        for (const x of [CX - 100, CX + 100]) {
          canvas.add(
            `<rect x="${x - 18}" y="200" width="36" height="330" rx="4" fill="${darken(studio.colour, 0.3)}"/>`,
          )
          const buckle = studio.metal('gunmetal', { x: x - 24, y: 500, width: 48, height: 40 })
          canvas.add(`<rect x="${x - 24}" y="500" width="48" height="40" rx="6" fill="${buckle}"/>`)
        }
      } else {
        // Zip round the top and a grab handle.
        canvas.add(
          `<path d="M${CX - 30} 214q30 -70 60 0" fill="none" stroke="${darken(studio.colour, 0.3)}" stroke-width="16" stroke-linecap="round"/>`,
        )
        studio.seam(`M${CX - 170} 330Q${CX} 230 ${CX + 170} 330`, clip, 1.4)
      }
      const pocket: Point[] = [
        [CX - 150, 560, 40],
        [CX + 150, 560, 40],
        [CX + 160, 820, 30],
        [CX - 160, 820, 30],
      ]
      const pocketClip = studio.cloth(outline(pocket), boxOf(pocket), { edge: 1 })
      studio.zip(CX - 120, 590, 590, 'gunmetal')
      canvas.add(
        `<path clip-path="${pocketClip}" d="M${CX - 130} 590H${CX + 130}" stroke="${darken(studio.colour, 0.4)}" stroke-width="8"/>`,
      )
      canvas.add(
        `<rect x="${CX - 34}" y="680" width="68" height="34" rx="4" fill="${contrast(studio.colour, 0.5)}"/>`,
      )
      return { focus: [CX - 60, 600], box: boxOf(body) }
    }
    case 'crossbody':
    case 'saddle':
    case 'belt-bag': {
      if (design.style === 'belt-bag') {
        const body: Point[] = [
          [CX - 210, 520, 80],
          [CX + 210, 520, 80],
          [CX + 220, 720, 90],
          [CX - 220, 720, 90],
        ]
        contactShadow(canvas, CX, 740, 240, 14)
        for (const sign of [-1, 1]) {
          canvas.add(
            `<path d="M${CX + sign * 200} 600Q${CX + sign * 320} 590 ${CX + sign * 360} 660" fill="none" stroke="${darken(studio.colour, 0.4)}" stroke-width="34" stroke-linecap="round"/>`,
          )
        }
        const clip = studio.cloth(outline(body), boxOf(body))
        studio.fold(clip, [CX - 200, 700], [CX + 200, 700], 40, 0.2)
        if (side === 'front') {
          studio.zip(CX - 170, 560, 560, 'gunmetal')
          canvas.add(
            `<path clip-path="${clip}" d="M${CX - 190} 560Q${CX} 540 ${CX + 190} 560" stroke="${darken(studio.colour, 0.4)}" stroke-width="8" fill="none"/>`,
          )
        }
        const buckle = studio.metal('gunmetal', { x: CX + 330, y: 630, width: 60, height: 60 })
        canvas.add(`<rect x="${CX + 320}" y="630" width="50" height="56" rx="8" fill="${buckle}"/>`)
        return { focus: [CX - 120, 580], box: boxOf(body) }
      }
      const saddle = design.style === 'saddle'
      const body: Point[] = saddle
        ? [
            [CX - 200, 450, 20],
            [CX + 200, 450, 20],
            [CX + 200, 640, 170],
            [CX, 830, 120],
            [CX - 200, 640, 170],
          ]
        : [
            [CX - 200, 460, 24],
            [CX + 200, 460, 24],
            [CX + 205, 800, 30],
            [CX - 205, 800, 30],
          ]
      contactShadow(canvas, CX, saddle ? 832 : 802, 220, 14)
      // The strap rises out of the frame from the bag's sides.
      canvas.add(
        `<path d="M${CX - 190} 470Q${CX - 170} 60 ${CX} 40Q${CX + 170} 60 ${CX + 190} 470" fill="none" stroke="${darken(studio.colour, 0.2)}" stroke-width="22"/>`,
        `<path d="M${CX - 190} 470Q${CX - 170} 60 ${CX} 40Q${CX + 170} 60 ${CX + 190} 470" fill="none" stroke="#fff" stroke-opacity="0.2" stroke-width="4"/>`,
      )
      for (const sign of [-1, 1]) {
        const ring = studio.metal('gold', {
          x: CX + sign * 190 - 16,
          y: 450,
          width: 32,
          height: 32,
        })
        canvas.add(
          `<circle cx="${CX + sign * 190}" cy="466" r="14" fill="none" stroke="${ring}" stroke-width="6"/>`,
        )
      }
      const clip = studio.cloth(outline(body), boxOf(body))
      studio.fold(clip, [CX - 180, 780], [CX + 180, 780], 30, 0.18)
      if (side === 'front') {
        const flap: Point[] = saddle
          ? [
              [CX - 206, 444, 20],
              [CX + 206, 444, 20],
              [CX + 190, 600, 150],
              [CX, 760, 100],
              [CX - 190, 600, 150],
            ]
          : [
              [CX - 206, 452, 24],
              [CX + 206, 452, 24],
              [CX + 206, 660, 60],
              [CX, 700, 80],
              [CX - 206, 660, 60],
            ]
        const flapClip = studio.cloth(outline(flap), boxOf(flap), { edge: 1.3 })
        studio.stitch(
          outline(flap.map(([x, y, r]) => [CX + (x - CX) * 0.93, 452 + (y - 452) * 0.93, r])),
          {
            clip: flapClip,
          },
        )
        const clasp = studio.metal('gold', {
          x: CX - 30,
          y: saddle ? 700 : 660,
          width: 60,
          height: 40,
        })
        canvas.add(
          `<rect x="${CX - 28}" y="${saddle ? 712 : 664}" width="56" height="34" rx="10" fill="${clasp}" stroke="${METALS.gold[2]}"/>`,
        )
      } else {
        studio.stitch(`M${CX - 180} 520H${CX + 180}`, { clip })
      }
      return { focus: [CX, saddle ? 700 : 650], box: boxOf(body) }
    }
  }
}

// ---------------------------------------------------------------- hats

export function drawHat(
  studio: Studio,
  design: Extract<AccessoryDesign, { kind: 'hat' }>,
  side: Side,
): Drawn {
  const canvas = studio.canvas
  switch (design.style) {
    case 'bucket': {
      const brim: Point[] = [
        [CX - 180, 540, 10],
        [CX + 180, 540, 10],
        [CX + 290, 700, 40],
        [CX, 760, 200],
        [CX - 290, 700, 40],
      ]
      const crown: Point[] = [
        [CX - 150, 300, 70],
        [CX + 150, 300, 70],
        [CX + 182, 570, 6],
        [CX - 182, 570, 6],
      ]
      dropShadow(canvas, [outline(brim), outline(crown)])
      const brimClip = studio.cloth(outline(brim), boxOf(brim))
      for (const k of [0.88, 0.76, 0.64])
        studio.stitch(
          `M${CX - 180 - 110 * k} ${540 + 160 * k}Q${CX} ${540 + 260 * k} ${CX + 180 + 110 * k} ${540 + 160 * k}`,
          { clip: brimClip },
        )
      const crownClip = studio.cloth(outline(crown), boxOf(crown))
      studio.fold(crownClip, [CX - 40, 320], [CX - 60, 560], 60, -0.12)
      studio.stitch(`M${CX - 176} 530H${CX + 176}`, { clip: crownClip })
      if (side === 'front') for (const x of [CX - 120, CX + 120]) studio.rivet(x, 420, 7, 'silver')
      return { focus: [CX + 100, 560], box: boxOf(brim) }
    }
    case 'cap': {
      const crown: Point[] = [
        [CX - 200, 640, 20],
        [CX - 150, 380, 180],
        [CX + 40, 300, 160],
        [CX + 220, 420, 150],
        [CX + 240, 640, 20],
      ]
      const brim: Point[] = [
        [CX - 196, 600, 20],
        [CX - 340, 640, 60],
        [CX - 320, 720, 60],
        [CX - 120, 690, 40],
        [CX + 40, 650, 20],
      ]
      dropShadow(canvas, [outline(crown), outline(brim)])
      const crownClip = studio.cloth(outline(crown), boxOf(crown))
      studio.seam(`M${CX + 20} 300Q${CX - 60} 450 ${CX - 40} 640`, crownClip)
      studio.seam(`M${CX + 20} 300Q${CX + 150} 420 ${CX + 150} 640`, crownClip)
      studio.stitch(`M${CX + 4} 310Q${CX - 80} 450 ${CX - 60} 640`, { clip: crownClip })
      for (const [x, y] of [
        [CX - 100, 440],
        [CX + 120, 430],
      ] as const)
        canvas.add(
          `<circle clip-path="${crownClip}" cx="${x}" cy="${y}" r="6" fill="${darken(studio.colour, 0.5)}"/>`,
        )
      canvas.add(
        `<ellipse cx="${CX + 22}" cy="302" rx="18" ry="10" fill="${darken(studio.colour, 0.15)}"/>`,
      )
      if (side === 'front') {
        const brimClip = studio.cloth(outline(brim), boxOf(brim), { shade: 0.05 })
        for (const k of [0.2, 0.35, 0.5])
          studio.stitch(
            `M${CX - 196 - 130 * k} ${600 + 60 * k}Q${CX - 160} ${680 - 40 * k} ${CX + 30} ${650 - 20 * k}`,
            {
              clip: brimClip,
            },
          )
        canvas.add(
          `<rect x="${CX + 20}" y="520" width="90" height="40" rx="4" fill="${contrast(studio.colour, 0.6)}" transform="rotate(-8 ${CX + 60} 540)"/>`,
        )
      } else {
        // The back: the opening and its adjuster strap.
        canvas.add(
          `<path clip-path="${crownClip}" d="M${CX - 40} 640Q${CX} 540 ${CX + 60} 640Z" fill="${darken(studio.colour, 0.55)}"/>`,
          `<rect x="${CX - 70}" y="600" width="160" height="22" rx="6" fill="${darken(studio.colour, 0.2)}"/>`,
        )
        const buckle = studio.metal('silver', { x: CX + 60, y: 596, width: 30, height: 30 })
        canvas.add(`<rect x="${CX + 60}" y="596" width="30" height="30" rx="4" fill="${buckle}"/>`)
      }
      return { focus: [CX - 120, 600], box: boxOf(crown) }
    }
    case 'beanie': {
      const crown: Point[] = [
        [CX - 180, 640, 20],
        [CX - 170, 300, 170],
        [CX + 170, 300, 170],
        [CX + 180, 640, 20],
      ]
      const cuff: Point[] = [
        [CX - 196, 600, 14],
        [CX + 196, 600, 14],
        [CX + 192, 800, 18],
        [CX - 192, 800, 18],
      ]
      dropShadow(canvas, [
        outline(crown),
        outline(cuff),
        `M${CX - 80} 230a80 80 0 1 0 160 0a80 80 0 1 0 -160 0Z`,
      ])
      const crownClip = studio.cloth(outline(crown), boxOf(crown), { texture: 'knit' })
      for (const x of [CX - 100, CX, CX + 100])
        studio.fold(crownClip, [x, 250], [x * 0.9 + CX * 0.1, 640], 30, 0.1)
      studio.cloth(outline(cuff), boxOf(cuff), { texture: 'rib', edge: 1.2 })
      if (side === 'front')
        canvas.add(
          `<rect x="${CX - 50}" y="670" width="100" height="50" rx="4" fill="#f5f2ec"/>`,
          `<path d="M${CX - 30} 690h60M${CX - 22} 702h44" stroke="#57534e" stroke-width="3"/>`,
        )
      // The pompom.
      const pom = studio.cloth(
        `M${CX - 80} 230a80 80 0 1 0 160 0a80 80 0 1 0 -160 0Z`,
        { x: CX - 80, y: 150, width: 160, height: 160 },
        { texture: 'fleece', edge: 1.5 },
      )
      void pom
      return { focus: [CX, 640], box: boxOf(cuff) }
    }
    case 'straw': {
      const straw = '#d8be8a'
      const brimD = `M${CX - 330} 620a330 118 0 1 0 660 0a330 118 0 1 0 -660 0Z`
      const crown: Point[] = [
        [CX - 150, 620, 10],
        [CX - 140, 400, 60],
        [CX + 140, 400, 60],
        [CX + 150, 620, 10],
      ]
      dropShadow(canvas, [brimD, outline(crown)])
      const brimClip = studio.cloth(
        brimD,
        { x: CX - 330, y: 500, width: 660, height: 240 },
        {
          colour: straw,
          texture: 'straw',
          sheen: 0.1,
        },
      )
      canvas.add(
        `<ellipse clip-path="${brimClip}" cx="${CX}" cy="620" rx="170" ry="52" fill="#000" fill-opacity="0.16"/>`,
      )
      for (const k of [0.92, 0.84])
        canvas.add(
          `<ellipse clip-path="${brimClip}" cx="${CX}" cy="620" rx="${330 * k}" ry="${118 * k}" fill="none" stroke="#000" stroke-opacity="0.14" stroke-width="3"/>`,
        )
      const crownClip = studio.cloth(outline(crown), boxOf(crown), {
        colour: straw,
        texture: 'straw',
      })
      studio.fold(crownClip, [CX - 80, 410], [CX - 100, 600], 50, -0.15)
      // The band, in the variant's colour.
      const band: Point[] = [
        [CX - 147, 540, 4],
        [CX + 147, 540, 4],
        [CX + 150, 600, 4],
        [CX - 150, 600, 4],
      ]
      studio.cloth(outline(band), boxOf(band), { texture: 'silk', sheen: 0.5, edge: 0.8 })
      if (side === 'front')
        studio.cloth(
          `M${CX + 90} 560q50 -30 70 10q-30 30 -70 4q30 40 20 90q-40 -30 -30 -90Z`,
          { x: CX + 80, y: 530, width: 90, height: 130 },
          { texture: 'silk', sheen: 0.5 },
        )
      return { focus: [CX + 90, 570], box: { x: CX - 330, y: 400, width: 660, height: 340 } }
    }
  }
}

// ---------------------------------------------------------------- scarves

export function drawScarf(
  studio: Studio,
  design: Extract<AccessoryDesign, { kind: 'scarf' }>,
  side: Side,
): Drawn {
  const canvas = studio.canvas
  if (design.style === 'wool') {
    const strips: Point[][] =
      side === 'front'
        ? [
            [
              [CX - 170, 130, 30],
              [CX - 20, 130, 30],
              [CX - 30, 800, 6],
              [CX - 180, 800, 6],
            ],
            [
              [CX - 60, 170, 30],
              [CX + 100, 190, 30],
              [CX + 150, 840, 6],
              [CX - 10, 850, 6],
            ],
          ]
        : [
            [
              [CX - 230, 330, 20],
              [CX + 230, 330, 20],
              [CX + 230, 700, 20],
              [CX - 230, 700, 20],
            ],
          ]
    dropShadow(
      canvas,
      strips.map((points) => outline(points)),
    )
    for (const points of strips) {
      const clip = studio.cloth(outline(points), boxOf(points), { texture: 'knit' })
      const box = boxOf(points)
      if (side === 'front')
        studio.fold(
          clip,
          [box.x + box.width / 2, box.y],
          [box.x + box.width / 2, box.y + box.height],
          50,
          -0.12,
        )
      else for (const y of [450, 580]) studio.fold(clip, [CX - 230, y], [CX + 230, y], 24, 0.3)
    }
    // Fringe at the ends.
    const fringe = (x1: number, x2: number, y: number) => {
      let d = ''
      for (let x = x1 + 6; x < x2 - 4; x += 10) d += `M${x} ${y}l${(x % 3) - 1} ${40 + (x % 7)}`
      canvas.add(
        `<path d="${d}" stroke="${darken(studio.colour, 0.1)}" stroke-width="6" stroke-linecap="round"/>`,
        `<path d="${d}" stroke="#fff" stroke-opacity="0.15" stroke-width="2" stroke-linecap="round"/>`,
      )
    }
    if (side === 'front') {
      fringe(CX - 180, CX - 30, 800)
      fringe(CX - 10, CX + 150, 846)
      return { focus: [CX + 60, 800], box: { x: CX - 180, y: 130, width: 330, height: 760 } }
    }
    fringe(CX - 230, CX + 230, 700)
    return { focus: [CX, 700], box: { x: CX - 230, y: 330, width: 460, height: 420 } }
  }

  const bandana = design.style === 'bandana'
  const square: Point[] =
    side === 'front'
      ? [
          [CX, 150, 10],
          [CX + 340, 500, 10],
          [CX, 850, 10],
          [CX - 340, 500, 10],
        ]
      : [
          [CX - 340, 300, 10],
          [CX + 340, 300, 10],
          [CX, 800, 16],
        ]
  dropShadow(canvas, [outline(square)])
  const ground = bandana ? studio.colour : '#f3ead8'
  const ink = bandana ? '#fafaf9' : studio.colour
  const clip = studio.cloth(outline(square), boxOf(square), {
    colour: ground,
    texture: bandana ? 'cotton' : 'silk',
    sheen: bandana ? 0.05 : 0.8,
    print: scarfPrint(studio, ink, bandana, side),
  })
  studio.fold(clip, [CX - 200, 380], [CX + 120, 700], 40, 0.14)
  studio.fold(clip, [CX - 60, 300], [CX + 240, 560], 30, -0.12)
  return { focus: [CX + 160, 470], box: boxOf(square) }
}

/** The print of a square scarf: a border, corner medallions and a field of small motifs. */
function scarfPrint(studio: Studio, ink: string, bandana: boolean, side: Side) {
  const parts: string[] = []
  const accent = bandana ? '#1c1917' : '#c9a24a'
  const transform =
    side === 'front' ? `rotate(45 ${CX} 500)` : `translate(0 -150) rotate(45 ${CX} 500)`
  parts.push(`<g transform="${transform}">`)
  // Border bands.
  for (const inset of [18, 52]) {
    const size = 495 - inset * 2
    parts.push(
      `<rect x="${CX - size / 2}" y="${500 - size / 2}" width="${size}" height="${size}" fill="none" stroke="${inset === 18 ? ink : accent}" stroke-width="${inset === 18 ? 26 : 6}"/>`,
    )
  }
  for (let x = -3; x <= 3; x++) {
    for (let y = -3; y <= 3; y++) {
      const cx = CX + x * 62
      const cy = 500 + y * 62
      if (bandana) {
        parts.push(
          `<path d="M${cx} ${cy - 16}c14 4 18 22 4 30c-10 6 -22 -2 -18 -14c2 -8 10 -10 14 -16Z" fill="${ink}"/>`,
          `<circle cx="${cx + 30}" cy="${cy + 30}" r="4" fill="${ink}"/>`,
        )
      } else {
        parts.push(
          `<circle cx="${cx}" cy="${cy}" r="18" fill="none" stroke="${ink}" stroke-width="5"/>`,
          `<circle cx="${cx}" cy="${cy}" r="6" fill="${accent}"/>`,
          `<path d="M${cx - 31} ${cy}h14M${cx + 17} ${cy}h14M${cx} ${cy - 31}v14M${cx} ${cy + 17}v14" stroke="${mix(ink, accent, 0.4)}" stroke-width="3"/>`,
        )
      }
    }
  }
  parts.push(
    `<circle cx="${CX}" cy="500" r="70" fill="none" stroke="${accent}" stroke-width="10"/>`,
  )
  parts.push('</g>')
  void studio
  return parts.join('')
}

// ---------------------------------------------------------------- belts

export function drawBelt(
  studio: Studio,
  design: Extract<AccessoryDesign, { kind: 'belt' }>,
  side: Side,
): Drawn {
  const canvas = studio.canvas
  const texture =
    design.style === 'woven' ? 'straw' : design.style === 'canvas' ? 'canvas' : 'leather'
  const metal: Metal = design.style === 'canvas' ? 'silver' : 'brass'
  if (side === 'front') {
    // Buckled into a loop and set down on its edge, seen from above and in front.
    const ring = `M${CX - 280} 500a280 190 0 1 0 560 0a280 190 0 1 0 -560 0ZM${CX - 214} 500a214 132 0 1 1 428 0a214 132 0 1 1 -428 0Z`
    dropShadow(canvas, [ring])
    const clip = studio.cloth(ring, { x: CX - 280, y: 310, width: 560, height: 380 }, { texture })
    canvas.add(
      `<path clip-path="${clip}" d="M${CX - 214} 500a214 132 0 1 1 428 0" fill="none" stroke="#000" stroke-opacity="0.25" stroke-width="30"/>`,
    )
    studio.stitch(`M${CX - 270} 500a270 180 0 1 0 540 0`, { clip })
    studio.stitch(`M${CX - 224} 500a224 142 0 1 0 448 0`, { clip })
    if (design.style === 'canvas')
      canvas.add(
        `<path clip-path="${clip}" d="M${CX - 247} 500a247 161 0 1 0 494 0a247 161 0 1 0 -494 0" fill="none" stroke="${contrast(studio.colour, 0.5)}" stroke-width="10"/>`,
      )
    buckle(studio, CX - 46, 620, metal)
    for (const x of [CX + 80, CX + 120, CX + 160])
      canvas.add(
        `<ellipse clip-path="${clip}" cx="${x}" cy="${660 - (x - CX) * 0.22}" rx="6" ry="7" fill="#1c1917" fill-opacity="0.7"/>`,
      )
    return { focus: [CX, 640], box: { x: CX - 280, y: 310, width: 560, height: 380 } }
  }
  // Laid out straight, corner to corner.
  const strap: Point[] = [
    [180, 760, 4],
    [660, 200, 30],
    [700, 236, 30],
    [220, 796, 4],
  ]
  dropShadow(canvas, [outline(strap)])
  const clip = studio.cloth(outline(strap), boxOf(strap), { texture })
  studio.stitch(`M194 770L664 222`, { clip })
  studio.stitch(`M212 786L684 238`, { clip })
  for (let k = 0; k < 5; k++) {
    const x = 560 + k * 24
    canvas.add(
      `<ellipse cx="${x}" cy="${330 - k * 28}" rx="6" ry="7" fill="#1c1917" fill-opacity="0.7"/>`,
    )
  }
  buckle(studio, 150, 760, metal, -50)
  return { focus: [200, 760], box: boxOf(strap) }
}

function buckle(studio: Studio, x: number, y: number, metal: Metal, angle = 0) {
  const fill = studio.metal(metal, { x, y: y - 50, width: 92, height: 100 })
  studio.canvas.add(
    `<g transform="rotate(${angle} ${x + 46} ${y})">`,
    `<rect x="${x + 4}" y="${y - 46}" width="92" height="100" rx="16" fill="none" stroke="#000" stroke-opacity="0.25" stroke-width="14"/>`,
    `<rect x="${x}" y="${y - 50}" width="92" height="100" rx="16" fill="none" stroke="${fill}" stroke-width="13"/>`,
    `<path d="M${x} ${y}H${x + 70}" stroke="${fill}" stroke-width="8" stroke-linecap="round"/>`,
    '</g>',
  )
}

// ---------------------------------------------------------------- jewellery

export function drawJewellery(
  studio: Studio,
  design: Extract<AccessoryDesign, { kind: 'jewellery' }>,
  side: Side,
): Drawn {
  const canvas = studio.canvas
  const [light, mid, dark] = METALS[design.metal]
  const stone = (cx: number, cy: number, r: number) => {
    const fill = canvas.radial(cx - r * 0.35, cy - r * 0.35, r * 1.4, [
      [0, lighten(studio.colour, 0.6), 1],
      [0.45, studio.colour, 1],
      [1, darken(studio.colour, 0.5), 1],
    ])
    canvas.add(
      `<circle cx="${cx}" cy="${cy}" r="${r + 6}" fill="${studio.metal(design.metal, { x: cx - r, y: cy - r, width: r * 2, height: r * 2 })}"/>`,
      `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${fill}"/>`,
      `<ellipse cx="${cx - r * 0.35}" cy="${cy - r * 0.4}" rx="${r * 0.28}" ry="${r * 0.16}" fill="#fff" fill-opacity="0.7" transform="rotate(-30 ${cx} ${cy})"/>`,
    )
  }
  const shadowOf = (d: string, width: number) =>
    canvas.add(
      `<path d="${d}" fill="none" stroke="#000" stroke-opacity="0.16" stroke-width="${width + 6}" transform="translate(6 12)"/>`,
    )
  const metalStroke = (
    d: string,
    width: number,
    box: { x: number; y: number; width: number; height: number },
  ) => {
    shadowOf(d, width)
    canvas.add(
      `<path d="${d}" fill="none" stroke="${dark}" stroke-width="${width + 3}"/>`,
      `<path d="${d}" fill="none" stroke="${studio.metal(design.metal, box)}" stroke-width="${width}"/>`,
      `<path d="${d}" fill="none" stroke="${light}" stroke-opacity="0.7" stroke-width="${Math.max(2, width / 4)}" transform="translate(-${width / 5} -${width / 5})"/>`,
    )
  }
  void mid
  switch (design.style) {
    case 'hoops': {
      const pairs =
        side === 'front'
          ? [
              [CX - 140, 480],
              [CX + 140, 520],
            ]
          : [[CX, 500]]
      for (const [x, y] of pairs as Array<[number, number]>) {
        const r = side === 'front' ? 120 : 200
        metalStroke(
          `M${x - r} ${y}a${r} ${r} 0 1 0 ${r * 2} 0a${r} ${r} 0 1 0 ${-r * 2} 0`,
          side === 'front' ? 16 : 24,
          {
            x: x - r,
            y: y - r,
            width: r * 2,
            height: r * 2,
          },
        )
        stone(x, y + r, side === 'front' ? 18 : 28)
      }
      return { focus: [CX + 140, 640], box: { x: CX - 260, y: 360, width: 520, height: 300 } }
    }
    case 'pendant': {
      const chain =
        side === 'front'
          ? `M${CX - 250} 120Q${CX - 220} 640 ${CX} 660Q${CX + 220} 640 ${CX + 250} 120`
          : `M${CX - 300} 300Q${CX - 200} 520 ${CX} 540Q${CX + 200} 520 ${CX + 300} 300`
      shadowOf(chain, 6)
      canvas.add(
        `<path d="${chain}" fill="none" stroke="${dark}" stroke-width="8" stroke-dasharray="9 3"/>`,
        `<path d="${chain}" fill="none" stroke="${light}" stroke-width="4" stroke-dasharray="6 6"/>`,
      )
      const py = side === 'front' ? 660 : 540
      canvas.add(
        `<path d="M${CX} ${py}l-44 70l44 80l44 -80Z" fill="#000" fill-opacity="0.18" transform="translate(6 12)"/>`,
        `<path d="M${CX} ${py}l-44 70l44 80l44 -80Z" fill="${studio.metal(design.metal, { x: CX - 44, y: py, width: 88, height: 150 })}"/>`,
      )
      const gem = canvas.linear(
        [CX - 34, py + 20, CX + 34, py + 140],
        [
          [0, lighten(studio.colour, 0.5), 1],
          [0.5, studio.colour, 1],
          [1, darken(studio.colour, 0.45), 1],
        ],
      )
      canvas.add(
        `<path d="M${CX} ${py + 14}l-32 56l32 62l32 -62Z" fill="${gem}"/>`,
        `<path d="M${CX} ${py + 14}l-10 56l10 62M${CX - 32} ${py + 70}h64" stroke="#fff" stroke-opacity="0.35" stroke-width="2" fill="none"/>`,
      )
      return { focus: [CX, py + 60], box: { x: CX - 250, y: 120, width: 500, height: 700 } }
    }
    case 'signet': {
      const cy = side === 'front' ? 560 : 500
      contactShadow(canvas, CX, cy + 170, 180, 20)
      const band = `M${CX - 170} ${cy}a170 170 0 1 0 340 0a170 170 0 1 0 -340 0ZM${CX - 132} ${cy}a132 132 0 1 1 264 0a132 132 0 1 1 -264 0Z`
      canvas.add(
        `<path d="${band}" fill="${studio.metal(design.metal, { x: CX - 170, y: cy - 170, width: 340, height: 340 })}" fill-rule="evenodd"/>`,
      )
      canvas.add(
        `<path d="M${CX - 132} ${cy}a132 132 0 1 1 264 0" fill="none" stroke="#000" stroke-opacity="0.25" stroke-width="10"/>`,
      )
      // The flat face on top with its enamel.
      canvas.add(
        `<ellipse cx="${CX}" cy="${cy - 170}" rx="120" ry="58" fill="${dark}"/>`,
        `<ellipse cx="${CX}" cy="${cy - 176}" rx="116" ry="54" fill="${studio.metal(design.metal, { x: CX - 116, y: cy - 230, width: 232, height: 108 })}"/>`,
        `<ellipse cx="${CX}" cy="${cy - 176}" rx="84" ry="36" fill="${studio.colour}"/>`,
        `<ellipse cx="${CX - 24}" cy="${cy - 186}" rx="40" ry="10" fill="#fff" fill-opacity="0.3"/>`,
      )
      return { focus: [CX, cy - 160], box: { x: CX - 170, y: cy - 230, width: 340, height: 400 } }
    }
    case 'bracelet': {
      const cy = side === 'front' ? 520 : 480
      const links: string[] = []
      for (let angle = 0; angle < 360; angle += 12) {
        const rad = (angle * Math.PI) / 180
        const x = CX + Math.cos(rad) * 230
        const y = cy + Math.sin(rad) * 150
        links.push(
          `<ellipse cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" rx="26" ry="15" transform="rotate(${(angle + 90 + (angle % 24 ? 20 : -20)).toFixed(0)} ${x.toFixed(1)} ${y.toFixed(1)})" fill="none" stroke="${studio.metal(design.metal, { x: x - 26, y: y - 26, width: 52, height: 52 })}" stroke-width="8"/>`,
        )
      }
      canvas.add(
        `<ellipse cx="${CX + 6}" cy="${cy + 14}" rx="236" ry="156" fill="none" stroke="#000" stroke-opacity="0.14" stroke-width="22"/>`,
        ...links,
      )
      stone(CX, cy + 150 + 40, 26)
      return { focus: [CX, cy + 150], box: { x: CX - 260, y: cy - 180, width: 520, height: 400 } }
    }
  }
}

// ---------------------------------------------------------------- sunglasses

export function drawSunglasses(
  studio: Studio,
  design: Extract<AccessoryDesign, { kind: 'sunglasses' }>,
  side: Side,
): Drawn {
  const canvas = studio.canvas
  const thin = design.style === 'aviator' || design.metal !== undefined
  const frameWidth = thin ? 8 : 22
  const cy = 500
  const lens = (sign: number) => {
    const cx = CX + sign * 150
    switch (design.style) {
      case 'round':
        return `M${cx - 112} ${cy}a112 112 0 1 0 224 0a112 112 0 1 0 -224 0Z`
      case 'cat-eye':
        return outline(
          (
            [
              [cx - sign * 110, cy - 40, 40],
              [cx + sign * 60, cy - 90, 30],
              [cx + sign * 140, cy - 110, 10],
              [cx + sign * 120, cy + 30, 80],
              [cx + sign * 20, cy + 100, 60],
              [cx - sign * 90, cy + 60, 50],
            ] as Point[]
          ).slice(),
        )
      default:
        return outline([
          [cx - sign * 100, cy - 80, 30],
          [cx + sign * 120, cy - 86, 40],
          [cx + sign * 118, cy + 20, 90],
          [cx, cy + 130, 70],
          [cx - sign * 100, cy + 40, 60],
        ])
    }
  }
  const frameColour = design.metal ? METALS[design.metal][1] : studio.colour
  const tint = mix('#1f1d1b', studio.colour, design.metal ? 0.35 : 0.15)
  contactShadow(canvas, CX, side === 'front' ? 700 : 640, 330, 26)
  const lensFill = canvas.linear(
    [CX - 260, cy - 120, CX + 160, cy + 140],
    [
      [0, lighten(tint, 0.25), 0.92],
      [0.5, tint, 0.95],
      [1, darken(tint, 0.3), 0.97],
    ],
  )
  const shine = canvas.linear(
    [CX - 260, cy - 120, CX + 260, cy + 120],
    [
      [0, '#ffffff', 0],
      [0.28, '#ffffff', 0],
      [0.33, '#ffffff', 0.35],
      [0.4, '#ffffff', 0],
      [1, '#ffffff', 0],
    ],
  )
  const frame = studio.metal(design.metal ?? 'gunmetal', {
    x: CX - 280,
    y: cy - 120,
    width: 560,
    height: 240,
  })
  if (side === 'back') {
    // Folded: the temples cross behind the lenses.
    for (const sign of [-1, 1])
      canvas.add(
        `<path d="M${CX + sign * 262} ${cy - 40}L${CX - sign * 140} ${cy + 10 * sign}" stroke="${frameColour}" stroke-width="${thin ? 8 : 18}" stroke-linecap="round"/>`,
      )
  } else {
    for (const sign of [-1, 1])
      canvas.add(
        `<path d="M${CX + sign * 262} ${cy - 50}L${CX + sign * 330} ${cy - 70}" stroke="${darken(frameColour, 0.25)}" stroke-width="${thin ? 8 : 18}" stroke-linecap="round"/>`,
      )
  }
  for (const sign of [-1, 1]) {
    const d = lens(sign)
    canvas.add(
      `<path d="${d}" fill="#000" fill-opacity="0.12" transform="translate(6 30)"/>`,
      `<path d="${d}" fill="${lensFill}"/>`,
      `<path d="${d}" fill="${shine}"/>`,
    )
    if (thin) {
      canvas.add(`<path d="${d}" fill="none" stroke="${frame}" stroke-width="${frameWidth}"/>`)
    } else {
      const fill = canvas.linear(
        [CX - 280, cy - 120, CX + 280, cy + 120],
        [
          [0, lighten(frameColour, 0.25), 1],
          [0.5, frameColour, 1],
          [1, darken(frameColour, 0.35), 1],
        ],
      )
      canvas.add(
        `<path d="${d}" fill="none" stroke="${darken(frameColour, 0.4)}" stroke-width="${frameWidth + 3}"/>`,
        `<path d="${d}" fill="none" stroke="${fill}" stroke-width="${frameWidth}"/>`,
        `<path d="${d}" fill="none" stroke="#fff" stroke-opacity="0.25" stroke-width="3" transform="translate(-4 -5)"/>`,
      )
    }
  }
  // The bridge, and the top bar of aviators.
  canvas.add(
    `<path d="M${CX - 50} ${cy - 48}Q${CX} ${cy - 78} ${CX + 50} ${cy - 48}" fill="none" stroke="${thin ? frame : frameColour}" stroke-width="${thin ? 8 : 20}" stroke-linecap="round"/>`,
  )
  if (design.style === 'aviator')
    canvas.add(
      `<path d="M${CX - 60} ${cy - 92}H${CX + 60}" stroke="${frame}" stroke-width="7" stroke-linecap="round"/>`,
    )
  return { focus: [CX + 250, cy - 40], box: { x: CX - 300, y: cy - 130, width: 600, height: 260 } }
}
