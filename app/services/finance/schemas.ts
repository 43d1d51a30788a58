import { z } from 'zod'
import { parseDateInput } from '~/i18n/date-input.ts'
import { LEDGER_ENTRY_TYPES } from './entry-types.ts'
import { ibanProblem, normalizeIban } from './iban.ts'

// The finances forms, shared by the pages and the server. Messages are codes the pages translate
// (`finances.errors.<code>` in the seller namespace, `payouts.errors.<code>` in admin's).

export const BankDetailsSchema = z.object({
  holder: z
    .string()
    .trim()
    .min(2, { message: 'holder-required' })
    .max(120, { message: 'holder-too-long' }),
  iban: z
    .string()
    .max(64, { message: 'iban-format' })
    .transform(normalizeIban)
    .superRefine((iban, ctx) => {
      const problem = ibanProblem(iban)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    }),
})
export type BankDetails = z.infer<typeof BankDetailsSchema>

export const MarkPaidSchema = z.object({
  payoutId: z.string().min(1).max(64),
  reference: z
    .string()
    .trim()
    .min(3, { message: 'reference-required' })
    .max(100, { message: 'reference-too-long' }),
})

const typedDate = z
  .string()
  .max(40)
  .optional()
  .catch(undefined)
  .transform((typed) => (typed ? (parseDateInput(typed) ?? undefined) : undefined))

/** The seller's ledger filters from the query string; anything malformed is simply not applied. */
export const LedgerQuerySchema = z.object({
  type: z.enum(LEDGER_ENTRY_TYPES).optional().catch(undefined),
  /** Typed in either calendar (Persian pages show Solar Hijri), kept as a Gregorian YYYY-MM-DD. */
  from: typedDate,
  to: typedDate,
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
})
export type LedgerQuery = z.infer<typeof LedgerQuerySchema>
