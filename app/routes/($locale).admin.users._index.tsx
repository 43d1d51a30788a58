/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation, useNavigation } from '@remix-run/react'
import { DataTable } from '~/components/data-table.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ErrorList } from '~/components/forms.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { RoleBadges, StatusBadge } from '~/components/user-badges.tsx'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { UserSearchSchema, queryErrors } from '~/services/admin/schemas.ts'
import { listUsers } from '~/services/admin/users.server.ts'
import { formatUtcDate } from '~/utils/dates.ts'

export const meta: MetaFunction = () => [{ title: 'Users · Admin · Shikposh' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'ADMIN')
  const values = Object.fromEntries(new URL(request.url).searchParams)
  const parsed = UserSearchSchema.safeParse(values)
  if (!parsed.success)
    return data({ values, errors: queryErrors(parsed.error), result: null }, { status: 400 })
  return { values, errors: null, result: await listUsers(parsed.data) }
}

export default function AdminUsersPage() {
  const { values, errors, result } = useLoaderData<typeof loader>()
  const location = useLocation()
  const navigation = useNavigation()
  const searching =
    navigation.state === 'loading' && navigation.location.pathname === location.pathname
  const filtered = Boolean(values.q || values.role || values.status)
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight">Users</h1>
        {result ? (
          <p className="text-sm text-stone-600" aria-live="polite">
            {result.total === 1 ? '1 account' : `${result.total.toLocaleString('en')} accounts`}
            {filtered ? ' match' : ''}
          </p>
        ) : null}
      </div>

      {/* A GET form: the search lives in the URL, so results are shareable and the back button works. */}
      <Form
        method="get"
        role="search"
        aria-label="Search users"
        className="mt-4 grid gap-4 card sm:grid-cols-[1fr_auto_auto_auto]"
        key={location.search}
      >
        <div>
          <label htmlFor="user-search" className="block text-sm font-medium text-stone-800">
            Email, name or account id
          </label>
          <input
            id="user-search"
            type="search"
            name="q"
            defaultValue={values.q ?? ''}
            maxLength={200}
            className="mt-1 input"
            placeholder="e.g. ada@example.com"
            aria-invalid={errors?.q ? true : undefined}
            aria-describedby={errors?.q ? 'user-search-error' : undefined}
          />
          <ErrorList id="user-search-error" errors={errors?.q} />
        </div>
        <div>
          <label htmlFor="user-role" className="block text-sm font-medium text-stone-800">
            Role
          </label>
          <select
            id="user-role"
            name="role"
            defaultValue={values.role ?? ''}
            className="mt-1 input"
            aria-invalid={errors?.role ? true : undefined}
            aria-describedby={errors?.role ? 'user-role-error' : undefined}
          >
            <option value="">Any role</option>
            <option value="ADMIN">Admin</option>
            <option value="SELLER">Seller</option>
            <option value="SHOPPER">Shopper</option>
          </select>
          <ErrorList id="user-role-error" errors={errors?.role} />
        </div>
        <div>
          <label htmlFor="user-status" className="block text-sm font-medium text-stone-800">
            Status
          </label>
          <select
            id="user-status"
            name="status"
            defaultValue={values.status ?? ''}
            className="mt-1 input"
            aria-invalid={errors?.status ? true : undefined}
            aria-describedby={errors?.status ? 'user-status-error' : undefined}
          >
            <option value="">Any status</option>
            <option value="ACTIVE">Active</option>
            <option value="BLOCKED">Blocked</option>
          </select>
          <ErrorList id="user-status-error" errors={errors?.status} />
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className="btn-primary" disabled={searching}>
            Search
          </button>
          {filtered ? (
            <Link to="/admin/users" className="btn-secondary">
              Clear
            </Link>
          ) : null}
        </div>
      </Form>
      <ErrorList errors={errors?.page} />

      {result ? (
        result.users.length ? (
          <>
            <DataTable
              caption="Accounts, newest first"
              columns={[
                { label: 'Account' },
                { label: 'Roles', className: 'hidden sm:table-cell' },
                { label: 'Status', className: 'hidden sm:table-cell' },
                { label: 'Shop', className: 'hidden md:table-cell' },
                { label: 'Joined', className: 'hidden md:table-cell' },
              ]}
              className="mt-6"
            >
              {result.users.map((user) => (
                <tr key={user.id} data-testid="user-row" className="hover:bg-stone-50">
                  <td className="px-4 py-3">
                    <Link to={`/admin/users/${user.id}`} className="link">
                      {user.name}
                    </Link>
                    <p className="break-all text-stone-500">{user.email}</p>
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
                        {user.shop.name}
                        {user.shop.status === 'SUSPENDED' ? (
                          <span className="ms-1 text-xs font-semibold text-red-700">
                            (suspended)
                          </span>
                        ) : null}
                      </>
                    ) : (
                      <span className="text-stone-400">—</span>
                    )}
                  </td>
                  <td className="hidden px-4 py-3 whitespace-nowrap text-stone-600 md:table-cell">
                    {formatUtcDate(user.createdAt)}
                  </td>
                </tr>
              ))}
            </DataTable>
            <Pagination page={result.page} pageCount={result.pageCount} label="Pages of accounts" />
          </>
        ) : (
          <div className="mt-6 card text-center">
            <p className="font-medium">
              {result.page > result.pageCount
                ? 'There is nothing on this page.'
                : 'No account matches this search.'}
            </p>
            <p className="mt-1 text-sm text-stone-600">
              Try part of the email or the name; the search ignores upper and lower case.
            </p>
            {filtered || result.page > 1 ? (
              <Link to="/admin/users" className="mt-4 btn-secondary">
                Show all accounts
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
