import { getFormProps, getSelectProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorList, SubmitButton, TextareaField } from '~/components/forms.tsx'
import { useFormat } from '~/i18n/use-locale.ts'
import {
  RETURN_NOTE_MAX,
  RETURN_REASONS,
  ReturnRequestSchema,
  type ReturnReasonCode,
} from '~/services/orders/return-schemas.ts'
import { useMoney } from './commerce.tsx'

// The returns parts of the order pages: the shopper's request form under a delivered line, and
// a return's state as the shopper and the seller read it. Plain forms: they work without
// JavaScript, and with it conform checks the fields as people type.

export type ReturnRow = {
  id: string
  quantity: number
  reason: ReturnReasonCode
  note: string
  status: 'REQUESTED' | 'APPROVED' | 'REFUSED' | 'RECEIVED'
  refusalReason: string | null
  resellable: boolean | null
  refund: { amount: number; status: 'PENDING' | 'SUCCEEDED' | 'MANUAL' } | null
}

const STATUS_TONES: Record<ReturnRow['status'], string> = {
  REQUESTED: 'bg-amber-100 text-amber-900',
  APPROVED: 'bg-sky-100 text-sky-900',
  REFUSED: 'bg-stone-200 text-stone-800',
  RECEIVED: 'bg-emerald-100 text-emerald-900',
}

/** One return's state in words: asked, approved (send it back), refused (why), refunded (how much). */
export function ReturnState({
  request,
  currency,
  audience,
}: {
  request: ReturnRow
  currency: string
  audience: 'shopper' | 'seller'
}) {
  const { t } = useTranslation('orders')
  const f = useFormat()
  const money = useMoney(currency)
  const refund = request.refund
  return (
    <div className="text-sm" data-testid="return-state">
      <p className="flex flex-wrap items-center gap-2">
        <span
          className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-semibold ${STATUS_TONES[request.status]}`}
        >
          {t(`returns.status.${request.status}`)}
        </span>
        <span>
          {t('returns.units', { count: request.quantity, n: f.number(request.quantity) })} ·{' '}
          {t(`returns.reason.${request.reason}`)}
        </span>
      </p>
      {request.note ? (
        <p className="mt-1 text-stone-600">{t('returns.quotedNote', { note: request.note })}</p>
      ) : null}
      {request.status === 'APPROVED' && audience === 'shopper' ? (
        <p className="mt-1 text-stone-700">{t('returns.sendBack')}</p>
      ) : null}
      {request.status === 'REFUSED' && request.refusalReason ? (
        <p className="mt-1 text-stone-700">
          {t('returns.refusedBecause', { reason: request.refusalReason })}
        </p>
      ) : null}
      {refund ? (
        <p className="mt-1 font-medium text-emerald-800" data-testid="refund">
          {t(`returns.refund.${refund.status}`, { amount: money(refund.amount) })}
        </p>
      ) : null}
      {audience === 'seller' && request.resellable !== null ? (
        <p className="mt-1 text-stone-600">
          {request.resellable ? t('returns.restocked') : t('returns.notRestocked')}
        </p>
      ) : null}
    </div>
  )
}

/** "Return this item": how many, why, and a note, under a delivered line within the window. */
export function ReturnRequestForm({
  lineId,
  units,
  until,
  lastResult,
}: {
  lineId: string
  units: number
  until: string
  lastResult?: SubmissionResult<string[]> | null
}) {
  const { t } = useTranslation('orders')
  const f = useFormat()
  const [form, fields] = useForm({
    id: `return-${lineId}`,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReturnRequestSchema }),
    shouldRevalidate: 'onInput',
    defaultValue: { quantity: '1' },
  })
  const quantity = getSelectProps(fields.quantity)
  const reason = getSelectProps(fields.reason)
  return (
    // <details> keeps the form out of the way until asked for, with or without JavaScript; it
    // stays open when the server sends the form back with errors.
    <details className="mt-2" open={Boolean(lastResult)}>
      <summary className="cursor-pointer text-sm font-medium text-rose-800 hover:underline">
        {t('returns.start')}
      </summary>
      <Form
        method="post"
        className="mt-3 space-y-3 rounded-lg border border-stone-200 p-4"
        {...getFormProps(form)}
      >
        <input type="hidden" name="intent" value="return" />
        <input type="hidden" name="lineId" value={lineId} />
        <p className="text-xs text-stone-600">{t('returns.until', { date: f.date(until) })}</p>
        <div>
          <label htmlFor={quantity.id} className="block text-sm font-medium text-stone-800">
            {t('returns.quantity')}
          </label>
          <select
            {...quantity}
            className="mt-1 input"
            aria-invalid={fields.quantity.errors?.length ? true : undefined}
            aria-describedby={fields.quantity.errors?.length ? fields.quantity.errorId : undefined}
          >
            {Array.from({ length: units }, (_, index) => (
              <option key={index} value={index + 1}>
                {f.number(index + 1)}
              </option>
            ))}
          </select>
          <ErrorList id={fields.quantity.errorId} errors={fields.quantity.errors} />
        </div>
        <div>
          <label htmlFor={reason.id} className="block text-sm font-medium text-stone-800">
            {t('returns.why')}
          </label>
          <select
            {...reason}
            className="mt-1 input"
            aria-invalid={fields.reason.errors?.length ? true : undefined}
            aria-describedby={fields.reason.errors?.length ? fields.reason.errorId : undefined}
          >
            <option value="">{t('returns.chooseReason')}</option>
            {RETURN_REASONS.map((code) => (
              <option key={code} value={code}>
                {t(`returns.reason.${code}`)}
              </option>
            ))}
          </select>
          <ErrorList id={fields.reason.errorId} errors={fields.reason.errors} />
        </div>
        <TextareaField
          label={t('returns.note')}
          textareaProps={{ ...getTextareaProps(fields.note), rows: 2, maxLength: RETURN_NOTE_MAX }}
          errors={fields.note.errors}
        />
        <ErrorList
          id={form.errorId}
          errors={[...(form.errors ?? []), ...(fields.lineId.errors ?? [])]}
        />
        <SubmitButton className="btn-primary w-full">{t('returns.submit')}</SubmitButton>
      </Form>
    </details>
  )
}
