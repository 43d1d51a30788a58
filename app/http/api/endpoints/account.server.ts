import { z } from 'zod'
import { API_SCOPE_NAMES } from '~/services/accounts/api-token-schemas.ts'
import { defineEndpoint } from '../endpoint.server.ts'

// The caller's own account.

const MeSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(z.enum(['SHOPPER', 'SELLER', 'ADMIN'])),
    scopes: z.array(z.enum(API_SCOPE_NAMES)),
    via: z.enum(['token', 'session']),
  })
  .meta({ id: 'Me' })

export const getMe = defineEndpoint({
  method: 'get',
  path: '/me',
  operationId: 'getMe',
  summary: 'Who the token belongs to and what it may do',
  tags: ['Account'],
  access: 'account:read',
  response: { status: 200, description: 'The account and the scopes in force', schema: MeSchema },
  async handle({ caller }) {
    const { user, scopes, tokenId } = caller
    return { body: { ...user, scopes, via: tokenId ? ('token' as const) : ('session' as const) } }
  },
})
