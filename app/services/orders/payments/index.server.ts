import { payOnDelivery } from './pay-on-delivery.server.ts'
import type { PaymentProvider } from './provider.server.ts'

export type { PaymentOrder, PaymentProvider, PaymentStart } from './provider.server.ts'

/** The payment methods the store offers, in the order checkout lists them. Add a provider here. */
export const paymentProviders: PaymentProvider[] = [payOnDelivery]

export function findPaymentProvider(id: string) {
  return paymentProviders.find((provider) => provider.id === id) ?? null
}

/** Paid when delivered (the courier collects) rather than by the provider. */
export function settlesOnDelivery(paymentMethod: string) {
  return findPaymentProvider(paymentMethod)?.settles === 'on-delivery'
}
