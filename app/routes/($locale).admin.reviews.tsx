/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ErrorList, InlineReasonField } from '~/components/forms.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { QueueShortcuts } from '~/components/reviews/queue-shortcuts.tsx'
import { Stars } from '~/components/reviews/stars.tsx'
import { StatusBadge } from '~/components/user-badges.tsx'
import { toRefusal } from '~/http/errors.server.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import {
  decideReviews,
  listModerationQueue,
  type DecisionOutcome,
} from '~/services/reviews/moderation.server.ts'
import {
  FIT_LABELS,
  MODERATION_SCHEMAS,
  REJECTION_REASON_MAX,
  isModerationIntent,
} from '~/services/reviews/schemas.ts'
import { formatUtcDateTime } from '~/utils/dates.ts'

export const meta: MetaFunction = () => [{ title: 'Reviews · Admin · Shikposh' }]

const QuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'ADMIN')
  const { page } = QuerySchema.parse({
    page: new URL(request.url).searchParams.get('page') ?? undefined,
  })
  return listModerationQueue({ page })
}

type ActionData = {
  /** Field errors of the form that was sent: `review` is the id:version it was about. */
  errors: { review: string | null; reason: string[]; form: string[] } | null
  conflicts: DecisionOutcome['conflicts']
  decided: number
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'ADMIN')
  const formData = await readFormData(request)
  const url = new URL(request.url)
  const here = `${url.pathname}${url.search}`
  const intent = formData.get('intent')
  const review = typeof formData.get('review') === 'string' ? String(formData.get('review')) : null
  if (!isModerationIntent(intent))
    return data<ActionData>(
      {
        errors: { review, reason: [], form: ['Choose approve or reject.'] },
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
      { errors: { review, reason: [], form: [refusal.message] }, conflicts: [], decided: 0 },
      { status: refusal.status },
    )
  }
  const verb = decision.approve ? 'approved' : 'rejected'
  if (!outcome.conflicts.length) {
    const count = outcome.decided.length
    return redirectWithToast(here, {
      message: count === 1 ? `Review ${verb}.` : `${count} reviews ${verb}.`,
    })
  }
  // Someone else got there first (for some or all): say so, change nothing more.
  return data<ActionData>(
    { errors: null, conflicts: outcome.conflicts, decided: outcome.decided.length },
    { status: outcome.decided.length ? 200 : 409 },
  )
}

