import { problem, problemResponse } from '~/http/errors.server.ts'

// Any other path under /api/v1 is the API's 404 (problem details), not the store's 404 page.
function notFound({ request }: { request: Request }) {
  const path = new URL(request.url).pathname
  return problemResponse({
    ...problem(
      404,
      'no-such-endpoint',
      `There is no endpoint at ${path}: see /api/v1/openapi.json.`,
    ),
    instance: path,
  })
}

export const loader = notFound
export const action = notFound
