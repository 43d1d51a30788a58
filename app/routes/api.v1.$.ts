import { dispatchApi } from '~/http/api/router.server.ts'

// All of /api/v1 but its OpenAPI document: each endpoint by the method and path it declares, an
// unknown path the API's 404 (problem details), not the store's 404 page.
export const loader = dispatchApi
export const action = dispatchApi
