// `npm run fonts:subset`: the Persian typeface, self-hosted. Cuts Vazirmatn (SIL OFL 1.1, from
// the `vazirmatn` package) down to the letters the store writes with: Persian and the rest of the
// Arabic block (sellers type Arabic yeh and kaf too), Persian digits and punctuation, Latin (brand
// names, SKUs, emails), the marks that keep mixed text in order, and every character of the
// catalogues. Keeps the weight axis from 400 to 700 (the weights the pages use) in two variable
// woff2 files under public/fonts, split by unicode-range (the Persian half, which the Persian pages
// preload, and the rest), and writes app/styles/vazirmatn.css: their @font-face rules, and a
// fallback face sized to Vazirmatn's metrics so the swap does not move the text. Run it again after
// upgrading `vazirmatn` or adding a script; commit what it writes.
import { createHash } from 'node:crypto'
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { format, resolveConfig } from 'prettier'
import subsetFont from 'subset-font'

const root = path.resolve(import.meta.dirname, '../..')
const require = createRequire(import.meta.url)
const packageDir = path.dirname(require.resolve('vazirmatn/package.json'))
const { version } = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8'))
const source = await readFile(path.join(packageDir, 'fonts/variable/Vazirmatn[wght].ttf'))

// Everything the store writes with in Vazirmatn.
const RANGES = [
  [0x0020, 0x007e], // Basic Latin
  [0x00a0, 0x00ff], // Latin-1: ×, ·, «», ©, accented letters in brand names
  [0x0600, 0x06ff], // Arabic block: Persian letters, digits, ، ؛ ؟ ٪ ٫ ٬
  [0x200c, 0x200f], // ZWNJ, ZWJ, LRM, RLM
  [0x2010, 0x2027], // dashes, quotes, bullet, ellipsis
  [0x2039, 0x203a],
  [0x2066, 0x2069], // bidi isolates
  [0x2190, 0x2193], // arrows
  [0x2212, 0x2212], // minus
]
// What a Persian page is written in: its letters (with Arabic yeh and kaf, which sellers type),
// marks, digits (Persian and Arabic) and punctuation, and the spaces and few ASCII signs Persian
// text uses. This file is preloaded: the headline waits for it. Latin letters and digits (brand
// names, SKUs, emails), the other ASCII signs and the rest of the Arabic block (Urdu, Pashto,
// Sindhi letters and marks) are a second file, which a browser fetches only for a page with such a
// character. (ASCII's digits and signs alone would make the first file a third larger.)
const PERSIAN_RANGES = [
  [0x0020, 0x0021], // space, !
  [0x0028, 0x0029], // ( )
  [0x002d, 0x002f], // - . /
  [0x003a, 0x003a], // :
  [0x00a0, 0x00a0],
  [0x00ab, 0x00ab], // «
  [0x00b7, 0x00b7], // ·
  [0x00bb, 0x00bb], // »
  [0x00d7, 0x00d7], // ×
  [0x060c, 0x060c], // ،
  [0x061b, 0x061b], // ؛
  [0x061f, 0x061f], // ؟
  [0x0621, 0x063a], // hamza … ghain
  [0x0640, 0x0655], // tatweel, fa … yeh (Arabic kaf and yeh among them), harakat, hamza above
  [0x0660, 0x066d], // Arabic digits, ٪ ٫ ٬
  [0x0670, 0x0670], // superscript alef
  [0x067e, 0x067e], // پ
  [0x0686, 0x0686], // چ
  [0x0698, 0x0698], // ژ
  [0x06a9, 0x06a9], // ک
  [0x06af, 0x06af], // گ
  [0x06cc, 0x06cc], // ی
  [0x06f0, 0x06f9], // Persian digits
  [0x200c, 0x200f],
  [0x2010, 0x2027],
  [0x2066, 0x2069],
  [0x2212, 0x2212],
]
const inRanges = (ranges) => (code) => ranges.some(([from, to]) => code >= from && code <= to)
const all = new Set()
for (const [from, to] of RANGES) for (let code = from; code <= to; code++) all.add(code)
const persian = new Set([...all].filter(inRanges(PERSIAN_RANGES)))
const localesDir = path.join(root, 'app/i18n/locales')
for (const locale of await readdir(localesDir)) {
  for (const file of await readdir(path.join(localesDir, locale))) {
    const text = await readFile(path.join(localesDir, locale, file), 'utf8')
    for (const char of text) {
      const code = char.codePointAt(0)
      if (code < 0x20) continue
      all.add(code)
      // The symbols the Persian catalogues write (★, ▲) are on Persian pages from the first paint.
      if (locale === 'fa' && code >= 0x2000) persian.add(code)
    }
  }
}
const rest = new Set([...all].filter((code) => !persian.has(code)))

