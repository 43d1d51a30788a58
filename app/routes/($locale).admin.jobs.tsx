import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorList } from '~/components/forms.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { adminTitle } from '~/http/admin.server.ts'
import { orNotFound } from '~/http/errors.server.ts'
import { getT } from '~/i18n/i18n.server.ts'
import { useFormat } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { discardJobAsAdmin, listFailedJobs, retryJobAsAdmin } from '~/services/admin/jobs.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

const QuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
})

const DecisionSchema = z.object({
  intent: z.enum(['retry', 'discard']),
  jobId: z.string().regex(/^[1-9][0-9]{0,18}$/),
})

/** The payload as one line of JSON, cut to what the page can show. */
function describePayload(payload: unknown) {
  const text = JSON.stringify(payload) ?? ''
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'ADMIN')
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const { jobs, total, page, pageCount } = await listFailedJobs(query.page)
  return {
    jobs: jobs.map((job) => ({
      id: String(job.id),
      task: job.task,
      payload: describePayload(job.payload),
      attempts: job.attempts,
      lastError: job.lastError,
      createdAt: job.createdAt,
      failedAt: job.failedAt,
    })),
    total,
    page,
    pageCount,
    title: adminTitle(request, getT(request, 'admin')('jobs.heading')),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'ADMIN')
  const t = getT(request, 'admin')
  const parsed = DecisionSchema.safeParse(Object.fromEntries(await readFormData(request)))
  if (!parsed.success) return data({ errors: [t('jobs.chooseJob')] }, { status: 400 })
  const { intent, jobId } = parsed.data
  const decide = intent === 'retry' ? retryJobAsAdmin : discardJobAsAdmin
  await orNotFound(decide(admin, BigInt(jobId)))
  const back = new URL(request.url)
  return redirectWithToast(`${back.pathname}${back.search}`, {
    message: t(intent === 'retry' ? 'jobs.retried' : 'jobs.discarded', { id: jobId }),
  })
}

export default function AdminJobs() {
  const { jobs, total, page, pageCount } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('admin')
  const f = useFormat()
  return (
    <div>
      <h1 className="text-2xl font-bold tracking-tight">{t('jobs.heading')}</h1>
      <p className="mt-1 max-w-3xl text-sm text-stone-600">{t('jobs.intro')}</p>
      <ErrorList errors={actionData?.errors} />
      <p className="mt-4 text-sm text-stone-600">{t('jobs.count', { count: total })}</p>
      {jobs.length ? (
        <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {jobs.map((job) => {
            const busy = navigation.formData?.get('jobId') === job.id
            return (
              <li
                key={job.id}
                className="flex flex-wrap items-start justify-between gap-4 px-4 py-4"
                data-testid="admin-job-row"
              >
                <div className="min-w-0 flex-1">
                  <p className="font-medium">
                    {t(`jobs.tasks.${job.task}` as 'jobs.tasks.order.placed', {
                      defaultValue: job.task,
                    })}{' '}
                    <span className="text-sm font-normal text-stone-500">
                      <bdi dir="ltr">{job.task}</bdi>
                      {t('common.separator')}
                      <bdi dir="ltr">{job.id}</bdi>
                    </span>
                  </p>
                  <p className="text-sm text-stone-500">
                    {t('jobs.attempts', { count: job.attempts })}
                    {t('common.separator')}
                    {t('jobs.queuedAt', { date: f.dateTime(job.createdAt) })}
                    {t('common.separator')}
                    {t('jobs.failedAt', { date: f.dateTime(job.failedAt) })}
                  </p>
                  <p className="mt-1 text-sm break-all text-stone-700">
                    <span className="font-medium">{t('jobs.data')}</span>{' '}
                    <code dir="ltr" className="text-start">
                      {job.payload}
                    </code>
                  </p>
                  {job.lastError ? (
                    <p className="mt-1 text-sm break-words text-red-800">
                      <span className="font-medium">{t('jobs.lastError')}</span>{' '}
                      <bdi dir="ltr">{job.lastError}</bdi>
                    </p>
                  ) : null}
                </div>
                <Form method="post" className="flex gap-2">
                  <input type="hidden" name="jobId" value={job.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="retry"
                    className="btn-secondary"
                    disabled={busy}
                    aria-label={t('jobs.retryLabel', { id: job.id })}
                  >
                    {t('jobs.retry')}
                  </button>
                  <button
                    type="submit"
                    name="intent"
                    value="discard"
                    className="btn-danger"
                    disabled={busy}
                    aria-label={t('jobs.discardLabel', { id: job.id })}
                  >
                    {t('jobs.discard')}
                  </button>
                </Form>
              </li>
            )
          })}
        </ul>
      ) : (
        <p className="mt-4 rounded-lg border border-stone-200 bg-white px-4 py-6 text-sm text-stone-600">
          {t('jobs.empty')}
        </p>
      )}
      <Pagination page={page} pageCount={pageCount} label={t('jobs.pages')} />
    </div>
  )
}
