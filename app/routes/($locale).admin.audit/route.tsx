import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { AuditDetails, useAuditVocabulary } from '~/components/audit-details.tsx'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ErrorList } from '~/components/forms.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { adminTitle } from '~/http/admin.server.ts'
import { getT } from '~/i18n/i18n.server.ts'
import { useLocalePath, usePageLocale } from '~/i18n/use-locale.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from '~/services/audit/actions.ts'
import { listAuditActors, listAuditEntries } from '~/services/admin/audit-log.server.ts'
import { AuditFiltersSchema, COMMAND_LINE_ACTOR, queryErrors } from '~/services/admin/schemas.ts'
import { EntryTime, EntryActor, EntryTarget } from './audit-entry.tsx'
import { Filter, invalid } from './filter.tsx'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

const FILTER_KEYS = ['admin', 'action', 'type', 'target', 'from', 'to', 'q'] as const
const FIELD_IDS = Object.fromEntries(FILTER_KEYS.map((key) => [key, `audit-${key}`])) as Record<
  (typeof FILTER_KEYS)[number],
  string
>

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'ADMIN')
  const values = Object.fromEntries(new URL(request.url).searchParams)
  const parsed = AuditFiltersSchema.safeParse(values)
  const actors = await listAuditActors()
  const title = adminTitle(request, getT(request, 'admin')('audit.heading'))
  if (!parsed.success)
    return data(
      { values, errors: queryErrors(parsed.error), actors, result: null, title },
      { status: 400 },
    )
  return { values, errors: null, actors, result: await listAuditEntries(parsed.data), title }
}

