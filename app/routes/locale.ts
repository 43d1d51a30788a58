import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { getT } from '~/i18n/i18n.server.ts'
import { LOCALES } from '~/i18n/locales.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { chooseLocale } from '~/services/accounts/locale-choice.server.ts'

// The language switch posts here (a plain form: it works without JavaScript): the choice is
// remembered and the same page opens in the chosen language.

const ChoiceSchema = z.object({
  locale: z.enum(LOCALES),
  redirectTo: z.string().max(2000).optional(),
})

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = ChoiceSchema.safeParse(Object.fromEntries(await readFormData(request)))
  if (!parsed.success) throw new Response(getT(request)('language.unknown'), { status: 400 })
  const { setCookie, location } = await chooseLocale(
    request,
    parsed.data.locale,
    parsed.data.redirectTo,
  )
  return redirect(location, { status: 303, headers: { 'Set-Cookie': setCookie } })
}
