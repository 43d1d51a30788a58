import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { dismissLocaleSuggestion } from '~/services/accounts/locale-suggestion.server.ts'

// "No thanks" on the other-language suggestion (a plain form: it works without JavaScript).

const DismissSchema = z.object({ redirectTo: z.string().max(2000).optional() })

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = DismissSchema.safeParse(Object.fromEntries(await readFormData(request)))
  const { setCookie, location } = await dismissLocaleSuggestion(
    parsed.success ? parsed.data.redirectTo : undefined,
  )
  return redirect(location, { status: 303, headers: { 'Set-Cookie': setCookie } })
}
