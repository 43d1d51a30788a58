// `npm run bench:lighthouse`: Lighthouse (mobile settings: its default phone, simulated slow 4G
// and CPU) on the home, a category and a product page, in English and Persian, against the
// production build on the demo store. Prints the four category scores and LCP, CLS and TBT.
// Not part of `npm test`: a figure to record (docs/performance.md), not a pass or fail.
//
// Options: --runs 3 (each page this many times, after one uncounted warm-up run; every figure
//          printed is the median of the counted runs)
//          --url http://127.0.0.1:3000 (an app already running; else it starts `build/` itself on
//          a free port, on DATA_DIR's embedded demo store, seeded on its first start)
//          --chrome /usr/bin/chromium (CHROMIUM_PATH)
import './env-file.ts'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { freePort } from '~/utils/free-port.server.ts'

const { values: options } = parseArgs({
  options: {
    url: { type: 'string' },
    runs: { type: 'string', default: '3' },
    chrome: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
})

async function waitFor(url: string, app: ChildProcess, seconds: number) {
  for (let i = 0; i < seconds * 2; i++) {
    if (app.exitCode !== null) throw new Error(`The app stopped (exit ${app.exitCode})`)
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    )
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${url} did not answer in ${seconds} s`)
}

async function startApp() {
  if (!existsSync('build/server.js')) throw new Error('No build: run `npm run build` first')
  const port = await freePort()
  const app = spawn('node', ['--import', './build/instrument.js', 'build/server.js'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  // A first start seeds the demo store (and draws its photos): minutes, not seconds.
  await waitFor(`${url}/healthz`, app, 600)
  return { url, stop: () => app.kill('SIGTERM') }
}

/** A category and a product the home page links to. */
async function pagesOf(base: string) {
  const home = await (await fetch(`${base}/`)).text()
  const category = home.match(/href="(\/c\/[^"?#]+)"/)?.[1]
  const categoryHtml = category ? await (await fetch(`${base}${category}`)).text() : ''
  const product = (categoryHtml + home).match(/href="(\/p\/[^"?#]+)"/)?.[1]
  if (!category || !product) throw new Error('The home page links to no category or product')
  return { home: '/', category, product }
}

const RUNS = Math.max(1, Math.floor(Number(options.runs) || 1))

/** The middle value (the lower of the two middle ones for an even count); NaN when none. */
function median(values: number[]) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b)
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : NaN
}

const running = options.url ? { url: options.url, stop: () => {} } : await startApp()
const chrome = await chromeLauncher.launch({
  chromePath: options.chrome,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
})
try {
  const pages = await pagesOf(running.url)
  console.log(`Lighthouse (mobile) on ${running.url}, the median of ${RUNS} run(s) per page`)
  console.log('page      lang  perf  a11y  best   seo    LCP ms  CLS     TBT ms')
  for (const [kind, path] of Object.entries(pages)) {
    for (const locale of ['en', 'fa'] as const) {
      const url = `${running.url}${locale === 'fa' ? `/fa${path === '/' ? '' : path}` : path}`
      const reports: Array<NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr']> = []
      // One run first that is not counted: the first load of a page in this Chrome came out
      // 0.8–1.7 s slower to paint (its caches of compiled code and fonts are cold, which a
      // shopper's browser's are not), and the app's page cache gets the page, as it has for
      // every visitor after the first.
      for (let run = -1; run < RUNS; run++) {
        const result = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        })
        if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
        if (run < 0) continue
        if (result.lhr.runtimeError) console.log(`  ${url}: ${result.lhr.runtimeError.message}`)
        else reports.push(result.lhr)
      }
      const score = (id: string) =>
        String(
          Math.round(median(reports.map((lhr) => (lhr.categories[id]?.score ?? NaN) * 100))),
        ).padStart(5)
      const value = (id: string) =>
        median(reports.map((lhr) => lhr.audits[id]?.numericValue ?? NaN))
      console.log(
        [
          kind.padEnd(9),
          locale.padEnd(4),
          score('performance'),
          score('accessibility'),
          score('best-practices'),
          score('seo'),
          String(Math.round(value('largest-contentful-paint'))).padStart(9),
          value('cumulative-layout-shift').toFixed(3).padStart(6),
          String(Math.round(value('total-blocking-time'))).padStart(9),
        ].join(' '),
      )
    }
  }
} finally {
  await chrome.kill()
  running.stop()
}
