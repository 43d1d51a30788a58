import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireUser } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import {
  KIND_AUDIENCE,
  kindsFor,
  NotificationKindSchema,
  type NotificationKind,
} from '~/services/notifications/kinds.ts'
import { getEmailsOff, setEmailPreferences } from '~/services/notifications/unsubscribe.server.ts'

// Which notifications also come by email: one checkbox per kind the person can get, grouped by
// what they do on the store. Every kind shows under the bell whatever is chosen here.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const off = new Set(await getEmailsOff(user.id))
  return {
    title: getT(request, 'notifications')('preferences.meta'),
    kinds: kindsFor(user.roles).map((kind) => ({
      kind,
      audience: KIND_AUDIENCE[kind],
      email: !off.has(kind),
    })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = await readFormData(request)
  const wanted = new Set<NotificationKind>()
  for (const value of form.getAll('email')) {
    const kind = NotificationKindSchema.safeParse(value)
    if (!kind.success) return data({ ok: false }, { status: 400 })
    wanted.add(kind.data)
  }
  await setEmailPreferences(user.id, kindsFor(user.roles), wanted)
  return redirectWithToast(localeRedirectPath(request, '/account/notifications'), {
    message: getT(request, 'notifications')('preferences.saved'),
  })
}

export default function EmailPreferences() {
  const { kinds } = useLoaderData<typeof loader>()
  const { t } = useTranslation('notifications')
  const saving = useNavigation().state === 'submitting'
  const audiences = [...new Set(kinds.map((kind) => kind.audience))]
  return (
    <section aria-labelledby="email-settings-title">
      <h1 id="email-settings-title" className="text-2xl font-semibold">
        {t('preferences.title')}
      </h1>
      <p className="mt-2 text-stone-600">{t('preferences.intro')}</p>
      <Form method="post" className="mt-6 space-y-6">
        {audiences.map((audience) => (
          <fieldset key={audience} className="rounded-lg border border-stone-200 p-4">
            <legend className="px-1 font-medium">{t(`audience.${audience}`)}</legend>
            <div className="mt-2 space-y-2">
              {kinds
                .filter((kind) => kind.audience === audience)
                .map(({ kind, email }) => (
                  <label key={kind} className="flex items-center gap-3">
                    <input
                      type="checkbox"
                      name="email"
                      value={kind}
                      defaultChecked={email}
                      className="size-4 rounded border-stone-400"
                    />
                    <span>{t(`kind.${kind}`)}</span>
                  </label>
                ))}
            </div>
          </fieldset>
        ))}
        <button type="submit" className="btn-primary" disabled={saving}>
          {t('preferences.save')}
        </button>
      </Form>
    </section>
  )
}
