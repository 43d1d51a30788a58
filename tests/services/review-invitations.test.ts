import { describe, expect, it } from 'vitest'
import { getT } from '~/i18n/i18n.server.ts'
import { prisma } from '~/infra/db.server.ts'
import { loader as orderLoader } from '~/routes/($locale).orders.$number/route.tsx'
import { emailFormatter } from '~/services/mail/layout.server.ts'
import { notificationText } from '~/services/notifications/text.ts'
import { markDelivered, markShipped } from '~/services/orders/fulfilment.server.ts'
import { submitReview } from '~/services/reviews/reviews.server.ts'
import { createUser, signIn } from '../support/fixtures.ts'
import { mailsTo } from '../support/queued-mail.ts'
import { callRoute, routeRequest } from '../support/remix.ts'
import { createProduct, createSeller, placeTestOrder } from '../support/shop-fixtures.ts'

// Issue 13: a delivered parcel invites its buyer to review each item (a notification, and an
// email unless they turned the kind off), and the order page offers "Review this item" on each
// delivered line not reviewed yet.

type Mail = { subject: string; text: string; html: string; headers?: Record<string, string> }

async function invites(userId: string) {
  return prisma.notification.findMany({
    where: { userId, kind: 'REVIEW_INVITE' },
    orderBy: { id: 'asc' },
  })
}

const inviteMails = async (email: string) =>
  ((await mailsTo(email)) as Mail[]).filter((mail) => mail.text.includes('k=REVIEW_INVITE'))

async function deliver(sellerId: string, number: string) {
  await markShipped(sellerId, number, { carrier: 'dhl', trackingNumber: '1234567890' })
  await markDelivered(sellerId, number)
}

async function reviewable(number: string, cookie: string) {
  const result = await callRoute(orderLoader, routeRequest(`/orders/${number}`, { cookie }), {
    params: { number },
  })
  expect(result.status).toBe(200)
  return (result.data as { reviewable: string[] }).reviewable
}

describe('review invitations', () => {
  it('invites a review of each delivered product not reviewed yet and still on sale, by notification, email and the order page', async () => {
    const { user: seller, shop } = await createSeller('Invite Shop')
    const shopper = await createUser({ email: 'invited@example.test' })
    const { cookie } = await signIn(shopper.id)
    const [fresh, reviewed, withdrawn] = [
      await createProduct(shop.id, { title: 'Linen shirt' }),
      await createProduct(shop.id, { title: 'Wool scarf' }),
      await createProduct(shop.id, { title: 'Old boots' }),
    ]
    const order = await placeTestOrder(
      shopper.id,
      [fresh, reviewed, withdrawn].map((product) => ({
        variantId: product.variants[0]!.id,
        quantity: 1,
      })),
    )
    await submitReview(shopper.id, reviewed.slug, {
      rating: 4,
      title: 'Soft',
      body: 'Soft and warm, a good scarf for the price.',
    })
    await prisma.product.update({
      where: { id: withdrawn.id },
      data: { status: 'ARCHIVED', listed: false },
    })
    // Not delivered yet: nothing to review from the order page.
    expect(await reviewable(order.number, cookie)).toEqual([])

    await deliver(seller.id, order.number)
    const [invite, ...more] = await invites(shopper.id)
    expect(more).toEqual([])
    expect(invite!.data).toEqual({
      orderNumber: order.number,
      shopName: shop.name,
      products: [{ productSlug: fresh.slug, productTitle: 'Linen shirt', productTitleFa: null }],
    })
    const [mail, ...moreMails] = await inviteMails(shopper.email)
    expect(moreMails).toEqual([])
    expect(mail!.subject).toBe(`How do you like your item from ${shop.name}?`)
    expect(mail!.text).toContain(`/p/${fresh.slug}#reviews`)
    expect(mail!.html).toContain(`/p/${fresh.slug}#reviews`)
    expect(mail!.text).not.toContain(reviewed.slug)
    expect(mail!.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    expect(await reviewable(order.number, cookie)).toEqual([fresh.id])

    // Reviewed: the order page stops asking.
    await submitReview(shopper.id, fresh.slug, {
      rating: 5,
      title: 'Lovely',
      body: 'Fits well and the linen is soft from the first wash.',
    })
    expect(await reviewable(order.number, cookie)).toEqual([])
  })

  it('respects the email preference, speaks the buyer language and invites nothing when all is reviewed', async () => {
    const { user: seller, shop } = await createSeller('Persian Invite Shop')
    const shopper = await createUser({ email: 'invited-fa@example.test' })
    await prisma.user.update({ where: { id: shopper.id }, data: { locale: 'fa' } })
    const [first, second] = [
      await createProduct(shop.id, { title: 'Silk scarf' }),
      await createProduct(shop.id, { title: 'Cotton socks' }),
    ]
    const lines = [first, second].map((product) => ({
      variantId: product.variants[0]!.id,
      quantity: 1,
    }))
    const order = await placeTestOrder(shopper.id, lines)
    await deliver(seller.id, order.number)
    const [mail] = await inviteMails(shopper.email)
    expect(mail!.subject).toContain('کالاهایی که از')
    expect(mail!.html).toContain('dir="rtl"')
    const [invite] = await invites(shopper.id)
    const data = invite!.data as Record<string, unknown>
    expect(
      notificationText(getT('en', 'notifications'), emailFormatter('en'), 'REVIEW_INVITE', data),
    ).toBe(`Your parcel from ${shop.name} arrived: review its 2 items.`)
    expect(
      notificationText(getT('fa', 'notifications'), emailFormatter('fa'), 'REVIEW_INVITE', data),
    ).toContain('۲')

    // Emails of this kind off: the notification still comes, the email does not.
    await prisma.user.update({
      where: { id: shopper.id },
      data: { notificationEmailsOff: ['REVIEW_INVITE'] },
    })
    const again = await placeTestOrder(shopper.id, [lines[0]!])
    await deliver(seller.id, again.number)
    expect(await invites(shopper.id)).toHaveLength(2)
    expect(await inviteMails(shopper.email)).toHaveLength(1)

    // Everything in the parcel reviewed already: no invitation at all.
    for (const product of [first, second])
      await submitReview(shopper.id, product.slug, {
        rating: 5,
        title: 'Good',
        body: 'Exactly as described and arrived quickly.',
      })
    const third = await placeTestOrder(shopper.id, lines)
    await deliver(seller.id, third.number)
    expect(await invites(shopper.id)).toHaveLength(2)
  })
})
