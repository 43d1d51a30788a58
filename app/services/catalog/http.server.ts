import type { SubmissionResult } from '@conform-to/react'
import { data, redirect } from '@remix-run/node'
import { getEnv } from '~/infra/env.server.ts'
import { requireUser } from '~/services/accounts/auth.server.ts'
import { CatalogNotFoundError, CatalogValidationError, VersionConflictError } from './errors.ts'
import { getShopForOwner } from './shops.server.ts'

// The catalog's answers in HTTP terms, shared by the seller and admin routes.

/** The signed-in seller and their shop; without a shop, to /sell to open one. */
export async function requireSeller(request: Request) {
  const user = await requireUser(request)
  const shop = await getShopForOwner(user.id)
  if (!shop) throw redirect('/sell')
  if (!user.roles.includes('SELLER'))
    throw new Response('Your seller account is not active.', { status: 403 })
  return { user, shop }
}

export function storeSettings() {
  const env = getEnv()
  return { currency: env.STORE_CURRENCY, timeZone: env.STORE_TIMEZONE }
}

type Replying = {
  reply(options?: {
    formErrors?: string[]
    fieldErrors?: Record<string, string[]>
  }): SubmissionResult<string[]>
}

/**
 * A catalog error as the form's answer: rule breaks at their fields (400), a stale version as a
 * conflict message (409). Not-found becomes a 404 page; anything else is rethrown.
 */
export function catalogErrorReply(submission: Replying, error: unknown) {
  if (error instanceof CatalogNotFoundError) throw new Response(error.message, { status: 404 })
  if (error instanceof VersionConflictError) {
    return data(
      {
        result: submission.reply({ formErrors: [error.message] }),
        conflict: { currentVersion: error.currentVersion },
      },
      { status: 409 },
    )
  }
  if (error instanceof CatalogValidationError) {
    const { '': formErrors, ...fieldErrors } = error.fieldErrors
    return data(
      { result: submission.reply({ formErrors, fieldErrors }), conflict: null },
      { status: 400 },
    )
  }
  throw error
}

/** Turns a not-found from a command into the 404 page, for actions that have no form to answer. */
export async function orNotFound<T>(command: Promise<T>): Promise<T> {
  try {
    return await command
  } catch (error) {
    if (error instanceof CatalogNotFoundError) throw new Response(error.message, { status: 404 })
    throw error
  }
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
