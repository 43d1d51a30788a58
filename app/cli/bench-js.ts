// `npm run bench:js`: the JavaScript a first visit to each kind of storefront page downloads, raw
// and gzipped, per language, against issue 14's budget (90 KB gzipped on a product page). It reads
// the build output only (build/client): run `npm run build` first.
import path from 'node:path'
import { allPageScripts, PRODUCT_PAGE_BUDGET_GZIP } from './bench/client-js.ts'

const clientDir = path.resolve(process.argv[2] ?? 'build/client')
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const rows = allPageScripts(clientDir)

console.log(
  `First-visit JavaScript per page kind (${clientDir}); budget ${kb(PRODUCT_PAGE_BUDGET_GZIP)} gzipped`,
)
console.log('page      lang  files       raw      gzip  gzip/budget  zod')
for (const row of rows) {
  console.log(
    [
      row.kind.padEnd(9),
      row.locale.padEnd(4),
      String(row.files.length).padStart(6),
      kb(row.raw).padStart(9),
      kb(row.gzip).padStart(9),
      (row.gzip / PRODUCT_PAGE_BUDGET_GZIP).toFixed(2).padStart(12),
      row.zod ? ' yes' : ' no',
    ].join(' '),
  )
}
if (process.argv.includes('--files')) {
  const product = rows.find((row) => row.kind === 'product' && row.locale === 'en')!
  for (const file of [...product.files].sort((a, b) => b.gzip - a.gzip)) {
    console.log(`${kb(file.gzip).padStart(9)} ${kb(file.raw).padStart(9)}  ${file.file}`)
  }
}
