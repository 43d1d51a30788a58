// The demo catalog's Persian: names of the shared vocabulary (categories by slug, colours,
// size scales, brands) and the words the Persian-first shop's titles and descriptions are made
// of. Product words are looked up by their English form; a title with a word missing here stays
// English only.

export const CATEGORY_NAMES_FA: Record<string, string> = {
  clothing: 'پوشاک',
  women: 'زنانه',
  dresses: 'پیراهن و لباس',
  'womens-tops': 'تاپ و بلوز',
  'womens-knitwear': 'بافتنی زنانه',
  'womens-jeans': 'شلوار جین زنانه',
  skirts: 'دامن',
  'womens-coats': 'کت و کاپشن زنانه',
  men: 'مردانه',
  'mens-t-shirts': 'تی‌شرت',
  'mens-shirts': 'پیراهن مردانه',
  'mens-knitwear': 'بافتنی مردانه',
  'mens-jeans': 'شلوار جین مردانه',
  'mens-trousers': 'شلوار',
  'mens-coats': 'کت و کاپشن مردانه',
  kids: 'بچگانه',
  girls: 'دخترانه',
  boys: 'پسرانه',
  baby: 'نوزاد',
  shoes: 'کفش',
  'womens-shoes': 'کفش زنانه',
  'womens-sneakers': 'کفش ورزشی زنانه',
  'womens-boots': 'بوت زنانه',
  heels: 'کفش پاشنه‌بلند',
  'womens-sandals': 'صندل زنانه',
  'mens-shoes': 'کفش مردانه',
  'mens-sneakers': 'کفش ورزشی مردانه',
  'mens-boots': 'بوت مردانه',
  loafers: 'کالج و لوفر',
  accessories: 'اکسسوری',
  bags: 'کیف',
  'tote-bags': 'کیف دستی',
  backpacks: 'کوله‌پشتی',
  'crossbody-bags': 'کیف دوشی',
  hats: 'کلاه',
  scarves: 'شال و روسری',
  belts: 'کمربند',
  jewellery: 'زیورآلات',
  sunglasses: 'عینک آفتابی',
}

export const COLOR_NAMES_FA: Record<string, string> = {
  Black: 'مشکی',
  White: 'سفید',
  Cream: 'کرم',
  Grey: 'طوسی',
  Charcoal: 'ذغالی',
  Navy: 'سرمه‌ای',
  'Denim Blue': 'آبی جین',
  'Sky Blue': 'آبی آسمانی',
  'Forest Green': 'سبز جنگلی',
  Olive: 'زیتونی',
  Sage: 'سبز مریمی',
  Red: 'قرمز',
  Burgundy: 'زرشکی',
  Pink: 'صورتی',
  Mustard: 'خردلی',
  Orange: 'نارنجی',
  Camel: 'شتری',
  Brown: 'قهوه‌ای',
  Lilac: 'یاسی',
}

export const SIZE_SCALE_NAMES_FA: Record<string, string> = {
  letters: 'سایزهای حرفی',
  'eu-shoes': 'سایز کفش اروپایی',
  'one-size': 'تک‌سایز',
}

/** Size labels with a Persian form (letters and numbers read the same in both languages). */
export const SIZE_LABELS_FA: Record<string, string> = { 'One size': 'تک‌سایز' }

export const BRAND_NAMES_FA: Record<string, string> = {
  'Northwind Atelier': 'آتلیه نورث‌ویند',
  'Saffron & Salt': 'زعفران و نمک',
  Kestrel: 'کسترل',
  'Maison Lune': 'مزون لون',
  Tidewater: 'تایدواتر',
  Ironbark: 'آیرون‌بارک',
  'Pebble & Pine': 'ریگ و کاج',
  'Urban Nomad': 'اربن نومد',
  'Velvet Fox': 'روباه مخملی',
  Copperline: 'کاپرلاین',
  Meridian: 'مریدین',
  'Studio Anar': 'استودیو انار',
}

