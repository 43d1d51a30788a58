// The demo catalog's vocabulary: category tree, palette, size scales, brands, shops, and the
// words product titles are made of. Plain data, shared by the seed and the bulk generator.

export type SizeKind = 'letters' | 'eu-shoes' | 'one-size'

export type CategorySeed = {
  name: string
  slug: string
  description?: string
  /** Leaves say what they sell: the size scale, title nouns and a price band in major units. */
  leaf?: {
    kind: SizeKind
    nouns: string[]
    price: [number, number]
    sizes?: [string, string]
    materials?: string[]
  }
  children?: CategorySeed[]
}

const letters = (nouns: string[], price: [number, number]) => ({
  kind: 'letters' as const,
  nouns,
  price,
})
const shoes = (nouns: string[], price: [number, number], sizes: [string, string]) => ({
  kind: 'eu-shoes' as const,
  nouns,
  price,
  sizes,
})
const oneSize = (nouns: string[], price: [number, number]) => ({
  kind: 'one-size' as const,
  nouns,
  price,
})

export const CATEGORY_TREE: CategorySeed[] = [
  {
    name: 'Clothing',
    slug: 'clothing',
    description: 'Everyday pieces and statement finds from independent labels.',
    children: [
      {
        name: 'Women',
        slug: 'women',
        description: 'Dresses, knits, denim and outerwear for women.',
        children: [
          {
            name: 'Dresses',
            slug: 'dresses',
            description: 'Midi, maxi, wrap and slip dresses.',
            leaf: letters(
              ['Midi Dress', 'Wrap Dress', 'Slip Dress', 'Maxi Dress', 'Shirt Dress', 'Tea Dress'],
              [39, 149],
            ),
          },
          {
            name: 'Tops & Blouses',
            slug: 'womens-tops',
            leaf: letters(['Blouse', 'Camisole', 'Tunic', 'Peasant Top', 'Linen Shirt'], [22, 79]),
          },
          {
            name: 'Knitwear',
            slug: 'womens-knitwear',
            leaf: letters(['Cardigan', 'Jumper', 'Turtleneck', 'Knit Vest'], [45, 139]),
          },
          {
            name: 'Jeans',
            slug: 'womens-jeans',
            leaf: letters(
              ['Straight Jeans', 'Wide-Leg Jeans', 'Mom Jeans', 'Skinny Jeans'],
              [49, 129],
            ),
          },
          {
            name: 'Skirts',
            slug: 'skirts',
            leaf: letters(['Pleated Skirt', 'Denim Skirt', 'Midi Skirt', 'Wrap Skirt'], [29, 99]),
          },
          {
            name: 'Coats & Jackets',
            slug: 'womens-coats',
            leaf: letters(
              ['Trench Coat', 'Wool Coat', 'Puffer Jacket', 'Denim Jacket', 'Blazer'],
              [79, 289],
            ),
          },
        ],
      },
      {
        name: 'Men',
        slug: 'men',
        description: 'Tees, shirts, denim and layers for men.',
        children: [
          {
            name: 'T-shirts',
            slug: 'mens-t-shirts',
            leaf: letters(['Crew Tee', 'Pocket Tee', 'Henley', 'Long-Sleeve Tee'], [18, 49]),
          },
          {
            name: 'Shirts',
            slug: 'mens-shirts',
            leaf: letters(['Oxford Shirt', 'Flannel Shirt', 'Linen Shirt', 'Overshirt'], [39, 119]),
          },
          {
            name: 'Knitwear',
            slug: 'mens-knitwear',
            leaf: letters(
              ['Crewneck Sweater', 'Cardigan', 'Quarter-Zip', 'Fisherman Sweater'],
              [49, 159],
            ),
          },
          {
            name: 'Jeans',
            slug: 'mens-jeans',
            leaf: letters(
              ['Slim Jeans', 'Straight Jeans', 'Selvedge Jeans', 'Relaxed Jeans'],
              [59, 169],
            ),
          },
          {
            name: 'Trousers',
            slug: 'mens-trousers',
            leaf: letters(['Chinos', 'Cargo Trousers', 'Pleated Trousers', 'Joggers'], [39, 129]),
          },
          {
            name: 'Coats & Jackets',
            slug: 'mens-coats',
            leaf: letters(
              ['Parka', 'Bomber Jacket', 'Peacoat', 'Field Jacket', 'Rain Jacket'],
              [89, 299],
            ),
          },
        ],
      },
      {
        name: 'Kids',
        slug: 'kids',
        description: 'Hard-wearing clothes for growing people.',
        children: [
          {
            name: 'Girls',
            slug: 'girls',
            leaf: letters(['Party Dress', 'Dungarees', 'Hoodie', 'Leggings'], [15, 59]),
          },
          {
            name: 'Boys',
            slug: 'boys',
            leaf: letters(['Hoodie', 'Cargo Shorts', 'Rugby Shirt', 'Joggers'], [15, 59]),
          },
          {
            name: 'Baby',
            slug: 'baby',
            leaf: letters(['Romper', 'Sleepsuit', 'Knitted Bonnet Set'], [12, 45]),
          },
        ],
      },
    ],
  },
  {
    name: 'Shoes',
    slug: 'shoes',
    description: 'Sneakers, boots and everything between, in EU sizes.',
    children: [
      {
        name: "Women's Shoes",
        slug: 'womens-shoes',
        children: [
          {
            name: 'Sneakers',
            slug: 'womens-sneakers',
            leaf: shoes(
              ['Canvas Sneakers', 'Leather Sneakers', 'Running Shoes', 'Platform Sneakers'],
              [49, 149],
              ['35', '42'],
            ),
          },
          {
            name: 'Boots',
            slug: 'womens-boots',
            leaf: shoes(
              ['Chelsea Boots', 'Ankle Boots', 'Knee-High Boots', 'Lace-Up Boots'],
              [89, 249],
              ['35', '42'],
            ),
          },
          {
            name: 'Heels',
            slug: 'heels',
            leaf: shoes(
              ['Block Heels', 'Slingback Heels', 'Mules', 'Pumps'],
              [59, 179],
              ['35', '42'],
            ),
          },
          {
            name: 'Sandals',
            slug: 'womens-sandals',
            leaf: shoes(
              ['Slide Sandals', 'Strappy Sandals', 'Espadrilles'],
              [29, 99],
              ['35', '42'],
            ),
          },
        ],
      },
      {
        name: "Men's Shoes",
        slug: 'mens-shoes',
        children: [
          {
            name: 'Sneakers',
            slug: 'mens-sneakers',
            leaf: shoes(
              ['Court Sneakers', 'Trail Runners', 'High-Top Sneakers', 'Suede Sneakers'],
              [59, 169],
              ['39', '46'],
            ),
          },
          {
            name: 'Boots',
            slug: 'mens-boots',
            leaf: shoes(
              ['Work Boots', 'Desert Boots', 'Chelsea Boots', 'Hiking Boots'],
              [99, 279],
              ['39', '46'],
            ),
          },
          {
            name: 'Loafers',
            slug: 'loafers',
            leaf: shoes(['Penny Loafers', 'Tassel Loafers', 'Boat Shoes'], [79, 199], ['39', '46']),
          },
        ],
      },
    ],
  },
  {
    name: 'Accessories',
    slug: 'accessories',
    description: 'The finishing touches: bags, hats, scarves and jewellery.',
    children: [
      {
        name: 'Bags',
        slug: 'bags',
        children: [
          {
            name: 'Tote Bags',
            slug: 'tote-bags',
            leaf: oneSize(['Canvas Tote', 'Leather Tote', 'Market Bag'], [25, 189]),
          },
          {
            name: 'Backpacks',
            slug: 'backpacks',
            leaf: oneSize(['Roll-Top Backpack', 'Daypack', 'Laptop Backpack'], [49, 199]),
          },
          {
            name: 'Crossbody Bags',
            slug: 'crossbody-bags',
            leaf: oneSize(['Crossbody Bag', 'Saddle Bag', 'Belt Bag'], [35, 229]),
          },
        ],
      },
      {
        name: 'Hats & Caps',
        slug: 'hats',
        leaf: oneSize(['Bucket Hat', 'Baseball Cap', 'Beanie', 'Straw Hat'], [15, 69]),
      },
      {
        name: 'Scarves',
        slug: 'scarves',
        leaf: oneSize(['Silk Scarf', 'Wool Scarf', 'Bandana'], [19, 99]),
      },
      {
        name: 'Belts',
        slug: 'belts',
        leaf: letters(['Leather Belt', 'Woven Belt', 'Canvas Belt'], [25, 89]),
      },
      {
        name: 'Jewellery',
        slug: 'jewellery',
        leaf: {
          ...oneSize(
            ['Hoop Earrings', 'Pendant Necklace', 'Signet Ring', 'Chain Bracelet'],
            [19, 149],
          ),
          materials: ['Sterling Silver', 'Gold-Plated', 'Brass'],
        },
      },
      {
        name: 'Sunglasses',
        slug: 'sunglasses',
        leaf: {
          ...oneSize(['Round Sunglasses', 'Cat-Eye Sunglasses', 'Aviator Sunglasses'], [39, 159]),
          materials: ['Acetate', 'Recycled', 'Titanium'],
        },
      },
    ],
  },
]

