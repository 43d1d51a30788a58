import { apiLoader } from '~/http/api/endpoint.server.ts'
import { account } from '~/http/api/endpoints/index.server.ts'

export const loader = apiLoader(account.getMe)
