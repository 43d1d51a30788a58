import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { destroySession } from '~/services/accounts/sessions.server.ts'

// Signing out changes state, so it is a POST only; a GET (a link, a prefetch) does nothing.
export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  return redirect('/', { headers: { 'Set-Cookie': await destroySession(request) } })
}
