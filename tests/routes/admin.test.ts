import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, test } from 'vitest'
import { message } from '~/i18n/validation.ts'
import { prisma } from '~/infra/db.server.ts'
import { loader as auditLoader } from '~/routes/($locale).admin.audit/route.tsx'
import { loader as usersLoader } from '~/routes/($locale).admin.users._index.tsx'
import {
  action as userAction,
  loader as userLoader,
} from '~/routes/($locale).admin.users.$userId/route.tsx'
import { createUser, signIn } from '../support/fixtures.ts'
import { callRoute, cookieFrom, routeRequest } from '../support/remix.ts'

// Every /admin route and action this branch adds, called as Remix would call them.

const createAdmin = (name = 'Route Admin') => createUser({ name, roles: ['SHOPPER', 'ADMIN'] })

/** Everything the admin actions could change, across all accounts. */
async function databaseState() {
  const [users, sessions, audit] = await Promise.all([
    prisma.user.findMany({
      select: {
        id: true,
        roles: true,
        status: true,
        blockedReason: true,
        blockedAt: true,
        updatedAt: true,
      },
      orderBy: { id: 'asc' },
    }),
    prisma.session.findMany({ select: { id: true }, orderBy: { id: 'asc' } }),
    prisma.auditEntry.findMany({ select: { id: true }, orderBy: { id: 'asc' } }),
  ])
  return { users, sessions, audit }
}

type Call = {
  name: string
  handler: ((args: LoaderFunctionArgs) => unknown) | ((args: ActionFunctionArgs) => unknown)
  path: string
  params?: Record<string, string>
  form?: Record<string, string>
}

/** The matrix's rows: each loader, and each intent of each action, aimed at a real target account. */
function calls(targetId: string): Call[] {
  const params = { userId: targetId }
  const path = `/admin/users/${targetId}`
  return [
    { name: 'GET /admin/users', handler: usersLoader, path: '/admin/users?q=a' },
    { name: 'GET /admin/users/:userId', handler: userLoader, path, params },
    { name: 'GET /admin/audit', handler: auditLoader, path: '/admin/audit?action=user.block' },
    {
      name: 'POST block',
      handler: userAction,
      path,
      params,
      form: { intent: 'block', reason: 'Matrix says so' },
    },
    {
      name: 'POST unblock',
      handler: userAction,
      path,
      params,
      form: { intent: 'unblock', reason: 'Matrix' },
    },
    {
      name: 'POST grant-admin',
      handler: userAction,
      path,
      params,
      form: { intent: 'grant-admin' },
    },
    {
      name: 'POST remove-admin',
      handler: userAction,
      path,
      params,
      form: { intent: 'remove-admin' },
    },
  ]
}

async function run(call: Call, cookie?: string) {
  return callRoute(call.handler, routeRequest(call.path, { cookie, form: call.form }), {
    params: call.params,
  })
}

