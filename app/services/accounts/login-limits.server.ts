import { setTimeout as sleep } from 'node:timers/promises'
import { createLimiter, msUntilAllowed, recordEvent } from '~/infra/rate-limit.server.ts'
import { singleton } from '~/infra/singleton.server.ts'
import { DomainError } from '~/utils/domain-error.ts'

// Failed sign-ins, limited so that nobody can aim a lockout at someone else (OWASP's
// authentication cheat sheet): failures are refused per account *and IP* and per IP, never per
// account alone. An account attacked from many IPs is slowed down instead: past a number of
// failures from anywhere, every attempt at it waits a little longer, the owner's included,
// but nobody is ever shut out.

export const LOGIN_LIMITS = {
  /** One IP guessing one account's password. */
  perAccountAndIp: { points: 10, durationSeconds: 15 * 60 },
  /** One IP guessing across accounts (credential stuffing); shared NATs get some room. */
  perIp: { points: 30, durationSeconds: 15 * 60 },
  /** Failures at one account from every IP: past `free`, each attempt waits, doubling to `maxMs`. */
  perAccount: { free: 10, durationSeconds: 60 * 60, baseMs: 250, maxMs: 8000 },
}

/** Wrong current passwords on the account pages (a stolen session guessing): per user. */
export const CURRENT_PASSWORD_LIMIT = { points: 10, durationSeconds: 15 * 60 }

const limiters = singleton('login-limiters', () => ({
  accountAndIp: createLimiter({ name: 'login-account-ip', ...LOGIN_LIMITS.perAccountAndIp }),
  ip: createLimiter({ name: 'login-ip', ...LOGIN_LIMITS.perIp }),
  // Only counted, never full: it sets the delay.
  account: createLimiter({
    name: 'login-account-failures',
    points: 1_000_000_000,
    durationSeconds: LOGIN_LIMITS.perAccount.durationSeconds,
  }),
  currentPassword: createLimiter({ name: 'current-password', ...CURRENT_PASSWORD_LIMIT }),
}))

export class TooManyAttemptsError extends DomainError {
  override name = 'TooManyAttemptsError'
  declare readonly retryAt: Date
  constructor(retryAt: Date) {
    super('rate-limited', 'too-many-attempts', 'Too many attempts', { retryAt })
  }
}

function refuseAfter(wait: number) {
  if (wait > 0) throw new TooManyAttemptsError(new Date(Date.now() + wait))
}

const pairKey = (email: string, clientIp: string) => `${email}|${clientIp}`

/** How long an attempt at `email` waits now, from the failures at it from every IP. */
export async function loginDelayMs(email: string) {
  const state = await limiters.account.get(email)
  const failures = state?.consumedPoints ?? 0
  const { free, baseMs, maxMs } = LOGIN_LIMITS.perAccount
  if (failures < free) return 0
  return Math.min(maxMs, baseMs * 2 ** (failures - free))
}

/**
 * Before a password is checked: throws TooManyAttemptsError when this IP is over its limit for
 * this account or overall, else waits the account's current delay.
 */
export async function beforeLoginAttempt(email: string, clientIp: string) {
  const waits = await Promise.all([
    msUntilAllowed(limiters.ip, clientIp),
    email ? msUntilAllowed(limiters.accountAndIp, pairKey(email, clientIp)) : 0,
  ])
  refuseAfter(Math.max(...waits))
  if (email) {
    const delay = await loginDelayMs(email)
    if (delay > 0) await sleep(delay)
  }
}

export async function recordLoginFailure(email: string, clientIp: string) {
  await Promise.all([
    recordEvent(limiters.ip, clientIp),
    email ? recordEvent(limiters.accountAndIp, pairKey(email, clientIp)) : null,
    email ? recordEvent(limiters.account, email) : null,
  ])
}

/** The owner got in from this IP: its failures at the account are forgotten. */
export async function recordLoginSuccess(email: string, clientIp: string) {
  await limiters.accountAndIp.delete(pairKey(email, clientIp))
}

/** Runs a current-password check, refusing while the user has had too many wrong ones. */
export async function limitCurrentPasswordChecks(userId: string, check: () => Promise<boolean>) {
  refuseAfter(await msUntilAllowed(limiters.currentPassword, userId))
  const valid = await check()
  if (!valid) await recordEvent(limiters.currentPassword, userId)
  return valid
}
