import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { message } from '~/i18n/validation.ts'
import { prisma } from '~/infra/db.server.ts'
import {
  action as reviewsAction,
  loader as reviewsLoader,
} from '~/routes/($locale).admin.reviews/route.tsx'
import { loader as userLoader } from '~/routes/($locale).admin.users.$userId/route.tsx'
import {
  action as productAction,
  loader as productLoader,
} from '~/routes/($locale).p.$slug/route.tsx'
import { submitReview } from '~/services/reviews/reviews.server.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { callRoute, cookieFrom, routeRequest } from '../support/remix.ts'
import { createProduct, createSeller } from '../support/shop-fixtures.ts'

// The reviews section of the product page and the moderation queue, called as Remix would.

const createAdmin = (name = 'Moderator') => createUser({ name, roles: ['SHOPPER', 'ADMIN'] })

async function product() {
  const { shop, user: seller } = await createSeller()
  return {
    product: await createProduct(shop.id, { variants: [{ size: 'S' }, { size: 'M' }] }),
    seller,
  }
}

const post = (
  slug: string,
  cookie: string | undefined,
  form: Record<string, string | string[]>,
  search = '',
) =>
  callRoute(productAction, routeRequest(`/p/${slug}${search}`, { cookie, form }), {
    params: { slug },
  })
const load = (slug: string, cookie?: string, search = '') =>
  callRoute(productLoader, routeRequest(`/p/${slug}${search}`, { cookie }), { params: { slug } })

type PageReviews = {
  reviews: {
    summary: { count: number; average: number | null }
    list: {
      reviews: Array<{ id: string; title: string; body: string }>
      total: number
      page: number
      sort: string
    }
    own: { status: string; rejectionReason: string | null } | null
  }
  viewer: { signedIn: boolean; canReview: boolean; loginHref: string }
}

