// `npm run fonts:subset`: the Persian typeface, self-hosted. Cuts Vazirmatn (SIL OFL 1.1, from
// the `vazirmatn` package) down to the letters the store writes with: Persian and the rest of the
// Arabic block (sellers type Arabic yeh and kaf too), Persian digits and punctuation, Latin (brand
// names, SKUs, emails), the marks that keep mixed text in order, and every character of the
// catalogues. Keeps the weight axis from 400 to 700 (the weights the pages use) in one variable
// woff2 under public/fonts, and writes app/styles/vazirmatn.css: the @font-face, and a fallback
// face sized to Vazirmatn's metrics so the swap does not move the text. Run it again after
// upgrading `vazirmatn` or adding a script; commit what it writes.
import { createHash } from 'node:crypto'
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import subsetFont from 'subset-font'

const root = path.resolve(import.meta.dirname, '../..')
const require = createRequire(import.meta.url)
const packageDir = path.dirname(require.resolve('vazirmatn/package.json'))
const { version } = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8'))
const source = await readFile(path.join(packageDir, 'fonts/variable/Vazirmatn[wght].ttf'))

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
const chars = new Set()
for (const [from, to] of RANGES) for (let code = from; code <= to; code++) chars.add(code)
const localesDir = path.join(root, 'app/i18n/locales')
for (const locale of await readdir(localesDir)) {
  for (const file of await readdir(path.join(localesDir, locale))) {
    const text = await readFile(path.join(localesDir, locale, file), 'utf8')
    for (const char of text) chars.add(char.codePointAt(0))
  }
}
const text = String.fromCodePoint(
  ...[...chars].filter((code) => code >= 0x20).sort((a, b) => a - b),
)

const WEIGHTS = { min: 400, max: 700 }
const woff2 = await subsetFont(source, text, {
  targetFormat: 'woff2',
  variationAxes: { wght: { min: WEIGHTS.min, max: WEIGHTS.max, default: WEIGHTS.min } },
})

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

const hash = createHash('sha256').update(woff2).digest('hex').slice(0, 10)
const fileName = `vazirmatn-${hash}.woff2`
await mkdir(path.join(root, 'public/fonts'), { recursive: true })
for (const old of await readdir(path.join(root, 'public/fonts')))
  if (old.startsWith('vazirmatn-') && old.endsWith('.woff2') && old !== fileName)
    await rm(path.join(root, 'public/fonts', old))
await writeFile(path.join(root, 'public/fonts', fileName), woff2)
// The OFL travels with the font.
await writeFile(
  path.join(root, 'public/fonts/vazirmatn-OFL.txt'),
  await readFile(path.join(packageDir, 'OFL.txt')),
)

const css = `/* Written by \`npm run fonts:subset\` (app/cli/subset-fonts.mjs) from vazirmatn ${version}; do not edit. */
@font-face {
  font-family: 'Vazirmatn';
  src: url('/fonts/${fileName}') format('woff2');
  font-weight: ${WEIGHTS.min} ${WEIGHTS.max};
  font-style: normal;
  font-display: swap;
}
/* The text shown until Vazirmatn arrives: a local font resized to Vazirmatn's width and line. */
@font-face {
  font-family: 'Vazirmatn Fallback';
  src: local('DejaVu Sans');
  size-adjust: ${FALLBACK_SIZE_ADJUST * 100}%;
  ascent-override: ${metrics.ascent};
  descent-override: ${metrics.descent};
  line-gap-override: ${metrics.lineGap};
}
`
await writeFile(path.join(root, 'app/styles/vazirmatn.css'), css)
await writeFile(
  path.join(root, 'app/styles/vazirmatn-font.ts'),
  `// Written by \`npm run fonts:subset\`; do not edit. The Persian pages preload this file.\nexport const VAZIRMATN_URL = '/fonts/${fileName}'\n`,
)
console.log(
  `${fileName}: ${woff2.length} bytes (${chars.size} characters kept; the whole variable font is ${source.length} bytes as TTF)`,
)
