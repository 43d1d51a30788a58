import { apiLoader } from '~/http/api/endpoint.server.ts'
import { seller } from '~/http/api/endpoints/index.server.ts'

export const loader = apiLoader(seller.listShopProductImages)
