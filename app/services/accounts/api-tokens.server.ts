import { createHash, randomBytes } from 'node:crypto'
import { prisma, type Role } from '~/infra/db.server.ts'
import { DomainError } from '~/utils/domain-error.ts'
import { message } from '~/i18n/validation.ts'
import {
  API_TOKENS_PER_USER,
  isApiScope,
  scopesForRoles,
  type ApiScope,
  type CreateApiTokenInput,
} from './api-token-schemas.ts'

// Personal access tokens: `shk_` and 32 random bytes. Only the SHA-256 of the secret is stored,
// so a database leak gives no working token; the secret is shown once, when it is created.
// Every request made with a token is kept (ApiTokenUse); a blocked account's tokens are revoked
// with the block and refused meanwhile.

const TOKEN_PREFIX = 'shk_'
const TOKEN_PATTERN = /^shk_[A-Za-z0-9_-]{43}$/
const DAY_MS = 24 * 60 * 60 * 1000
/** lastUsedAt is written at most this often; every use is still recorded in ApiTokenUse. */
const TOUCH_INTERVAL_MS = 60 * 1000

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export class ApiTokenError extends DomainError {
  override name = 'ApiTokenError'
}

/** Creates a token for the user; the secret in the answer is never readable again. */
export async function createApiToken(
  user: { id: string; roles: readonly Role[] },
  input: CreateApiTokenInput,
) {
  const allowed = scopesForRoles(user.roles)
  const refused = input.scopes.filter((scope) => !allowed.includes(scope))
  if (refused.length)
    throw new ApiTokenError('forbidden', 'scope-not-allowed', message('account.tokenScopes'), {
      field: 'scopes',
    })
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
  return prisma.$transaction(async (tx) => {
    // One user's concurrent creations queue here, so the count below stays true.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${user.id} FOR UPDATE`
    const live = await tx.apiToken.count({
      where: { userId: user.id, revokedAt: null, expiresAt: { gt: new Date() } },
    })
    if (live >= API_TOKENS_PER_USER)
      throw new ApiTokenError(
        'conflict',
        'too-many-tokens',
        message('account.tokenLimit', { max: API_TOKENS_PER_USER }),
        { field: 'name' },
      )
    const token = await tx.apiToken.create({
      data: {
        userId: user.id,
        name: input.name,
        tokenHash: hashToken(secret),
        prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
        scopes: input.scopes,
        expiresAt: new Date(Date.now() + input.expiresInDays * DAY_MS),
      },
      select: TOKEN_SELECT,
    })
    return { token, secret }
  })
}

const TOKEN_SELECT = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  lastUsedIp: true,
} as const

/** The user's tokens that are not revoked, newest first (expired ones too, marked by the page). */
export function listApiTokens(userId: string) {
  return prisma.apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: TOKEN_SELECT,
  })
}

/** Revokes one of the user's own tokens; another user's token id is not found. */
export async function revokeApiToken(userId: string, tokenId: string) {
  const { count } = await prisma.apiToken.updateMany({
    where: { id: tokenId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  })
  if (count === 0)
    throw new ApiTokenError('not-found', 'token-not-found', message('account.tokenGone'), {
      field: 'tokenId',
    })
}

export type ApiTokenCaller = {
  tokenId: string
  scopes: ApiScope[]
  user: { id: string; email: string; name: string; roles: Role[] }
}

const INVALID = 'The access token is missing, malformed, expired or revoked.'

/**
 * The token's owner and scopes, or an `unauthenticated` refusal: unknown, revoked and expired
 * tokens, and those of blocked accounts, fail alike.
 */
export async function authenticateApiToken(secret: string): Promise<ApiTokenCaller> {
  if (!TOKEN_PATTERN.test(secret))
    throw new ApiTokenError('unauthenticated', 'invalid-token', INVALID)
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: {
      id: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: { id: true, email: true, name: true, roles: true, status: true } },
    },
  })
  if (!row || row.revokedAt || row.expiresAt <= new Date() || row.user.status !== 'ACTIVE')
    throw new ApiTokenError('unauthenticated', 'invalid-token', INVALID)
  const { status: _status, ...user } = row.user
  // A role removed since the token was made takes its scopes with it.
  const allowed = scopesForRoles(user.roles)
  return {
    tokenId: row.id,
    scopes: row.scopes.filter(isApiScope).filter((scope) => allowed.includes(scope)),
    user,
  }
}

/** Keeps one request made with a token: the token's audit trail and its "last used". */
export async function recordApiTokenUse(
  tokenId: string,
  use: { method: string; path: string; status: number; ip: string | null },
) {
  const now = new Date()
  await prisma.$transaction([
    prisma.apiTokenUse.create({
      data: {
        tokenId,
        method: use.method,
        path: use.path.slice(0, 500),
        status: use.status,
        ip: use.ip,
      },
    }),
    prisma.apiToken.updateMany({
      where: {
        id: tokenId,
        OR: [
          { lastUsedAt: null },
          { lastUsedAt: { lt: new Date(now.getTime() - TOUCH_INTERVAL_MS) } },
        ],
      },
      data: { lastUsedAt: now, lastUsedIp: use.ip },
    }),
  ])
}

/** The latest requests made with one of the user's tokens. */
export function listApiTokenUses(userId: string, tokenId: string, take = 20) {
  return prisma.apiTokenUse.findMany({
    where: { tokenId, token: { userId } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: { method: true, path: true, status: true, ip: true, createdAt: true },
  })
}
