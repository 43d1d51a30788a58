import { z } from 'zod'
import type { Role } from '~/generated/prisma/enums.ts'
import { message } from '~/i18n/validation.ts'
import { noControlCharacters } from '~/utils/text.ts'

// Personal access tokens for the public API: what a token may do (its scopes) and the form that
// creates one. Shared by the server and the browser; no server code here.

/** Every scope a token can carry, and the role an account needs to be given it. */
export const API_SCOPES = {
  'account:read': null,
  'account:write': null,
  'cart:write': null,
  'orders:read': null,
  'orders:write': null,
  'shop:read': 'SELLER',
  'shop:write': 'SELLER',
  'admin:read': 'ADMIN',
  'admin:write': 'ADMIN',
} as const satisfies Record<string, Role | null>

export type ApiScope = keyof typeof API_SCOPES
export const API_SCOPE_NAMES = Object.keys(API_SCOPES) as ApiScope[]

export function isApiScope(value: string): value is ApiScope {
  return Object.hasOwn(API_SCOPES, value)
}

/** The scopes an account with these roles may put on a token. */
export function scopesForRoles(roles: readonly Role[]): ApiScope[] {
  return API_SCOPE_NAMES.filter((scope) => {
    const role = API_SCOPES[scope]
    return role === null || roles.includes(role)
  })
}

/** How long a new token lives, in days (the form offers these). */
export const API_TOKEN_LIFETIMES = [7, 30, 90, 365] as const
export const API_TOKENS_PER_USER = 20
export const API_TOKEN_NAME_MAX = 60

export const CreateApiTokenSchema = z.object({
  name: z
    .string({ error: message('account.tokenName') })
    .trim()
    .min(1, message('account.tokenName'))
    .max(API_TOKEN_NAME_MAX, message('text.tooLong', { max: API_TOKEN_NAME_MAX }))
    .refine(...noControlCharacters),
  expiresInDays: z.coerce
    .number({ error: message('account.tokenLifetime') })
    .refine((days) => (API_TOKEN_LIFETIMES as readonly number[]).includes(days), {
      error: message('account.tokenLifetime'),
    }),
  scopes: z
    .array(z.string().refine(isApiScope, { error: message('account.tokenScopes') }), {
      error: message('account.tokenScopes'),
    })
    .min(1, message('account.tokenScopes'))
    .max(API_SCOPE_NAMES.length, message('account.tokenScopes'))
    .transform((scopes) => [...new Set(scopes)].filter(isApiScope)),
})
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenSchema>

export const RevokeApiTokenSchema = z.object({ tokenId: z.string().min(1).max(64) })
