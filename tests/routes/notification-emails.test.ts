import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import {
  action as preferencesAction,
  loader as preferencesLoader,
} from '~/routes/($locale).account.notifications.tsx'
import {
  action as unsubscribeAction,
  loader as unsubscribeLoader,
} from '~/routes/($locale).notifications.unsubscribe.tsx'
import { unsubscribePath } from '~/services/notifications/unsubscribe.server.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { callRoute, routeRequest } from '../support/remix.ts'

const emailsOff = async (userId: string) =>
  (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).notificationEmailsOff

describe('choosing which notifications come by email', () => {
  test('the settings page offers the kinds of the person’s roles and saves the choice', async () => {
    const shopper = await createUser()
    const { cookie } = await signIn(shopper.id)
    const page = await callRoute(
      preferencesLoader,
      routeRequest('/fa/account/notifications', { cookie }),
    )
    const { kinds, title } = page.data as {
      title: string
      kinds: { kind: string; email: boolean }[]
    }
    expect(title).toBe('تنظیمات ایمیل')
    expect(kinds.map((kind) => kind.kind)).toContain('ORDER_SHIPPED')
    expect(kinds.map((kind) => kind.kind)).not.toContain('NEW_ORDER')
    expect(kinds.every((kind) => kind.email)).toBe(true)

    const saved = await callRoute(
      preferencesAction,
      routeRequest('/fa/account/notifications', {
        cookie,
        form: { email: kinds.map((kind) => kind.kind).filter((kind) => kind !== 'PRICE_DROP') },
      }),
    )
    expect(saved.status).toBe(302)
    expect(saved.headers.get('Location')).toBe('/fa/account/notifications')
    expect(await emailsOff(shopper.id)).toEqual(['PRICE_DROP'])

    const refused = await callRoute(
      preferencesAction,
      routeRequest('/account/notifications', { cookie, form: { email: 'NOT_A_KIND' } }),
    )
    expect(refused.status).toBe(400)
    expect(await emailsOff(shopper.id)).toEqual(['PRICE_DROP'])

    const visitor = await callRoute(preferencesLoader, routeRequest('/account/notifications'))
    expect(visitor.status).toBe(302)
  })

  test('an email’s link asks first; the button or a one-click POST turns that kind off, once', async () => {
    const shopper = await createUser()
    const path = unsubscribePath(shopper.id, 'ORDER_SHIPPED')
    const asked = await callRoute(unsubscribeLoader, routeRequest(path))
    expect(asked.status).toBe(200)
    expect(await emailsOff(shopper.id)).toEqual([])

    const form = { 'List-Unsubscribe': 'One-Click' }
    for (let click = 0; click < 2; click += 1) {
      const done = await callRoute(unsubscribeAction, routeRequest(path, { form }))
      expect(done.data).toEqual({ done: true })
    }
    expect(await emailsOff(shopper.id)).toEqual(['ORDER_SHIPPED'])

    // A link for someone else, or for another kind, with this signature is refused.
    const other = await createUser()
    const forged = path.replace(shopper.id, other.id)
    expect((await callRoute(unsubscribeLoader, routeRequest(forged))).status).toBe(400)
    expect((await callRoute(unsubscribeAction, routeRequest(forged, { form }))).status).toBe(400)
    const otherKind = path.replace('ORDER_SHIPPED', 'PRICE_DROP')
    expect((await callRoute(unsubscribeAction, routeRequest(otherKind, { form }))).status).toBe(400)
    expect(await emailsOff(other.id)).toEqual([])
    expect(await emailsOff(shopper.id)).toEqual(['ORDER_SHIPPED'])
  })
})
