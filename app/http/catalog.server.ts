import type { SubmissionResult } from '@conform-to/react'
import { data, redirect } from '@remix-run/node'
import { getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { requireUser } from '~/services/accounts/auth.server.ts'
import { VersionConflictError } from '~/services/catalog/errors.ts'
import { getShopForOwner } from '~/services/catalog/shops.server.ts'
import { throwIfNotFound } from './errors.server.ts'
import { localizedRefusal } from './refusal-messages.server.ts'

// The catalog's answers in HTTP terms, shared by the seller and admin routes.

/** The signed-in seller and their shop; without a shop, to /sell to open one. */
export async function requireSeller(request: Request) {
  const user = await requireUser(request)
  const shop = await getShopForOwner(user.id)
  if (!shop) throw redirect(localeRedirectPath(request, '/sell'))
  if (!user.roles.includes('SELLER'))
    throw new Response(getT(request, 'seller')('errors.seller-inactive'), { status: 403 })
  return { user, shop }
}

export function storeSettings() {
  const env = getEnv()
  return {
    currency: env.STORE_CURRENCY,
    timeZone: env.STORE_TIMEZONE,
    priceDisplay: env.STORE_PRICE_DISPLAY,
  }
}

type Replying = {
  reply(options?: {
    formErrors?: string[]
    fieldErrors?: Record<string, string[]>
  }): SubmissionResult<string[]>
}

/**
 * A refusal as the product form's answer, in the page's language: rule breaks at their fields
 * (400), a stale version as a conflict message with the version that won (409). Not-found
 * becomes the 404 page; anything else is rethrown.
 */
export function productFormRefusal(request: Request, submission: Replying, error: unknown) {
  const refusal = localizedRefusal(getT(request, 'seller'), error)
  throwIfNotFound(refusal)
  return data(
    {
      result: submission.reply({
        formErrors: refusal.formErrors,
        fieldErrors: refusal.fieldErrors,
      }),
      conflict:
        error instanceof VersionConflictError ? { currentVersion: error.currentVersion } : null,
    },
    { status: refusal.status, headers: refusal.headers },
  )
}

/**
 * The answer to "Update variant table" (the matrix editor without JavaScript): the form as
 * posted, with no errors, so the page redraws the table for the ticked colours and sizes.
 */
export function matrixReply(submission: Replying) {
  const result: SubmissionResult<string[]> = {
    initialValue: submission.reply().initialValue ?? null,
    error: {},
  }
  return data({ result, conflict: null })
}
