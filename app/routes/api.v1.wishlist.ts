import { apiAction, apiLoader } from '~/http/api/endpoint.server.ts'
import { shopper } from '~/http/api/endpoints/index.server.ts'

export const loader = apiLoader(shopper.getWishlistEndpoint)
export const action = apiAction(shopper.saveToWishlistEndpoint)
