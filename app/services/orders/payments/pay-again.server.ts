import { businessMetrics } from '~/infra/business-metrics.server.ts'
import { prisma } from '~/infra/db.server.ts'
import { isOrderAccessToken } from '../order-access.server.ts'
import type { OrderViewer } from '../orders.server.ts'
import { findPaymentProvider } from './index.server.ts'

// "Pay now" on the order page: a shopper whose payment was declined, abandoned or never started
// tries again while the order still holds its stock. Each try starts a new payment with the
// provider; the order remembers the latest (its reference), which the return confirms.

/** The provider's page to pay the viewer's order at, or null when it is not waiting for payment. */
export async function payAgain(
  viewer: OrderViewer,
  number: string,
  now: Date = new Date(),
): Promise<string | null> {
  const order = await prisma.order.findFirst({
    where: { number, ...('userId' in viewer ? { userId: viewer.userId } : {}) },
  })
  if (!order) return null
  if ('accessToken' in viewer && !isOrderAccessToken(order.id, viewer.accessToken)) return null
  const provider = findPaymentProvider(order.paymentMethod)
  if (
    !provider ||
    provider.settles !== 'provider' ||
    order.paymentStatus !== 'PENDING' ||
    order.status === 'CANCELLED' ||
    !order.paymentHeldUntil ||
    order.paymentHeldUntil <= now
  )
    return null
  const start = await provider
    .start({
      id: order.id,
      number: order.number,
      amount: order.total,
      currency: order.currency,
      email: order.email,
      ...(order.paymentReference ? { reference: order.paymentReference } : {}),
    })
    .catch((error: unknown) => {
      businessMetrics.countPayment(provider.id, 'start_failed')
      throw error
    })
  if (start.kind !== 'redirect') return null
  businessMetrics.countPayment(provider.id, 'started')
  const { count } = await prisma.order.updateMany({
    where: { id: order.id, paymentStatus: 'PENDING', status: { not: 'CANCELLED' } },
    data: { paymentReference: start.reference },
  })
  return count ? start.url : null
}