export default function AdminReviews() {
  const { reviews, total, page, pageCount } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const bulkErrors =
    actionData?.errors && actionData.errors.review === null ? actionData.errors : null
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight">Reviews</h1>
        <QueueShortcuts />
      </div>
      <p className="mt-1 text-sm text-stone-600">
        New, edited and reported reviews, oldest first. Approved reviews count in the product’s
        rating; the author sees why a review was rejected.
      </p>

      {actionData?.conflicts.length ? (
        <div
          role="alert"
          className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
          data-testid="moderation-conflicts"
        >
          {actionData.decided ? (
            <p className="font-semibold">{actionData.decided} decided; these were not:</p>
          ) : null}
          <ul className="list-disc ps-5">
            {actionData.conflicts.map((conflict) => (
              <li key={conflict.id}>{conflict.message}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <p className="mt-4 text-sm text-stone-600" data-testid="queue-total">
        {total} review{total === 1 ? '' : 's'} waiting
      </p>

      {reviews.length ? (
        <Form
          method="post"
          id="bulk"
          className="mt-3 flex flex-wrap items-start gap-2 rounded-lg border border-stone-200 bg-stone-50 p-3"
          aria-label="Decide the ticked reviews"
        >
          <span className="self-center text-sm font-medium">Ticked reviews:</span>
          <button
            type="submit"
            name="intent"
            value="bulk-approve"
            className="btn-secondary"
            disabled={busy}
          >
            Approve ticked
          </button>
          <InlineReasonField
            id="bulk-reason"
            label="Reason for rejecting the ticked reviews"
            placeholder="Reason the authors will see"
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
            Reject ticked
          </button>
          <ErrorList errors={bulkErrors?.form} />
        </Form>
      ) : (
        <p className="mt-6 rounded-lg border border-stone-200 bg-white p-6 text-center text-stone-600">
          The queue is empty. Nothing waits for a decision.
        </p>
      )}

      <ol className="mt-4 space-y-4">
        {reviews.map((review) => {
          const ref = `${review.id}:${review.version}`
          const failed =
            actionData?.errors && actionData.errors.review === ref ? actionData.errors : null
          return (
            <li
              key={review.id}
              tabIndex={-1}
              data-queue-row
              className="card outline-none focus-within:ring-2 focus-within:ring-brand-500"
              data-testid="queue-row"
            >
              <div className="flex flex-wrap items-start gap-3">
                <input
                  type="checkbox"
                  name="reviews"
                  value={ref}
                  form="bulk"
                  aria-label={`Tick “${review.title}”`}
                  className="mt-1 size-4"
                />
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-2">
                    <Stars rating={review.rating} />
                    <span className="font-semibold">{review.title}</span>
                    <span
                      className={`rounded-full px-2 py-0.5 text-xs font-medium ${review.status === 'APPROVED' ? 'bg-green-100 text-green-800' : 'bg-amber-100 text-amber-800'}`}
                    >
                      {review.status === 'APPROVED'
                        ? 'Published, reported'
                        : review.status === 'REJECTED'
                          ? 'Rejected, reported'
                          : 'Pending'}
                    </span>
                    {review.verifiedPurchase ? (
                      <span className="rounded-full bg-green-100 px-2 py-0.5 text-xs text-green-800">
                        Verified purchase
                      </span>
                    ) : null}
                  </p>
                  <p className="mt-1 text-sm text-stone-600">
                    on{' '}
                    <Link to={`/p/${review.product.slug}`} className="link">
                      {review.product.title}
                    </Link>{' '}
                    · waiting since {review.queuedAt ? formatUtcDateTime(review.queuedAt) : '—'}
                    {review.fit ? ` · Fit: ${FIT_LABELS[review.fit]}` : ''}
                  </p>
                  <p className="mt-2 whitespace-pre-line text-stone-800">{review.body}</p>
                  <p
                    className="mt-3 flex flex-wrap items-center gap-2 text-sm text-stone-600"
                    data-testid="author-history"
                  >
                    By{' '}
                    <Link to={`/admin/users/${review.user.id}`} className="link">
                      {review.user.name}
                    </Link>{' '}
                    ({review.user.email}) <StatusBadge status={review.user.status} /> ·{' '}
                    {review.authorHistory.APPROVED} approved, {review.authorHistory.REJECTED}{' '}
                    rejected, {review.authorHistory.PENDING} pending
                  </p>
                  {review.reports.length ? (
                    <div className="mt-3 rounded-md bg-red-50 p-3 text-sm text-red-900">
                      <p className="font-medium">
                        {review.reports.length} report{review.reports.length === 1 ? '' : 's'}
                      </p>
                      <ul className="mt-1 list-disc ps-5">
                        {review.reports.map((report) => (
                          <li key={report.id}>
                            “{report.reason}” — {report.user.name},{' '}
                            {formatUtcDateTime(report.createdAt)}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                </div>
              </div>
              <div className="mt-4 flex flex-wrap items-start gap-2 border-t border-stone-100 pt-3">
                <Form method="post">
                  <input type="hidden" name="review" value={ref} />
                  <button
                    type="submit"
                    name="intent"
                    value="approve"
                    className="btn-primary"
                    data-shortcut="approve"
                    disabled={busy}
                  >
                    {review.status === 'APPROVED' ? 'Keep published' : 'Approve'}
                  </button>
                </Form>
                <Form method="post" className="flex flex-wrap items-start gap-2">
                  <input type="hidden" name="review" value={ref} />
                  <InlineReasonField
                    id={`reason-${review.id}`}
                    label={`Reason for rejecting “${review.title}”`}
                    placeholder="Reason the author will see"
                    maxLength={REJECTION_REASON_MAX}
                    errors={failed?.reason}
                    inputProps={{ 'data-shortcut': 'reject-reason' }}
                  />
                  <button
                    type="submit"
                    name="intent"
                    value="reject"
                    className="btn-danger"
                    disabled={busy}
                  >
                    Reject
                  </button>
                  <ErrorList errors={failed?.form} />
                </Form>
              </div>
            </li>
          )
        })}
      </ol>
      <Pagination page={page} pageCount={pageCount} label="Pages of the queue" />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
