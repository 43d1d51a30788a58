import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import {
  action as catalogAction,
  loader as catalogLoader,
} from '~/routes/($locale).admin.catalog/route.tsx'
import { createUser, signIn } from '../support/fixtures.ts'
import { taxonomyFixture } from '../support/catalog.ts'
import { loader as brandLoader } from '~/routes/($locale).brands.$slug.tsx'
import { loader as categoryLoader } from '~/routes/($locale).c.$slug.tsx'
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

  test('categories and brands take a Persian description, shown (and meta) on Persian pages', async () => {
    const t = await taxonomyFixture()
    const cookie = await adminCookie()
    const save = (form: Record<string, string>) =>
      callRoute(catalogAction, routeRequest('/fa/admin/catalog', { cookie, form }))
    expect(
      await save({
        intent: 'update-category',
        id: t.categories.dresses.id,
        name: 'Dresses',
        nameFa: 'پیراهن',
        slug: 'dresses',
        parentId: t.categories.dresses.parentId ?? '',
        description: 'Midi and maxi dresses.',
        descriptionFa: ' پیراهن‌های میدی و ماکسی. ',
      }),
    ).toMatchObject({ status: 302 })
    expect(
      await save({
        intent: 'update-brand',
        id: t.brands.acme.id,
        name: 'Acme',
        slug: 'acme',
        description: 'Made to last.',
        descriptionFa: 'ساخته‌شده برای ماندن.',
      }),
    ).toMatchObject({ status: 302 })

    const heading = async (path: string, locale?: string) => {
      const { data } = await callRoute(categoryLoader, routeRequest(path), {
        params: locale ? { locale, slug: 'dresses' } : { slug: 'dresses' },
      })
      return data as { category: { description: string }; meta: { description: string } }
    }
    expect(await heading('/fa/c/dresses', 'fa')).toMatchObject({
      category: { description: 'پیراهن‌های میدی و ماکسی.' },
      meta: { description: 'پیراهن‌های میدی و ماکسی.' },
    })
    expect(await heading('/c/dresses')).toMatchObject({
      category: { description: 'Midi and maxi dresses.' },
    })
    const brand = async (path: string, locale?: string) =>
      (
        await callRoute(brandLoader, routeRequest(path), {
          params: locale ? { locale, slug: 'acme' } : { slug: 'acme' },
        })
      ).data as { brand: { description: string } }
    expect(await brand('/fa/brands/acme', 'fa')).toMatchObject({
      brand: { description: 'ساخته‌شده برای ماندن.' },
    })
    expect(await brand('/brands/acme')).toMatchObject({ brand: { description: 'Made to last.' } })

    // The admin page fills the Persian description back in; emptying it falls back to English.
    const page = await callRoute(catalogLoader, routeRequest('/fa/admin/catalog', { cookie }))
    const rows = page.data as {
      brands: Array<{ slug: string; descriptionFa: string | null }>
    }
    expect(rows.brands.find((row) => row.slug === 'acme')?.descriptionFa).toBe(
      'ساخته‌شده برای ماندن.',
    )
    await save({
      intent: 'update-brand',
      id: t.brands.acme.id,
      name: 'Acme',
      slug: 'acme',
      description: 'Made to last.',
      descriptionFa: '',
    })
    expect(await brand('/fa/brands/acme', 'fa')).toMatchObject({
      brand: { description: 'Made to last.' },
    })
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
