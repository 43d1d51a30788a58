import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import { loader as profileLoader } from '~/routes/($locale).account._index/route.tsx'
import {
  action as addressesAction,
  loader as addressesLoader,
} from '~/routes/($locale).account.addresses._index.tsx'
import { loader as editAddressLoader } from '~/routes/($locale).account.addresses.$addressId.tsx'
import {
  action as securityAction,
  loader as securityLoader,
} from '~/routes/($locale).account.security.tsx'
import { loader as registerLoader } from '~/routes/($locale).register.tsx'
import { loader as verifyLoader } from '~/routes/($locale).verify-email.tsx'
import { createUser, signIn } from '../support/fixtures.ts'
import { callRoute, routeRequest } from '../support/remix.ts'

const titleOf = (result: { data: unknown }) => (result.data as { title: string }).title

describe('the account pages in Persian', () => {
  test('have Persian titles', async () => {
    const user = await createUser()
    const { cookie } = await signIn(user.id)
    const pages = [
      [profileLoader, '/fa/account', 'نمایهٔ شما · شیک‌پوش'],
      [securityLoader, '/fa/account/security', 'رمز عبور و نشست‌ها · شیک‌پوش'],
      [addressesLoader, '/fa/account/addresses', 'نشانی‌های شما · شیک‌پوش'],
    ] as const
    for (const [loader, path, title] of pages)
      expect(titleOf(await callRoute(loader, routeRequest(path, { cookie })))).toBe(title)
    expect(titleOf(await callRoute(registerLoader, routeRequest('/fa/register')))).toBe(
      'ساختن حساب · شیک‌پوش',
    )
    expect(titleOf(await callRoute(verifyLoader, routeRequest('/fa/verify-email')))).toBe(
      'تأیید ایمیل · شیک‌پوش',
    )
  })

  test('answer refusals in Persian, and redirect within /fa', async () => {
    const user = await createUser()
    const { cookie } = await signIn(user.id)
    const wrong = await callRoute(
      securityAction,
      routeRequest('/fa/account/security', {
        cookie,
        form: {
          intent: 'change-password',
          currentPassword: 'not it at all',
          newPassword: 'a brand new one',
          confirmPassword: 'a brand new one',
        },
      }),
    )
    expect(wrong.status).toBe(400)
    expect(
      (wrong.data as { result: { error: Record<string, string[]> } }).result.error.currentPassword,
    ).toEqual(['این رمز عبور فعلی شما نیست'])

    const missing = await callRoute(
      addressesAction,
      routeRequest('/fa/account/addresses', { cookie, form: { intent: 'delete' } }),
    )
    expect((missing.data as { error: string }).error).toBe('یک نشانی انتخاب کنید.')

    const other = await createUser()
    const address = await prisma.address.create({
      data: {
        userId: other.id,
        fullName: 'Someone Else',
        line1: '1 Road',
        city: 'Town',
        postalCode: '12345',
        country: 'DE',
        phone: '+49 30 123456',
      },
    })
    const notMine = await callRoute(
      editAddressLoader,
      routeRequest(`/fa/account/addresses/${address.id}`, { cookie }),
      { params: { addressId: address.id } },
    )
    expect(notMine.status).toBe(404)
  })
})