const WEIGHTS = { min: 400, max: 700 }
async function subset(codes) {
  const sorted = [...codes].sort((a, b) => a - b)
  const woff2 = await subsetFont(source, String.fromCodePoint(...sorted), {
    targetFormat: 'woff2',
    variationAxes: { wght: { min: WEIGHTS.min, max: WEIGHTS.max, default: WEIGHTS.min } },
  })
  return { woff2, sorted, hash: createHash('sha256').update(woff2).digest('hex').slice(0, 10) }
}

/** A CSS unicode-range for sorted code points, in runs: `U+621-63A, U+67E`. */
function unicodeRange(sorted) {
  const runs = []
  for (const code of sorted) {
    const last = runs.at(-1)
    if (last && code === last[1] + 1) last[1] = code
    else runs.push([code, code])
  }
  const hex = (code) => code.toString(16).toUpperCase()
  return runs
    .map(([from, to]) => (from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`))
    .join(', ')
}

// Vazirmatn's vertical metrics (hhea; its OS/2 typo metrics are the same) as shares of the em,
// for the fallback face. Chromium scales these overrides by size-adjust too, so they are divided
// by it: a line of fallback text is then exactly as tall as one of Vazirmatn.
function verticalMetrics(font, sizeAdjust) {
  const tables = {}
  for (let index = 0; index < font.readUInt16BE(4); index++) {
    const offset = 12 + index * 16
    tables[font.toString('latin1', offset, offset + 4)] = font.readUInt32BE(offset + 8)
  }
  const upem = font.readUInt16BE(tables.head + 18)
  const percent = (value) => `${Number(((Math.abs(value) / upem / sizeAdjust) * 100).toFixed(2))}%`
  return {
    ascent: percent(font.readInt16BE(tables.hhea + 4)),
    descent: percent(font.readInt16BE(tables.hhea + 6)),
    lineGap: percent(font.readInt16BE(tables.hhea + 8)),
  }
}
// How wide Vazirmatn sets Persian text than DejaVu Sans, the fallback the face names,
// measured in Chromium over the Persian catalogues' text (tests/e2e/persian-font.spec.ts
// re-measures it and fails when it drifts).
const FALLBACK_SIZE_ADJUST = 0.9265
const metrics = verticalMetrics(source, FALLBACK_SIZE_ADJUST)

const files = [
  { name: 'persian', ...(await subset(persian)) },
  { name: 'more', ...(await subset(rest)) },
].map((file) => ({ ...file, fileName: `vazirmatn-${file.name}-${file.hash}.woff2` }))
const [persianFile] = files
await mkdir(path.join(root, 'public/fonts'), { recursive: true })
for (const old of await readdir(path.join(root, 'public/fonts')))
  if (
    old.startsWith('vazirmatn-') &&
    old.endsWith('.woff2') &&
    !files.some((file) => file.fileName === old)
  )
    await rm(path.join(root, 'public/fonts', old))
for (const file of files)
  await writeFile(path.join(root, 'public/fonts', file.fileName), file.woff2)
// The OFL travels with the font.
await writeFile(
  path.join(root, 'public/fonts/vazirmatn-OFL.txt'),
  await readFile(path.join(packageDir, 'OFL.txt')),
)

const css = `/* Written by \`npm run fonts:subset\` (app/cli/subset-fonts.mjs) from vazirmatn ${version}; do not edit. */
${files
  .map(
    (file) => `@font-face {
  font-family: 'Vazirmatn';
  src: url('/fonts/${file.fileName}') format('woff2');
  font-weight: ${WEIGHTS.min} ${WEIGHTS.max};
  font-style: normal;
  font-display: swap;
  unicode-range: ${unicodeRange(file.sorted)};
}
`,
  )
  .join(
    '',
  )}/* The text shown until Vazirmatn arrives: a local font resized to Vazirmatn's width and line. */
@font-face {
  font-family: 'Vazirmatn Fallback';
  src: local('DejaVu Sans');
  size-adjust: ${FALLBACK_SIZE_ADJUST * 100}%;
  ascent-override: ${metrics.ascent};
  descent-override: ${metrics.descent};
  line-gap-override: ${metrics.lineGap};
}
`
// Formatted as the lint expects (the unicode-range lines are long).
const cssFile = path.join(root, 'app/styles/vazirmatn.css')
await writeFile(
  cssFile,
  await format(css, { ...(await resolveConfig(cssFile)), filepath: cssFile }),
)
await writeFile(
  path.join(root, 'app/styles/vazirmatn-font.ts'),
  `// Written by \`npm run fonts:subset\`; do not edit. The Persian pages preload this file: the\n// face's Persian half (app/cli/subset-fonts.mjs).\nexport const VAZIRMATN_URL = '/fonts/${persianFile.fileName}'\n`,
)
for (const file of files)
  console.log(
    `${file.fileName}: ${file.woff2.length} bytes, ${file.sorted.length} characters (the whole variable font is ${source.length} bytes as TTF)`,
  )
