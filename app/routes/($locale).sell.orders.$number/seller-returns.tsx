import type { SubmissionResult } from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorList, InlineReasonField } from '~/components/forms.tsx'
import { useFormat } from '~/i18n/use-locale.ts'
import { REFUSAL_REASON_MAX } from '~/services/orders/return-schemas.ts'
import { ReturnState, type ReturnRow } from '~/components/orders/returns.tsx'

// The seller's returns on one order: what was asked and why, then approve or refuse (with a
// reason the shopper reads), and once the parcel is back, "received" with whether the items can
// be sold again. Plain forms, one per command, so they work without JavaScript.

type SellerReturn = ReturnRow & {
  requestedAt: string | Date
  orderLine: { title: string; colorName: string; sizeLabel: string; sku: string }
}

export function SellerReturns({
  returns,
  currency,
  actionResult,
}: {
  returns: SellerReturn[]
  currency: string
  actionResult: { returnId: string; result: SubmissionResult<string[]> } | null
}) {
  const { t } = useTranslation('seller')
  const f = useFormat()
  const submitting = useNavigation().state === 'submitting'
  return (
    <section className="card p-0" aria-labelledby="returns-heading">
      <h2 id="returns-heading" className="border-b border-stone-200 px-5 py-4 font-semibold">
        {t('returns.title')}
      </h2>
      <ul className="divide-y divide-stone-100 px-5">
        {returns.map((request) => {
          const result = actionResult?.returnId === request.id ? actionResult.result : null
          const errors = result?.error ?? {}
          const reasonErrors = errors.reason ?? null
          const resellableErrors = errors.resellable ?? null
          const formErrors = [...(errors[''] ?? []), ...(errors.returnId ?? [])]
          return (
            <li key={request.id} className="space-y-3 py-4" data-testid="seller-return">
              <div>
                <p className="font-medium">{request.orderLine.title}</p>
                <p className="text-sm text-stone-600">
                  {request.orderLine.colorName} · <bdi>{request.orderLine.sizeLabel}</bdi> ·{' '}
                  {t('returns.requestedAt', { date: f.dateTime(request.requestedAt) })}
                </p>
              </div>
              <ReturnState request={request} currency={currency} audience="seller" />
              {request.status === 'REQUESTED' ? (
                <div className="flex flex-wrap items-start gap-3">
                  <Form method="post">
                    <input type="hidden" name="intent" value="decide-return" />
                    <input type="hidden" name="returnId" value={request.id} />
                    <input type="hidden" name="decision" value="approve" />
                    <button type="submit" className="btn-primary" disabled={submitting}>
                      {t('returns.approve')}
                    </button>
                  </Form>
                  <Form method="post" className="flex flex-wrap items-start gap-2">
                    <input type="hidden" name="intent" value="decide-return" />
                    <input type="hidden" name="returnId" value={request.id} />
                    <input type="hidden" name="decision" value="refuse" />
                    <InlineReasonField
                      id={`refuse-${request.id}`}
                      label={t('returns.refusalReason')}
                      placeholder={t('returns.refusalPlaceholder')}
                      maxLength={REFUSAL_REASON_MAX}
                      errors={reasonErrors}
                      inputProps={{ required: true, className: 'input w-full sm:w-64' }}
                    />
                    <button type="submit" className="btn-secondary" disabled={submitting}>
                      {t('returns.refuse')}
                    </button>
                  </Form>
                </div>
              ) : null}
              {request.status === 'APPROVED' ? (
                <Form method="post" className="space-y-2">
                  <input type="hidden" name="intent" value="receive-return" />
                  <input type="hidden" name="returnId" value={request.id} />
                  <fieldset
                    aria-describedby={
                      resellableErrors ? `resellable-${request.id}-error` : undefined
                    }
                  >
                    <legend className="text-sm font-medium text-stone-800">
                      {t('returns.resellableQuestion')}
                    </legend>
                    <div className="mt-1 flex flex-wrap gap-4 text-sm">
                      <label className="flex items-center gap-2">
                        <input type="radio" name="resellable" value="yes" required />
                        {t('returns.resellableYes')}
                      </label>
                      <label className="flex items-center gap-2">
                        <input type="radio" name="resellable" value="no" />
                        {t('returns.resellableNo')}
                      </label>
                    </div>
                    <ErrorList id={`resellable-${request.id}-error`} errors={resellableErrors} />
                  </fieldset>
                  <button type="submit" className="btn-primary" disabled={submitting}>
                    {t('returns.received')}
                  </button>
                </Form>
              ) : null}
              <ErrorList errors={formErrors} />
            </li>
          )
        })}
      </ul>
    </section>
  )
}
