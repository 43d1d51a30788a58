import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { prisma } from '~/infra/db.server.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { expect, test } from './fixtures.ts'

test.afterAll(async () => {
  await prisma.$disconnect()
})

// What the production server itself adds around Remix, checked on the real build: the tests in
// tests/server build their own Express app, so only this file sees the server's wiring.

test('pages carry an enforced CSP whose nonce is on every script, a request id and no X-Powered-By; the page runs under it', async ({
  page,
}) => {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  const response = await page.goto('/login')
  const headers = response!.headers()
  expect(headers['x-powered-by']).toBeUndefined()
  expect(headers['x-request-id']).toMatch(/^[A-Za-z0-9._-]{8,}$/)
  expect(headers['content-security-policy-report-only']).toBeUndefined()
  const nonce = /'nonce-([^']+)'/.exec(headers['content-security-policy'] ?? '')?.[1]
  expect(nonce).toBeTruthy()
  const scriptNonces = await page
    .locator('script')
    .evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce))
  expect(scriptNonces.length).toBeGreaterThan(0)
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]))

  // The nonced entry script loads the route modules and hydrates: Remix's router exists only then.
  await page.waitForFunction(() => '__remixRouter' in window)
  expect(violations).toEqual([])

  const again = await page.request.get('/login')
  expect(again.headers()['content-security-policy']).not.toContain(nonce!)
  expect(again.headers()['x-request-id']).not.toBe(headers['x-request-id'])
})

test('/healthz answers, /readyz names every service it checked', async ({ request }) => {
  expect((await request.get('/healthz')).status()).toBe(200)
  const ready = await request.get('/readyz')
  expect(ready.status()).toBe(200)
  const body = (await ready.json()) as {
    status: string
    checks: Array<{ name: string; ok: boolean }>
  }
  expect(body.status).toBe('ready')
  expect(body.checks.map((check) => check.name).sort()).toEqual([
    'database',
    'redis',
    'search',
    'storage',
  ])
})

test('a form posted from another site is refused, and a body that is not a form is a 415, not a 500', async ({
  request,
}) => {
  const crossSite = await request.post('/login', {
    form: { email: 'a@example.test', password: 'whatever' },
    headers: { Origin: 'https://evil.example' },
  })
  expect(crossSite.status()).toBe(403)
  const json = await request.post('/login', { data: { email: 'a@example.test' } })
  expect(json.status()).toBe(415)
})

test('the server answers what it refuses with a plain page and the request id, never a stack trace', async ({
  request,
}) => {
  for (const [target, status] of [
    ['/%E0%A4%A', 400],
    ['/assets/nope.js', 404],
    ['/search?_data=routes%2F(%24locale).search', 400],
    ['/search?_data=routes/search', 400],
  ] as const) {
    const response = await request.get(target)
    expect(response.status(), target).toBe(status)
    const body = await response.text()
    expect(body, target).toContain(response.headers()['x-request-id']!)
    expect(body, target).not.toMatch(/node_modules|\/work\/|\bat \w+ \(|RangeError|URIError/)
  }
})

test('a NUL in the query of the admin searches is a 400, not a 500 from PostgreSQL', async ({
  request,
}) => {
  const admin = await createUser({ roles: ['SHOPPER', 'ADMIN'] })
  const { cookie } = await signIn(admin.id)
  for (const path of ['/admin/users', '/admin/shops', '/admin/products']) {
    const response = await request.get(`${path}?q=a%00b`, { headers: { Cookie: cookie } })
    expect(response.status(), path).toBe(400)
    expect(await response.text(), path).toContain('“q”')
  }
})

test('a cross-site form post without Origin but with a foreign Referer is refused', async ({
  request,
}) => {
  const foreign = await request.post('/login', {
    form: { email: 'a@example.test', password: 'whatever' },
    headers: { Referer: 'https://evil.example/page.html' },
  })
  expect(foreign.status()).toBe(403)
})

test('the built server runs in production mode when NODE_ENV is unset', async () => {
  // With a database URL it is a deployment, and production insists on the other services: the
  // message proves the mode without starting anything.
  const unset = ['NODE_ENV', 'REDIS_URL', 'APP_URL', 'SESSION_SECRET', 'MEILI_HOST', 'SMTP_URL']
  const result = spawnSync(
    'env',
    [...unset.flatMap((name) => ['-u', name]), process.execPath, 'build/server.js'],
    {
      env: { ...process.env, DATABASE_URL: 'postgresql://127.0.0.1:9/none' },
      encoding: 'utf8',
      timeout: 30_000,
    },
  )
  expect(result.status).toBe(1)
  expect(result.stderr).toContain('for a production deployment (DATABASE_URL is set): APP_URL')
})

/** The packages a built module and the local chunks it imports statically load before its body runs. */
function packagesLoadedFirst(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return []
  seen.add(file)
  const source = readFileSync(file, 'utf8')
  const specifiers = [
    ...source.matchAll(/^import\s(?:[^'"]*?\sfrom\s)?["']([^"']+)["'];?$/gms),
  ].map((match) => match[1]!)
  return specifiers.flatMap((specifier) =>
    specifier.startsWith('.')
      ? packagesLoadedFirst(path.resolve(path.dirname(file), specifier), seen)
      : [specifier],
  )
}

test('the built server loads React only after it has defaulted NODE_ENV to production', () => {
  // React picks its development or production build when first loaded, from NODE_ENV: a package
  // the server's entry imports statically loads before the entry's first line has run.
  const first = packagesLoadedFirst(path.resolve('build/server.js'))
  expect(first).toContain('node:cluster')
  expect(
    first.filter((name) => /^(react|react-dom|react-i18next|@remix-run\/)/.test(name)),
  ).toEqual([])
})
