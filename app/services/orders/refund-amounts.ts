// What a return gives back for some units of one order line: the unit price paid times the
// units, less those units' share of what promo codes took off the line. The share is counted
// cumulatively (discount × units returned so far ÷ units bought, rounded down, minus the same
// for the units returned before), so however a line is returned, in one go or unit by unit, the
// refunds add up to exactly lineTotal − discount and never to a minor unit more.

export type RefundableLine = {
  quantity: number
  unitPrice: number
  /** What promo codes took off the whole line (the sum of its OrderLineDiscount rows). */
  discount: number
}

function discountShare(line: RefundableLine, units: number) {
  return Math.floor((line.discount * units) / line.quantity)
}

/** The refund for `units` more units of `line`, after `alreadyRefunded` units were refunded. */
export function refundAmountFor(line: RefundableLine, alreadyRefunded: number, units: number) {
  if (!Number.isInteger(units) || units < 1 || alreadyRefunded + units > line.quantity)
    throw new RangeError(
      `Cannot refund ${units} more of ${line.quantity} units (${alreadyRefunded} refunded)`,
    )
  const share = discountShare(line, alreadyRefunded + units) - discountShare(line, alreadyRefunded)
  return Math.max(0, line.unitPrice * units - share)
}
