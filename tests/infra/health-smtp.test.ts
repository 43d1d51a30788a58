import { afterAll, expect, test } from 'vitest'
import { startSmtpSink } from '../support/smtp-sink.ts'

// With SMTP_URL set, /readyz also asks the mail server. The configuration is read once per
// process, so this file sets it before the app's modules load (and clears it for the next file
// a reused worker process runs).

afterAll(() => {
  delete process.env.SMTP_URL
})

test('readiness includes the SMTP server when SMTP_URL is set, and names it when it is down', async () => {
  const sink = await startSmtpSink()
  process.env.SMTP_URL = sink.url
  const { checkReadiness } = await import('~/infra/health.server.ts')
  const up = await checkReadiness()
  expect(up.ready).toBe(true)
  expect(up.checks.map((check) => check.name)).toEqual(
    expect.arrayContaining(['database', 'redis', 'smtp']),
  )

  await sink.close()
  const down = await checkReadiness()
  expect(down.ready).toBe(false)
  expect(down.checks.find((check) => check.name === 'smtp')).toMatchObject({
    ok: false,
    error: expect.stringMatching(/ECONNREFUSED|connect/i),
  })

  // The route names the failing service but keeps the reason (hosts, ports) to the log.
  const { loader } = await import('~/routes/readyz.ts')
  const response = await loader()
  expect(response.status).toBe(503)
  const body = (await response.json()) as {
    failing: string[]
    checks: Array<Record<string, unknown>>
  }
  expect(body.failing).toEqual(['smtp'])
  expect(body.checks.every((check) => !('error' in check))).toBe(true)
  expect(JSON.stringify(body)).not.toContain(new URL(sink.url).port)
})
