// The one seam between checkout and whoever takes the money. Checkout places the order (stock
// reserved, everything written) in its transaction, then asks the chosen provider to start the
// payment; everything provider-specific stays behind this interface. See
// docs/decisions/006-payment-providers.md for how a card provider plugs in.

export type PaymentOrder = {
  id: string
  number: string
  /** What to take, in minor units of `currency`. */
  amount: number
  currency: string
  email: string
  /**
   * The payment started for it before, if any (a retried checkout, "Pay now"): a provider may
   * send the shopper back to it while it can still be paid.
   */
  reference?: string
}

export type PaymentStart =
  /** Nothing to do now: the courier collects on delivery. */
  | { kind: 'on-delivery' }
  /** The money was taken at once (e.g. a saved card). */
  | { kind: 'paid'; reference: string }
  /** The shopper finishes on the provider's page; their return or its webhook confirms it. */
  | { kind: 'redirect'; url: string; reference: string }

export interface PaymentProvider {
  /** Stored on the order (Order.paymentMethod); never reuse an id for another provider. */
  readonly id: string
  readonly label: string
  readonly description: string
  /** 'on-delivery': paid when every shipment is delivered. 'provider': paid when the provider says so. */
  readonly settles: 'on-delivery' | 'provider'
  isAvailable(amount: { total: number; currency: string }): boolean
  /**
   * The origins of the pages `start` sends shoppers to. A checkout form posted without
   * JavaScript is answered with a redirect there, which the store's CSP (form-action) must allow.
   */
  pageOrigins?(): string[]
  /**
   * Starts paying for a placed order, after its transaction committed. Must be idempotent per
   * order id: a retried checkout (same idempotency key) calls it again for the same order.
   */
  start(order: PaymentOrder): Promise<PaymentStart>
  /** Gives the money back for a cancelled, paid order; called by a job, so it may be retried. */
  refund(order: PaymentOrder & { reference: string }): Promise<void>
  /**
   * Gives back part of a paid order (a return): `amount` minor units of the payment `reference`.
   * Must be idempotent per `key` (the Refund row's id): a job retried, or run twice at once,
   * gives the money back once. Returns the provider's id of the refund. Providers without it
   * leave returns to be refunded by hand (recorded as manual refunds).
   */
  refundPart?(refund: PartialRefund): Promise<{ reference: string }>
  /**
   * Asks the provider whether the payment `reference` went through (the shopper paid but never
   * came back, the webhook is late). Called before an unpaid order's hold is released; throws
   * when the provider cannot say, so the release waits and is tried again.
   */
  check?(order: PaymentOrder & { reference: string }): Promise<PaymentCheck>
  /** Stops the payment `reference` from being completed later (best effort, after a release). */
  release?(order: PaymentOrder & { reference: string }): Promise<void>
}

export type PaymentCheck = { paid: true; reference: string } | { paid: false }

export type PartialRefund = {
  /** Idempotency key: the Refund row's id. */
  key: string
  orderId: string
  /** The order's payment reference (Stripe's PaymentIntent id). */
  reference: string
  amount: number
  currency: string
}
