import {
  getFormProps,
  getInputProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorList, Field, TextareaField } from '~/components/forms.tsx'
import { REVIEW_BODY_MAX, REVIEW_FITS, REVIEW_TITLE_MAX } from '~/services/reviews/limits.ts'
import type { validateReview } from './review-form-validation.ts'
import { StarRadios } from '~/components/reviews/stars.tsx'
import type { OwnReview } from './review-types.ts'

// The viewer's review form on the product page: stars, title, text and fit; works without
// JavaScript, errors at their fields.

export function ReviewForm({
  own,
  fitApplies,
  lastResult,
}: {
  own: OwnReview | null
  fitApplies: boolean
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const { t } = useTranslation('product')
  const navigation = useNavigation()
  const [validate, setValidate] = useState<typeof validateReview | null>(null)
  useEffect(() => {
    let live = true
    void import('./review-form-validation.ts').then((module) => {
      if (live) setValidate(() => module.validateReview)
    })
    return () => {
      live = false
    }
  }, [])
  const [form, fields] = useForm({
    id: 'review-form',
    lastResult,
    defaultValue: own
      ? { rating: String(own.rating), title: own.title, body: own.body, fit: own.fit ?? '' }
      : undefined,
    // Until the check has loaded (or with it failing to), the server checks the submission.
    onValidate: validate ? ({ formData }) => validate(formData) : undefined,
    // On input, not on blur: an error cleared on blur would move the submit button away from a
    // click that has already started.
    shouldRevalidate: 'onInput',
  })
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'review'
  return (
    <Form
      method="post"
      preventScrollReset
      className="space-y-4 card"
      {...getFormProps(form)}
      aria-labelledby="review-form-heading"
    >
      <h3 id="review-form-heading" className="text-lg font-semibold">
        {own ? t('reviews.edit') : t('reviews.write')}
      </h3>
      {own ? <p className="text-sm text-stone-600">{t('reviews.editedWaits')}</p> : null}
      <input type="hidden" name="intent" value="review" />
      <div>
        <StarRadios
          name={fields.rating.name}
          defaultValue={fields.rating.initialValue?.toString()}
          errorId={fields.rating.errorId}
          invalid={Boolean(fields.rating.errors?.length)}
        />
        <ErrorList id={fields.rating.errorId} errors={fields.rating.errors} />
      </div>
      <Field
        label={t('reviews.titleLabel')}
        inputProps={{
          ...getInputProps(fields.title, { type: 'text' }),
          maxLength: REVIEW_TITLE_MAX,
        }}
        errors={fields.title.errors}
      />
      <TextareaField
        label={t('reviews.bodyLabel')}
        textareaProps={{ ...getTextareaProps(fields.body), rows: 5, maxLength: REVIEW_BODY_MAX }}
        errors={fields.body.errors}
      />
      {fitApplies ? (
        <div>
          <label htmlFor={fields.fit.id} className="block text-sm font-medium text-stone-800">
            {t('reviews.fitLabel')}
          </label>
          <select
            id={fields.fit.id}
            name={fields.fit.name}
            defaultValue={fields.fit.initialValue?.toString() ?? ''}
            className="mt-1 input w-auto"
          >
            <option value="">{t('reviews.fitNone')}</option>
            {REVIEW_FITS.map((fit) => (
              <option key={fit} value={fit}>
                {t(`reviews.fit.${fit}`)}
              </option>
            ))}
          </select>
          <ErrorList id={fields.fit.errorId} errors={fields.fit.errors} />
        </div>
      ) : (
        // No fit question for this product, but a refusal about fit still needs a place.
        <ErrorList id={fields.fit.errorId} errors={fields.fit.errors} />
      )}
      <ErrorList id={form.errorId} errors={form.errors} />
      <button type="submit" className="btn-primary" disabled={busy}>
        {own ? t('reviews.resubmit') : t('reviews.submit')}
      </button>
    </Form>
  )
}

/** The sort as a GET form that keeps the other parameters and goes back to page 1; applies on change with JavaScript. */