describe('the product page’s reviews', () => {
  test('anonymous visitors see the summary and a sign-in link back to the reviews; posting sends them to sign in', async () => {
    const { product: item } = await product()
    const page = await load(item.slug, undefined, '?reviewSort=bogus&reviewPage=-3')
    const data = page.data as PageReviews
    expect(data.viewer).toEqual({
      signedIn: false,
      canReview: false,
      loginHref: `/login?${new URLSearchParams({ redirectTo: `/p/${item.slug}?reviewSort=bogus&reviewPage=-3#reviews` })}`,
    })
    expect(data.reviews.list).toMatchObject({ total: 0, page: 1, sort: 'newest' })
    expect(data.reviews.own).toBeNull()
    const posted = await post(item.slug, undefined, {
      intent: 'review',
      rating: '5',
      title: 'Great',
      body: 'Really very good.',
    })
    expect(posted.status).toBe(302)
    expect(posted.headers.get('Location')).toMatch(/^\/login\?redirectTo=/)
    expect(await prisma.review.count({ where: { productId: item.id } })).toBe(0)
  })

  test('bad input is a 400 with the errors at the fields and nothing written', async () => {
    const { product: item } = await product()
    const shopper = await createUser()
    const { cookie } = await signIn(shopper.id)
    const result = await post(item.slug, cookie, {
      intent: 'review',
      rating: '9',
      title: 'x',
      body: 'y'.repeat(5001),
      fit: 'TIGHT',
    })
    expect(result.status).toBe(400)
    const { result: reply } = result.data as { result: { error: Record<string, string[]> } }
    expect(reply.error).toMatchObject({
      rating: [message('review.rating', { min: 1, max: 5 })],
      title: [message('text.tooShort', { min: 3 })],
      body: [message('text.tooLong', { max: 5000 })],
      fit: [message('review.fit')],
    })
    expect(await prisma.review.count({ where: { productId: item.id } })).toBe(0)
  })

  test('a shopper writes a review: a toast, and the page shows it to them as pending; the seller gets no form', async () => {
    const { product: item, seller } = await product()
    const shopper = await createUser()
    const { cookie } = await signIn(shopper.id)
    const result = await post(
      item.slug,
      cookie,
      {
        intent: 'review',
        rating: '4',
        title: 'Nice',
        body: 'Fits well and washes well.',
        fit: 'TRUE_TO_SIZE',
      },
      '?color=black',
    )
    expect(result.status).toBe(302)
    expect(result.headers.get('Location')).toBe(`/p/${item.slug}?color=black`)
    expect(cookieFrom(result.headers, 'shikposh_toast')).toBeTruthy()
    const data = (await load(item.slug, cookie)).data as PageReviews
    expect(data.reviews.own).toMatchObject({ status: 'PENDING' })
    expect(data.reviews.list.total).toBe(0)
    expect(data.viewer).toMatchObject({ signedIn: true, canReview: true })

    const sellerView = (await load(item.slug, (await signIn(seller.id)).cookie)).data as PageReviews
    expect(sellerView.viewer.canReview).toBe(false)
    const refused = await post(item.slug, (await signIn(seller.id)).cookie, {
      intent: 'review',
      rating: '5',
      title: 'My own',
      body: 'Best product ever made.',
    })
    expect(refused.status).toBe(403)
    expect(
      (refused.data as { result: { error: Record<string, string[]> } }).result.error[''],
    ).toEqual(['You cannot review a product of your own shop.'])
  })

  test('helpful and report: 400 for a report without a reason, 409 for a second vote, each at its review', async () => {
    const { product: item } = await product()
    const author = await createUser()
    const { id } = await submitReview(author.id, item.slug, {
      rating: 5,
      title: 'Lovely',
      body: 'Lovely lovely lovely.',
    })
    await prisma.review.update({ where: { id }, data: { status: 'APPROVED', queuedAt: null } })
    const reader = await createUser()
    const { cookie } = await signIn(reader.id)
    expect((await post(item.slug, cookie, { intent: 'helpful', reviewId: id })).status).toBe(302)
    const again = await post(item.slug, cookie, { intent: 'helpful', reviewId: id })
    expect(again).toMatchObject({
      status: 409,
      data: {
        intent: 'helpful',
        reviewId: id,
        error: 'You have already marked this review helpful.',
      },
    })
    const noReason = await post(item.slug, cookie, { intent: 'report', reviewId: id, reason: ' ' })
    expect(noReason.status).toBe(400)
    expect((noReason.data as { fieldErrors: Record<string, string[]> }).fieldErrors.reason).toEqual(
      [message('review.reasonMin', { min: 3 })],
    )
    expect(await prisma.reviewReport.count({ where: { reviewId: id } })).toBe(0)
    expect(
      (
        await post(item.slug, cookie, {
          intent: 'report',
          reviewId: id,
          reason: 'Advertises another shop',
        })
      ).status,
    ).toBe(302)
    expect(await prisma.review.findUniqueOrThrow({ where: { id } })).toMatchObject({
      reportCount: 1,
      queuedAt: expect.any(Date),
    })
  })

  test('no review component renders HTML from a string: React escapes what shoppers type', async () => {
    // The shared review components, and the two pages' folders (their own pieces beside them).
    const dirs = [
      '../../app/components/reviews',
      '../../app/routes/($locale).p.$slug',
      '../../app/routes/($locale).admin.reviews',
    ].map((dir) => path.resolve(import.meta.dirname, dir))
    const sources = (
      await Promise.all(
        dirs.map(async (dir) => (await readdir(dir)).map((file) => path.join(dir, file))),
      )
    ).flat()
    expect(sources.some((file) => file.endsWith('review-list.tsx'))).toBe(true)
    for (const file of sources)
      expect(await readFile(file, 'utf8'), file).not.toContain('dangerouslySetInnerHTML')
  })
})

