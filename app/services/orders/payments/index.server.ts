import { getEnv, PAYMENT_PROVIDER_IDS } from '~/infra/env.server.ts'
import { payOnDelivery } from './pay-on-delivery.server.ts'
import type { PaymentProvider } from './provider.server.ts'
import { stripeProvider } from './stripe.server.ts'
import { zarinpalProvider } from './zarinpal.server.ts'

export type {
  PartialRefund,
  PaymentCheck,
  PaymentOrder,
  PaymentProvider,
  PaymentStart,
} from './provider.server.ts'

/**
 * Every provider the app has, in the order checkout lists them. PAYMENT_PROVIDERS picks the ones
 * offered; the others still serve their old orders (a refund, a late webhook).
 */
export const paymentProviders: PaymentProvider[] = [payOnDelivery, stripeProvider, zarinpalProvider]

export function findPaymentProvider(id: string) {
  return paymentProviders.find((provider) => provider.id === id) ?? null
}

const BUILT_IN: readonly string[] = PAYMENT_PROVIDER_IDS

/** Offered at checkout: named in PAYMENT_PROVIDERS (a provider registered at run time, in tests, always). */
export function isPaymentProviderEnabled(provider: PaymentProvider) {
  return (
    !BUILT_IN.includes(provider.id) || getEnv().PAYMENT_PROVIDERS.some((id) => id === provider.id)
  )
}

export function enabledPaymentProviders() {
  return paymentProviders.filter(isPaymentProviderEnabled)
}

/** Where the offered providers' payment pages are (the CSP's form-action lists them). */
export function paymentPageOrigins() {
  return [
    ...new Set(enabledPaymentProviders().flatMap((provider) => provider.pageOrigins?.() ?? [])),
  ]
}

/** Paid when delivered (the courier collects) rather than by the provider. */
export function settlesOnDelivery(paymentMethod: string) {
  return findPaymentProvider(paymentMethod)?.settles === 'on-delivery'
}