/** Title words: nouns, materials and adjectives, by their English form. */
export const PRODUCT_WORDS_FA: Record<string, string> = {
  // Dresses, tops, knitwear, jeans, skirts, coats
  'Midi Dress': 'پیراهن میدی',
  'Wrap Dress': 'پیراهن جلوبسته',
  'Slip Dress': 'پیراهن اسلیپ',
  'Maxi Dress': 'پیراهن ماکسی',
  'Shirt Dress': 'پیراهن شومیزی',
  'Tea Dress': 'پیراهن گل‌دار',
  Blouse: 'بلوز',
  Camisole: 'تاپ بندی',
  Tunic: 'تونیک',
  'Peasant Top': 'بلوز روستایی',
  'Linen Shirt': 'شومیز کتان',
  Cardigan: 'ژاکت بافتنی',
  Jumper: 'پلیور',
  Turtleneck: 'یقه‌اسکی',
  'Knit Vest': 'جلیقه بافتنی',
  'Straight Jeans': 'جین راسته',
  'Wide-Leg Jeans': 'جین دمپاگشاد',
  'Mom Jeans': 'جین مام',
  'Skinny Jeans': 'جین جذب',
  'Pleated Skirt': 'دامن پلیسه',
  'Denim Skirt': 'دامن جین',
  'Midi Skirt': 'دامن میدی',
  'Wrap Skirt': 'دامن جلوبسته',
  'Trench Coat': 'بارانی',
  'Wool Coat': 'پالتو پشمی',
  'Puffer Jacket': 'کاپشن پفی',
  'Denim Jacket': 'کت جین',
  Blazer: 'کت تک',
  // Scarves and jewellery
  'Silk Scarf': 'روسری ابریشمی',
  'Wool Scarf': 'شال پشمی',
  Bandana: 'دستمال‌گردن',
  'Hoop Earrings': 'گوشواره حلقه‌ای',
  'Pendant Necklace': 'گردنبند آویز',
  'Signet Ring': 'انگشتر مهری',
  'Chain Bracelet': 'دستبند زنجیری',
  // Materials
  Linen: 'کتان',
  Cotton: 'نخی',
  Wool: 'پشمی',
  'Cashmere-Blend': 'با الیاف کشمیر',
  Silk: 'ابریشمی',
  Corduroy: 'مخمل کبریتی',
  Denim: 'جین',
  Jersey: 'جرسی',
  Merino: 'مرینوس',
  Leather: 'چرمی',
  Canvas: 'برزنتی',
  Recycled: 'بازیافتی',
  Woven: 'بافته',
  'Sterling Silver': 'نقره',
  'Gold-Plated': 'آب‌طلا',
  Brass: 'برنجی',
  // Adjectives
  Classic: 'کلاسیک',
  Everyday: 'روزمره',
  Relaxed: 'آزاد',
  Tailored: 'خوش‌دوخت',
  Vintage: 'وینتیج',
  Essential: 'ساده',
  Soft: 'نرم',
  Cropped: 'کوتاه',
  Oversized: 'گشاد',
  Heritage: 'سنتی',
  Weekend: 'تفریحی',
  Studio: 'آتلیه‌ای',
  Coastal: 'ساحلی',
  Organic: 'ارگانیک',
  Washed: 'سنگ‌شور',
  Easy: 'راحت',
  Minimal: 'مینیمال',
  Handmade: 'دست‌دوز',
}

/** The description lines in Persian, in the order of DESCRIPTION_LINES. */
export const DESCRIPTION_LINES_FA = [
  'برش راحتی دارد و در همهٔ فصل‌ها با لباس‌های دیگر لایه می‌شود.',
  'در تیراژ کم و در یک کارگاه خانوادگی دوخته شده است.',
  'با دوخت هم‌رنگ و درزهای محکم تمام شده است.',
  'پیش از فروش شسته شده؛ از همان بار اول نرم است و آب نمی‌رود.',
  'برای این ساخته شده که زیاد پوشیده شود و به جای دور انداختن، تعمیر شود.',
  'قابل شست‌وشو در ماشین با دمای ۳۰ درجه؛ برای حفظ فرم، خوابیده خشک کنید.',
  'پارچه گواهی ارگانیک دارد و بدون فلزات سنگین رنگ شده است.',
  'اندازه‌ها دقیق است؛ برای تن‌خور آزادتر یک سایز بزرگ‌تر بردارید.',
  'آخر هفته با جین و در محل کار با کت و شلوار رسمی ست می‌شود.',
  'رنگ هر تکه کمی با دیگری فرق دارد و زیبایی‌اش هم در همین است.',
]

/** "Classic Linen Midi Dress" → "پیراهن میدی کتان کلاسیک"; null when a word has no Persian here. */
export function persianTitle(adjective: string, material: string | null, noun: string) {
  const words = [noun, material, adjective]
    .filter((word): word is string => word !== null)
    .map((word) => PRODUCT_WORDS_FA[word])
  return words.every(Boolean) ? words.join(' ') : null
}
