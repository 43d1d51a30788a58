import type { Role } from '~/infra/db.server.ts'
import { getUser } from '~/services/accounts/auth.server.ts'
import {
  API_SCOPE_NAMES,
  scopesForRoles,
  type ApiScope,
} from '~/services/accounts/api-token-schemas.ts'
import { ApiTokenError, authenticateApiToken } from '~/services/accounts/api-tokens.server.ts'

// Who is calling the API: a personal access token (`Authorization: Bearer`), else the website's
// session cookie (same-origin requests; the server's origin check refuses cross-site writes), else
// nobody. A request that sends an Authorization header is judged by it alone, never by a cookie.

export type ApiCaller = {
  user: { id: string; email: string; name: string; roles: Role[] }
  scopes: ApiScope[]
  /** The token's id when a token authenticated the request (its uses are recorded). */
  tokenId: string | null
}

export async function authenticateRequest(request: Request): Promise<ApiCaller | null> {
  const header = request.headers.get('Authorization')
  if (header !== null) {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header)
    if (!match?.[1])
      throw new ApiTokenError(
        'unauthenticated',
        'invalid-token',
        'Send the token as `Authorization: Bearer shk_…`.',
      )
    const { tokenId, scopes, user } = await authenticateApiToken(match[1])
    return { user, scopes, tokenId }
  }
  const user = await getUser(request)
  if (!user) return null
  return { user, scopes: scopesForRoles(user.roles), tokenId: null }
}

/** The caller, refused unless signed in and allowed `scope` (and its role, when the scope needs one). */
export function requireScope(caller: ApiCaller | null, scope: ApiScope): ApiCaller {
  if (!caller)
    throw new ApiTokenError(
      'unauthenticated',
      'authentication-required',
      'This endpoint needs a token: `Authorization: Bearer shk_…`.',
    )
  if (!caller.scopes.includes(scope))
    throw new ApiTokenError(
      'forbidden',
      'insufficient-scope',
      `This endpoint needs the \`${scope}\` scope, which this ${caller.tokenId ? 'token' : 'account'} does not have.`,
    )
  return caller
}

export { API_SCOPE_NAMES }
