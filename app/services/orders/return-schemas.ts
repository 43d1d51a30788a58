import { z } from 'zod'
import { numberInput } from '~/i18n/format.ts'
import { message } from '~/i18n/validation.ts'
import { noControlCharacters } from '~/utils/text.ts'

// The returns forms (the shopper's request, the seller's decision and receipt), shared by the
// server and the browser. No server code here.

export const RETURN_REASONS = [
  'WRONG_SIZE',
  'NOT_AS_DESCRIBED',
  'DAMAGED',
  'WRONG_ITEM',
  'CHANGED_MIND',
  'OTHER',
] as const
export type ReturnReasonCode = (typeof RETURN_REASONS)[number]

export const RETURN_NOTE_MAX = 1000
export const REFUSAL_REASON_MAX = 500

export const ReturnRequestSchema = z.object({
  lineId: z
    .string({ error: message('returns.line') })
    .trim()
    .min(1, message('returns.line'))
    .max(64, message('returns.line')),
  quantity: z.preprocess(
    numberInput,
    z.coerce
      .number({ error: message('returns.quantity') })
      .int(message('returns.quantity'))
      .min(1, message('returns.quantity')),
  ),
  reason: z.enum(RETURN_REASONS, { error: message('returns.reason') }),
  note: z
    .string()
    .trim()
    .max(RETURN_NOTE_MAX, message('returns.noteMax', { max: RETURN_NOTE_MAX }))
    .refine(...noControlCharacters)
    .default(''),
})
export type ReturnRequestInput = z.infer<typeof ReturnRequestSchema>

export const ReturnDecisionSchema = z.discriminatedUnion('decision', [
  z.object({ returnId: z.string().trim().min(1).max(64), decision: z.literal('approve') }),
  z.object({
    returnId: z.string().trim().min(1).max(64),
    decision: z.literal('refuse'),
    reason: z
      .string({ error: message('returns.refusalReason') })
      .trim()
      .min(1, message('returns.refusalReason'))
      .max(REFUSAL_REASON_MAX, message('returns.refusalMax', { max: REFUSAL_REASON_MAX }))
      .refine(...noControlCharacters),
  }),
])
export type ReturnDecision = { decision: 'approve' } | { decision: 'refuse'; reason: string }

export const ReturnReceivedSchema = z.object({
  returnId: z.string().trim().min(1).max(64),
  resellable: z.enum(['yes', 'no'], { error: message('returns.resellable') }),
})