export const COLORS: Array<{ name: string; hex: string }> = [
  { name: 'Black', hex: '#1c1917' },
  { name: 'White', hex: '#fafaf9' },
  { name: 'Cream', hex: '#f3ead8' },
  { name: 'Grey', hex: '#9ca3af' },
  { name: 'Charcoal', hex: '#44403c' },
  { name: 'Navy', hex: '#1e3a5f' },
  { name: 'Denim Blue', hex: '#4a6fa5' },
  { name: 'Sky Blue', hex: '#8ec5e8' },
  { name: 'Forest Green', hex: '#2f5d46' },
  { name: 'Olive', hex: '#6b6b3a' },
  { name: 'Sage', hex: '#a3b899' },
  { name: 'Red', hex: '#b91c1c' },
  { name: 'Burgundy', hex: '#6d1a36' },
  { name: 'Pink', hex: '#f0a6bf' },
  { name: 'Mustard', hex: '#d4a017' },
  { name: 'Orange', hex: '#e8722c' },
  { name: 'Camel', hex: '#c19a6b' },
  { name: 'Brown', hex: '#6f4e37' },
  { name: 'Lilac', hex: '#b8a1d9' },
]

export const SIZE_SCALES: Array<{ code: SizeKind; name: string; labels: string[] }> = [
  { code: 'letters', name: 'Letter sizes', labels: ['XS', 'S', 'M', 'L', 'XL', 'XXL'] },
  {
    code: 'eu-shoes',
    name: 'EU shoe sizes',
    labels: ['35', '36', '37', '38', '39', '40', '41', '42', '43', '44', '45', '46'],
  },
  { code: 'one-size', name: 'One size', labels: ['One size'] },
]

