import { parseWithZod } from '@conform-to/zod/v4'
import { data as respond } from '@remix-run/node'
import { z } from 'zod'
import type { getT } from '~/i18n/i18n.server.ts'
import { toRefusal } from '~/http/errors.server.ts'
import { localizedRefusal } from '~/http/refusal-messages.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { markHelpful, reportReview, submitReview } from '~/services/reviews/reviews.server.ts'
import { ReviewFeedbackSchema, ReviewFormSchema } from '~/services/reviews/schemas.ts'
import { productNotFound } from './not-found.server.ts'
import type { ReviewActionData } from './review-types.ts'

// The reviews section's commands, as the product page's action runs them: each answers with a
// redirect and a toast back to the page (`back`), or with the refusal at its form.

type Command = {
  formData: FormData
  userId: string
  back: string
  t: ReturnType<typeof getT<'product'>>
}

/** Write or edit one's review of the product at `slug`. */
export async function writeReview({ formData, userId, back, t, slug }: Command & { slug: string }) {
  const intent = 'review'
  const submission = parseWithZod(formData, { schema: ReviewFormSchema })
  if (submission.status !== 'success')
    return respond<ReviewActionData>({ intent, result: submission.reply() }, { status: 400 })
  try {
    const { edited } = await submitReview(userId, slug, submission.value)
    return redirectWithToast(back, {
      message: edited ? t('reviews.toastEdited') : t('reviews.toastSubmitted'),
    })
  } catch (error) {
    // The product went away meanwhile: the page's own 404, in its language.
    if (toRefusal(error).kind === 'not-found') throw productNotFound(t)
    const refusal = localizedRefusal(t, error)
    const { formErrors, fieldErrors } = refusal
    return respond<ReviewActionData>(
      { intent, result: submission.reply({ formErrors, fieldErrors }) },
      { status: refusal.status, headers: refusal.headers },
    )
  }
}

/** Mark a review helpful, or report it. */
export async function reviewFeedback({
  formData,
  userId,
  back,
  t,
  intent,
  reviewId,
}: Command & { intent: 'helpful' | 'report'; reviewId: string | null }) {
  const parsed = ReviewFeedbackSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) {
    // Schema messages are validation keys; the page shows them in its language.
    const fieldErrors: Record<string, string[]> = z.flattenError(parsed.error).fieldErrors
    return respond<ReviewActionData>(
      {
        intent,
        reviewId,
        error: Object.values(fieldErrors).flat()[0] ?? t('reviews.checkForm'),
        fieldErrors,
      },
      { status: 400 },
    )
  }
  try {
    if (parsed.data.intent === 'helpful') await markHelpful(userId, parsed.data.reviewId)
    else await reportReview(userId, parsed.data.reviewId, parsed.data.reason)
    return redirectWithToast(back, {
      message: intent === 'helpful' ? t('reviews.toastHelpful') : t('reviews.toastReported'),
    })
  } catch (error) {
    const refusal = localizedRefusal(t, error)
    return respond<ReviewActionData>(
      { intent, reviewId, error: refusal.message },
      { status: refusal.status, headers: refusal.headers },
    )
  }
}
