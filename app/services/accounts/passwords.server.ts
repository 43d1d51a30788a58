import bcrypt from 'bcryptjs'

export const BCRYPT_COST = 12

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
