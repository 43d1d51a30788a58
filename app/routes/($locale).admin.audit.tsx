/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { AuditDetails } from '~/components/audit-details.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ErrorList } from '~/components/forms.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { requireRole } from '~/services/accounts/auth.server.ts'
import {
  AUDIT_ACTIONS,
  AUDIT_TARGET_TYPES,
  describeAuditAction,
  describeTargetType,
} from '~/services/admin/audit-actions.ts'
import { listAuditActors, listAuditEntries } from '~/services/admin/audit.server.ts'
import { AuditFiltersSchema, COMMAND_LINE_ACTOR, queryErrors } from '~/services/admin/schemas.ts'
import { formatUtcDateTime } from '~/utils/dates.ts'

export const meta: MetaFunction = () => [{ title: 'Audit log · Admin · Shikposh' }]

const FILTER_KEYS = ['admin', 'action', 'type', 'target', 'from', 'to', 'q'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'ADMIN')
  const values = Object.fromEntries(new URL(request.url).searchParams)
  const parsed = AuditFiltersSchema.safeParse(values)
  const actors = await listAuditActors()
  if (!parsed.success)
    return data(
      { values, errors: queryErrors(parsed.error), actors, result: null },
      { status: 400 },
    )
  return { values, errors: null, actors, result: await listAuditEntries(parsed.data) }
}

/** Where the target of an entry can be looked at, when the admin area has a page for it. */
function targetHref(type: string, id: string) {
  if (type === 'USER') return `/admin/users/${id}`
  return null
}