export default function AuditLogPage() {
  const { values, errors, actors, result } = useLoaderData<typeof loader>()
  const location = useLocation()
  const { t } = useTranslation('admin')
  const lp = useLocalePath()
  const vocabulary = useAuditVocabulary()
  const zone = usePageLocale().store.timeZone
  const filtered = FILTER_KEYS.some((key) => values[key])
  const withoutTarget = new URLSearchParams(location.search)
  withoutTarget.delete('target')
  withoutTarget.delete('page')
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight">{t('audit.heading')}</h1>
        {result ? (
          <p className="text-sm text-stone-600" aria-live="polite">
            {t(filtered ? 'audit.entriesMatch' : 'audit.entries', { count: result.total })}
            {' · '}
            {t('audit.order', { zone })}
          </p>
        ) : null}
      </div>

      <Form
        method="get"
        aria-label={t('audit.filterLabel')}
        className="mt-4 grid gap-4 card sm:grid-cols-2 lg:grid-cols-3"
        key={location.search}
      >
        <Filter id="audit-q" label={t('audit.q')} errors={errors?.q}>
          <input
            id="audit-q"
            type="search"
            name="q"
            defaultValue={values.q ?? ''}
            maxLength={200}
            className="mt-1 input"
            placeholder={t('audit.qPlaceholder')}
            {...invalid(FIELD_IDS.q, errors?.q)}
          />
        </Filter>
        <Filter id="audit-admin" label={t('audit.admin')} errors={errors?.admin}>
          <select
            id="audit-admin"
            name="admin"
            defaultValue={values.admin ?? ''}
            className="mt-1 input"
            {...invalid(FIELD_IDS.admin, errors?.admin)}
          >
            <option value="">{t('audit.anyAdmin')}</option>
            {actors.map((actor) => (
              <option key={actor.value} value={actor.value}>
                {actor.value === COMMAND_LINE_ACTOR ? t('audit.commandLine') : actor.label}
              </option>
            ))}
          </select>
        </Filter>
        <Filter id="audit-action" label={t('audit.action')} errors={errors?.action}>
          <select
            id="audit-action"
            name="action"
            defaultValue={values.action ?? ''}
            className="mt-1 input"
            {...invalid(FIELD_IDS.action, errors?.action)}
          >
            <option value="">{t('audit.anyAction')}</option>
            {Object.keys(AUDIT_ACTIONS).map((action) => (
              <option key={action} value={action}>
                {vocabulary.action(action)}
              </option>
            ))}
          </select>
        </Filter>
        <Filter id="audit-type" label={t('audit.type')} errors={errors?.type}>
          <select
            id="audit-type"
            name="type"
            defaultValue={values.type ?? ''}
            className="mt-1 input"
            {...invalid(FIELD_IDS.type, errors?.type)}
          >
            <option value="">{t('audit.anyType')}</option>
            {AUDIT_TARGET_TYPES.map((type) => (
              <option key={type} value={type}>
                {vocabulary.targetType(type)}
              </option>
            ))}
          </select>
        </Filter>
        <Filter id="audit-from" label={t('audit.from', { zone })} errors={errors?.from}>
          <input
            id="audit-from"
            type="date"
            name="from"
            defaultValue={values.from ?? ''}
            className="mt-1 input"
            {...invalid(FIELD_IDS.from, errors?.from)}
          />
        </Filter>
        <Filter id="audit-to" label={t('audit.to', { zone })} errors={errors?.to}>
          <input
            id="audit-to"
            type="date"
            name="to"
            defaultValue={values.to ?? ''}
            className="mt-1 input"
            {...invalid(FIELD_IDS.to, errors?.to)}
          />
        </Filter>
        {values.target ? (
          <div className="flex flex-wrap items-center gap-2 text-sm sm:col-span-2 lg:col-span-3">
            <input type="hidden" name="target" value={values.target} />
            <span className="rounded bg-stone-100 px-2 py-1">
              <Trans
                t={t}
                i18nKey="audit.onlyTarget"
                values={{ target: values.target }}
                components={{ code: <code className="text-xs" dir="ltr" /> }}
              />
            </span>
            <Link
              to={lp(withoutTarget.size ? `/admin/audit?${withoutTarget}` : '/admin/audit')}
              className="link"
            >
              {t('audit.everyTarget')}
            </Link>
            <ErrorList errors={errors?.target} />
          </div>
        ) : null}
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-3">
          <button type="submit" className="btn-primary">
            {t('audit.apply')}
          </button>
          {filtered ? (
            <Link to={lp('/admin/audit')} className="btn-secondary">
              {t('common.clear')}
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
                  <p className="font-semibold">{vocabulary.action(entry.action)}</p>
                  <EntryTarget entry={entry} />
                  <p className="text-stone-600">
                    <Trans
                      t={t}
                      i18nKey="audit.by"
                      components={{
                        actor: <EntryActor entry={entry} />,
                        time: <EntryTime value={entry.createdAt} />,
                      }}
                    />
                  </p>
                  {entry.reason ? (
                    <p className="whitespace-pre-line text-stone-700">
                      {t('common.quoted', { text: entry.reason })}
                    </p>
                  ) : null}
                  <AuditDetails details={entry.details} />
                </li>
              ))}
            </ol>
            <div className="mt-6 hidden overflow-x-auto rounded-lg border border-stone-200 bg-white md:block">
              <table className="min-w-full divide-y divide-stone-200 text-sm">
                <caption className="sr-only">{t('audit.caption')}</caption>
                <thead className="bg-stone-50 text-start text-xs font-semibold tracking-wide text-stone-500 uppercase">
                  <tr>
                    <th scope="col" className="px-4 py-3">
                      {t('audit.when', { zone })}
                    </th>
                    <th scope="col" className="px-4 py-3">
                      {t('audit.admin')}
                    </th>
                    <th scope="col" className="px-4 py-3">
                      {t('audit.action')}
                    </th>
                    <th scope="col" className="px-4 py-3">
                      {t('audit.target')}
                    </th>
                    <th scope="col" className="px-4 py-3">
                      {t('audit.reason')}
                    </th>
                    <th scope="col" className="px-4 py-3">
                      {t('audit.details')}
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
                        {vocabulary.action(entry.action)}
                      </td>
                      <td className="px-4 py-3">
                        <EntryTarget entry={entry} />
                      </td>
                      <td className="max-w-xs px-4 py-3 whitespace-pre-line text-stone-700">
                        {entry.reason ?? <span className="text-stone-500">{t('common.none')}</span>}
                      </td>
                      <td className="px-4 py-3">
                        <AuditDetails details={entry.details} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={result.page} pageCount={result.pageCount} label={t('audit.pages')} />
          </>
        ) : (
          <div className="mt-6 card text-center">
            <p className="font-medium">
              {result.page > result.pageCount
                ? t('common.nothingOnPage')
                : filtered
                  ? t('audit.noMatch')
                  : t('audit.empty')}
            </p>
            {filtered || result.page > 1 ? (
              <Link to={lp('/admin/audit')} className="mt-4 btn-secondary">
                {t('audit.wholeLog')}
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
