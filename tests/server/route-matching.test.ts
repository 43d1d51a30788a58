import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { flatRoutes } from '@remix-run/dev/dist/config/flat-routes.js'
import type * as Router from '@remix-run/router'
import type { AgnosticRouteObject } from '@remix-run/router'
import { expect, test } from 'vitest'
import remixConfig from '../../remix.config.js'

// The server's route matching keeps its work between requests (patches/@remix-run+router+*.patch):
// each routes array's ranked branches, each pattern's regular expression. Matching the same array
// again and again must answer exactly as the unpatched router does, for every route of the app.

const require = createRequire(import.meta.url)
// What the server loads (Remix's server packages are CommonJS): the patched file.
const router = require('@remix-run/router') as typeof Router
// What browsers load, left as published: the reference.
const reference = (await import('@remix-run/router/dist/router.js')) as unknown as typeof Router

type Route = { id: string; path?: string; index?: boolean; children: Route[] }

/** The app's route tree, as Remix builds it from app/routes. */
function appRoutes(): Route[] {
  const manifest = flatRoutes('app', remixConfig.ignoredRouteFiles)
  const nodes = new Map<string, Route>()
  const root: Route = { id: 'root', path: '', children: [] }
  for (const [id, entry] of Object.entries(manifest)) {
    const route: Route = { id, children: [] }
    if (entry.path !== undefined) route.path = entry.path
    if (entry.index) route.index = true
    nodes.set(id, route)
  }
  for (const [id, entry] of Object.entries(manifest))
    (entry.parentId && entry.parentId !== 'root' ? nodes.get(entry.parentId)! : root).children.push(
      nodes.get(id)!,
    )
  return [root]
}

/** Paths for every route: each parameter filled, each optional segment with and without. */
function samplePaths(routes: Route[]): string[] {
  const paths = new Set<string>(['/', '/fa', '/nothing/here', '/fa/p', '/api/v1', '/%E0%A4%A'])
  const visit = (route: Route, prefix: string) => {
    const full = [prefix, route.path ?? ''].filter(Boolean).join('/')
    for (const variant of expand(full)) paths.add(`/${variant}`.replace(/\/+/g, '/'))
    for (const child of route.children) visit(child, full)
  }
  routes.forEach((route) => visit(route, ''))
  return [...paths]
}

function expand(path: string): string[] {
  let variants = ['']
  for (const segment of path.split('/').filter(Boolean)) {
    const optional = segment.endsWith('?')
    const bare = optional ? segment.slice(0, -1) : segment
    const value = bare === '*' ? 'a/b' : bare.startsWith(':') ? `x-${bare.slice(1)}` : bare
    const values = bare === ':locale' ? ['fa', 'en'] : [value]
    variants = variants.flatMap((before) => [
      ...values.map((item) => `${before}/${item}`),
      ...(optional ? [before] : []),
    ])
  }
  return variants
}

const summary = (matches: ReturnType<typeof Router.matchRoutes>) =>
  matches?.map((match) => ({ id: match.route.id, params: match.params, pathname: match.pathname }))

test('the server loads the patched router; browsers get the published one', () => {
  const file = readFileSync(require.resolve('@remix-run/router'), 'utf8')
  expect(file).toContain('rankedBranchesByRoutes')
  expect(file).toContain('compiledPaths')
  expect(String(reference.matchRoutes)).not.toContain('rankedBranches')
})

test('matching the same routes again answers as the published router, for every route of the app', () => {
  const routes = appRoutes()
  const paths = samplePaths(routes)
  expect(paths.length).toBeGreaterThan(100)
  const known = new Set<Route>()
  const collect = (list: Route[]) =>
    list.forEach((route) => {
      known.add(route)
      collect(route.children)
    })
  collect(routes)
  let matched = 0
  for (const round of [1, 2]) {
    for (const path of paths) {
      const kept = router.matchRoutes(routes as AgnosticRouteObject[], path)
      const fresh = router.matchRoutes(structuredClone(routes) as AgnosticRouteObject[], path)
      const published = reference.matchRoutes(routes as AgnosticRouteObject[], path)
      expect(summary(kept), `${path} (round ${round})`).toEqual(summary(published))
      expect(summary(fresh), `${path} (round ${round})`).toEqual(summary(published))
      // The matches name the routes of the array asked about, not of another.
      for (const match of kept ?? []) expect(known.has(match.route as Route)).toBe(true)
      for (const match of fresh ?? []) expect(known.has(match.route as Route)).toBe(false)
      if (kept) matched++
    }
  }
  expect(matched).toBeGreaterThan(paths.length) // most paths match, in both rounds
})
