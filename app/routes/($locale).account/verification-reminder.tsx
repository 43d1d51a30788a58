import { Form, useLocation } from '@remix-run/react'
import { Trans, useTranslation } from 'react-i18next'
import { EmailText } from '~/components/email-text.tsx'
import { useLocalePath } from '~/i18n/use-locale.ts'

// The reminder to confirm the email address, with the button that sends a new link.

/** An unverified address, or a change waiting for its link: what to do, and a new link. */
export function VerificationReminder({
  email,
  verified,
  pendingEmail,
}: {
  email: string
  verified: boolean
  pendingEmail: string | null
}) {
  const { t } = useTranslation('account')
  const lp = useLocalePath()
  const location = useLocation()
  if (verified && !pendingEmail) return null
  const address = pendingEmail ?? email
  return (
    <div
      role="status"
      className="flex flex-col gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 sm:flex-row sm:items-center sm:justify-between"
      data-testid="verify-reminder"
    >
      <p className="min-w-0 flex-1">
        <Trans
          t={t}
          i18nKey={pendingEmail ? 'reminder.pending' : 'reminder.unverified'}
          values={{ email: address }}
          components={{ email: <EmailText text={address} /> }}
        />
      </p>
      <Form method="post" action={lp('/verify-email')}>
        <input type="hidden" name="intent" value="resend" />
        <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
        <button type="submit" className="btn-secondary">
          {t('reminder.resend')}
        </button>
      </Form>
    </div>
  )
}
