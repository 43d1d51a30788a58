import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirectAfterPayment } from '~/http/payments.server.ts'
import { completeZarinpalReturn } from '~/services/orders/payments/returns.server.ts'

// The bank gateway sends the shopper back here (GET, `?Authority=…&Status=OK|NOK`); the payment
// is verified with the gateway before the order counts as paid.
export async function loader({ request }: LoaderFunctionArgs) {
  const query = new URL(request.url).searchParams
  const authority = query.get('Authority') ?? ''
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(authority)) throw new Response('Not found', { status: 404 })
  const result = await completeZarinpalReturn({ authority, status: query.get('Status') ?? '' })
  if (!result) throw new Response('Not found', { status: 404 })
  return redirectAfterPayment(result)
}
