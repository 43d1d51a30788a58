import {
  startStripeStandIn,
  STAND_IN_SECRET_KEY,
  STAND_IN_WEBHOOK_SECRET,
} from './stripe-stand-in.ts'

// `npm run payments:stripe-stand-in`: the Stripe stand-in on its own, for trying card payments
// in the dev store without Stripe. Start the store with the variables it prints; pay on its
// hosted page with 4242 4242 4242 4242 (declined: 4000 0000 0000 0002; 3-D Secure:
// 4000 0027 6000 3184). Its webhooks go to the store's /webhooks/stripe.

const port = Number(process.env.STRIPE_STAND_IN_PORT ?? 12111)
const appUrl = process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`
const stripe = await startStripeStandIn({
  port,
  webhookUrl: new URL('/webhooks/stripe', appUrl).toString(),
})
process.stdout.write(
  [
    `Stripe stand-in on ${stripe.apiUrl}, webhooks to ${appUrl}/webhooks/stripe. Start the store with:`,
    `  PAYMENT_PROVIDERS=pay-on-delivery,stripe STRIPE_API_URL=${stripe.apiUrl} \\`,
    `  STRIPE_SECRET_KEY=${STAND_IN_SECRET_KEY} STRIPE_WEBHOOK_SECRET=${STAND_IN_WEBHOOK_SECRET} npm run dev`,
    '',
  ].join('\n'),
)
const stop = () => void stripe.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
