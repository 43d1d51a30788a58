import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirectAfterPayment } from '~/http/payments.server.ts'
import { completeStripeReturn } from '~/services/orders/payments/returns.server.ts'

// The shopper left Stripe's hosted Checkout page without paying (its "back" link,
// `?session_id=cs_…`): back to their order, which says so and offers to pay again.
export async function loader({ request }: LoaderFunctionArgs) {
  const session = new URL(request.url).searchParams.get('session_id') ?? ''
  if (!/^cs_[A-Za-z0-9_]{1,255}$/.test(session)) throw new Response('Not found', { status: 404 })
  const result = await completeStripeReturn(session, 'cancel')
  if (!result) throw new Response('Not found', { status: 404 })
  return redirectAfterPayment(result)
}
