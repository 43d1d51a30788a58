import { describe, expect, test } from 'vitest'
import { readToast } from '~/services/accounts/toasts.server.ts'
import { loader as layoutLoader } from '~/routes/($locale).admin/route.tsx'
import { loader as auditLoader } from '~/routes/($locale).admin.audit/route.tsx'
import { action as reviewsAction } from '~/routes/($locale).admin.reviews/route.tsx'
import { loader as usersLoader } from '~/routes/($locale).admin.users._index.tsx'
import {
  action as userAction,
  loader as userLoader,
} from '~/routes/($locale).admin.users.$userId/route.tsx'
import { submitReview } from '~/services/reviews/reviews.server.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { callRoute, cookieFrom, routeRequest } from '../support/remix.ts'
import { createProduct, createSeller } from '../support/shop-fixtures.ts'

// The admin area under /fa: titles, toasts, refusals and redirects in Persian, in the page's
// language; the same routes without the prefix stay English.

const createAdmin = (name = 'مدیر آزمایشی') => createUser({ name, roles: ['SHOPPER', 'ADMIN'] })
const PERSIAN = /[\u0600-\u06FF]/

async function toastOf(headers: Headers) {
  const cookie = cookieFrom(headers, 'shikposh_toast')
  expect(cookie).toBeTruthy()
  const { toast } = await readToast(
    new Request('http://localhost', { headers: { Cookie: cookie! } }),
  )
  return toast?.message ?? ''
}

describe('the admin area in Persian', () => {
  test('page titles are Persian under /fa and English without the prefix', async () => {
    const admin = await createAdmin()
    const { cookie } = await signIn(admin.id)
    const fa = await callRoute(usersLoader, routeRequest('/fa/admin/users', { cookie }))
    expect(fa.status).toBe(200)
    expect(fa.data).toMatchObject({ title: 'کاربران · مدیریت · شیک‌پوش' })
    const en = await callRoute(usersLoader, routeRequest('/admin/users', { cookie }))
    expect(en.data).toMatchObject({ title: 'Users · Admin · Shikposh' })
    const layout = await callRoute(layoutLoader, routeRequest('/fa/admin', { cookie }))
    expect(layout.data).toMatchObject({ title: 'مدیریت · شیک‌پوش' })
    const audit = await callRoute(auditLoader, routeRequest('/fa/admin/audit', { cookie }))
    expect(audit.data).toMatchObject({ title: 'گزارش رویدادها · مدیریت · شیک‌پوش' })
  })

  test('blocking from /fa: back to the Persian page with a Persian toast; a refusal in Persian', async () => {
    const admin = await createAdmin()
    const { cookie } = await signIn(admin.id)
    const user = await createUser({ name: 'Blocked Later' })
    const path = `/fa/admin/users/${user.id}`
    const params = { userId: user.id }
    const blocked = await callRoute(
      userAction,
      routeRequest(path, { cookie, form: { intent: 'block', reason: 'پیام‌های توهین‌آمیز' } }),
      { params },
    )
    expect(blocked.status).toBe(302)
    expect(blocked.headers.get('Location')).toBe(path)
    expect(await toastOf(blocked.headers)).toBe('حساب مسدود شد.')

    const again = await callRoute(
      userAction,
      routeRequest(path, { cookie, form: { intent: 'block', reason: 'دوباره' } }),
      { params },
    )
    expect(again.status).toBe(409)
    expect(again.data).toMatchObject({ error: 'این حساب پیش‌تر مسدود شده است.' })

    const self = await callRoute(
      userAction,
      routeRequest(`/admin/users/${admin.id}`, {
        cookie,
        form: { intent: 'block', reason: 'Myself' },
      }),
      { params: { userId: admin.id } },
    )
    expect(self.data).toMatchObject({ error: 'You cannot block your own account.' })

    const page = await callRoute(userLoader, routeRequest(path, { cookie }), { params })
    expect(page.data).toMatchObject({ title: 'Blocked Later · مدیریت · شیک‌پوش' })
    const missing = await callRoute(userLoader, routeRequest('/fa/admin/users/nope', { cookie }), {
      params: { userId: 'nope' },
    })
    expect(missing).toMatchObject({ status: 404, data: 'چنین حسابی وجود ندارد.' })
  })

  test('moderation from /fa: a Persian toast, and a review decided by someone else named with a Solar Hijri date', async () => {
    const { shop } = await createSeller()
    const item = await createProduct(shop.id, { variants: [{ size: 'S' }] })
    const author = await createUser()
    const review = await submitReview(author.id, item.slug, {
      rating: 4,
      title: 'Soft cotton',
      body: 'Washes well.',
    })
    const ref = `${review.id}:1`
    const ada = await createAdmin('Ada Admin')
    const bob = await createAdmin('Bob Admin')
    const first = await callRoute(
      reviewsAction,
      routeRequest('/fa/admin/reviews', {
        cookie: (await signIn(ada.id)).cookie,
        form: { intent: 'approve', review: ref },
      }),
    )
    expect(first.status).toBe(302)
    expect(first.headers.get('Location')).toBe('/fa/admin/reviews')
    expect(await toastOf(first.headers)).toBe('نظر تأیید شد.')

    const second = await callRoute(
      reviewsAction,
      routeRequest('/fa/admin/reviews', {
        cookie: (await signIn(bob.id)).cookie,
        form: { intent: 'reject', review: ref, reason: 'دیر رسید' },
      }),
    )
    expect(second.status).toBe(409)
    const [conflict] = (second.data as { conflicts: Array<{ message: string }> }).conflicts
    expect(conflict!.message).toMatch(/^«Soft cotton» پیش‌تر به دست Ada Admin در .+ تأیید شده بود/)
    // The date in Persian digits and the Solar Hijri calendar (year 14xx).
    expect(conflict!.message).toMatch(/۱۴[۰-۹]{2}/)
    expect(conflict!.message).not.toMatch(/20\d\d/)
    expect(PERSIAN.test(conflict!.message)).toBe(true)
  })
})
