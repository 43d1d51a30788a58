import { z } from 'zod'
import { numberInput } from '~/i18n/format.ts'
import { message } from '~/i18n/validation.ts'
import { noControlCharacters } from '~/utils/text.ts'
import { AUDIT_ACTION_PATTERN, AUDIT_TARGET_TYPE_PATTERN } from '~/services/audit/actions.ts'

// Form and query-string schemas of the admin area, shared by the server (which enforces them)
// and the browser (which checks as you type). No server code here.

export const USERS_PAGE_SIZE = 25
export const AUDIT_PAGE_SIZE = 50
export const MAX_PAGE = 10_000
export const REASON_MAX_LENGTH = 500
export const BLOCK_REASON_MIN_LENGTH = 3
/** The `admin` filter value for entries written by an operator's command rather than an admin. */
export const COMMAND_LINE_ACTOR = 'command-line'

// An empty field in a GET form arrives as "": treat it as not given.
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value
/** A page number typed in any digits. */
const blankOrNumber = (value: unknown) => blankToUndefined(numberInput(value))

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(blankToUndefined, schema.optional())

const PageSchema = z.preprocess(
  blankOrNumber,
  z.coerce
    .number({ error: message('admin.page') })
    .int(message('admin.page'))
    .min(1, message('admin.pageMin', { min: 1 }))
    .max(MAX_PAGE, message('admin.pageMax', { max: MAX_PAGE }))
    .default(1),
)

const SearchTextSchema = z
  .string()
  .trim()
  .max(200, message('text.tooLong', { max: 200 }))
  .refine(...noControlCharacters)

const DateSchema = z.iso.date({ error: message('admin.date') })

// ---------------------------------------------------------------- /admin/users

export const UserSearchSchema = z.object({
  q: optional(SearchTextSchema),
  role: optional(z.enum(['SHOPPER', 'SELLER', 'ADMIN'], { error: message('admin.role') })),
  status: optional(z.enum(['ACTIVE', 'BLOCKED'], { error: message('admin.status') })),
  page: PageSchema,
})
export type UserSearch = z.infer<typeof UserSearchSchema>

const OptionalReasonSchema = z
  .string()
  .trim()
  .max(REASON_MAX_LENGTH, message('text.tooLong', { max: REASON_MAX_LENGTH }))
  .optional()
  .transform((value) => value || undefined)

export const BlockUserSchema = z.object({
  intent: z.literal('block'),
  reason: z
    .string({ error: message('admin.blockReason') })
    .trim()
    .min(BLOCK_REASON_MIN_LENGTH, message('review.reasonMin', { min: BLOCK_REASON_MIN_LENGTH }))
    .max(REASON_MAX_LENGTH, message('text.tooLong', { max: REASON_MAX_LENGTH })),
})

export const UnblockUserSchema = z.object({
  intent: z.literal('unblock'),
  reason: OptionalReasonSchema,
})
export const GrantAdminSchema = z.object({
  intent: z.literal('grant-admin'),
  reason: OptionalReasonSchema,
})
export const RemoveAdminSchema = z.object({
  intent: z.literal('remove-admin'),
  reason: OptionalReasonSchema,
})

/** The schema of each form on the user page, by its `intent`. */
export const USER_ACTION_SCHEMAS = {
  block: BlockUserSchema,
  unblock: UnblockUserSchema,
  'grant-admin': GrantAdminSchema,
  'remove-admin': RemoveAdminSchema,
} as const
export type UserActionIntent = keyof typeof USER_ACTION_SCHEMAS

export function isUserActionIntent(value: unknown): value is UserActionIntent {
  return typeof value === 'string' && Object.hasOwn(USER_ACTION_SCHEMAS, value)
}

// ---------------------------------------------------------------- /admin/audit

export const AuditFiltersSchema = z
  .object({
    /** An admin's user id, or COMMAND_LINE_ACTOR. */
    admin: optional(z.string().trim().max(64, message('admin.adminFromList'))),
    action: optional(z.string().trim().regex(AUDIT_ACTION_PATTERN, message('admin.action'))),
    type: optional(z.string().trim().regex(AUDIT_TARGET_TYPE_PATTERN, message('admin.targetType'))),
    /** Exactly this target id (the links from a user's page use it). */
    target: optional(z.string().trim().max(100, message('admin.targetTooLong'))),
    from: optional(DateSchema),
    to: optional(DateSchema),
    q: optional(SearchTextSchema),
    page: PageSchema,
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, {
    path: ['to'],
    error: message('admin.dateOrder'),
  })
export type AuditFilters = z.infer<typeof AuditFiltersSchema>

/** Field errors of a failed query-string parse, keyed by field name, for showing at each filter. */
export function queryErrors(error: z.ZodError) {
  const errors: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '')
    ;(errors[key] ??= []).push(issue.message)
  }
  return errors
}
