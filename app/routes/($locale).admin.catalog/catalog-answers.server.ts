import { data } from '@remix-run/node'
import { z } from 'zod'
import { toRefusal } from '~/http/errors.server.ts'
import { getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'

// How the catalog page's action answers: a 400 naming the form that asked, or the toast of a
// command done.

export const IdSchema = z.object({ id: z.string().min(1).max(64) })
export const MoveSchema = IdSchema.extend({ direction: z.enum(['up', 'down']) })

export type Failure = { form: string; fieldErrors: Record<string, string[]>; formErrors: string[] }

export function failure(
  form: string,
  fieldErrors: Record<string, string[] | undefined> = {},
  formErrors: string[] = [],
) {
  const clean = Object.fromEntries(
    Object.entries(fieldErrors).filter((entry): entry is [string, string[]] =>
      Boolean(entry[1]?.length),
    ),
  )
  return data<Failure>({ form, fieldErrors: clean, formErrors }, { status: 400 })
}

/** Runs an admin command and turns catalog errors into answers for the form that asked. */
export async function attempt(
  request: Request,
  form: string,
  command: () => Promise<unknown>,
  done: string,
) {
  try {
    await command()
  } catch (error) {
    const refusal = toRefusal(error)
    const formErrors =
      refusal.kind === 'not-found'
        ? [getT(request, 'admin')('catalog.goneMaybeRemoved', { message: refusal.message })]
        : refusal.formErrors
    return data<Failure>(
      { form, fieldErrors: refusal.fieldErrors, formErrors },
      { status: refusal.status },
    )
  }
  return redirectWithToast(localeRedirectPath(request, '/admin/catalog'), { message: done })
}
