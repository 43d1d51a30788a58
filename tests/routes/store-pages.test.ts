import { describe, expect, test } from 'vitest'
import { prisma } from '~/infra/db.server.ts'
import {
  action as editPageAction,
  loader as editPageLoader,
} from '~/routes/($locale).admin.pages.$slug.tsx'
import { loader as adminPagesLoader } from '~/routes/($locale).admin.pages._index.tsx'
import { action as editGuideAction } from '~/routes/($locale).admin.size-guides.$code.tsx'
import { loader as pageLoader } from '~/routes/($locale).pages.$slug/route.tsx'
import { loader as productLoader } from '~/routes/($locale).p.$slug/route.tsx'
import { loader as guideLoader } from '~/routes/($locale).size-guide.$code/route.tsx'
import { parseBody, parseInline } from '~/services/pages/markdown.ts'
import { parseRange } from '~/services/pages/size-guide.ts'
import { CONTENT_PAGES, seedStorePages } from '../../prisma/seed/pages.ts'
import { createListedProduct, createSeller, taxonomyFixture } from '../support/catalog.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { callRoute, routeRequest } from '../support/remix.ts'

async function adminCookie() {
  const admin = await createUser({ roles: ['SHOPPER', 'ADMIN'] })
  return { admin, cookie: (await signIn(admin.id)).cookie }
}

type PageData = { page: { title: string; body: string }; meta: { title: string } }

describe('store pages', () => {
  test('every footer page is seeded in both languages and served at /pages/<slug> and /fa/pages/<slug>', async () => {
    await seedStorePages()
    for (const slug of Object.keys(CONTENT_PAGES)) {
      const en = await callRoute(pageLoader, routeRequest(`/pages/${slug}`), { params: { slug } })
      const fa = await callRoute(pageLoader, routeRequest(`/fa/pages/${slug}`), {
        params: { slug, locale: 'fa' },
      })
      expect(en.status).toBe(200)
      expect(fa.status).toBe(200)
      expect((fa.data as PageData).page.title).toMatch(/[\u0600-\u06FF]/)
      expect((en.data as PageData).page.title).not.toMatch(/[\u0600-\u06FF]/)
    }
    const missing = await callRoute(pageLoader, routeRequest('/pages/nope'), {
      params: { slug: 'nope' },
    })
    expect(missing.status).toBe(404)
    // A second seed keeps an admin's edits.
    await prisma.contentPage.update({ where: { slug: 'help' }, data: { title: 'Edited' } })
    await seedStorePages()
    expect((await prisma.contentPage.findUniqueOrThrow({ where: { slug: 'help' } })).title).toBe(
      'Edited',
    )
  })

  test('bodies are data, never markup: tags stay text and only safe links become links', () => {
    const blocks = parseBody(
      '<script>alert(1)</script> **bold**\n\n## Head\n- [ok](/pages/help)\n- [bad](javascript:alert(1))\n- [evil](//evil.example)',
    )
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: '<script>alert(1)</script> ' },
        { type: 'strong', text: 'bold' },
      ],
    })
    expect(blocks[1]?.type).toBe('heading')
    expect(blocks[2]).toEqual({
      type: 'list',
      items: [
        [{ type: 'link', text: 'ok', href: '/pages/help' }],
        [
          { type: 'text', text: 'bad' },
          { type: 'text', text: ')' },
        ],
        [{ type: 'text', text: 'evil' }],
      ],
    })
    expect(parseInline('[mail](mailto:a@b.example)')).toEqual([
      { type: 'link', text: 'mail', href: 'mailto:a@b.example' },
    ])
  })

  test('an admin edits both languages: saved, versioned and audited; bad fields answer at the field with the text kept', async () => {
    await seedStorePages()
    const { admin, cookie } = await adminCookie()
    const before = await prisma.contentPage.findUniqueOrThrow({ where: { slug: 'returns' } })
    const list = await callRoute(adminPagesLoader, routeRequest('/admin/pages', { cookie }))
    expect((list.data as { pages: unknown[] }).pages).toHaveLength(7)
    const loaded = await callRoute(
      editPageLoader,
      routeRequest('/admin/pages/returns', { cookie }),
      {
        params: { slug: 'returns' },
      },
    )
    expect((loaded.data as { version: number }).version).toBe(before.version)

    const form = {
      title: 'Returns and refunds',
      titleFa: 'بازگرداندن کالا و بازپرداخت',
      body: 'You can return most items within 30 days of delivery.',
      bodyFa: 'بیشتر کالاها را تا ۳۰ روز پس از تحویل می‌توانید بازگردانید.',
      version: String(before.version),
    }
    const bad = await callRoute(
      editPageAction,
      routeRequest('/admin/pages/returns', { cookie, form: { ...form, titleFa: '  ', body: 'x' } }),
      { params: { slug: 'returns' } },
    )
    expect(bad.status).toBe(400)
    const badData = bad.data as {
      values: Record<string, string>
      fieldErrors: Record<string, string[] | undefined>
    }
    expect(badData.fieldErrors.titleFa).toEqual(['validation:pages.title'])
    expect(badData.fieldErrors.body?.[0]).toMatch(/^validation:text.tooShort/)
    expect(badData.fieldErrors.title).toBeUndefined()
    expect(badData.values.bodyFa).toBe(form.bodyFa)
    expect(await prisma.contentPage.findUniqueOrThrow({ where: { slug: 'returns' } })).toEqual(
      before,
    )

    const saved = await callRoute(
      editPageAction,
      routeRequest('/admin/pages/returns', { cookie, form }),
      { params: { slug: 'returns' } },
    )
    expect(saved.status).toBe(302)
    const after = await prisma.contentPage.findUniqueOrThrow({ where: { slug: 'returns' } })
    expect(after).toMatchObject({
      title: form.title,
      titleFa: form.titleFa,
      version: before.version + 1,
    })
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'page.update' } })
    expect(audit).toMatchObject({ actorId: admin.id, targetType: 'PAGE', targetId: after.id })

    // The same form again names an old version: refused, nothing written, the text kept.
    const stale = await callRoute(
      editPageAction,
      routeRequest('/admin/pages/returns', { cookie, form: { ...form, title: 'Mine' } }),
      { params: { slug: 'returns' } },
    )
    expect(stale.status).toBe(409)
    expect((stale.data as { values: { title: string } }).values.title).toBe('Mine')
    expect((await prisma.contentPage.findUniqueOrThrow({ where: { slug: 'returns' } })).title).toBe(
      form.title,
    )

    const fa = await callRoute(pageLoader, routeRequest('/fa/pages/returns'), {
      params: { slug: 'returns', locale: 'fa' },
    })
    expect((fa.data as PageData).page.title).toBe(form.titleFa)
  })
})