describe('authorization matrix: every /admin route and action', () => {
  test('anonymous visitors are sent to sign in and back; nothing changes', async () => {
    // An admin target, so grant/remove and block/unblock all have something they could change.
    const target = await createAdmin('Matrix Target')
    await signIn(target.id)
    for (const call of calls(target.id)) {
      const before = await databaseState()
      const result = await run(call)
      expect(result.status, call.name).toBe(302)
      expect(result.headers.get('Location'), call.name).toBe(
        `/login?${new URLSearchParams({ redirectTo: call.path })}`,
      )
      expect(await databaseState(), call.name).toEqual(before)
    }
  })

  for (const role of ['shopper', 'seller'] as const) {
    test(`a ${role} gets 403 everywhere; nothing changes`, async () => {
      const user = await createUser({
        roles: role === 'seller' ? ['SHOPPER', 'SELLER'] : ['SHOPPER'],
      })
      const { cookie } = await signIn(user.id)
      const target = await createAdmin('Matrix Target')
      for (const call of calls(target.id)) {
        const before = await databaseState()
        const result = await run(call, cookie)
        expect(result.status, call.name).toBe(403)
        expect(await databaseState(), call.name).toEqual(before)
      }
      // Not even their own account can be promoted by a direct POST.
      const self = calls(user.id).find((call) => call.name === 'POST grant-admin')!
      expect((await run(self, cookie)).status).toBe(403)
      expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).roles).not.toContain(
        'ADMIN',
      )
    })
  }

  test('a blocked admin is signed out: redirected to sign in, session gone, nothing changed', async () => {
    const target = await createUser({ name: 'Matrix Target' })
    for (const call of calls(target.id)) {
      // A fresh blocked admin per call whose session row survived (blocked behind the app's back).
      const admin = await createAdmin('Blocked Admin')
      const { cookie, session } = await signIn(admin.id)
      await prisma.user.update({
        where: { id: admin.id },
        data: { status: 'BLOCKED', blockedReason: 'Compromised', blockedAt: new Date() },
      })
      const before = await databaseState()
      const result = await run(call, cookie)
      expect(result.status, call.name).toBe(302)
      expect(result.headers.get('Location'), call.name).toMatch(/^\/login\?redirectTo=/)
      expect(await prisma.session.findUnique({ where: { id: session.id } }), call.name).toBeNull()
      const after = await databaseState()
      // The only change is the blocked admin's own session ending.
      expect(after, call.name).toEqual({
        ...before,
        sessions: before.sessions.filter((row) => row.id !== session.id),
      })
    }
  })

  test('an admin blocked by another admin loses the admin area at their next request', async () => {
    const ada = await createAdmin('Ada')
    const bob = await createAdmin('Bob')
    const adaCookie = (await signIn(ada.id)).cookie
    const bobCookie = (await signIn(bob.id)).cookie
    expect(
      (await callRoute(usersLoader, routeRequest('/admin/users', { cookie: bobCookie }))).status,
    ).toBe(200)
    const blocked = await callRoute(
      userAction,
      routeRequest(`/admin/users/${bob.id}`, {
        cookie: adaCookie,
        form: { intent: 'block', reason: 'Account compromised' },
      }),
      { params: { userId: bob.id } },
    )
    expect(blocked.status).toBe(302)
    expect(await prisma.session.count({ where: { userId: bob.id } })).toBe(0)
    const after = await callRoute(usersLoader, routeRequest('/admin/users', { cookie: bobCookie }))
    expect(after.status).toBe(302)
    expect(after.headers.get('Location')).toBe('/login?redirectTo=%2Fadmin%2Fusers')
  })
})

describe('/admin/users', () => {
  test('searches by email or name, case-insensitively, from the URL', async () => {
    const admin = await createAdmin()
    const { cookie } = await signIn(admin.id)
    const wanted = await createUser({ name: 'Findable Fatima' })
    await createUser({ name: 'Someone Else' })
    const result = await callRoute(
      usersLoader,
      routeRequest(`/admin/users?q=${encodeURIComponent(wanted.email.toUpperCase())}`, { cookie }),
    )
    expect(result.status).toBe(200)
    const data = result.data as {
      result: { users: Array<{ id: string; name: string }>; total: number }
    }
    expect(data.result.users.map((user) => user.id)).toEqual([wanted.id])
    const byName = await callRoute(usersLoader, routeRequest('/admin/users?q=fINDABLE', { cookie }))
    expect((byName.data as typeof data).result.users.map((user) => user.name)).toEqual([
      'Findable Fatima',
    ])
  })

  test('a malformed query string is a 400 with the message at the field, not a 500', async () => {
    const admin = await createAdmin()
    const { cookie } = await signIn(admin.id)
    const result = await callRoute(
      usersLoader,
      routeRequest(`/admin/users?role=OWNER&page=-1&q=${'x'.repeat(201)}`, { cookie }),
    )
    expect(result.status).toBe(400)
    const data = result.data as { errors: Record<string, string[]>; result: null }
    expect(data.result).toBeNull()
    expect(data.errors).toEqual({
      role: [message('admin.role')],
      page: [message('admin.pageMin', { min: 1 })],
      q: [message('text.tooLong', { max: 200 })],
    })
  })
})

