import type { AddressInfo } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { finalErrorHandler, guardRequestTarget } from '../../app/server/errors.ts'

// The server's own answers: a plain page with the request id for what Express refuses or what
// fails below it, never a stack trace; request targets no page can answer are a 400.

let base: string
let close: () => void
let staticDir: string
const reached: string[] = []

beforeAll(async () => {
  staticDir = await mkdtemp(path.join(tmpdir(), 'shikposh-static-'))
  const app = express()
  app.use((_req, res, next) => {
    res.locals.requestId = 'req-12345678'
    next()
  })
  app.use(guardRequestTarget)
  app.use('/assets', express.static(staticDir, { fallthrough: false }))
  app.get('/boom', () => {
    throw new Error('secret detail at /srv/app/build/server.js:1:1')
  })
  app.get('/p/:slug', (req, res) => {
    reached.push(req.params.slug)
    res.send('ok')
  })
  app.all('*', (req, res) => {
    reached.push(req.originalUrl)
    res.send('ok')
  })
  app.use(finalErrorHandler)
  const server = app.listen(0)
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(async () => {
  close()
  await rm(staticDir, { recursive: true, force: true })
})

async function get(target: string) {
  const response = await fetch(`${base}${target}`)
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: await response.text(),
  }
}

describe('the final error handler', () => {
  test('a broken path, a missing asset and a thrown error are plain pages with the request id, no stack', async () => {
    for (const [target, status] of [
      ['/%E0%A4%A', 400],
      ['/assets/nope.js', 404],
      ['/boom', 500],
    ] as const) {
      const answer = await get(target)
      expect(answer.status, target).toBe(status)
      expect(answer.type, target).toMatch(/^text\/html/)
      expect(answer.body, target).toContain('req-12345678')
      expect(answer.body, target).not.toMatch(/\bat \w|node_modules|\/srv\/|Error:/)
    }
  })
})

describe('the request target guard', () => {
  test('refuses control characters in the path or any query parameter, naming the parameter', async () => {
    for (const target of [
      '/admin/users?q=%00',
      '/admin/shops?q=a%07b',
      '/admin/products?q=%C2%85',
      '/search?brand=x&%00=1',
      '/p/%00dress',
      '/p/dress%1B',
    ]) {
      const answer = await get(target)
      expect(answer.status, target).toBe(400)
    }
    expect((await get('/admin/users?q=%00')).body).toContain('“q”')
    expect(reached).toEqual([])
  })

  test('refuses old-style ?_data= requests (Remix answers them with a RangeError)', async () => {
    expect((await get('/search?_data=routes%2F(%24locale).search')).status).toBe(400)
    expect(reached).toEqual([])
  })

  test('lets ordinary targets through, tabs and new lines and any script included', async () => {
    for (const target of [
      '/search?q=%D8%B4%DB%8C%DA%A9',
      '/p/caf%C3%A9',
      '/search?q=a%09b%0Ac',
      '/',
    ])
      expect((await get(target)).status, target).toBe(200)
  })
})
