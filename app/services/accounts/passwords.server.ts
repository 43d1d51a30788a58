import bcrypt from 'bcryptjs'
import { getEnv } from '~/infra/env.server.ts'

/** A new hash at the configured cost; a check uses the cost written in the hash it checks. */
export function hashPassword(password: string) {
  return bcrypt.hash(password, getEnv().PASSWORD_HASH_COST)
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
  dummyHash ??= hashPassword('not-a-real-password')
  await bcrypt.compare(password, await dummyHash)
  return false
}
