// Carriers a seller can ship with, and where shoppers can follow a parcel. Shared with the browser.

export type Carrier = {
  id: string
  name: string
  trackingUrl: ((trackingNumber: string) => string) | null
}

export const CARRIERS: Carrier[] = [
  {
    id: 'ups',
    name: 'UPS',
    trackingUrl: (n) => `https://www.ups.com/track?tracknum=${encodeURIComponent(n)}`,
  },
  {
    id: 'fedex',
    name: 'FedEx',
    trackingUrl: (n) => `https://www.fedex.com/fedextrack/?trknbr=${encodeURIComponent(n)}`,
  },
  {
    id: 'usps',
    name: 'USPS',
    trackingUrl: (n) =>
      `https://tools.usps.com/go/TrackConfirmAction?tLabels=${encodeURIComponent(n)}`,
  },
  {
    id: 'dhl',
    name: 'DHL',
    trackingUrl: (n) =>
      `https://www.dhl.com/global-en/home/tracking.html?tracking-id=${encodeURIComponent(n)}`,
  },
  {
    id: 'royal-mail',
    name: 'Royal Mail',
    trackingUrl: (n) =>
      `https://www.royalmail.com/track-your-item#/tracking-results/${encodeURIComponent(n)}`,
  },
  { id: 'other', name: 'Other carrier', trackingUrl: null },
]

export function carrierName(id: string | null | undefined) {
  return CARRIERS.find((carrier) => carrier.id === id)?.name ?? id ?? ''
}

export function trackingUrl(
  carrierId: string | null | undefined,
  trackingNumber: string | null | undefined,
) {
  if (!carrierId || !trackingNumber) return null
  return CARRIERS.find((carrier) => carrier.id === carrierId)?.trackingUrl?.(trackingNumber) ?? null
}
