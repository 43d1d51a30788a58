import { expect, test } from './fixtures.ts'

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