export const BRANDS: Array<{ name: string; description: string }> = [
  { name: 'Northwind Atelier', description: 'Tailoring and outerwear cut in small runs.' },
  { name: 'Saffron & Salt', description: 'Sun-faded colours and natural fabrics.' },
  { name: 'Kestrel', description: 'Technical layers for city and trail.' },
  { name: 'Maison Lune', description: 'Evening wear with a relaxed hand.' },
  { name: 'Tidewater', description: 'Coastal basics in organic cotton.' },
  { name: 'Ironbark', description: 'Workwear and boots built to be resoled.' },
  { name: 'Pebble & Pine', description: 'Durable clothes for children.' },
  { name: 'Urban Nomad', description: 'Bags and accessories for people on the move.' },
  { name: 'Velvet Fox', description: 'Playful prints and statement pieces.' },
  { name: 'Copperline', description: 'Hand-finished leather goods.' },
  { name: 'Meridian', description: 'Knitwear from undyed wool.' },
  { name: 'Studio Anar', description: 'Jewellery and scarves from a small Tehran studio.' },
]

export type ShopSeed = {
  name: string
  slug: string
  description: string
  owner: { email: string; name: string }
  focus: string[]
  /** A Persian-first shop: its name, description and products are written in Persian. */
  locale?: 'fa'
}

