import { apiLoader } from '~/http/api/endpoint.server.ts'
import { catalog } from '~/http/api/endpoints/index.server.ts'

export const loader = apiLoader(catalog.listBrandsEndpoint)
