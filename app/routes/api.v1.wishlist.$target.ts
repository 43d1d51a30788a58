import { apiAction } from '~/http/api/endpoint.server.ts'
import { shopper } from '~/http/api/endpoints/index.server.ts'

export const action = apiAction(shopper.removeFromWishlistEndpoint)
