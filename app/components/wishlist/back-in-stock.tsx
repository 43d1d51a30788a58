import { Form, useNavigation } from '@remix-run/react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorList } from '~/components/forms.tsx'

// "Email me when it's back" on a sold-out colour and size: a plain form posting to the product
// page (intent=back-in-stock), so it works without JavaScript; a guest types an address, a
// signed-in shopper's account address is used.

export type BackInStockActionData = {
  intent: 'back-in-stock'
  variantId: string | null
  fieldErrors: Record<string, string[]>
}

export function BackInStockForm({
  variantId,
  signedIn,
  subscribed,
  actionData,
}: {
  variantId: string
  signedIn: boolean
  subscribed: boolean
  actionData: BackInStockActionData | undefined
}) {
  const { t } = useTranslation('product')
  const id = useId()
  const navigation = useNavigation()
  const busy = navigation.formData?.get('intent') === 'back-in-stock'
  const errors = actionData?.variantId === variantId ? actionData.fieldErrors : {}
  if (subscribed)
    return (
      <p className="mt-4 text-sm text-stone-700" role="status" data-testid="back-in-stock-waiting">
        {t('backInStock.waiting')}
      </p>
    )
  const emailErrorId = `${id}-email-error`
  return (
    <Form
      method="post"
      preventScrollReset
      className="mt-4 rounded-lg border border-stone-200 bg-stone-50 p-4"
      aria-labelledby={`${id}-heading`}
      data-testid="back-in-stock"
    >
      <h2 id={`${id}-heading`} className="text-sm font-semibold">
        {t('backInStock.heading')}
      </h2>
      <input type="hidden" name="intent" value="back-in-stock" />
      <input type="hidden" name="variantId" value={variantId} />
      <div className="mt-2 flex flex-wrap items-end gap-2">
        {signedIn ? null : (
          <div className="min-w-0 flex-1">
            <label htmlFor={`${id}-email`} className="block text-sm">
              {t('backInStock.email')}
            </label>
            <input
              id={`${id}-email`}
              name="email"
              type="email"
              autoComplete="email"
              required
              maxLength={254}
              dir="ltr"
              className="mt-1 input w-full"
              aria-invalid={errors.email?.length ? true : undefined}
              aria-describedby={emailErrorId}
            />
          </div>
        )}
        <button type="submit" className="btn-secondary" disabled={busy}>
          {t('backInStock.submit')}
        </button>
      </div>
      <ErrorList id={emailErrorId} errors={errors.email} />
      <ErrorList errors={errors.variantId} />
    </Form>
  )
}
