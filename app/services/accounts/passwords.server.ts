import bcrypt from 'bcryptjs'
import { z } from 'zod'

export const BCRYPT_COST = 12
/** bcrypt ignores everything after 72 bytes, so longer passwords would be silently truncated. */
export const PASSWORD_MAX_BYTES = 72
export const PASSWORD_MIN_LENGTH = 8

export const PasswordSchema = z
  .string({ error: 'Enter a password' })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .refine((value) => new TextEncoder().encode(value).length <= PASSWORD_MAX_BYTES, {
    error: `Use at most ${PASSWORD_MAX_BYTES} bytes (about ${PASSWORD_MAX_BYTES} letters, fewer with accents or emoji)`,
  })

export function hashPassword(password: string) {
  return bcrypt.hash(password, BCRYPT_COST)
}

export function verifyPassword(password: string, hash: string) {
  return bcrypt.compare(password, hash)
}

let dummyHash: Promise<string> | undefined
/**
 * Spends the same time as a real check when there is no account, so response times do not
 * tell an attacker which emails are registered.
 */
export async function verifyAgainstNothing(password: string) {
  dummyHash ??= bcrypt.hash('not-a-real-password', BCRYPT_COST)
  await bcrypt.compare(password, await dummyHash)
  return false
}