export default function AuditLogPage() {
  const { values, errors, actors, result } = useLoaderData<typeof loader>()
  const location = useLocation()
  const filtered = FILTER_KEYS.some((key) => values[key])
  const withoutTarget = new URLSearchParams(location.search)
  withoutTarget.delete('target')
  withoutTarget.delete('page')
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight">Audit log</h1>
        {result ? (
          <p className="text-sm text-stone-600" aria-live="polite">
            {result.total === 1 ? '1 entry' : `${result.total.toLocaleString('en')} entries`}
            {filtered ? ' match' : ''} · newest first · times in UTC
          </p>
        ) : null}
      </div>

      <Form
        method="get"
        aria-label="Filter the audit log"
        className="mt-4 grid gap-4 card sm:grid-cols-2 lg:grid-cols-3"
        key={location.search}
      >
        <Filter id="audit-q" label="Target or reason contains" errors={errors?.q}>
          <input
            id="audit-q"
            type="search"
            name="q"
            defaultValue={values.q ?? ''}
            maxLength={200}
            className="mt-1 input"
            placeholder="email, name, id or words of the reason"
            {...invalid('audit-q', errors?.q)}
          />
        </Filter>
        <Filter id="audit-admin" label="Admin" errors={errors?.admin}>
          <select
            id="audit-admin"
            name="admin"
            defaultValue={values.admin ?? ''}
            className="mt-1 input"
            {...invalid('audit-admin', errors?.admin)}
          >
            <option value="">Any admin</option>
            {actors.map((actor) => (
              <option key={actor.value} value={actor.value}>
                {actor.label}
              </option>
            ))}
          </select>
        </Filter>
        <Filter id="audit-action" label="Action" errors={errors?.action}>
          <select
            id="audit-action"
            name="action"
            defaultValue={values.action ?? ''}
            className="mt-1 input"
            {...invalid('audit-action', errors?.action)}
          >
            <option value="">Any action</option>
            {Object.entries(AUDIT_ACTIONS).map(([action, { label }]) => (
              <option key={action} value={action}>
                {label}
              </option>
            ))}
          </select>
        </Filter>
        <Filter id="audit-type" label="Target type" errors={errors?.type}>
          <select
            id="audit-type"
            name="type"
            defaultValue={values.type ?? ''}
            className="mt-1 input"
            {...invalid('audit-type', errors?.type)}
          >
            <option value="">Any type</option>
            {Object.entries(AUDIT_TARGET_TYPES).map(([type, label]) => (
              <option key={type} value={type}>
                {label}
              </option>
            ))}
          </select>
        </Filter>
        <Filter id="audit-from" label="From (UTC)" errors={errors?.from}>
          <input
            id="audit-from"
            type="date"
            name="from"
            defaultValue={values.from ?? ''}
            className="mt-1 input"
            {...invalid('audit-from', errors?.from)}
          />
        </Filter>
        <Filter id="audit-to" label="To (UTC, included)" errors={errors?.to}>
          <input
            id="audit-to"
            type="date"
            name="to"
            defaultValue={values.to ?? ''}
            className="mt-1 input"
            {...invalid('audit-to', errors?.to)}
          />
        </Filter>
        {values.target ? (
          <div className="flex flex-wrap items-center gap-2 text-sm sm:col-span-2 lg:col-span-3">
            <input type="hidden" name="target" value={values.target} />
            <span className="rounded bg-stone-100 px-2 py-1">
              Only entries about <code className="text-xs">{values.target}</code>
            </span>
            <Link
              to={withoutTarget.size ? `/admin/audit?${withoutTarget}` : '/admin/audit'}
              className="link"
            >
              Show every target
            </Link>
            <ErrorList errors={errors?.target} />
          </div>
        ) : null}
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-3">
          <button type="submit" className="btn-primary">
            Apply filters
          </button>
          {filtered ? (
            <Link to="/admin/audit" className="btn-secondary">
              Clear
            </Link>
          ) : null}
        </div>
      </Form>
      <ErrorList errors={errors?.page} />

      {result ? (
        result.entries.length ? (
          <>
            {/* Cards on narrow screens, a dense table from md up: the same entries either way. */}
            <ol className="mt-6 space-y-3 md:hidden">
              {result.entries.map((entry) => (
                <li key={entry.id} className="space-y-2 card p-4 text-sm">
                  <p className="font-semibold">{describeAuditAction(entry.action)}</p>
                  <EntryTarget entry={entry} />
                  <p className="text-stone-600">
                    by <EntryActor entry={entry} /> · <EntryTime value={entry.createdAt} />
                  </p>
                  {entry.reason ? (
                    <p className="whitespace-pre-line text-stone-700">“{entry.reason}”</p>
                  ) : null}
                  <AuditDetails details={entry.details} />
                </li>
              ))}
            </ol>
            <div className="mt-6 hidden overflow-x-auto rounded-lg border border-stone-200 bg-white md:block">
              <table className="min-w-full divide-y divide-stone-200 text-sm">
                <caption className="sr-only">Audit entries, newest first</caption>
                <thead className="bg-stone-50 text-start text-xs font-semibold tracking-wide text-stone-500 uppercase">
                  <tr>
                    <th scope="col" className="px-4 py-3">
                      When (UTC)
                    </th>
                    <th scope="col" className="px-4 py-3">
                      Admin
                    </th>
                    <th scope="col" className="px-4 py-3">
                      Action
                    </th>
                    <th scope="col" className="px-4 py-3">
                      Target
                    </th>
                    <th scope="col" className="px-4 py-3">
                      Reason
                    </th>
                    <th scope="col" className="px-4 py-3">
                      Details
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100 align-top">
                  {result.entries.map((entry) => (
                    <tr key={entry.id} data-testid="audit-entry">
                      <td className="px-4 py-3 whitespace-nowrap text-stone-600">
                        <EntryTime value={entry.createdAt} />
                      </td>
                      <td className="px-4 py-3">
                        <EntryActor entry={entry} />
                      </td>
                      <td className="px-4 py-3 font-medium whitespace-nowrap">
                        {describeAuditAction(entry.action)}
                      </td>
                      <td className="px-4 py-3">
                        <EntryTarget entry={entry} />
                      </td>
                      <td className="max-w-xs px-4 py-3 whitespace-pre-line text-stone-700">
                        {entry.reason ?? <span className="text-stone-400">—</span>}
                      </td>
                      <td className="px-4 py-3">
                        <AuditDetails details={entry.details} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              page={result.page}
              pageCount={result.pageCount}
              label="Pages of the audit log"
            />
          </>
        ) : (
          <div className="mt-6 card text-center">
            <p className="font-medium">
              {result.page > result.pageCount
                ? 'There is nothing on this page.'
                : filtered
                  ? 'No entry matches these filters.'
                  : 'No admin has done anything yet.'}
            </p>
            {filtered || result.page > 1 ? (
              <Link to="/admin/audit" className="mt-4 btn-secondary">
                Show the whole log
              </Link>
            ) : null}
          </div>
        )
      ) : null}
    </>
  )
}

type Entry = {
  actorId: string | null
  actorLabel: string
  targetType: string
  targetId: string
  targetLabel: string
}

function EntryTime({ value }: { value: Date | string }) {
  return <time dateTime={new Date(value).toISOString()}>{formatUtcDateTime(value)}</time>
}

function EntryActor({ entry }: { entry: Entry }) {
  return (
    <Link
      to={`/admin/audit?${new URLSearchParams({ admin: entry.actorId ?? COMMAND_LINE_ACTOR })}`}
      className="link break-all"
      title="Only this admin's actions"
    >
      {entry.actorLabel}
    </Link>
  )
}

function EntryTarget({ entry }: { entry: Entry }) {
  const href = targetHref(entry.targetType, entry.targetId)
  return (
    <div>
      <span className="text-xs tracking-wide text-stone-500 uppercase">
        {describeTargetType(entry.targetType)}
      </span>
      <p className="break-words">
        {href ? (
          <Link to={href} className="link">
            {entry.targetLabel}
          </Link>
        ) : (
          entry.targetLabel
        )}
      </p>
    </div>
  )
}

function invalid(id: string, errors: string[] | undefined) {
  return errors?.length ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {}
}

function Filter({
  id,
  label,
  errors,
  children,
}: {
  id: string
  label: string
  errors: string[] | undefined
  children: ReactNode
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {children}
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
