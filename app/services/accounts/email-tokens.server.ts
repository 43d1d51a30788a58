import { createHash, randomBytes } from 'node:crypto'
import type { EmailTokenPurpose, Tx } from '~/infra/db.server.ts'
import { DomainError } from '~/utils/domain-error.ts'

// Single-use links sent by email (password reset, email verification). The link carries a random
// 256-bit token; only its SHA-256 is stored, so the table alone gives no working link. A token
// is deleted when used, and a new one of the same purpose replaces the user's older ones.

export const PASSWORD_RESET_TTL_MS = 30 * 60 * 1000
export const VERIFY_EMAIL_TTL_MS = 24 * 60 * 60 * 1000

const TTL: Record<EmailTokenPurpose, number> = {
  PASSWORD_RESET: PASSWORD_RESET_TTL_MS,
  VERIFY_EMAIL: VERIFY_EMAIL_TTL_MS,
}

export const hashEmailToken = (token: string) => createHash('sha256').update(token).digest('hex')

/** A token is 43 base64url characters; anything else is not worth a query. */
export function looksLikeToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value)
}

/** Creates a token for `email` (replacing the user's older ones of this purpose) and returns it. */
export async function issueEmailToken(
  tx: Tx,
  { userId, purpose, email }: { userId: string; purpose: EmailTokenPurpose; email: string },
) {
  const token = randomBytes(32).toString('base64url')
  await tx.emailToken.deleteMany({ where: { userId, purpose } })
  await tx.emailToken.create({
    data: {
      userId,
      purpose,
      email,
      tokenHash: hashEmailToken(token),
      expiresAt: new Date(Date.now() + TTL[purpose]),
    },
  })
  return token
}

const tokenSelect = {
  id: true,
  userId: true,
  email: true,
  user: { select: { id: true, email: true, name: true, status: true, emailVerifiedAt: true } },
} as const

/** The live token's row with its user, or null (unknown, used, expired, or the user is blocked). */
export async function findEmailToken(tx: Tx, token: unknown, purpose: EmailTokenPurpose) {
  if (!looksLikeToken(token)) return null
  const row = await tx.emailToken.findFirst({
    where: { tokenHash: hashEmailToken(token), purpose, expiresAt: { gt: new Date() } },
    select: tokenSelect,
  })
  return row && row.user.status === 'ACTIVE' ? row : null
}

/**
 * Uses the token up: returns its row when this call deleted it (so two clicks racing each other
 * cannot both succeed), else null.
 */
export async function consumeEmailToken(tx: Tx, token: unknown, purpose: EmailTokenPurpose) {
  const row = await findEmailToken(tx, token, purpose)
  if (!row) return null
  const { count } = await tx.emailToken.deleteMany({ where: { id: row.id } })
  return count === 1 ? row : null
}

/** A link that is unknown, used, expired, or can no longer do what it was sent for. */
export class InvalidLinkError extends DomainError {
  override name = 'InvalidLinkError'
  constructor() {
    super('invalid', 'link-invalid', 'This link has expired or has already been used.')
  }
}
