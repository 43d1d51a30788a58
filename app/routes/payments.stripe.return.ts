import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirectAfterPayment } from '~/http/payments.server.ts'
import { completeStripeReturn } from '~/services/orders/payments/returns.server.ts'

// Stripe's card page sends the shopper back here (`?payment_intent=pi_…`); the intent is read
// from Stripe before the order counts as paid.
export async function loader({ request }: LoaderFunctionArgs) {
  const intent = new URL(request.url).searchParams.get('payment_intent') ?? ''
  if (!/^pi_[A-Za-z0-9_]{1,255}$/.test(intent)) throw new Response('Not found', { status: 404 })
  const result = await completeStripeReturn(intent)
  if (!result) throw new Response('Not found', { status: 404 })
  return redirectAfterPayment(result)
}
