import { readdir } from 'node:fs/promises'
import path from 'node:path'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { submitReview } from '~/services/reviews/reviews.server.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { seedStorePages } from '../../prisma/seed/pages.ts'
import { createFailedJob, failedJobsState, pendingWorkCount } from '../support/jobs.ts'
import { callRoute, routeRequest } from '../support/remix.ts'
import { createProduct, createSeller } from '../support/shop-fixtures.ts'

// The authorization matrix over EVERY /admin route: the route files are listed from the disk, so
// a new admin page is in the matrix the day it is added. Each loader, and each action with every
// form any admin page sends, is called as anonymous, shopper, seller and blocked admin: each
// gets a redirect to sign in or a 403, and the database is exactly as it was.

const ROUTES_DIR = path.resolve(import.meta.dirname, '../../app/routes')

type RouteModule = {
  loader?: (args: LoaderFunctionArgs) => unknown
  action?: (args: ActionFunctionArgs) => unknown
}

type Targets = {
  userId: string
  reviewRef: string
  shopId: string
  productId: string
  categoryId: string
  brandId: string
  jobId: string
}

/** The URL and params of a route file (flat routes: dots are slashes, $name a param, _index the parent). */
function urlOf(file: string, targets: Targets) {
  const segments = file
    .replace(/\.tsx?$/, '')
    .split('.')
    .filter((segment) => segment !== '_index')
  const params: Record<string, string> = {}
  const parts = segments.map((segment) => {
    if (!segment.startsWith('$')) return segment.replace(/_$/, '')
    const name = segment.slice(1)
    // Real store pages and size scales, so a missing check would change something.
    params[name] =
      name === 'userId'
        ? targets.userId
        : name === 'slug'
          ? 'help'
          : name === 'code'
            ? 'letters'
            : 'unknown-id'
    return params[name]
  })
  return { path: `/${parts.join('/')}`, params }
}

/** Every form the admin pages send, aimed at real rows, so a missing check would change something. */
function forms(targets: Targets): Array<Record<string, string>> {
  return [
    { intent: 'block', reason: 'Matrix says so' },
    { intent: 'unblock', reason: 'Matrix' },
    { intent: 'grant-admin' },
    { intent: 'remove-admin' },
    { intent: 'approve', review: targets.reviewRef },
    { intent: 'reject', review: targets.reviewRef, reason: 'Matrix says no' },
    { intent: 'bulk-approve', reviews: targets.reviewRef },
    { intent: 'bulk-reject', reviews: targets.reviewRef, reason: 'Matrix says no' },
    { shopId: targets.shopId, reason: 'Matrix suspension' },
    { intent: 'reinstate', shopId: targets.shopId },
    { productId: targets.productId, featured: 'true' },
    { intent: 'create-category', name: 'Matrix Category', slug: 'matrix-category' },
    {
      intent: 'update-category',
      id: targets.categoryId,
      name: 'Renamed by matrix',
      slug: 'renamed-by-matrix',
    },
    { intent: 'move-category', id: targets.categoryId, direction: 'up' },
    { intent: 'delete-category', id: targets.categoryId },
    { intent: 'create-brand', name: 'Matrix Brand', slug: 'matrix-brand' },
    { intent: 'update-brand', id: targets.brandId, name: 'Matrix Renamed', slug: 'matrix-renamed' },
    { intent: 'delete-brand', id: targets.brandId },
    {
      title: 'Matrix help',
      titleFa: 'راهنمای ماتریس',
      body: 'The matrix rewrote the help page.',
      bodyFa: 'ماتریس صفحهٔ راهنما را بازنویسی کرد.',
      version: '1',
    },
    { measures: 'chest' },
    { intent: 'retry', jobId: targets.jobId },
    { intent: 'discard', jobId: targets.jobId },
  ]
}

