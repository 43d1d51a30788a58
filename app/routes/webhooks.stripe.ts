import type { ActionFunctionArgs } from '@remix-run/node'
import {
  handleStripeWebhook,
  WebhookSignatureError,
} from '~/services/orders/payments/stripe-webhook.server.ts'

// Stripe's webhook: the raw body is what its signature covers, so it is read as text, unparsed.
// Answers are Responses: Stripe calls this route directly, not through Remix's data requests.
const MAX_BODY = 512 * 1024

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST')
    return Response.json({ error: 'Method not allowed' }, { status: 405 })
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY)
    return Response.json({ error: 'Too large' }, { status: 413 })
  const body = await request.text()
  if (body.length > MAX_BODY) return Response.json({ error: 'Too large' }, { status: 413 })
  try {
    const outcome = await handleStripeWebhook(body, request.headers.get('stripe-signature'))
    return Response.json({ received: true, outcome })
  } catch (error) {
    if (error instanceof WebhookSignatureError)
      return Response.json({ error: error.message }, { status: 400 })
    throw error
  }
}

export function loader() {
  return Response.json({ error: 'Method not allowed' }, { status: 405 })
}
