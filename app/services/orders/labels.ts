import type { TFunction } from 'i18next'
import { findCarrier } from './carriers.ts'
import type { OrderHeadline, PaymentHeadline, ShipmentState } from './status.ts'

// The names of order, shipment and payment states, carriers, delivery options and payment
// methods in one language. The shopper's, seller's and admin pages (through `useOrderLabels()`
// in components/orders/commerce.tsx) and the emails (through `getT(locale, 'orders')`) all
// read them here, so a state has one name per language everywhere.

const SHIPPING_IDS = ['standard', 'express'] as const
const PAYMENT_IDS = ['pay-on-delivery', 'stripe', 'zarinpal'] as const
const TRANSLATED_CARRIERS = ['iran-post', 'tipax', 'other'] as const

function oneOf<T extends string>(list: readonly T[], value: string | null | undefined): T | null {
  return (list as readonly string[]).includes(value ?? '') ? (value as T) : null
}

export function orderLabels(t: TFunction<'orders'>) {
  return {
    orderStatus: (status: OrderHeadline) => t(`status.order.${status}`),
    shipmentStatus: (status: ShipmentState) => t(`status.shipment.${status}`),
    paymentStatus: (status: PaymentHeadline) => t(`status.payment.${status}`),
    /** A carrier's brand, or its name in this language; an unknown id as it is. */
    carrier(id: string | null | undefined) {
      const brand = findCarrier(id)?.brand
      if (brand) return brand
      const known = oneOf(TRANSLATED_CARRIERS, id)
      return known ? t(`carrier.${known}`) : (id ?? '')
    },
    shippingMethod(id: string) {
      const known = oneOf(SHIPPING_IDS, id)
      return known ? t(`shipping.${known}.label`) : id
    },
    shippingMethodDescription(id: string) {
      const known = oneOf(SHIPPING_IDS, id)
      return known ? t(`shipping.${known}.description`) : ''
    },
    paymentMethod(id: string) {
      const known = oneOf(PAYMENT_IDS, id)
      return known ? t(`payment.${known}.label`) : id
    },
    paymentMethodDescription(id: string) {
      const known = oneOf(PAYMENT_IDS, id)
      return known ? t(`payment.${known}.description`) : ''
    },
  }
}
export type OrderLabels = ReturnType<typeof orderLabels>
