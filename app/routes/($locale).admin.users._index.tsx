import { EmailText } from '~/components/email-text.tsx'
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DataTable } from '~/components/data-table.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ErrorList } from '~/components/forms.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { RoleBadges, StatusBadge } from '~/components/user-badges.tsx'
import { adminTitle } from '~/http/admin.server.ts'
import { getT } from '~/i18n/i18n.server.ts'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { UserSearchSchema, queryErrors } from '~/services/admin/schemas.ts'
import { listUsers } from '~/services/admin/users.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'ADMIN')
  const values = Object.fromEntries(new URL(request.url).searchParams)
  const parsed = UserSearchSchema.safeParse(values)
  const title = adminTitle(request, getT(request, 'admin')('users.heading'))
  if (!parsed.success)
    return data({ values, errors: queryErrors(parsed.error), result: null, title }, { status: 400 })
  return { values, errors: null, result: await listUsers(parsed.data), title }
}

export default function AdminUsersPage() {
  const { values, errors, result } = useLoaderData<typeof loader>()
  const location = useLocation()
  const navigation = useNavigation()
  const searching =
    navigation.state === 'loading' && navigation.location.pathname === location.pathname
  const filtered = Boolean(values.q || values.role || values.status)
  const { t } = useTranslation('admin')
  const f = useFormat()
  const lp = useLocalePath()
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight">{t('users.heading')}</h1>
        {result ? (
          <p className="text-sm text-stone-600" aria-live="polite">
            {t(filtered ? 'users.accountsMatch' : 'users.accounts', { count: result.total })}
          </p>
        ) : null}
      </div>

      {/* A GET form: the search lives in the URL, so results are shareable and the back button works. */}
      <Form
        method="get"
        role="search"
        aria-label={t('users.searchLabel')}
        className="mt-4 grid gap-4 card sm:grid-cols-[1fr_auto_auto_auto]"
        key={location.search}
      >
        <div>
          <label htmlFor="user-search" className="block text-sm font-medium text-stone-800">
            {t('users.q')}
          </label>
          <input
            id="user-search"
            type="search"
            name="q"
            defaultValue={values.q ?? ''}
            maxLength={200}
            className="mt-1 input"
            placeholder={t('users.qPlaceholder')}
            aria-invalid={errors?.q ? true : undefined}
            aria-describedby={errors?.q ? 'user-search-error' : undefined}
          />
          <ErrorList id="user-search-error" errors={errors?.q} />
        </div>
        <div>
          <label htmlFor="user-role" className="block text-sm font-medium text-stone-800">
            {t('users.role')}
          </label>
          <select
            id="user-role"
            name="role"
            defaultValue={values.role ?? ''}
            className="mt-1 input"
            aria-invalid={errors?.role ? true : undefined}
            aria-describedby={errors?.role ? 'user-role-error' : undefined}
          >
            <option value="">{t('users.anyRole')}</option>
            <option value="ADMIN">{t('roles.ADMIN')}</option>
            <option value="SELLER">{t('roles.SELLER')}</option>
            <option value="SHOPPER">{t('roles.SHOPPER')}</option>
          </select>
          <ErrorList id="user-role-error" errors={errors?.role} />
        </div>
        <div>
          <label htmlFor="user-status" className="block text-sm font-medium text-stone-800">
            {t('users.status')}
          </label>
          <select
            id="user-status"
            name="status"
            defaultValue={values.status ?? ''}
            className="mt-1 input"
            aria-invalid={errors?.status ? true : undefined}
            aria-describedby={errors?.status ? 'user-status-error' : undefined}
          >
            <option value="">{t('users.anyStatus')}</option>
            <option value="ACTIVE">{t('userStatus.ACTIVE')}</option>
            <option value="BLOCKED">{t('userStatus.BLOCKED')}</option>
          </select>
          <ErrorList id="user-status-error" errors={errors?.status} />
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className="btn-primary" disabled={searching}>
            {t('users.search')}
          </button>
          {filtered ? (
            <Link to={lp('/admin/users')} className="btn-secondary">
              {t('common.clear')}
            </Link>
          ) : null}
        </div>
      </Form>
      <ErrorList errors={errors?.page} />

      {result ? (
        result.users.length ? (
          <>
            <DataTable
              caption={t('users.caption')}
              columns={[
                { label: t('users.account') },
                { label: t('users.roles'), className: 'hidden sm:table-cell' },
                { label: t('users.status'), className: 'hidden sm:table-cell' },
                { label: t('users.shop'), className: 'hidden md:table-cell' },
                { label: t('users.joined'), className: 'hidden md:table-cell' },
              ]}
              className="mt-6"
            >
              {result.users.map((user) => (
                <tr key={user.id} data-testid="user-row" className="hover:bg-stone-50">
                  <td className="px-4 py-3">
                    <Link to={lp(`/admin/users/${user.id}`)} className="link">
                      {user.name}
                    </Link>
                    <p className="text-stone-500">
                      <EmailText text={user.email} />
                    </p>
                    {/* On narrow screens the other columns are hidden: status and roles go here. */}
                    <div className="mt-2 flex flex-wrap items-center gap-1 sm:hidden">
                      <StatusBadge status={user.status} />
                      <RoleBadges roles={user.roles} />
                    </div>
                  </td>
                  <td className="hidden px-4 py-3 sm:table-cell">
                    <RoleBadges roles={user.roles} />
                  </td>
                  <td className="hidden px-4 py-3 sm:table-cell">
                    <StatusBadge status={user.status} />
                  </td>
                  <td className="hidden px-4 py-3 md:table-cell">
                    {user.shop ? (
                      <>
                        <bdi>{user.shop.name}</bdi>
                        {user.shop.status === 'SUSPENDED' ? (
                          <span className="ms-1 text-xs font-semibold text-red-700">
                            {t('users.shopSuspended')}
                          </span>
                        ) : null}
                      </>
                    ) : (
                      <span className="text-stone-500">{t('common.none')}</span>
                    )}
                  </td>
                  <td className="hidden px-4 py-3 whitespace-nowrap text-stone-600 md:table-cell">
                    {f.date(user.createdAt)}
                  </td>
                </tr>
              ))}
            </DataTable>
            <Pagination page={result.page} pageCount={result.pageCount} label={t('users.pages')} />
          </>
        ) : (
          <div className="mt-6 card text-center">
            <p className="font-medium">
              {result.page > result.pageCount ? t('common.nothingOnPage') : t('users.noMatch')}
            </p>
            <p className="mt-1 text-sm text-stone-600">{t('users.hint')}</p>
            {filtered || result.page > 1 ? (
              <Link to={lp('/admin/users')} className="mt-4 btn-secondary">
                {t('users.all')}
              </Link>
            ) : null}
          </div>
        )
      ) : null}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
