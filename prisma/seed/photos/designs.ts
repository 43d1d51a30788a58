import type { Design } from './render.ts'
import type { Surface } from './studio.ts'
import type { Texture } from './textures.ts'
import type { ShoeStyle } from './footwear.ts'
import type { BottomCut, TopCut } from './garments.ts'

// What each product noun of the demo catalogue looks like, and what each material feels like:
// "Washed Silk Maxi Dress" is a maxi dress with silk's sheen. Nouns come from
// prisma/seed/catalog-data.ts; a noun missing here falls back to its category's shape.

const top = (cut: TopCut): Design => ({ kind: 'top', cut })
const bottom = (cut: BottomCut): Design => ({ kind: 'bottom', cut })

const shoe = (style: ShoeStyle): Design => ({ kind: 'shoe', shoe: { style } })

const GOLD_THREAD = '#d49a3c'

const jeans = (hem: number, length = 910): Design =>
  bottom({
    kind: 'trousers',
    hem,
    length,
    waist: 'belt-loops',
    pockets: 'jeans',
    topstitch: GOLD_THREAD,
  })

export const DESIGNS: Record<string, { design: Design; texture?: Texture; sheen?: number }> = {
  // Dresses
  'Midi Dress': {
    design: top({
      fit: 150,
      length: 0,
      sleeve: 'short',
      neck: 'scoop',
      skirt: { hem: 820, width: 250 },
    }),
  },
  'Wrap Dress': {
    design: top({
      fit: 152,
      length: 0,
      sleeve: 'elbow',
      neck: 'wrap',
      skirt: { hem: 830, width: 265 },
    }),
  },
  'Slip Dress': {
    design: top({
      fit: 140,
      length: 0,
      sleeve: 'none',
      neck: 'straps',
      skirt: { hem: 850, width: 220 },
    }),
    texture: 'silk',
    sheen: 0.8,
  },
  'Maxi Dress': {
    design: top({
      fit: 148,
      length: 0,
      sleeve: 'none',
      neck: 'v',
      skirt: { hem: 930, width: 290, gathers: true },
    }),
  },
  'Shirt Dress': {
    design: top({
      fit: 155,
      length: 0,
      sleeve: 'short',
      neck: 'collar',
      closure: 'buttons',
      belt: true,
      skirt: { hem: 850, width: 235 },
    }),
    texture: 'cotton',
  },
  'Tea Dress': {
    design: top({
      fit: 148,
      length: 0,
      sleeve: 'puff',
      neck: 'v',
      skirt: { hem: 790, width: 275, gathers: true },
    }),
  },
  'Party Dress': {
    design: top({
      fit: 140,
      length: 0,
      sleeve: 'puff',
      neck: 'square',
      skirt: { hem: 720, width: 290, gathers: true },
    }),
    sheen: 0.4,
  },
  // Tops
  Blouse: {
    design: top({ fit: 190, length: 720, sleeve: 'long', neck: 'v', flare: 12 }),
    sheen: 0.4,
  },
  Camisole: {
    design: top({ fit: 165, length: 660, sleeve: 'none', neck: 'straps' }),
    texture: 'silk',
    sheen: 0.8,
  },
  Tunic: { design: top({ fit: 190, length: 830, sleeve: 'elbow', neck: 'v', flare: 34 }) },
  'Peasant Top': {
    design: top({ fit: 195, length: 680, sleeve: 'puff', neck: 'square', flare: 16 }),
  },
  'Linen Shirt': {
    design: top({
      fit: 200,
      length: 790,
      sleeve: 'long',
      neck: 'collar',
      closure: 'buttons',
      curvedHem: true,
      yoke: true,
      pockets: 'chest',
    }),
    texture: 'linen',
  },
  // Knitwear
  Cardigan: {
    design: top({
      fit: 205,
      length: 740,
      sleeve: 'long',
      neck: 'v',
      closure: 'open',
      bands: true,
      pockets: 'hip-patch',
    }),
    texture: 'knit',
  },
  Jumper: {
    design: top({ fit: 210, length: 730, sleeve: 'long', neck: 'crew', bands: true }),
    texture: 'knit',
  },
  Turtleneck: {
    design: top({ fit: 200, length: 740, sleeve: 'long', neck: 'turtle', bands: true }),
    texture: 'knit',
  },
  'Knit Vest': {
    design: top({ fit: 190, length: 690, sleeve: 'none', neck: 'v', bands: true }),
    texture: 'knit',
  },
  'Crewneck Sweater': {
    design: top({ fit: 212, length: 740, sleeve: 'long', neck: 'crew', bands: true }),
    texture: 'knit',
  },
  'Quarter-Zip': {
    design: top({
      fit: 210,
      length: 740,
      sleeve: 'long',
      neck: 'stand',
      closure: 'half-zip',
      bands: true,
    }),
    texture: 'knit',
  },
  'Fisherman Sweater': {
    design: top({
      fit: 215,
      length: 740,
      sleeve: 'long',
      neck: 'crew',
      bands: true,
      pattern: 'cables',
    }),
    texture: 'knit',
  },
  // Coats and jackets
  'Trench Coat': {
    design: top({
      fit: 215,
      length: 910,
      sleeve: 'long',
      neck: 'lapel',
      closure: 'double',
      belt: true,
      pockets: 'hip-flap',
      flare: 20,
    }),
    texture: 'cotton',
  },
  'Wool Coat': {
    design: top({
      fit: 215,
      length: 900,
      sleeve: 'long',
      neck: 'lapel',
      closure: 'buttons',
      pockets: 'hip-flap',
      flare: 16,
    }),
    texture: 'wool',
  },
  'Puffer Jacket': {
    design: top({ fit: 228, length: 760, sleeve: 'long', neck: 'stand', quilted: true }),
    texture: 'nylon',
    sheen: 0.6,
  },
  'Denim Jacket': {
    design: top({
      fit: 210,
      length: 700,
      sleeve: 'long',
      neck: 'collar',
      closure: 'buttons',
      pockets: 'two-flap',
      yoke: true,
    }),
    texture: 'denim',
  },
  Blazer: {
    design: top({
      fit: 205,
      length: 800,
      sleeve: 'long',
      neck: 'lapel',
      closure: 'buttons',
      pockets: 'hip-flap',
    }),
    texture: 'wool',
  },
  Parka: {
    design: top({
      fit: 225,
      length: 900,
      sleeve: 'long',
      neck: 'hood',
      closure: 'zip',
      pockets: 'four',
    }),
    texture: 'cotton',
  },
  'Bomber Jacket': {
    design: top({
      fit: 222,
      length: 700,
      sleeve: 'long',
      neck: 'stand',
      closure: 'zip',
      bands: true,
    }),
    texture: 'nylon',
    sheen: 0.5,
  },
  Peacoat: {
    design: top({
      fit: 215,
      length: 810,
      sleeve: 'long',
      neck: 'lapel',
      closure: 'double',
      pockets: 'hip-flap',
    }),
    texture: 'wool',
  },
  'Field Jacket': {
    design: top({
      fit: 215,
      length: 800,
      sleeve: 'long',
      neck: 'collar',
      closure: 'zip',
      pockets: 'four',
    }),
    texture: 'canvas',
  },
  'Rain Jacket': {
    design: top({
      fit: 220,
      length: 800,
      sleeve: 'long',
      neck: 'hood',
      closure: 'zip',
      pockets: 'hip-flap',
    }),
    texture: 'nylon',
    sheen: 0.7,
  },
  // Tees and shirts
  'Crew Tee': {
    design: top({ fit: 210, length: 740, sleeve: 'short', neck: 'crew' }),
    texture: 'jersey',
  },
  'Pocket Tee': {
    design: top({ fit: 210, length: 740, sleeve: 'short', neck: 'crew', pockets: 'chest' }),
    texture: 'jersey',
  },
  Henley: {
    design: top({ fit: 205, length: 740, sleeve: 'long', neck: 'crew', closure: 'henley' }),
    texture: 'jersey',
  },
  'Long-Sleeve Tee': {
    design: top({ fit: 205, length: 740, sleeve: 'long', neck: 'crew' }),
    texture: 'jersey',
  },
  'Oxford Shirt': {
    design: top({
      fit: 205,
      length: 790,
      sleeve: 'long',
      neck: 'collar',
      closure: 'buttons',
      curvedHem: true,
      yoke: true,
      pockets: 'chest',
    }),
    texture: 'cotton',
  },
  'Flannel Shirt': {
    design: top({
      fit: 210,
      length: 790,
      sleeve: 'long',
      neck: 'collar',
      closure: 'buttons',
      curvedHem: true,
      yoke: true,
      pockets: 'two-flap',
      pattern: 'checks',
    }),
    texture: 'wool',
  },
  Overshirt: {
    design: top({
      fit: 215,
      length: 780,
      sleeve: 'long',
      neck: 'collar',
      closure: 'buttons',
      pockets: 'two-flap',
      yoke: true,
    }),
    texture: 'canvas',
  },
  'Rugby Shirt': {
    design: top({
      fit: 210,
      length: 750,
      sleeve: 'long',
      neck: 'collar',
      closure: 'henley',
      pattern: 'stripes',
    }),
    texture: 'cotton',
  },
  Hoodie: {
    design: top({
      fit: 210,
      length: 730,
      sleeve: 'long',
      neck: 'hood',
      pockets: 'kangaroo',
      bands: true,
    }),
    texture: 'fleece',
  },
  // Trousers, jeans, shorts, skirts
  'Straight Jeans': { design: jeans(82), texture: 'denim' },
  'Wide-Leg Jeans': { design: jeans(118), texture: 'denim' },
  'Mom Jeans': { design: jeans(74, 880), texture: 'denim' },
  'Skinny Jeans': { design: jeans(54, 920), texture: 'denim' },
  'Slim Jeans': { design: jeans(64), texture: 'denim' },
  'Selvedge Jeans': { design: jeans(80), texture: 'denim' },
  'Relaxed Jeans': { design: jeans(96), texture: 'denim' },
  Chinos: {
    design: bottom({
      kind: 'trousers',
      hem: 72,
      length: 910,
      waist: 'belt-loops',
      pockets: 'slant',
    }),
    texture: 'cotton',
  },
  'Cargo Trousers': {
    design: bottom({
      kind: 'trousers',
      hem: 80,
      length: 910,
      waist: 'belt-loops',
      pockets: 'cargo',
    }),
    texture: 'canvas',
  },
  'Pleated Trousers': {
    design: bottom({
      kind: 'trousers',
      hem: 84,
      length: 915,
      waist: 'plain',
      pockets: 'slant',
      pleats: true,
    }),
    texture: 'wool',
  },
  Joggers: {
    design: bottom({
      kind: 'trousers',
      hem: 58,
      length: 900,
      waist: 'elastic',
      pockets: 'slant',
      cuffs: true,
    }),
    texture: 'fleece',
  },
  Leggings: {
    design: bottom({ kind: 'leggings', hem: 44, length: 910, waist: 'elastic' }),
    texture: 'jersey',
  },
  'Cargo Shorts': {
    design: bottom({ kind: 'shorts', hem: 96, length: 560, waist: 'belt-loops', pockets: 'cargo' }),
    texture: 'canvas',
  },
  Dungarees: {
    design: bottom({
      kind: 'trousers',
      hem: 80,
      length: 900,
      waist: 'plain',
      pockets: 'jeans',
      bib: true,
      topstitch: GOLD_THREAD,
    }),
    texture: 'denim',
  },
  'Pleated Skirt': {
    design: bottom({ kind: 'skirt', hem: 265, length: 770, waist: 'plain', skirt: 'pleated' }),
  },
  'Denim Skirt': {
    design: bottom({
      kind: 'skirt',
      hem: 205,
      length: 580,
      waist: 'belt-loops',
      pockets: 'jeans',
      skirt: 'denim',
      topstitch: GOLD_THREAD,
    }),
    texture: 'denim',
  },
  'Midi Skirt': {
    design: bottom({ kind: 'skirt', hem: 250, length: 830, waist: 'plain', skirt: 'a-line' }),
  },
  'Wrap Skirt': {
    design: bottom({ kind: 'skirt', hem: 245, length: 770, waist: 'plain', skirt: 'wrap' }),
  },
  // Baby
  Romper: { design: { kind: 'onesie', long: false }, texture: 'jersey' },
  Sleepsuit: { design: { kind: 'onesie', long: true }, texture: 'jersey' },
  'Knitted Bonnet Set': { design: { kind: 'bonnet' }, texture: 'knit' },
  // Shoes
  'Canvas Sneakers': { design: shoe('sneaker'), texture: 'canvas' },
  'Leather Sneakers': { design: shoe('sneaker'), texture: 'leather', sheen: 0.4 },
  'Running Shoes': { design: shoe('runner'), texture: 'mesh', sheen: 0.2 },
  'Platform Sneakers': { design: shoe('platform'), texture: 'leather', sheen: 0.4 },
  'Court Sneakers': { design: shoe('sneaker'), texture: 'leather', sheen: 0.4 },
  'Trail Runners': { design: shoe('runner'), texture: 'mesh', sheen: 0.2 },
  'High-Top Sneakers': { design: shoe('high-top'), texture: 'canvas' },
  'Suede Sneakers': { design: shoe('sneaker'), texture: 'suede' },
  'Chelsea Boots': { design: shoe('chelsea'), texture: 'leather', sheen: 0.5 },
  'Ankle Boots': { design: shoe('ankle-boot'), texture: 'leather', sheen: 0.5 },
  'Knee-High Boots': { design: shoe('knee-boot'), texture: 'leather', sheen: 0.55 },
  'Lace-Up Boots': { design: shoe('lace-boot'), texture: 'leather', sheen: 0.45 },
  'Work Boots': { design: shoe('lace-boot'), texture: 'leather', sheen: 0.35 },
  'Hiking Boots': { design: shoe('lace-boot'), texture: 'suede', sheen: 0.1 },
  'Desert Boots': { design: shoe('desert-boot'), texture: 'suede' },
  'Block Heels': { design: shoe('block-heel'), texture: 'leather', sheen: 0.5 },
  'Slingback Heels': { design: shoe('slingback'), texture: 'leather', sheen: 0.6 },
  Mules: { design: shoe('mule'), texture: 'leather', sheen: 0.5 },
  Pumps: { design: shoe('pump'), texture: 'leather', sheen: 0.7 },
  'Slide Sandals': { design: shoe('slide'), texture: 'leather', sheen: 0.4 },
  'Strappy Sandals': { design: shoe('strappy'), texture: 'leather', sheen: 0.5 },
  Espadrilles: { design: shoe('espadrille'), texture: 'canvas' },
  'Penny Loafers': { design: shoe('loafer'), texture: 'leather', sheen: 0.6 },
  'Tassel Loafers': { design: shoe('tassel-loafer'), texture: 'suede', sheen: 0.1 },
  'Boat Shoes': { design: shoe('boat-shoe'), texture: 'leather', sheen: 0.45 },
  // Bags
  'Canvas Tote': { design: { kind: 'bag', style: 'tote' }, texture: 'canvas' },
  'Leather Tote': { design: { kind: 'bag', style: 'tote' }, texture: 'leather', sheen: 0.4 },
  'Market Bag': { design: { kind: 'bag', style: 'market' }, texture: 'straw' },
  'Roll-Top Backpack': { design: { kind: 'bag', style: 'roll-top' }, texture: 'nylon', sheen: 0.3 },
  Daypack: { design: { kind: 'bag', style: 'backpack' }, texture: 'canvas' },
  'Laptop Backpack': { design: { kind: 'bag', style: 'backpack' }, texture: 'nylon', sheen: 0.3 },
  'Crossbody Bag': { design: { kind: 'bag', style: 'crossbody' }, texture: 'leather', sheen: 0.45 },
  'Saddle Bag': { design: { kind: 'bag', style: 'saddle' }, texture: 'leather', sheen: 0.45 },
  'Belt Bag': { design: { kind: 'bag', style: 'belt-bag' }, texture: 'nylon', sheen: 0.35 },
  // Hats
  'Bucket Hat': { design: { kind: 'hat', style: 'bucket' }, texture: 'canvas' },
  'Baseball Cap': { design: { kind: 'hat', style: 'cap' }, texture: 'cotton' },
  Beanie: { design: { kind: 'hat', style: 'beanie' }, texture: 'knit' },
  'Straw Hat': { design: { kind: 'hat', style: 'straw' }, texture: 'straw' },
  // Scarves and belts
  'Silk Scarf': { design: { kind: 'scarf', style: 'silk' }, texture: 'silk', sheen: 0.8 },
  'Wool Scarf': { design: { kind: 'scarf', style: 'wool' }, texture: 'knit' },
  Bandana: { design: { kind: 'scarf', style: 'bandana' }, texture: 'cotton' },
  'Leather Belt': { design: { kind: 'belt', style: 'leather' }, texture: 'leather', sheen: 0.5 },
  'Woven Belt': { design: { kind: 'belt', style: 'woven' }, texture: 'straw' },
  'Canvas Belt': { design: { kind: 'belt', style: 'canvas' }, texture: 'canvas' },
  // Jewellery (the metal follows the material in the title) and sunglasses
  'Hoop Earrings': { design: { kind: 'jewellery', style: 'hoops', metal: 'gold' } },
  'Pendant Necklace': { design: { kind: 'jewellery', style: 'pendant', metal: 'gold' } },
  'Signet Ring': { design: { kind: 'jewellery', style: 'signet', metal: 'gold' } },
  'Chain Bracelet': { design: { kind: 'jewellery', style: 'bracelet', metal: 'gold' } },
  'Round Sunglasses': {
    design: { kind: 'sunglasses', style: 'round' },
    texture: 'silk',
    sheen: 0.6,
  },
  'Cat-Eye Sunglasses': {
    design: { kind: 'sunglasses', style: 'cat-eye' },
    texture: 'silk',
    sheen: 0.6,
  },
  'Aviator Sunglasses': { design: { kind: 'sunglasses', style: 'aviator', metal: 'gold' } },
}

/** How a material named in a product's title looks. */
export const MATERIAL_SURFACES: Record<string, Surface> = {
  Linen: { texture: 'linen', sheen: 0 },
  Cotton: { texture: 'cotton', sheen: 0.05 },
  Wool: { texture: 'wool', sheen: 0 },
  'Cashmere-Blend': { texture: 'wool', sheen: 0.15 },
  Silk: { texture: 'silk', sheen: 0.85 },
  Corduroy: { texture: 'corduroy', sheen: 0.1 },
  Denim: { texture: 'denim', sheen: 0 },
  Jersey: { texture: 'jersey', sheen: 0.05 },
  Merino: { texture: 'knit', sheen: 0.1 },
  Leather: { texture: 'leather', sheen: 0.5 },
  Suede: { texture: 'suede', sheen: 0 },
  Canvas: { texture: 'canvas', sheen: 0 },
  Knit: { texture: 'mesh', sheen: 0.1 },
  Nubuck: { texture: 'suede', sheen: 0.1 },
  Recycled: { texture: 'nylon', sheen: 0.3 },
  Woven: { texture: 'straw', sheen: 0.1 },
}
