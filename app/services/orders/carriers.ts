// Carriers a seller can ship with, and where shoppers can follow a parcel. Shared with the browser.

export type Carrier = {
  id: string
  /** A brand read the same in every language; carriers without one are named by the catalogue (`orders:carrier.<id>`). */
  brand: string | null
  trackingUrl: ((trackingNumber: string) => string) | null
}

export const CARRIERS: Carrier[] = [
  {
    id: 'ups',
    brand: 'UPS',
    trackingUrl: (n) => `https://www.ups.com/track?tracknum=${encodeURIComponent(n)}`,
  },
  {
    id: 'fedex',
    brand: 'FedEx',
    trackingUrl: (n) => `https://www.fedex.com/fedextrack/?trknbr=${encodeURIComponent(n)}`,
  },
  {
    id: 'usps',
    brand: 'USPS',
    trackingUrl: (n) =>
      `https://tools.usps.com/go/TrackConfirmAction?tLabels=${encodeURIComponent(n)}`,
  },
  {
    id: 'dhl',
    brand: 'DHL',
    trackingUrl: (n) =>
      `https://www.dhl.com/global-en/home/tracking.html?tracking-id=${encodeURIComponent(n)}`,
  },
  {
    id: 'royal-mail',
    brand: 'Royal Mail',
    trackingUrl: (n) =>
      `https://www.royalmail.com/track-your-item#/tracking-results/${encodeURIComponent(n)}`,
  },
  // Iran's carriers: tracking happens on their sites by number, without a stable link.
  { id: 'iran-post', brand: null, trackingUrl: null },
  { id: 'tipax', brand: null, trackingUrl: null },
  { id: 'other', brand: null, trackingUrl: null },
]

export function findCarrier(id: string | null | undefined) {
  return CARRIERS.find((carrier) => carrier.id === id) ?? null
}

export function trackingUrl(
  carrierId: string | null | undefined,
  trackingNumber: string | null | undefined,
) {
  if (!carrierId || !trackingNumber) return null
  return CARRIERS.find((carrier) => carrier.id === carrierId)?.trackingUrl?.(trackingNumber) ?? null
}
