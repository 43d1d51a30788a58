import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneratedAvatar } from '~/components/avatar.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { RoleBadges, StatusBadge } from '~/components/user-badges.tsx'
import { adminRefusalMessage, adminTitle } from '~/http/admin.server.ts'
import { throwIfNotFound, toRefusal } from '~/http/errors.server.ts'
import { getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { USER_ACTION_SCHEMAS, isUserActionIntent } from '~/services/admin/schemas.ts'
import {
  blockUser,
  getUserForAdmin,
  grantAdminRole,
  removeAdminRole,
  unblockUser,
} from '~/services/admin/users.server.ts'
import { invariantResponse } from '~/utils/http.ts'
import { BlockForm, RoleForm, SelfNote, UnblockForm } from './user-forms.tsx'
import { AccountSection, ActivitySection, HistorySection, UserReviews } from './user-sections.tsx'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

const ParamsSchema = z.object({ userId: z.string().min(1).max(64) })

function userIdFrom(request: Request, params: unknown) {
  const parsed = ParamsSchema.safeParse(params)
  invariantResponse(parsed.success, getT(request, 'admin')('user.notFound'))
  return parsed.data.userId
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'ADMIN')
  const userId = userIdFrom(request, params)
  const detail = await getUserForAdmin(userId)
  invariantResponse(detail, getT(request, 'admin')('user.notFound'))
  return {
    ...detail,
    isSelf: detail.user.id === admin.id,
    title: adminTitle(request, detail.user.name),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'ADMIN')
  const userId = userIdFrom(request, params)
  const t = getT(request, 'admin')
  const formData = await readFormData(request)
  const intent = formData.get('intent')
  if (!isUserActionIntent(intent))
    return data({ intent: null, result: null, error: t('user.chooseAction') }, { status: 400 })

  const submission = parseWithZod(formData, { schema: USER_ACTION_SCHEMAS[intent] })
  if (submission.status !== 'success')
    return data({ intent, result: submission.reply(), error: null }, { status: 400 })

  let message: string
  try {
    const { value } = submission
    switch (value.intent) {
      case 'block': {
        const { sessionsEnded } = await blockUser(admin, userId, value.reason)
        message = sessionsEnded
          ? t('user.blockedToastSessions', { count: sessionsEnded })
          : t('user.blockedToast')
        break
      }
      case 'unblock':
        await unblockUser(admin, userId, value.reason)
        message = t('user.unblockedToast')
        break
      case 'grant-admin':
        await grantAdminRole(admin, userId, value.reason)
        message = t('user.grantedToast')
        break
      case 'remove-admin':
        await removeAdminRole(admin, userId, value.reason)
        message = t('user.removedToast')
        break
    }
  } catch (error) {
    const refusal = toRefusal(error)
    throwIfNotFound(refusal)
    // Shown above the actions, not inside a form: the page may no longer show the form that
    // was sent (another admin blocked the account meanwhile, so it now offers "Unblock").
    return data(
      { intent, result: null, error: adminRefusalMessage(request, refusal) },
      { status: refusal.status },
    )
  }
  return redirectWithToast(localeRedirectPath(request, `/admin/users/${userId}`), { message })
}

export default function AdminUserPage() {
  const { user, activity, lastSeenAt, history, reviews, isSelf } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const blocked = user.status === 'BLOCKED'
  const isAdmin = user.roles.includes('ADMIN')
  const { t } = useTranslation('admin')
  const f = useFormat()
  const lp = useLocalePath()
  return (
    <>
      <nav aria-label={t('user.breadcrumb')} className="text-sm text-stone-500">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link to={lp('/admin/users')} className="link">
              {t('users.heading')}
            </Link>
            <span aria-hidden> /</span>
          </li>
          <li aria-current="page" className="truncate">
            {user.name}
          </li>
        </ol>
      </nav>

      <header className="mt-4 flex flex-wrap items-center gap-4">
        <GeneratedAvatar name={user.name} size={56} />
        <div className="min-w-0">
          <h1 className="truncate text-2xl font-bold tracking-tight">{user.name}</h1>
          <p className="truncate text-stone-600">
            <bdi>{user.email}</bdi>
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2 sm:ms-auto">
          <StatusBadge status={user.status} />
          <RoleBadges roles={user.roles} />
        </div>
      </header>

      {blocked ? (
        <div
          role="note"
          className="mt-6 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900"
        >
          <p className="font-semibold">
            {user.blockedAt
              ? t('user.blockedOn', { date: f.dateTime(user.blockedAt) })
              : t('user.blocked')}
          </p>
          <p className="mt-1 whitespace-pre-line">{user.blockedReason}</p>
        </div>
      ) : null}

      <div className="mt-8 grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <AccountSection user={user} lastSeenAt={lastSeenAt} />

          <ActivitySection activity={activity} />

          <UserReviews reviews={reviews.reviews} />

          <HistorySection userId={user.id} history={history} />
        </div>

        <aside aria-label={t('user.actions')} className="space-y-6">
          {actionData?.error ? (
            <p
              role="alert"
              className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800"
            >
              {actionData.error}
            </p>
          ) : null}
          {blocked ? (
            <UnblockForm />
          ) : isSelf ? (
            <SelfNote>{t('user.cannotBlockSelf')}</SelfNote>
          ) : (
            <BlockForm name={user.name} />
          )}
          {isAdmin ? (
            isSelf ? (
              <SelfNote>{t('user.cannotRemoveOwnAdmin')}</SelfNote>
            ) : (
              <RoleForm
                intent="remove-admin"
                title={t('user.removeAdmin')}
                body={t('user.removeAdminBody', { name: user.name })}
                button={t('user.removeAdminButton')}
                danger
              />
            )
          ) : blocked ? null : (
            <RoleForm
              intent="grant-admin"
              title={t('user.makeAdmin')}
              body={t('user.makeAdminBody', { name: user.name })}
              button={t('user.makeAdminButton')}
            />
          )}
        </aside>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