/** The first shop belongs to the demo seller. `focus` lists the category slugs it mostly sells from. */
export const SHOPS: ShopSeed[] = [
  {
    name: "Sami's Studio",
    slug: 'samis-studio',
    description:
      'Small-batch clothing designed and sewn in our studio, plus a few favourite accessories.',
    owner: { email: 'seller@shikposh.test', name: 'Sami Seller' },
    focus: ['women', 'men', 'accessories'],
  },
  {
    name: 'بوتیک گلستان',
    slug: 'golestan-boutique',
    description: 'پیراهن، بافتنی و روسری ابریشمی؛ دست‌چین‌شده برای رنگ و ظرافت دوخت.',
    owner: { email: 'golestan@shikposh.test', name: 'لاله کریمی' },
    focus: ['women', 'scarves', 'jewellery'],
    locale: 'fa',
  },
  {
    name: 'Threadbare Vintage',
    slug: 'threadbare-vintage',
    description: 'Carefully restored vintage denim, shirts and jackets.',
    owner: { email: 'threadbare@shikposh.test', name: 'Owen Price' },
    focus: ['men', 'women', 'belts'],
  },
  {
    name: 'Stride Shoe Co.',
    slug: 'stride-shoe-co',
    description: 'Sneakers, boots and loafers in full EU size runs.',
    owner: { email: 'stride@shikposh.test', name: 'Mina Sato' },
    focus: ['shoes'],
  },
  {
    name: 'The Accessory Drawer',
    slug: 'the-accessory-drawer',
    description: 'Bags, hats, sunglasses and small things that finish an outfit.',
    owner: { email: 'drawer@shikposh.test', name: 'Priya Nair' },
    focus: ['accessories'],
  },
  {
    name: 'Little Ones Wardrobe',
    slug: 'little-ones-wardrobe',
    description: 'Soft, tough clothes for babies and kids.',
    owner: { email: 'littleones@shikposh.test', name: 'Hana Novak' },
    focus: ['kids'],
  },
]

/** Title words by kind of product, so sunglasses are never made of jersey. */
export const ADJECTIVES: Record<SizeKind, string[]> = {
  letters: [
    'Classic',
    'Everyday',
    'Relaxed',
    'Tailored',
    'Vintage',
    'Essential',
    'Soft',
    'Cropped',
    'Oversized',
    'Heritage',
    'Weekend',
    'Studio',
    'Coastal',
    'Organic',
    'Washed',
    'Easy',
  ],
  'eu-shoes': [
    'Classic',
    'Everyday',
    'Vintage',
    'Heritage',
    'Weekend',
    'Urban',
    'Lightweight',
    'Handmade',
    'Studio',
    'Trail',
  ],
  'one-size': [
    'Classic',
    'Everyday',
    'Vintage',
    'Essential',
    'Heritage',
    'Weekend',
    'Minimal',
    'Handmade',
    'Studio',
    'Coastal',
  ],
}
export const MATERIALS: Record<SizeKind, string[]> = {
  letters: [
    'Linen',
    'Cotton',
    'Wool',
    'Cashmere-Blend',
    'Silk',
    'Corduroy',
    'Denim',
    'Jersey',
    'Merino',
  ],
  'eu-shoes': ['Leather', 'Suede', 'Canvas', 'Knit', 'Nubuck'],
  'one-size': ['Leather', 'Canvas', 'Recycled', 'Woven'],
}

export const DESCRIPTION_LINES = [
  'Cut for an easy fit that layers well through the seasons.',
  'Made in a small run by a family workshop.',
  'Finished with tonal stitching and reinforced seams.',
  'Pre-washed, so it is soft from the first wear and will not shrink.',
  'Designed to be worn often and repaired rather than replaced.',
  'Machine washable at 30°C; dry flat to keep its shape.',
  'The fabric is certified organic and dyed without heavy metals.',
  'True to size; size up for a looser fit.',
  'Pairs with denim for weekends and tailoring for the office.',
  'Each piece varies slightly in colour, which is part of its charm.',
]
