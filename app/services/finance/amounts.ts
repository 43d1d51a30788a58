// The ledger's arithmetic, in integer minor units, so every figure adds up exactly.

/** What a line earned before commission: its total less what promo codes took off it. */
export function lineNet(line: { lineTotal: number; discount: number }) {
  return line.lineTotal - line.discount
}

/** The commission on `net` at `bps` basis points, rounded down (the shop keeps the fraction). */
export function commissionOf(net: number, bps: number) {
  return Math.floor((net * bps) / 10_000)
}

/**
 * The commission given back when `units` more units of a line are refunded after
 * `alreadyRefunded`: the line's commission shared by units cumulatively, rounded down, so the
 * parts of a line refunded in any steps return exactly its whole commission.
 */
export function commissionBack(
  line: { quantity: number; commission: number },
  alreadyRefunded: number,
  units: number,
) {
  const share = (count: number) => Math.floor((line.commission * count) / line.quantity)
  return share(alreadyRefunded + units) - share(alreadyRefunded)
}

/**
 * Each shipment's share of the delivery an order charged, in proportion to its items, rounded
 * down with the minor units left over going one each to the first shipments (by id): the
 * shares add up to `shippingCost` exactly.
 */
export function shippingShares(
  shippingCost: number,
  shipments: Array<{ id: string; itemsTotal: number }>,
): Map<string, number> {
  const ordered = [...shipments].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const items = ordered.reduce((sum, shipment) => sum + shipment.itemsTotal, 0)
  const shares = ordered.map((shipment) =>
    items > 0
      ? Math.floor((shippingCost * shipment.itemsTotal) / items)
      : Math.floor(shippingCost / ordered.length),
  )
  let left = shippingCost - shares.reduce((sum, share) => sum + share, 0)
  for (let index = 0; left > 0 && ordered.length; index = (index + 1) % ordered.length, left--)
    shares[index]! += 1
  return new Map(ordered.map((shipment, index) => [shipment.id, shares[index]!]))
}
