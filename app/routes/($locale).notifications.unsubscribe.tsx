import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { getT } from '~/i18n/i18n.server.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { readUnsubscribeLink, unsubscribe } from '~/services/notifications/unsubscribe.server.ts'

// The link in every notification email. Opening it asks (link scanners open links too); the
// button, and a mail app's one-click POST (RFC 8058, `List-Unsubscribe=One-Click`), turn that
// kind's emails off for that person without signing in. The signed link names both.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const link = readUnsubscribeLink(new URL(request.url).searchParams)
  const title = getT(request, 'notifications')('unsubscribe.meta')
  return data({ title, kind: link?.kind ?? null }, { status: link ? 200 : 400 })
}

export async function action({ request }: ActionFunctionArgs) {
  const link = readUnsubscribeLink(new URL(request.url).searchParams)
  if (!link) return data({ done: false }, { status: 400 })
  await unsubscribe(link.userId, link.kind)
  return { done: true }
}

export default function Unsubscribe() {
  const { kind } = useLoaderData<typeof loader>()
  const done = useActionData<typeof action>()?.done
  const { t } = useTranslation('notifications')
  const lp = useLocalePath()
  const { search } = useLocation()
  const settings = (
    <Link to={lp('/account/notifications')} className="link">
      {t('unsubscribe.settings')}
    </Link>
  )
  return (
    <section className="mx-auto max-w-lg space-y-4 py-8">
      {!kind ? (
        <>
          <h1 className="text-2xl font-semibold">{t('unsubscribe.meta')}</h1>
          <p role="alert">{t('unsubscribe.invalid')}</p>
          <p>{settings}</p>
        </>
      ) : done ? (
        <>
          <h1 className="text-2xl font-semibold">{t('unsubscribe.meta')}</h1>
          <p role="status">{t('unsubscribe.done', { kind: t(`kind.${kind}`) })}</p>
          <p>{settings}</p>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-semibold">{t('unsubscribe.title')}</h1>
          <p>{t('unsubscribe.body', { kind: t(`kind.${kind}`) })}</p>
          <Form method="post" action={`${lp('/notifications/unsubscribe')}${search}`}>
            <button type="submit" className="btn-primary">
              {t('unsubscribe.confirm')}
            </button>
          </Form>
        </>
      )}
    </section>
  )
}
