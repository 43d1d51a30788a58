import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { areaOf } from '~/infra/metrics.server.ts'
import { enqueueJobs } from '~/infra/jobs/queue.server.ts'
import { metricsEndpoint, timeRequests } from '../../app/server/metrics.ts'

let base: string
let close: () => void

beforeAll(async () => {
  const app = express()
  app.use(timeRequests)
  app.get('/metrics', metricsEndpoint({ token: 'a-long-enough-token', isProduction: true }))
  app.get('/p/:slug', (_req, res) => res.send('ok'))
  const server = app.listen(0)
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

describe('/metrics', () => {
  test('asks for the token, then reports request timings and the job backlog', async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(401)
    await fetch(`${base}/p/red-dress`)
    await prisma.$transaction((tx) =>
      enqueueJobs(
        tx,
        { task: 'metrics.test', payload: { n: 1 } },
        { task: 'metrics.test', payload: { n: 2 } },
      ),
    )
    const response = await fetch(`${base}/metrics`, {
      headers: { Authorization: 'Bearer a-long-enough-token' },
    })
    expect(response.status).toBe(200)
    const text = await response.text()
    const line = (name: string, label: string) =>
      text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(label))
    expect(line('http_request_duration_seconds_count', 'area="p"')).toMatch(
      /method="GET".*status="200".*\} 1$/,
    )
    expect(line('jobs_waiting', 'task="metrics.test"')).toMatch(/state="due".*\} 2$/)
    expect(text).toContain('process_resident_memory_bytes')
  })

  test('is off in production without a token', async () => {
    const app = express()
    app.get('/metrics', metricsEndpoint({ isProduction: true }))
    const server = app.listen(0)
    await new Promise((resolve) => server.once('listening', resolve))
    const response = await fetch(
      `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`,
    )
    server.close()
    expect(response.status).toBe(404)
  })

  test('areas keep label cardinality low', () => {
    expect(areaOf('/')).toBe('home')
    expect(areaOf('/p/some-product')).toBe('p')
    expect(areaOf('/login.data')).toBe('login')
    expect(areaOf('/%E2%9C%93/x')).toBe('other')
  })
})
