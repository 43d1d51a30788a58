import { apiAction } from '~/http/api/endpoint.server.ts'
import { admin } from '~/http/api/endpoints/index.server.ts'

export const action = apiAction(admin.rejectReview)
