import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirectAfterPayment } from '~/http/payments.server.ts'
import { completeStripeReturn } from '~/services/orders/payments/returns.server.ts'

// Stripe's hosted Checkout page sends the shopper back here once they paid
// (`?session_id=cs_…`); the session is read from Stripe before the order counts as paid.
export async function loader({ request }: LoaderFunctionArgs) {
  const session = new URL(request.url).searchParams.get('session_id') ?? ''
  if (!/^cs_[A-Za-z0-9_]{1,255}$/.test(session)) throw new Response('Not found', { status: 404 })
  const result = await completeStripeReturn(session, 'success')
  if (!result) throw new Response('Not found', { status: 404 })
  return redirectAfterPayment(result)
}
