import Stripe from 'stripe'

// The Stripe SDK, configured once. STRIPE_API_URL points it elsewhere than api.stripe.com (the
// tests' local stand-in, which speaks Stripe's HTTP API) through the SDK's host, port and
// protocol settings; requests go through node:http.

export type StripeConfig = { secretKey: string; apiUrl?: string; timeoutMs?: number }

export function createStripeClient({ secretKey, apiUrl, timeoutMs = 10_000 }: StripeConfig) {
  const target = apiUrl ? new URL(apiUrl) : null
  return new Stripe(secretKey, {
    httpClient: Stripe.createNodeHttpClient(),
    timeout: timeoutMs,
    // One quick retry of a network error; the idempotency key makes it safe.
    maxNetworkRetries: 1,
    telemetry: false,
    ...(target
      ? {
          host: target.hostname,
          port: target.port || (target.protocol === 'https:' ? 443 : 80),
          protocol: target.protocol === 'https:' ? 'https' : 'http',
        }
      : {}),
  })
}

export type StripeClient = ReturnType<typeof createStripeClient>
export { Stripe }