describe('/admin/reviews', () => {
  async function pending() {
    const { product: item } = await product()
    const author = await createUser({ name: 'Queue Author' })
    const review = await submitReview(author.id, item.slug, {
      rating: 3,
      title: 'Queued',
      body: 'Waiting for a moderator.',
    })
    return { item, author, review, ref: `${review.id}:1` }
  }

  test('the queue lists pending reviews with product, author and history', async () => {
    const { item, author, review } = await pending()
    const admin = await createAdmin()
    const { cookie } = await signIn(admin.id)
    const result = await callRoute(reviewsLoader, routeRequest('/admin/reviews', { cookie }))
    expect(result.status).toBe(200)
    const data = result.data as {
      reviews: Array<{
        id: string
        product: { id: string }
        user: { id: string }
        authorHistory: Record<string, number>
      }>
    }
    expect(data.reviews.find((entry) => entry.id === review.id)).toMatchObject({
      product: { id: item.id },
      user: { id: author.id },
      authorHistory: { PENDING: 1, APPROVED: 0, REJECTED: 0 },
    })
  })

  test('approve redirects with a toast; the second admin on the same review gets a 409 naming the first', async () => {
    const { review, ref } = await pending()
    const ada = await createAdmin('Ada Admin')
    const bob = await createAdmin('Bob Admin')
    const first = await callRoute(
      reviewsAction,
      routeRequest('/admin/reviews', {
        cookie: (await signIn(ada.id)).cookie,
        form: { intent: 'approve', review: ref },
      }),
    )
    expect(first.status).toBe(302)
    expect(cookieFrom(first.headers, 'shikposh_toast')).toBeTruthy()
    const second = await callRoute(
      reviewsAction,
      routeRequest('/admin/reviews', {
        cookie: (await signIn(bob.id)).cookie,
        form: { intent: 'reject', review: ref, reason: 'Too late' },
      }),
    )
    expect(second.status).toBe(409)
    expect(
      (second.data as { conflicts: Array<{ message: string }> }).conflicts[0]!.message,
    ).toMatch(/was already approved by Ada Admin/)
    expect(await prisma.review.findUniqueOrThrow({ where: { id: review.id } })).toMatchObject({
      status: 'APPROVED',
      decidedById: ada.id,
    })
  })

  test('reject needs a reason (400 at the field, nothing changed); bulk reject with a reason decides them all', async () => {
    const one = await pending()
    const two = await pending()
    const admin = await createAdmin()
    const { cookie } = await signIn(admin.id)
    const missing = await callRoute(
      reviewsAction,
      routeRequest('/admin/reviews', {
        cookie,
        form: { intent: 'reject', review: one.ref, reason: '' },
      }),
    )
    expect(missing.status).toBe(400)
    expect(missing.data).toMatchObject({
      errors: { review: one.ref, reason: [message('review.rejectionReason')] },
    })
    const none = await callRoute(
      reviewsAction,
      routeRequest('/admin/reviews', { cookie, form: { intent: 'bulk-approve' } }),
    )
    expect(none).toMatchObject({
      status: 400,
      data: { errors: { form: [message('review.tickOne')] } },
    })
    expect(
      await prisma.review.count({
        where: { id: { in: [one.review.id, two.review.id] }, status: 'PENDING' },
      }),
    ).toBe(2)
    const bulk = await callRoute(
      reviewsAction,
      routeRequest('/admin/reviews', {
        cookie,
        form: {
          intent: 'bulk-reject',
          reviews: [one.ref, two.ref],
          reason: 'Not about the product',
        },
      }),
    )
    expect(bulk.status).toBe(302)
    expect(
      await prisma.review.findMany({
        where: { id: { in: [one.review.id, two.review.id] } },
        select: { status: true, rejectionReason: true },
      }),
    ).toEqual([
      { status: 'REJECTED', rejectionReason: 'Not about the product' },
      { status: 'REJECTED', rejectionReason: 'Not about the product' },
    ])
    // The author sees why on the product page.
    const page = (await load(one.item.slug, (await signIn(one.author.id)).cookie))
      .data as PageReviews
    expect(page.reviews.own).toEqual(
      expect.objectContaining({ status: 'REJECTED', rejectionReason: 'Not about the product' }),
    )
  })

  test('the admin user page shows the user’s reviews and their counts', async () => {
    const { author, review } = await pending()
    const admin = await createAdmin()
    const result = await callRoute(
      userLoader,
      routeRequest(`/admin/users/${author.id}`, { cookie: (await signIn(admin.id)).cookie }),
      { params: { userId: author.id } },
    )
    const data = result.data as {
      reviews: { reviews: Array<{ id: string; status: string }>; counts: Record<string, number> }
      activity: Array<{ key: string; value: number }>
    }
    expect(data.reviews.reviews).toEqual([
      expect.objectContaining({ id: review.id, status: 'PENDING' }),
    ])
    expect(data.reviews.counts).toEqual({ PENDING: 1, APPROVED: 0, REJECTED: 0 })
    expect(data.activity.map((fact) => fact.key)).toEqual(
      expect.arrayContaining(['reviews', 'reviews-rejected']),
    )
  })
})
