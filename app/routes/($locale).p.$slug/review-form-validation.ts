import { parseWithZod } from '@conform-to/zod/v4'
import { ReviewFormSchema } from '~/services/reviews/schemas.ts'

// The review form's check-as-you-type, loaded only once the form is on the page (a shopper who may
// review), so the product page's first visit carries no validation library.
export function validateReview(formData: FormData) {
  return parseWithZod(formData, { schema: ReviewFormSchema })
}
