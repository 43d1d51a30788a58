import { data } from '@remix-run/node'
import { cartRefusal } from '~/http/cart.server.ts'
import { message } from '~/i18n/validation.ts'

// How the cart page's action answers a line's command or the code box: the answer names the
// line (or the code) it belongs to, so the page shows it there.

export function promoError(intent: string, message: string) {
  return data({ intent, variantId: null, error: null, promoError: message }, { status: 400 })
}

/** The first schema message of a line's form (a `validation:` key the page translates). */
export function issueText(issues: Array<{ message: string }>) {
  return issues[0]?.message ?? message('cart.quantity')
}

export function lineError(intent: string, variantId: unknown, message: string, status = 400) {
  return data(
    { intent, variantId: typeof variantId === 'string' ? variantId : null, error: message },
    { status },
  )
}

/** Runs a change to one line; a refusal comes back as that line's error (the cart page shows it beside the line). */
export async function lineCommand(
  request: Request,
  intent: string,
  variantId: string,
  run: () => Promise<void>,
) {
  try {
    await run()
  } catch (error) {
    const refusal = cartRefusal(request, error)
    return lineError(intent, variantId, refusal.message, refusal.status)
  }
  return { intent, variantId, error: null }
}
