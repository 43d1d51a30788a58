import { apiAction } from '~/http/api/endpoint.server.ts'
import { seller } from '~/http/api/endpoints/index.server.ts'

export const action = apiAction(seller.updateShopProductImage, seller.deleteShopProductImage)
