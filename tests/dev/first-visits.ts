// `npm run check:dev-reloads`: what a person sees on the first visits to `npm run dev` with a
// fresh Vite cache. It starts the dev server (on a scratch database, its own Vite cache and data
// directory), opens one page of every kind in Chromium, and counts the reloads Vite makes while
// it discovers dependencies, the hydration warnings and the console errors. Every count must be
// 0 (vite.config.ts lists the browser's packages up front); it exits 1 otherwise.
import { spawn } from 'node:child_process'
import { randomInt } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { withScratchDatabase } from '../bench/scratch-database.ts'

let failed = false
await withScratchDatabase(run)
process.exit(failed ? 1 : 0)

async function run() {
  const { seedTaxonomy } = await import('../../prisma/seed/catalog.ts')
  const { createUser, signIn } = await import('../support/fixtures.ts')
  const { createProduct, createSeller, placeTestOrder, putInCart } =
    await import('../support/shop-fixtures.ts')
  await seedTaxonomy()
  const seller = await createSeller('First Visit Studio')
  const coat = await createProduct(seller.shop.id, {
    title: 'First visit coat',
    price: 9000,
    variants: [{ color: 'Navy', size: 'M', stock: 5 }],
  })
  const shopper = await createUser({ name: 'Fia First' })
  const order = await placeTestOrder(shopper.id, [{ variantId: coat.variants[0]!.id, quantity: 1 }])
  await putInCart(shopper.id, coat.variants[0]!.id, 1, 9000)
  const admin = await createUser({ name: 'Ada Admin', roles: ['SHOPPER', 'ADMIN'] })

  const scratch = await mkdtemp(path.join(tmpdir(), 'shikposh-first-visits-'))
  const port = randomInt(42000, 48000)
  const base = `http://127.0.0.1:${port}`
  const log: string[] = []
  const server = spawn(process.execPath, ['--import', 'tsx', 'app/server/index.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATA_DIR: path.join(scratch, 'data'),
      VITE_CACHE_DIR: path.join(scratch, 'vite'),
      EMBEDDED_MEILI_PORT: String(port + 1),
      MEILI_HOST: '',
      REDIS_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  server.stdout.on('data', (chunk: Buffer) => log.push(chunk.toString()))
  server.stderr.on('data', (chunk: Buffer) => log.push(chunk.toString()))
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
  try {
    await waitForServer(base)
    const visits: Array<{ who: string; userId: string | null; paths: string[] }> = [
      {
        who: 'a visitor',
        userId: null,
        paths: ['/', '/c/test-dresses', `/p/${coat.slug}`, '/search?q=coat', '/login', '/fa'],
      },
      {
        who: 'the shopper',
        userId: shopper.id,
        paths: ['/cart', '/checkout', '/orders', `/orders/${order.number}`, '/account'],
      },
      { who: 'the seller', userId: seller.user.id, paths: ['/sell', '/sell/products/new'] },
      { who: 'the admin', userId: admin.id, paths: ['/admin', '/admin/users'] },
    ]
    console.log('page                            loads  console problems')
    for (const { who, userId, paths } of visits) {
      const context = await browser.newContext()
      if (userId) {
        const { cookie } = await signIn(userId)
        const index = cookie.indexOf('=')
        await context.addCookies([
          { name: cookie.slice(0, index), value: cookie.slice(index + 1), url: base },
        ])
      }
      const page = await context.newPage()
      for (const pagePath of paths) await visit(page, base, pagePath, who)
      await context.close()
    }
    const reloads = log.join('').match(/reloading/g)?.length ?? 0
    console.log(`Vite's own log: ${reloads} reload(s)`)
    if (reloads) {
      failed = true
      console.log(log.join(''))
    }
  } finally {
    await browser.close()
    process.kill(-server.pid!, 'SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))
    await rm(scratch, { recursive: true, force: true })
  }
}

async function visit(page: Page, base: string, pagePath: string, who: string) {
  let loads = 0
  const problems: string[] = []
  const onLoad = () => loads++
  const onConsole = (message: { type(): string; text(): string }) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(message.text().split('\n')[0]!)
  }
  const onError = (error: Error) => problems.push(`uncaught: ${error.message}`)
  page.on('load', onLoad)
  page.on('console', onConsole)
  page.on('pageerror', onError)
  await page.goto(base + pagePath)
  await page.waitForFunction(() => '__remixRouter' in window, null, { timeout: 60_000 })
  await page.waitForLoadState('networkidle')
  // Vite reloads a page a moment after the re-bundle it triggered; give it the time to.
  await page.waitForTimeout(1500)
  page.off('load', onLoad)
  page.off('console', onConsole)
  page.off('pageerror', onError)
  const reloads = loads - 1
  if (reloads || problems.length) failed = true
  console.log(
    `${pagePath.padEnd(32)}${String(loads).padStart(5)}  ${problems.length}  (${who})${problems.map((problem) => `\n    ${problem}`).join('')}`,
  )
}

async function waitForServer(base: string) {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`The dev server did not answer at ${base} within 2 minutes`)
}
