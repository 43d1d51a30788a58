import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { LiveRefresh } from '~/components/notifications/live-refresh.tsx'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ErrorList, InlineReasonField } from '~/components/forms.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { QueueShortcuts } from './queue-shortcuts.tsx'
import { QueueRow } from './queue-row.tsx'
import { adminRefusalMessage, adminTitle } from '~/http/admin.server.ts'
import { toRefusal } from '~/http/errors.server.ts'
import { getFormatter, getT } from '~/i18n/i18n.server.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import {
  decideReviews,
  listModerationQueue,
  type DecisionConflict,
  type DecisionOutcome,
} from '~/services/reviews/moderation.server.ts'
import {
  MODERATION_SCHEMAS,
  REJECTION_REASON_MAX,
  isModerationIntent,
} from '~/services/reviews/schemas.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

const QuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'ADMIN')
  const { page } = QuerySchema.parse({
    page: new URL(request.url).searchParams.get('page') ?? undefined,
  })
  const title = adminTitle(request, getT(request, 'admin')('reviews.heading'))
  return { ...(await listModerationQueue({ page })), title }
}

/** Why a review was left alone, in the request's language. */
function conflictMessage(request: Request, conflict: DecisionConflict) {
  const t = getT(request, 'admin')
  switch (conflict.reason) {
    case 'gone':
      return t('reviews.conflicts.gone')
    case 'changed':
      return t('reviews.conflicts.changed', { title: conflict.title })
    case 'decided': {
      const status = t(`reviews.decidedStatus.${conflict.status}`)
      if (!conflict.decidedBy || !conflict.decidedAt)
        return t('reviews.conflicts.decided', { title: conflict.title, status })
      return t('reviews.conflicts.decidedBy', {
        title: conflict.title,
        status,
        name: conflict.decidedBy,
        date: getFormatter(request).dateTime(conflict.decidedAt),
      })
    }
  }
}

type ActionData = {
  /** Field errors of the form that was sent: `review` is the id:version it was about. */
  errors: { review: string | null; reason: string[]; form: string[] } | null
  conflicts: Array<{ id: string; message: string }>
  decided: number
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'ADMIN')
  const t = getT(request, 'admin')
  const formData = await readFormData(request)
  const url = new URL(request.url)
  const here = `${url.pathname}${url.search}`
  const intent = formData.get('intent')
  const review = typeof formData.get('review') === 'string' ? String(formData.get('review')) : null
  if (!isModerationIntent(intent))
    return data<ActionData>(
      {
        errors: { review, reason: [], form: [t('reviews.chooseDecision')] },
        conflicts: [],
        decided: 0,
      },
      { status: 400 },
    )

  const submission = parseWithZod(formData, { schema: MODERATION_SCHEMAS[intent] })
  if (submission.status !== 'success') {
    const fieldErrors = submission.error ?? {}
    const reason = fieldErrors.reason ?? []
    const form = [
      ...(fieldErrors.review ?? []),
      ...(fieldErrors.reviews ?? []),
      ...(fieldErrors[''] ?? []),
    ].filter((message): message is string => Boolean(message))
    return data<ActionData>(
      {
        errors: {
          review,
          reason: reason.filter((message): message is string => Boolean(message)),
          form,
        },
        conflicts: [],
        decided: 0,
      },
      { status: 400 },
    )
  }
  const value = submission.value
  const refs = 'reviews' in value ? value.reviews : [value.review]
  const decision =
    value.intent === 'approve' || value.intent === 'bulk-approve'
      ? ({ approve: true } as const)
      : { approve: false as const, reason: value.reason }
  let outcome: DecisionOutcome
  try {
    outcome = await decideReviews(admin, refs, decision)
  } catch (error) {
    const refusal = toRefusal(error)
    return data<ActionData>(
      {
        errors: { review, reason: [], form: [adminRefusalMessage(request, refusal)] },
        conflicts: [],
        decided: 0,
      },
      { status: refusal.status },
    )
  }
  if (!outcome.conflicts.length) {
    const count = outcome.decided.length
    return redirectWithToast(here, {
      message: t(decision.approve ? 'reviews.approved' : 'reviews.rejected', { count }),
    })
  }
  // Someone else got there first (for some or all): say so, change nothing more.
  return data<ActionData>(
    {
      errors: null,
      conflicts: outcome.conflicts.map((conflict) => ({
        id: conflict.id,
        message: conflictMessage(request, conflict),
      })),
      decided: outcome.decided.length,
    },
    { status: outcome.decided.length ? 200 : 409 },
  )
}

const QUEUE_KINDS = ['REVIEW_WAITING', 'REVIEW_REPORTED'] as const

export default function AdminReviews() {
  const { reviews, total, page, pageCount } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const { t } = useTranslation('admin')
  const bulkErrors =
    actionData?.errors && actionData.errors.review === null ? actionData.errors : null
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight">{t('reviews.heading')}</h1>
        <QueueShortcuts />
      </div>
      <p className="mt-1 text-sm text-stone-600">{t('reviews.intro')}</p>
      {/* New reviews and reports wait behind a banner: rows do not move under a moderator's pointer. */}
      <LiveRefresh kinds={QUEUE_KINDS} messageKey="live.newReviews" />

      {actionData?.conflicts.length ? (
        <div
          role="alert"
          className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
          data-testid="moderation-conflicts"
        >
          {actionData.decided ? (
            <p className="font-semibold">
              {t('reviews.decidedNotThese', { count: actionData.decided })}
            </p>
          ) : null}
          <ul className="list-disc ps-5">
            {actionData.conflicts.map((conflict) => (
              <li key={conflict.id}>{conflict.message}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <p className="mt-4 text-sm text-stone-600" data-testid="queue-total">
        {t('reviews.waiting', { count: total })}
      </p>

      {reviews.length ? (
        <Form
          method="post"
          id="bulk"
          className="mt-3 flex flex-wrap items-start gap-2 rounded-lg border border-stone-200 bg-stone-50 p-3"
          aria-label={t('reviews.bulkLabel')}
        >
          <span className="self-center text-sm font-medium">{t('reviews.ticked')}</span>
          <button
            type="submit"
            name="intent"
            value="bulk-approve"
            className="btn-secondary"
            disabled={busy}
          >
            {t('reviews.approveTicked')}
          </button>
          <InlineReasonField
            id="bulk-reason"
            label={t('reviews.bulkReasonLabel')}
            placeholder={t('reviews.bulkReasonPlaceholder')}
            maxLength={REJECTION_REASON_MAX}
            errors={bulkErrors?.reason}
          />
          <button
            type="submit"
            name="intent"
            value="bulk-reject"
            className="btn-danger"
            disabled={busy}
          >
            {t('reviews.rejectTicked')}
          </button>
          <ErrorList errors={bulkErrors?.form} />
        </Form>
      ) : (
        <p className="mt-6 rounded-lg border border-stone-200 bg-white p-6 text-center text-stone-600">
          {t('reviews.empty')}
        </p>
      )}

      <ol className="mt-4 space-y-4">
        {reviews.map((review) => {
          const ref = `${review.id}:${review.version}`
          const failed =
            actionData?.errors && actionData.errors.review === ref ? actionData.errors : null
          return <QueueRow key={review.id} review={review} failed={failed} busy={busy} />
        })}
      </ol>
      <Pagination page={page} pageCount={pageCount} label={t('reviews.pages')} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
