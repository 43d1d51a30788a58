import type { PaymentProvider } from './provider.server.ts'

/** Cash or card to the courier: nothing happens at checkout, and the order counts as paid once delivered. */
export const payOnDelivery: PaymentProvider = {
  id: 'pay-on-delivery',
  label: 'Pay on delivery',
  description: 'Pay the courier in cash or by card when your parcel arrives.',
  settles: 'on-delivery',
  isAvailable: () => true,
  async start() {
    return { kind: 'on-delivery' }
  },
  async refund() {
    // Nothing was taken before delivery, and delivered orders cannot be cancelled.
  },
}
