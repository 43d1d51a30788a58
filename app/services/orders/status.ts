// Order and shipment states, shared with the browser. An order's status follows from its
// shipments (one per shop); only cancelling sets it directly.

export type ShipmentState = 'PENDING' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED'
export type OrderState = 'PLACED' | 'PARTIALLY_SHIPPED' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED'
export type PaymentState = 'PENDING' | 'PAID' | 'REFUND_PENDING' | 'REFUNDED' | 'VOIDED'

export function deriveOrderStatus(shipments: Array<{ status: ShipmentState }>): OrderState {
  if (!shipments.length) return 'PLACED'
  if (shipments.every((s) => s.status === 'CANCELLED')) return 'CANCELLED'
  const live = shipments.filter((s) => s.status !== 'CANCELLED')
  if (live.every((s) => s.status === 'DELIVERED')) return 'DELIVERED'
  if (live.every((s) => s.status === 'SHIPPED' || s.status === 'DELIVERED')) return 'SHIPPED'
  if (live.some((s) => s.status === 'SHIPPED' || s.status === 'DELIVERED'))
    return 'PARTIALLY_SHIPPED'
  return 'PLACED'
}

/** What an order's heading says: its status, or more exactly where "partly shipped" would mislead. */
export type OrderHeadline = OrderState | 'PARTIALLY_DELIVERED'

/** "Partly delivered" once a parcel has arrived while another is still to come, not "Partly shipped". */
export function orderHeadline(
  status: OrderState,
  shipments: Array<{ status: ShipmentState }>,
): OrderHeadline {
  if (status === 'PARTIALLY_SHIPPED' && shipments.some((s) => s.status === 'DELIVERED'))
    return 'PARTIALLY_DELIVERED'
  return status
}

export type PaymentHeadline = PaymentState | 'PARTLY_PAID_ON_DELIVERY'

/**
 * What the order says about payment. Pay-on-delivery is paid parcel by parcel at the door (the
 * order turns PAID when the last arrives), so a delivered parcel means "partly paid", not "not paid".
 */
export function paymentHeadline(
  status: PaymentState,
  {
    paysOnDelivery,
    shipments,
  }: { paysOnDelivery: boolean; shipments: Array<{ status: ShipmentState }> },
): PaymentHeadline {
  if (status === 'PENDING' && paysOnDelivery && shipments.some((s) => s.status === 'DELIVERED'))
    return 'PARTLY_PAID_ON_DELIVERY'
  return status
}

// Their names in each language: orderLabels() in ./labels.ts.

/** Tailwind classes of the badge for each state. */
export const STATUS_TONES: Record<OrderState | ShipmentState, string> = {
  PLACED: 'bg-amber-100 text-amber-900',
  PENDING: 'bg-amber-100 text-amber-900',
  PARTIALLY_SHIPPED: 'bg-sky-100 text-sky-900',
  SHIPPED: 'bg-sky-100 text-sky-900',
  DELIVERED: 'bg-green-100 text-green-900',
  CANCELLED: 'bg-stone-200 text-stone-700',
}
