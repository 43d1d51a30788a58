import { apiDocument } from '~/http/api/document.server.ts'

// The OpenAPI 3.1 document of /api/v1, generated from the endpoints' own zod schemas.
export function loader() {
  return Response.json(apiDocument(), {
    headers: { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' },
  })
}
