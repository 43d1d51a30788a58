import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi'
import { getEnv } from '~/infra/env.server.ts'
import { API_SCOPES } from '~/services/accounts/api-token-schemas.ts'

// The OpenAPI registry of /api/v1. Every endpoint registers its path here when it is defined
// (endpoint.server.ts), from the very zod schemas that validate its request and response, so the
// document cannot describe an API other than the one that runs.

export const API_BASE = '/api/v1'
export const API_VERSION = '1.0.0'

export const apiRegistry = new OpenAPIRegistry()

export const bearerAuth = apiRegistry.registerComponent('securitySchemes', 'bearerAuth', {
  type: 'http',
  scheme: 'bearer',
  description:
    'A personal access token (`shk_…`) created on the account page. Its scopes decide what it may do.',
})

export const sessionAuth = apiRegistry.registerComponent('securitySchemes', 'sessionCookie', {
  type: 'apiKey',
  in: 'cookie',
  name: 'shikposh_session',
  description: "The website's own session (same-origin requests only); it has every scope.",
})

const DESCRIPTION = `The public API of the store: the catalog (no token needed), a shopper's cart, checkout, orders
and addresses, a seller's shop and an admin's moderation.

- **Authentication**: \`Authorization: Bearer shk_…\` with a personal access token made on the
  account page (shown once, with scopes and an expiry). Scopes: ${Object.keys(API_SCOPES)
    .map((scope) => `\`${scope}\``)
    .join(', ')}.
- **Errors** are \`application/problem+json\` (RFC 9457) with a stable \`code\` and, for fields,
  \`errors[]\` of \`{ pointer, detail }\` (JSON Pointers into the body or \`/query/…\`).
- **Paging** is by cursor: follow \`next\` in the body or the \`Link: <…>; rel="next"\` header.
- **Caching**: reads carry an \`ETag\`; send it back in \`If-None-Match\` for a 304.
- **Rate limits** per token (or per address without one), announced in \`RateLimit-Policy\` and
  \`RateLimit\`; a 429 says when to retry in \`Retry-After\`.
- **Versioning**: everything lives under \`/api/v1\`; a change that breaks clients gets \`/api/v2\`.`

/** The OpenAPI 3.1 document of every registered endpoint. */
export function apiDocument() {
  const generator = new OpenApiGeneratorV31(apiRegistry.definitions)
  const env = getEnv()
  return generator.generateDocument({
    openapi: '3.1.0',
    info: {
      title: `${env.STORE_NAME} API`,
      version: API_VERSION,
      description: DESCRIPTION,
    },
    servers: [{ url: API_BASE }],
  })
}