describe('/admin/users/:userId', () => {
  test('shows the account and whether it is the admin themselves', async () => {
    const admin = await createAdmin()
    const { cookie } = await signIn(admin.id)
    const user = await createUser({ name: 'Shown User' })
    const other = await callRoute(userLoader, routeRequest(`/admin/users/${user.id}`, { cookie }), {
      params: { userId: user.id },
    })
    expect(other.data).toMatchObject({
      user: { id: user.id, name: 'Shown User', status: 'ACTIVE' },
      isSelf: false,
    })
    const self = await callRoute(userLoader, routeRequest(`/admin/users/${admin.id}`, { cookie }), {
      params: { userId: admin.id },
    })
    expect(self.data).toMatchObject({ isSelf: true })
    const missing = await callRoute(userLoader, routeRequest('/admin/users/nope', { cookie }), {
      params: { userId: 'nope' },
    })
    expect(missing).toMatchObject({ status: 404, thrown: true })
  })

  test('blocks with a reason: toast, the user signed out, the audit entry written', async () => {
    const admin = await createAdmin()
    const { cookie } = await signIn(admin.id)
    const user = await createUser({ name: 'To Block' })
    const userSession = await signIn(user.id)
    const result = await callRoute(
      userAction,
      routeRequest(`/admin/users/${user.id}`, {
        cookie,
        form: { intent: 'block', reason: 'Abusive messages' },
      }),
      { params: { userId: user.id } },
    )
    expect(result.status).toBe(302)
    expect(result.headers.get('Location')).toBe(`/admin/users/${user.id}`)
    expect(cookieFrom(result.headers, 'shikposh_toast')).toBeTruthy()
    expect(await prisma.session.findUnique({ where: { id: userSession.session.id } })).toBeNull()
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      status: 'BLOCKED',
      blockedReason: 'Abusive messages',
    })
    expect(await prisma.auditEntry.findFirst({ where: { targetId: user.id } })).toMatchObject({
      action: 'user.block',
      actorId: admin.id,
      reason: 'Abusive messages',
    })
  })

  test('a block without a reason is a 400 at the field and changes nothing', async () => {
    const admin = await createAdmin()
    const { cookie } = await signIn(admin.id)
    const user = await createUser()
    for (const reason of [undefined, '  ', 'no']) {
      const before = await databaseState()
      const form: Record<string, string> = { intent: 'block' }
      if (reason !== undefined) form.reason = reason
      const result = await callRoute(
        userAction,
        routeRequest(`/admin/users/${user.id}`, { cookie, form }),
        { params: { userId: user.id } },
      )
      expect(result.status).toBe(400)
      const data = result.data as { intent: string; result: { error: Record<string, string[]> } }
      expect(data.intent).toBe('block')
      expect(data.result.error.reason).toEqual([
        reason === undefined
          ? message('admin.blockReason')
          : message('review.reasonMin', { min: 3 }),
      ])
      expect(await databaseState()).toEqual(before)
    }
    const tooLong = await callRoute(
      userAction,
      routeRequest(`/admin/users/${user.id}`, {
        cookie,
        form: { intent: 'block', reason: 'x'.repeat(501) },
      }),
      { params: { userId: user.id } },
    )
    expect(tooLong.status).toBe(400)
  })

  test('self-protection through the route: a clear message, nothing changed', async () => {
    const admin = await createAdmin()
    const { cookie } = await signIn(admin.id)
    for (const [intent, message] of [
      ['block', 'You cannot block your own account.'],
      ['remove-admin', 'You cannot remove your own admin role. Ask another admin.'],
    ] as const) {
      const before = await databaseState()
      const result = await callRoute(
        userAction,
        routeRequest(`/admin/users/${admin.id}`, { cookie, form: { intent, reason: 'Trying it' } }),
        { params: { userId: admin.id } },
      )
      expect(result.status).toBe(409)
      expect(result.data).toMatchObject({ intent, error: message })
      expect(await databaseState()).toEqual(before)
    }
  })

  test('unblock, grant and remove admin through the route', async () => {
    const admin = await createAdmin()
    const { cookie } = await signIn(admin.id)
    const user = await createUser({ status: 'BLOCKED' })
    const post = (form: Record<string, string>) =>
      callRoute(userAction, routeRequest(`/admin/users/${user.id}`, { cookie, form }), {
        params: { userId: user.id },
      })

    expect((await post({ intent: 'grant-admin' })).status).toBe(409) // blocked: unblock first
    expect((await post({ intent: 'unblock', reason: '' })).status).toBe(302)
    expect((await post({ intent: 'grant-admin', reason: 'Trusted' })).status).toBe(302)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).roles).toEqual([
      'SHOPPER',
      'ADMIN',
    ])
    expect((await post({ intent: 'remove-admin' })).status).toBe(302)
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      status: 'ACTIVE',
      roles: ['SHOPPER'],
    })
    const actions = await prisma.auditEntry.findMany({
      where: { targetId: user.id },
      orderBy: { createdAt: 'asc' },
      select: { action: true, reason: true },
    })
    expect(actions).toEqual([
      { action: 'user.unblock', reason: null },
      { action: 'user.grant-admin', reason: 'Trusted' },
      { action: 'user.remove-admin', reason: null },
    ])
  })

  test('an unknown intent is a 400 and an unknown account a 404; nothing changes', async () => {
    const admin = await createAdmin()
    const { cookie } = await signIn(admin.id)
    const user = await createUser()
    const before = await databaseState()
    const unknown = await callRoute(
      userAction,
      routeRequest(`/admin/users/${user.id}`, { cookie, form: { intent: 'delete' } }),
      { params: { userId: user.id } },
    )
    expect(unknown.status).toBe(400)
    const missing = await callRoute(
      userAction,
      routeRequest('/admin/users/nobody', {
        cookie,
        form: { intent: 'block', reason: 'Spam spam' },
      }),
      { params: { userId: 'nobody' } },
    )
    expect(missing).toMatchObject({ status: 404, thrown: true })
    expect(await databaseState()).toEqual(before)
  })
})