/** Everything an admin action could change. */
async function databaseState() {
  const [
    users,
    sessions,
    audit,
    reviews,
    reports,
    products,
    shops,
    categories,
    brands,
    jobs,
    pages,
    scales,
    sizes,
    failedJobs,
  ] = await Promise.all([
    prisma.user.findMany({
      select: { id: true, roles: true, status: true, blockedReason: true, updatedAt: true },
      orderBy: { id: 'asc' },
    }),
    prisma.session.findMany({ select: { id: true }, orderBy: { id: 'asc' } }),
    prisma.auditEntry.count(),
    prisma.review.findMany({
      select: { id: true, status: true, version: true, queuedAt: true },
      orderBy: { id: 'asc' },
    }),
    prisma.reviewReport.findMany({
      select: { id: true, resolvedAt: true },
      orderBy: { id: 'asc' },
    }),
    prisma.product.findMany({
      select: { id: true, featured: true, listed: true, ratingCount: true, updatedAt: true },
      orderBy: { id: 'asc' },
    }),
    prisma.shop.findMany({
      select: { id: true, status: true, updatedAt: true },
      orderBy: { id: 'asc' },
    }),
    prisma.category.findMany({
      select: { id: true, name: true, parentId: true, position: true },
      orderBy: { id: 'asc' },
    }),
    prisma.brand.findMany({ select: { id: true, name: true }, orderBy: { id: 'asc' } }),
    pendingWorkCount(),
    prisma.contentPage.findMany({ orderBy: { id: 'asc' } }),
    prisma.sizeScale.findMany({
      select: { id: true, guideMeasures: true },
      orderBy: { id: 'asc' },
    }),
    prisma.size.findMany({ select: { id: true, measurements: true }, orderBy: { id: 'asc' } }),
    failedJobsState(),
  ])
  return {
    users,
    sessions,
    audit,
    reviews,
    reports,
    products,
    shops,
    categories,
    brands,
    jobs,
    pages,
    scales,
    sizes,
    failedJobs,
  }
}

type Call = {
  name: string
  handler: NonNullable<RouteModule['loader'] | RouteModule['action']>
  path: string
  params: Record<string, string>
  form?: Record<string, string>
}

let files: string[] = []
let modules: Map<string, RouteModule>
let targets: Targets

beforeAll(async () => {
  // Page routes carry the optional locale segment: `($locale).admin.users.tsx` is /admin/users.
  // A folder route (`($locale).admin/route.tsx`) is named as its flat twin would be.
  const onDisk = (await readdir(ROUTES_DIR, { withFileTypes: true })).map((entry) => {
    const file = entry.isDirectory() ? `${entry.name}/route.tsx` : entry.name
    const name = entry.isDirectory() ? `${entry.name}.tsx` : entry.name
    return { file, route: name.replace(/^\(\$locale\)\./, '') }
  })
  const admin = onDisk.filter(({ route }) => /^admin[._].*\.tsx?$|^admin\.tsx$/.test(route))
  files = admin.map(({ route }) => route).sort()
  modules = new Map()
  for (const { file, route } of admin)
    modules.set(route, (await import(path.join(ROUTES_DIR, file))) as RouteModule)

  const target = await createUser({ name: 'Matrix Target', roles: ['SHOPPER', 'ADMIN'] })
  await signIn(target.id)
  const { shop } = await createSeller('Matrix Seller')
  const product = await createProduct(shop.id, { variants: [{ size: 'S' }, { size: 'M' }] })
  const author = await createUser({ name: 'Matrix Author' })
  const review = await submitReview(author.id, product.slug, {
    rating: 4,
    title: 'Matrix review',
    body: 'A review the matrix could decide.',
  })
  const category = await prisma.category.create({
    data: { name: 'Matrix Empty', slug: `matrix-empty-${Date.now()}` },
  })
  await seedStorePages()
  const brand = await prisma.brand.create({
    data: { name: `Matrix Brand ${Date.now()}`, slug: `matrix-brand-${Date.now()}` },
  })
  targets = {
    userId: target.id,
    reviewRef: `${review.id}:1`,
    shopId: shop.id,
    productId: product.id,
    categoryId: category.id,
    brandId: brand.id,
    jobId: String(
      await createFailedJob('mail.send', { to: 'matrix@example.test' }, 'SMTP said no'),
    ),
  }
})

function calls(): Call[] {
  const list: Call[] = []
  for (const file of files) {
    const route = modules.get(file)!
    const { path: url, params } = urlOf(file, targets)
    if (route.loader)
      list.push({ name: `GET ${url} (${file})`, handler: route.loader, path: url, params })
    if (route.action) {
      for (const form of forms(targets))
        list.push({
          name: `POST ${url} ${JSON.stringify(form)} (${file})`,
          handler: route.action,
          path: url,
          params,
          form,
        })
    }
  }
  return list
}

