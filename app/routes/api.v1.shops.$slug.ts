import { apiLoader } from '~/http/api/endpoint.server.ts'
import { storefront } from '~/http/api/endpoints/index.server.ts'

export const loader = apiLoader(storefront.getShop)