describe('size guides', () => {
  test('cells in either script parse to centimetre ranges; anything else is refused', () => {
    expect(parseRange('82-86')).toEqual([82, 86])
    expect(parseRange('۸۲–۸۶')).toEqual([82, 86])
    expect(parseRange('۲۲٫۵')).toEqual([22.5, 22.5])
    expect(parseRange('  ')).toBeNull()
    for (const bad of ['86-82', 'abc', '0', '82-', '1000']) expect(parseRange(bad)).toBe('invalid')
  })

  test('the product page links to its scale’s guide, which shows each size’s measurements in the page’s language', async () => {
    const t = await taxonomyFixture()
    const seller = await createSeller()
    const product = await createListedProduct(seller.user.id, t)
    const page = async () =>
      (
        await callRoute(productLoader, routeRequest(`/p/${product.slug}`), {
          params: { slug: product.slug },
        })
      ).data as { product: { sizeGuide: string | null } }
    // No guide yet: no link, and the guide's address is a 404.
    expect((await page()).product.sizeGuide).toBeNull()
    expect(
      (
        await callRoute(guideLoader, routeRequest('/size-guide/letters'), {
          params: { code: 'letters' },
        })
      ).status,
    ).toBe(404)

    const { cookie } = await adminCookie()
    const m = t.letters.M
    const form: Record<string, string | string[]> = {
      measures: ['chest', 'waist'],
      [`cell:${m.id}:chest`]: '۸۸–۹۴',
      [`cell:${m.id}:waist`]: 'wide',
    }
    const bad = await callRoute(
      editGuideAction,
      routeRequest('/admin/size-guides/letters', { cookie, form }),
      { params: { code: 'letters' } },
    )
    expect(bad.status).toBe(400)
    expect((bad.data as { cellErrors: Record<string, string[]> }).cellErrors).toEqual({
      [`cell:${m.id}:waist`]: ['validation:pages.range'],
    })
    expect((await prisma.size.findUniqueOrThrow({ where: { id: m.id } })).measurements).toEqual({})

    const ok = await callRoute(
      editGuideAction,
      routeRequest('/admin/size-guides/letters', {
        cookie,
        form: { ...form, [`cell:${m.id}:waist`]: '72-78' },
      }),
      { params: { code: 'letters' } },
    )
    expect(ok.status).toBe(302)
    expect(await prisma.auditEntry.count({ where: { action: 'size-guide.update' } })).toBe(1)
    expect((await page()).product.sizeGuide).toBe('letters')
    const guide = await callRoute(
      guideLoader,
      routeRequest(`/fa/size-guide/letters?from=${encodeURIComponent(`/p/${product.slug}`)}`),
      { params: { code: 'letters', locale: 'fa' } },
    )
    expect(guide.status).toBe(200)
    const data = guide.data as {
      back: string | null
      guide: { measures: string[]; sizes: Array<{ label: string; measurements: object }> }
    }
    expect(data.back).toBe(`/p/${product.slug}`)
    expect(data.guide.measures).toEqual(['chest', 'waist'])
    expect(data.guide.sizes.find((size) => size.label === 'M')?.measurements).toEqual({
      chest: [88, 94],
      waist: [72, 78],
    })
    // `from` never leads off the store.
    const hostile = await callRoute(
      guideLoader,
      routeRequest('/size-guide/letters?from=//evil.example'),
      { params: { code: 'letters' } },
    )
    expect((hostile.data as { back: string | null }).back).toBeNull()
  })
})