async function run(call: Call, cookie?: string) {
  return callRoute(call.handler, routeRequest(call.path, { cookie, form: call.form }), {
    params: call.params,
  })
}

describe('authorization matrix over every app/routes/admin*.tsx file', () => {
  test('the matrix finds the admin routes, including the moderation queue', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'admin.tsx',
        'admin._index.tsx',
        'admin.reviews.tsx',
        'admin.users.$userId.tsx',
        'admin.audit.tsx',
        'admin.jobs.tsx',
      ]),
    )
    expect(files.length).toBeGreaterThanOrEqual(9)
    // Every admin route file has a loader: a page without one would not be guarded.
    for (const file of files) expect(modules.get(file)!.loader, file).toBeTypeOf('function')
  })

  test('anonymous: a redirect to sign in (and back) everywhere; nothing changes', async () => {
    const before = await databaseState()
    for (const call of calls()) {
      const result = await run(call)
      expect(result.status, call.name).toBe(302)
      expect(result.headers.get('Location'), call.name).toBe(
        `/login?${new URLSearchParams({ redirectTo: call.path })}`,
      )
    }
    expect(await databaseState()).toEqual(before)
  })

  for (const role of ['shopper', 'seller'] as const) {
    test(`a ${role}: 403 everywhere; nothing changes`, async () => {
      const user = await createUser({
        roles: role === 'seller' ? ['SHOPPER', 'SELLER'] : ['SHOPPER'],
      })
      const { cookie } = await signIn(user.id)
      const before = await databaseState()
      for (const call of calls()) {
        const result = await run(call, cookie)
        expect(result.status, call.name).toBe(403)
      }
      expect(await databaseState()).toEqual(before)
    })
  }

  // One blocked admin per call (a blocked admin's session ends at the first request), all
  // arranged before the database is read, so one reading before and one after cover every call.
  test(
    'a blocked admin: signed out and sent to sign in everywhere; nothing else changes',
    { timeout: 120_000 },
    async () => {
      const blocked = []
      for (const call of calls()) {
        const admin = await createUser({ name: 'Blocked Admin', roles: ['SHOPPER', 'ADMIN'] })
        blocked.push({ call, adminId: admin.id, ...(await signIn(admin.id)) })
      }
      await prisma.user.updateMany({
        where: { id: { in: blocked.map(({ adminId }) => adminId) } },
        data: { status: 'BLOCKED', blockedReason: 'Compromised', blockedAt: new Date() },
      })
      const before = await databaseState()
      for (const { call, cookie } of blocked) {
        const result = await run(call, cookie)
        expect(result.status, call.name).toBe(302)
        expect(result.headers.get('Location'), call.name).toMatch(/^\/login\?redirectTo=/)
      }
      const ended = new Set(blocked.map(({ session }) => session.id))
      expect(await databaseState()).toEqual({
        ...before,
        sessions: before.sessions.filter((row) => !ended.has(row.id)),
      })
    },
  )
})

test('the same forms from an active admin do change things (the matrix above could fail)', async () => {
  const admin = await createUser({ name: 'Active Admin', roles: ['SHOPPER', 'ADMIN'] })
  const { cookie } = await signIn(admin.id)
  const approve = calls().find(
    (call) => call.path === '/admin/reviews' && call.form?.intent === 'approve',
  )!
  const before = await databaseState()
  expect((await run(approve, cookie)).status).toBe(302)
  const after = await databaseState()
  expect(after.reviews).not.toEqual(before.reviews)
  expect(after.audit).toBe(before.audit + 1)
})

test('an active admin retries a failed job: due again with its attempts back, and audited', async () => {
  const admin = await createUser({ name: 'Jobs Admin', roles: ['SHOPPER', 'ADMIN'] })
  const { cookie } = await signIn(admin.id)
  const retry = calls().find(
    (call) => call.path === '/admin/jobs' && call.form?.intent === 'retry',
  )!
  const before = await databaseState()
  expect((await run(retry, cookie)).status).toBe(302)
  const after = await databaseState()
  expect(after.failedJobs.map((job) => String(job.id))).not.toContain(targets.jobId)
  expect(after.audit).toBe(before.audit + 1)
})