describe('/admin/audit', () => {
  test('lists the entries with URL filters, newest first', async () => {
    const admin = await createAdmin('Audit Route Admin')
    const { cookie } = await signIn(admin.id)
    const first = await createUser({ name: 'First Target' })
    const second = await createUser({ name: 'Second Target' })
    const post = (userId: string, form: Record<string, string>) =>
      callRoute(userAction, routeRequest(`/admin/users/${userId}`, { cookie, form }), {
        params: { userId },
      })
    await post(first.id, { intent: 'block', reason: 'Counterfeit goods' })
    await post(second.id, { intent: 'grant-admin', reason: 'New team member' })
    await post(first.id, { intent: 'unblock', reason: 'Appeal upheld' })

    type AuditData = {
      result: {
        entries: Array<{ action: string; targetId: string; reason: string | null }>
        total: number
      }
      actors: Array<{ value: string }>
    }
    const list = async (search: string) =>
      (await callRoute(auditLoader, routeRequest(`/admin/audit${search}`, { cookie })))
        .data as AuditData

    const all = await list(`?admin=${admin.id}`)
    expect(all.result.entries.map((entry) => entry.action)).toEqual([
      'user.unblock',
      'user.grant-admin',
      'user.block',
    ])
    expect(all.actors.map((actor) => actor.value)).toContain(admin.id)
    expect(
      (await list(`?admin=${admin.id}&action=user.block`)).result.entries.map(
        (entry) => entry.targetId,
      ),
    ).toEqual([first.id])
    expect(
      (await list(`?admin=${admin.id}&target=${first.id}`)).result.entries.map(
        (entry) => entry.action,
      ),
    ).toEqual(['user.unblock', 'user.block'])
    expect(
      (await list(`?admin=${admin.id}&q=COUNTERFEIT`)).result.entries.map((entry) => entry.reason),
    ).toEqual(['Counterfeit goods'])
    expect(
      (await list(`?admin=${admin.id}&q=second+target`)).result.entries.map(
        (entry) => entry.action,
      ),
    ).toEqual(['user.grant-admin'])
    const today = new Date().toISOString().slice(0, 10)
    expect((await list(`?admin=${admin.id}&from=${today}&to=${today}`)).result.total).toBe(3)
    expect((await list(`?admin=${admin.id}&to=2000-01-01`)).result.total).toBe(0)
  })

  test('malformed filters are a 400 with a message per field', async () => {
    const admin = await createAdmin()
    const { cookie } = await signIn(admin.id)
    const result = await callRoute(
      auditLoader,
      routeRequest('/admin/audit?from=2031-05-02&to=2031-05-01&type=shop', { cookie }),
    )
    expect(result.status).toBe(400)
    expect((result.data as { errors: Record<string, string[]> }).errors).toEqual({
      to: [message('admin.dateOrder')],
      type: [message('admin.targetType')],
    })
  })
})
