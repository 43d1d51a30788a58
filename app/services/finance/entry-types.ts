// The ledger's vocabulary for the browser (filters, labels); the database enums say the same.

export const LEDGER_ENTRY_TYPES = [
  'SALE',
  'COMMISSION',
  'SHIPPING',
  'REFUND',
  'PAYOUT',
  'ADJUSTMENT',
  'RELEASE',
] as const
export type LedgerEntryTypeName = (typeof LEDGER_ENTRY_TYPES)[number]
