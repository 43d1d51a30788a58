// Over 400 lines: to become a folder route with its sections as pieces beside it (not yet done).
import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { z } from 'zod'
import { AuditDetails, useAuditVocabulary } from '~/components/audit-details.tsx'
import { GeneratedAvatar } from '~/components/avatar.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ErrorList, TextareaField } from '~/components/forms.tsx'
import { RoleBadges, StatusBadge } from '~/components/user-badges.tsx'
import { adminRefusalMessage, adminTitle } from '~/http/admin.server.ts'
import { throwIfNotFound, toRefusal } from '~/http/errors.server.ts'
import { getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import {
  BLOCK_REASON_MIN_LENGTH,
  REASON_MAX_LENGTH,
  USER_ACTION_SCHEMAS,
  isUserActionIntent,
  type UserActionIntent,
} from '~/services/admin/schemas.ts'
import {
  blockUser,
  getUserForAdmin,
  grantAdminRole,
  removeAdminRole,
  unblockUser,
} from '~/services/admin/users.server.ts'
import { invariantResponse } from '~/utils/http.ts'
import { AUTHOR_BLOCKED_REASON } from '~/services/reviews/schemas.ts'

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
  const vocabulary = useAuditVocabulary()
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
          <section aria-labelledby="account-heading" className="card">
            <h2 id="account-heading" className="text-lg font-semibold">
              {t('user.account')}
            </h2>
            <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              <Fact label={t('user.accountId')}>
                <code className="text-xs break-all" dir="ltr">
                  {user.id}
                </code>
              </Fact>
              <Fact label={t('user.joined')}>{f.date(user.createdAt)}</Fact>
              <Fact label={t('user.lastSeen')}>
                {lastSeenAt ? f.dateTime(lastSeenAt) : t('user.noSession')}
              </Fact>
              <Fact label={t('user.shop')}>
                {user.shop ? (
                  <>
                    <bdi>{user.shop.name}</bdi>{' '}
                    <span className="text-stone-500" dir="ltr">
                      ({user.shop.slug})
                    </span>
                    {user.shop.status === 'SUSPENDED' ? (
                      <span className="ms-1 font-semibold text-red-700">
                        {t('user.shopSuspended')}
                      </span>
                    ) : null}
                  </>
                ) : (
                  t('user.noShop')
                )}
              </Fact>
            </dl>
          </section>

          <section aria-labelledby="activity-heading" className="card">
            <h2 id="activity-heading" className="text-lg font-semibold">
              {t('user.activity')}
            </h2>
            <dl className="mt-4 grid gap-4 sm:grid-cols-3">
              {activity.map((fact) => (
                <div
                  key={fact.key}
                  className="rounded-md bg-stone-50 p-3"
                  data-testid={`activity-${fact.key}`}
                >
                  <dt className="text-xs font-medium tracking-wide text-stone-500 uppercase">
                    {t(`user.activityFacts.${fact.key}`)}
                  </dt>
                  <dd className="mt-1 text-2xl font-semibold">
                    {fact.href ? (
                      <Link to={lp(fact.href)}>{f.number(fact.value)}</Link>
                    ) : (
                      f.number(fact.value)
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          </section>

          <UserReviews reviews={reviews.reviews} />

          <section aria-labelledby="history-heading" className="card">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="history-heading" className="text-lg font-semibold">
                {t('user.history')}
              </h2>
              <Link
                to={lp(`/admin/audit?${new URLSearchParams({ type: 'USER', target: user.id })}`)}
                className="text-sm link"
              >
                {t('user.historyAll')}
              </Link>
            </div>
            {history.length ? (
              <ol className="mt-4 divide-y divide-stone-100 text-sm">
                {history.map((entry) => (
                  <li key={entry.id} className="py-3">
                    <p>
                      <Trans
                        t={t}
                        i18nKey="user.historyEntry"
                        values={{ actor: entry.actorLabel }}
                        components={{
                          action: (
                            <span className="font-medium">{vocabulary.action(entry.action)}</span>
                          ),
                        }}
                      />
                      <span className="text-stone-500">
                        {t('common.separator')}
                        {f.dateTime(entry.createdAt)}
                      </span>
                    </p>
                    {entry.reason ? (
                      <p className="mt-1 whitespace-pre-line text-stone-700">
                        {t('common.quoted', { text: entry.reason })}
                      </p>
                    ) : null}
                    <div className="mt-1">
                      <AuditDetails details={entry.details} />
                    </div>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="mt-4 text-sm text-stone-600">{t('user.historyEmpty')}</p>
            )}
          </section>
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

const REVIEW_STATUS_STYLES = {
  PENDING: 'bg-amber-100 text-amber-800',
  APPROVED: 'bg-green-100 text-green-800',
  REJECTED: 'bg-red-100 text-red-800',
} as const

function UserReviews({
  reviews,
}: {
  reviews: ReturnType<typeof useLoaderData<typeof loader>>['reviews']['reviews']
}) {
  const { t } = useTranslation('admin')
  const f = useFormat()
  const lp = useLocalePath()
  return (
    <section aria-labelledby="reviews-heading" className="card">
      <h2 id="reviews-heading" className="text-lg font-semibold">
        {t('user.reviews')}
      </h2>
      {reviews.length ? (
        <ol className="mt-4 divide-y divide-stone-100 text-sm" data-testid="user-reviews">
          {reviews.map((review) => (
            <li key={review.id} className="py-3">
              <p className="flex flex-wrap items-center gap-2">
                <span
                  className={`rounded px-2 py-0.5 text-xs font-semibold ${REVIEW_STATUS_STYLES[review.status]}`}
                >
                  {t(`reviewStatus.${review.status}`)}
                </span>
                <span className="font-medium">{review.title}</span>
                <span className="text-stone-500">
                  <Trans
                    t={t}
                    i18nKey="user.reviewOn"
                    values={{ rating: review.rating, date: f.date(review.createdAt) }}
                    components={{
                      product: (
                        <Link to={lp(`/p/${review.product.slug}`)} className="link">
                          {review.product.title}
                        </Link>
                      ),
                    }}
                  />
                  {review.reportCount ? (
                    <>
                      {t('common.separator')}
                      {t('user.openReports', { count: review.reportCount })}
                    </>
                  ) : null}
                </span>
              </p>
              {review.rejectionReason ? (
                <p className="mt-1 text-stone-600">
                  {t('user.rejectedBecause', {
                    reason:
                      review.rejectionReason === AUTHOR_BLOCKED_REASON
                        ? t('user.authorBlocked')
                        : review.rejectionReason,
                  })}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-4 text-sm text-stone-600">{t('user.noReviews')}</p>
      )}
    </section>
  )
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-stone-500">{label}</dt>
      <dd className="mt-0.5 font-medium">{children}</dd>
    </div>
  )
}

function SelfNote({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-lg border border-stone-200 bg-white p-4 text-sm text-stone-600">
      {children}
    </p>
  )
}

/** The conform form state of one intent's form: its last result only when that form was the one submitted. */
function useIntentForm(intent: UserActionIntent) {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: `user-${intent}`,
    lastResult: actionData?.intent === intent ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: USER_ACTION_SCHEMAS[intent] }),
    // Revalidating on input (not on blur) clears an error while typing: clearing it on blur would
    // move the submit button under a click that has already started.
    shouldRevalidate: 'onInput',
  })
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === intent
  return { form, fields, busy }
}

function BlockForm({ name }: { name: string }) {
  const { form, fields, busy } = useIntentForm('block')
  const { t } = useTranslation('admin')
  return (
    <section aria-labelledby="block-heading" className="card border-red-200">
      <h2 id="block-heading" className="text-lg font-semibold">
        {t('user.block')}
      </h2>
      <p className="mt-1 text-sm text-stone-600">{t('user.blockBody', { name })}</p>
      <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="block" />
        <TextareaField
          label={t('user.reasonRequired')}
          textareaProps={{
            ...getTextareaProps(fields.reason),
            rows: 3,
            maxLength: REASON_MAX_LENGTH,
          }}
          errors={fields.reason.errors}
          help={t('user.reasonHelp', { count: BLOCK_REASON_MIN_LENGTH })}
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-danger w-full" disabled={busy}>
          {t('user.block')}
        </button>
      </Form>
    </section>
  )
}

function UnblockForm() {
  const { form, fields, busy } = useIntentForm('unblock')
  const { t } = useTranslation('admin')
  return (
    <section aria-labelledby="unblock-heading" className="card">
      <h2 id="unblock-heading" className="text-lg font-semibold">
        {t('user.unblock')}
      </h2>
      <p className="mt-1 text-sm text-stone-600">{t('user.unblockBody')}</p>
      <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="unblock" />
        <TextareaField
          label={t('user.noteOptional')}
          textareaProps={{
            ...getTextareaProps(fields.reason),
            rows: 2,
            maxLength: REASON_MAX_LENGTH,
          }}
          errors={fields.reason.errors}
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {t('user.unblock')}
        </button>
      </Form>
    </section>
  )
}

function RoleForm({
  intent,
  title,
  body,
  button,
  danger = false,
}: {
  intent: 'grant-admin' | 'remove-admin'
  title: string
  body: string
  button: string
  danger?: boolean
}) {
  const { form, fields, busy } = useIntentForm(intent)
  const { t } = useTranslation('admin')
  return (
    <section aria-labelledby={`${intent}-heading`} className="card">
      <h2 id={`${intent}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-stone-600">{body}</p>
      <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="intent" value={intent} />
        <TextareaField
          label={t('user.reasonOptional')}
          textareaProps={{
            ...getTextareaProps(fields.reason),
            rows: 2,
            maxLength: REASON_MAX_LENGTH,
          }}
          errors={fields.reason.errors}
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button
          type="submit"
          className={`${danger ? 'btn-danger' : 'btn-secondary'} w-full`}
          disabled={busy}
        >
          {button}
        </button>
      </Form>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
