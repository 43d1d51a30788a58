import { minorUnitFactor } from '~/utils/money.ts'

// Delivery options and what they cost, the same in the browser (checkout shows the costs) and
// on the server (which charges them). Amounts are in major units of the store currency here and
// converted to minor units, so a different STORE_CURRENCY keeps sensible prices.

export type ShippingMethod = {
  id: string
  label: string
  description: string
  /** Cost in major units. */
  cost: number
  /** Free when the items come to at least this much (major units); null when never free. */
  freeFrom: number | null
}

export const SHIPPING_METHODS: ShippingMethod[] = [
  {
    id: 'standard',
    label: 'Standard delivery',
    description: '3–5 working days',
    cost: 4.95,
    freeFrom: 75,
  },
  {
    id: 'express',
    label: 'Express delivery',
    description: '1–2 working days',
    cost: 14.95,
    freeFrom: null,
  },
]

export function findShippingMethod(id: string) {
  return SHIPPING_METHODS.find((method) => method.id === id) ?? null
}

export function shippingMethodLabel(id: string) {
  return findShippingMethod(id)?.label ?? id
}

/** What the method costs for items worth `itemsTotal` (minor units), in minor units. */
export function shippingCost(method: ShippingMethod, itemsTotal: number, currency: string) {
  const factor = minorUnitFactor(currency)
  if (method.freeFrom !== null && itemsTotal >= Math.round(method.freeFrom * factor)) return 0
  return Math.round(method.cost * factor)
}

/** How much more would make the method free, or null (already free, or never free). */
export function amountToFreeShipping(method: ShippingMethod, itemsTotal: number, currency: string) {
  if (method.freeFrom === null) return null
  const threshold = Math.round(method.freeFrom * minorUnitFactor(currency))
  return itemsTotal >= threshold ? null : threshold - itemsTotal
}

/** What an order of items worth `itemsTotal` costs with delivery `methodId`, in minor units. */
export function orderTotal(itemsTotal: number, methodId: string, currency: string) {
  const method = findShippingMethod(methodId)
  if (!method) throw new Error(`Unknown delivery option ${methodId}`)
  return itemsTotal + shippingCost(method, itemsTotal, currency)
}
