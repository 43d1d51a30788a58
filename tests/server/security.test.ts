import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { assignCspNonce, sameOriginWrites, securityHeaders } from '../../app/server/security.ts'

let base: string
let close: () => void

beforeAll(async () => {
  const app = express()
  app.disable('x-powered-by')
  app.use(
    assignCspNonce,
    securityHeaders({ https: true, viteDev: false }),
    sameOriginWrites({ trustProxy: false }),
  )
  app.all('*', (_req, res) => res.send(`nonce:${res.locals.cspNonce as string}`))
  const server = app.listen(0)
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

describe('security headers', () => {
  test('an enforced CSP whose script nonce is new for every response', async () => {
    const first = await fetch(base)
    const second = await fetch(base)
    const csp = first.headers.get('content-security-policy')!
    expect(first.headers.get('content-security-policy-report-only')).toBeNull()
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
    expect(nonce).toBeTruthy()
    expect(await first.text()).toBe(`nonce:${nonce}`)
    expect(second.headers.get('content-security-policy')).not.toContain(nonce!)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toContain('unsafe-eval')
    expect(first.headers.get('x-powered-by')).toBeNull()
    expect(first.headers.get('x-content-type-options')).toBe('nosniff')
    expect(first.headers.get('strict-transport-security')).toContain('max-age=')
  })
})

describe('same-origin writes', () => {
  const host = () => new URL(base).host

  test('refuses a POST whose Origin is another site', async () => {
    const response = await fetch(`${base}/account`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example' },
    })
    expect(response.status).toBe(403)
  })

  test('refuses a cross-site POST that hides its Origin', async () => {
    expect(
      (await fetch(`${base}/x`, { method: 'POST', headers: { 'Sec-Fetch-Site': 'cross-site' } }))
        .status,
    ).toBe(403)
    expect(
      (
        await fetch(`${base}/x`, {
          method: 'POST',
          headers: { Origin: 'null', 'Sec-Fetch-Site': 'cross-site' },
        })
      ).status,
    ).toBe(403)
  })

  test('allows same-origin writes, reads from anywhere, and non-browser clients', async () => {
    expect(
      (await fetch(`${base}/x`, { method: 'POST', headers: { Origin: `http://${host()}` } }))
        .status,
    ).toBe(200)
    expect(
      (
        await fetch(`${base}/x.data`, {
          method: 'DELETE',
          headers: { Origin: `http://${host()}`, 'Sec-Fetch-Site': 'same-origin' },
        })
      ).status,
    ).toBe(200)
    expect((await fetch(`${base}/x`, { headers: { Origin: 'https://evil.example' } })).status).toBe(
      200,
    )
    expect((await fetch(`${base}/x`, { method: 'POST' })).status).toBe(200)
  })

  test('refuses a POST without Origin whose Referer is another site (or not a URL)', async () => {
    for (const referer of ['https://evil.example/form.html', 'not a url']) {
      const response = await fetch(`${base}/login`, {
        method: 'POST',
        headers: { Referer: referer },
      })
      expect(response.status, referer).toBe(403)
    }
    const same = await fetch(`${base}/login`, {
      method: 'POST',
      headers: { Referer: `http://${host()}/login?redirectTo=%2Fcart` },
    })
    expect(same.status).toBe(200)
  })

  test('does not trust X-Forwarded-Host unless told to', async () => {
    const response = await fetch(`${base}/x`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'X-Forwarded-Host': 'evil.example' },
    })
    expect(response.status).toBe(403)
  })
})
