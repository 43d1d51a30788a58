import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '~/i18n/use-locale.ts'
import { Notice } from '~/components/orders/commerce.tsx'

const OUTCOMES = ['paid', 'failed', 'expired', 'pending', 'cancelled'] as const
type Outcome = (typeof OUTCOMES)[number]

function isOutcome(value: string | null): value is Outcome {
  return OUTCOMES.some((outcome) => outcome === value)
}

/**
 * On the order page: what came of the shopper's return from the payment page (`?payment=`), and
 * while an online payment is still awaited, until when the stock is held and a button to pay
 * (a plain form: it works without JavaScript).
 */
export function PaymentNotice({
  outcome,
  heldUntil,
  submitting,
}: {
  outcome: string | null
  heldUntil: Date | string | null
  submitting: boolean
}) {
  const { t } = useTranslation('orders')
  const f = useFormat()
  const known = isOutcome(outcome) ? outcome : null
  if (!known && !heldUntil) return null
  const tone =
    known === 'paid' ? 'success' : known === 'failed' || known === 'expired' ? 'error' : 'warning'
  return (
    <div data-testid="payment-notice">
      <Notice tone={tone} title={known ? t(`paymentOutcome.${known}`) : undefined}>
        {heldUntil ? (
          <>
            <p>{t('paymentOutcome.awaiting', { time: f.dateTime(heldUntil) })}</p>
            <Form method="post" className="mt-3">
              <input type="hidden" name="intent" value="pay" />
              <button type="submit" className="btn-primary" disabled={submitting}>
                {t('paymentOutcome.payNow')}
              </button>
            </Form>
          </>
        ) : known === 'expired' ? (
          <p>{t('paymentOutcome.expiredBody')}</p>
        ) : null}
      </Notice>
    </div>
  )
}
