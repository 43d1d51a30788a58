import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useLoaderData, useRevalidator } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { useLiveNotifications } from '~/components/notifications/live.ts'
import { Pagination } from '~/components/pagination.tsx'
import { getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireUser } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { notificationPath } from '~/services/notifications/kinds.ts'
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from '~/services/notifications/notifications.server.ts'
import { notificationText } from '~/services/notifications/text.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

const QuerySchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) })

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { page } = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const list = await listNotifications(user.id, { page })
  return {
    ...list,
    now: new Date().toISOString(),
    title: getT(request, 'notifications')('page.meta'),
  }
}

const ActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('read'), id: z.string().regex(/^\d{1,19}$/) }),
  z.object({ intent: z.literal('read-all') }),
])

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = ActionSchema.safeParse(Object.fromEntries(await readFormData(request)))
  if (!parsed.success) return data({ ok: false }, { status: 400 })
  const back = localeRedirectPath(request, `/notifications${new URL(request.url).search}`)
  if (parsed.data.intent === 'read-all') {
    await markAllNotificationsRead(user.id)
    return redirectWithToast(back, { message: getT(request, 'notifications')('page.allRead') })
  }
  if (!(await markNotificationRead(user.id, BigInt(parsed.data.id))))
    throw new Response(null, { status: 404 })
  return redirect(back)
}

export default function NotificationsPage() {
  const { notifications, page, pages, now } = useLoaderData<typeof loader>()
  const { t } = useTranslation('notifications')
  const f = useFormat()
  const lp = useLocalePath()
  const revalidator = useRevalidator()
  const [announcement, setAnnouncement] = useState('')
  useLiveNotifications((notification) => {
    setAnnouncement(
      t('page.live', { text: notificationText(t, f, notification.kind, notification.data) }),
    )
    if (page === 1) revalidator.revalidate()
  })
  const unread = notifications.some((notification) => !notification.readAt)
  return (
    <div className="mx-auto max-w-3xl">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight">{t('page.title')}</h1>
        <div className="flex flex-wrap items-center gap-3">
          <Link to={lp('/account/notifications')} className="text-sm link">
            {t('page.preferences')}
          </Link>
          {unread ? (
            <Form method="post">
              <input type="hidden" name="intent" value="read-all" />
              <button type="submit" className="btn-secondary">
                {t('page.markAllRead')}
              </button>
            </Form>
          ) : null}
        </div>
      </div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {notifications.length ? (
        <ul className="mt-6 divide-y divide-stone-200 card" data-testid="notification-list">
          {notifications.map((notification) => {
            const text = notificationText(t, f, notification.kind, notification.data)
            return (
              <li
                key={notification.id}
                className={`flex flex-wrap items-start gap-3 p-4 ${notification.readAt ? '' : 'bg-brand-50'}`}
                data-testid="notification"
                data-kind={notification.kind}
                data-unread={notification.readAt ? undefined : ''}
              >
                <div className="min-w-0 flex-1">
                  <Link
                    to={lp(notificationPath(notification.kind, notification.data))}
                    className={`hover:underline ${notification.readAt ? '' : 'font-semibold'}`}
                  >
                    {text}
                  </Link>
                  <p className="mt-1 text-sm text-stone-500">
                    {!notification.readAt ? (
                      <span className="me-2 rounded bg-brand-600 px-1.5 py-0.5 text-xs font-bold text-white">
                        {t('page.unread')}
                      </span>
                    ) : null}
                    <time
                      dateTime={notification.createdAt}
                      title={f.dateTime(notification.createdAt)}
                    >
                      {f.relative(notification.createdAt, now)}
                    </time>
                  </p>
                </div>
                {!notification.readAt ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="read" />
                    <input type="hidden" name="id" value={notification.id} />
                    <button
                      type="submit"
                      className="btn-secondary text-sm"
                      aria-label={t('page.markReadLabel', { text })}
                    >
                      {t('page.markRead')}
                    </button>
                  </Form>
                ) : null}
              </li>
            )
          })}
        </ul>
      ) : (
        <p className="mt-8 rounded-lg border border-dashed border-stone-300 p-10 text-center text-stone-600">
          {t('page.empty')}
        </p>
      )}
      <Pagination page={page} pageCount={pages} label={t('page.pages')} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
