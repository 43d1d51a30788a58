import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import {
  action as catalogAction,
  loader as catalogLoader,
} from '~/routes/($locale).admin.catalog/route.tsx'
import { createUser, signIn } from '../support/fixtures.ts'
import { taxonomyFixture } from '../support/catalog.ts'
import { callRoute, routeRequest } from '../support/remix.ts'

async function adminCookie() {
  const admin = await createUser({ roles: ['SHOPPER', 'ADMIN'] })
  return (await signIn(admin.id)).cookie
}

describe('admin taxonomy forms in two languages', () => {
  test('categories and brands take a Persian name beside the English one', async () => {
    const t = await taxonomyFixture()
    const cookie = await adminCookie()
    const created = await callRoute(
      catalogAction,
      routeRequest('/fa/admin/catalog', {
        cookie,
        form: {
          intent: 'create-category',
          name: 'Scarves',
          nameFa: ' شال و روسری ',
          slug: '',
          parentId: t.categories.women.id,
        },
      }),
    )
    expect(created.status).toBe(302)
    expect(created.headers.get('Location')).toBe('/fa/admin/catalog')
    expect(await prisma.category.findUniqueOrThrow({ where: { slug: 'scarves' } })).toMatchObject({
      name: 'Scarves',
      nameFa: 'شال و روسری',
    })

    const renamed = await callRoute(
      catalogAction,
      routeRequest('/admin/catalog', {
        cookie,
        form: {
          intent: 'update-brand',
          id: t.brands.acme.id,
          name: 'Acme',
          nameFa: 'آکمه',
          slug: 'acme',
          description: '',
        },
      }),
    )
    expect(renamed.status).toBe(302)

    const page = await callRoute(catalogLoader, routeRequest('/fa/admin/catalog', { cookie }))
    const data = page.data as {
      categories: Array<{ slug: string; name: string; nameFa: string | null }>
      brands: Array<{ slug: string; name: string; nameFa: string | null }>
    }
    expect(data.categories.find((row) => row.slug === 'scarves')).toMatchObject({
      name: 'Scarves',
      nameFa: 'شال و روسری',
    })
    expect(data.brands.find((row) => row.slug === 'acme')).toMatchObject({ nameFa: 'آکمه' })

    // Emptying the Persian name clears it (pages then show the English one).
    await callRoute(
      catalogAction,
      routeRequest('/admin/catalog', {
        cookie,
        form: { intent: 'update-brand', id: t.brands.acme.id, name: 'Acme', nameFa: '' },
      }),
    )
    expect(
      (await prisma.brand.findUniqueOrThrow({ where: { id: t.brands.acme.id } })).nameFa,
    ).toBeNull()
  })

  test('a Persian name that is too long is refused at its field', async () => {
    const cookie = await adminCookie()
    const refused = await callRoute(
      catalogAction,
      routeRequest('/fa/admin/catalog', {
        cookie,
        form: { intent: 'create-brand', name: 'Long', nameFa: 'ب'.repeat(61) },
      }),
    )
    expect(refused).toMatchObject({
      status: 400,
      data: { form: 'create-brand', fieldErrors: { nameFa: [expect.any(String)] } },
    })
    expect(await prisma.brand.count({ where: { name: 'Long' } })).toBe(0)
  })
})
