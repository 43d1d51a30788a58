import { parseWithZod } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'
import { getLocale, getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { VersionConflictError } from '~/services/catalog/errors.ts'
import {
  emptyPromoValues,
  promoFormSchema,
  PromoIntentSchema,
  valuesFromPromo,
} from '~/services/promos/form.ts'
import {
  createPromoCode,
  getPromoCode,
  listPromoTargets,
  setPromoActive,
  updatePromoCode,
  type PromoActor,
} from '~/services/promos/manage.server.ts'
import { storeSettings } from './catalog.server.ts'
import { formRefusal, orNotFound, throwIfNotFound, toRefusal } from './errors.server.ts'
import { refusalMessage } from './refusal-messages.server.ts'

// The seller's and the admin's promo code pages in HTTP terms: the same loaders' data and
// actions for both, told apart by the actor (whose codes) and the list's path.

/** The form page's data: a new code's (id null) or one of the actor's codes (else 404). */
export async function promoFormPage(request: Request, actor: PromoActor, id: string | null) {
  const settings = storeSettings()
  const pageLocale = getLocale(request)
  const saved = id ? await orNotFound(getPromoCode(actor, id)) : null
  const targets = await listPromoTargets(actor, pageLocale, saved?.productIds)
  return {
    options: settings,
    targets,
    code: saved ? { id: saved.id, code: saved.code, usedCount: saved.usedCount } : null,
    defaults: saved ? valuesFromPromo(saved, { ...settings, pageLocale }) : emptyPromoValues(),
  }
}

/** Creates (id null) or saves one of the actor's codes; errors at their fields (400), back to the list. */
export async function promoFormAction(
  request: Request,
  actor: PromoActor,
  id: string | null,
  listPath: string,
) {
  const submission = parseWithZod(await readFormData(request), {
    schema: promoFormSchema(storeSettings()),
  })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const t = getT(request, 'seller')
  // An edit names the version it was loaded with (ADR 008). A form without one (opened before
  // versions existed) matches none: it is refused like a stale one, once ownership is checked.
  const { version } = submission.value
  try {
    const saved = id
      ? await updatePromoCode(actor, id, submission.value, version ?? 0)
      : await createPromoCode(actor, submission.value)
    return redirectWithToast(localeRedirectPath(request, listPath), {
      message: t(id ? 'promos.saved' : 'promos.created', { code: saved.code }),
    })
  } catch (error) {
    // Someone saved the code meanwhile: nothing written, the form comes back as typed.
    if (error instanceof VersionConflictError)
      return data(
        submission.reply({
          formErrors: [t(version === null ? 'promos.outOfDate' : 'promos.conflict')],
        }),
        { status: 409 },
      )
    return formRefusal(submission, error)
  }
}

/** Deactivates or activates one of the actor's codes from the list. */
export async function promoListAction(request: Request, actor: PromoActor) {
  const t = getT(request, 'seller')
  const parsed = PromoIntentSchema.safeParse(Object.fromEntries(await readFormData(request)))
  if (!parsed.success)
    return data({ promoId: null, message: t('promos.chooseAction') }, { status: 400 })
  const { promoId, intent } = parsed.data
  try {
    const code = await setPromoActive(actor, promoId, intent === 'activate')
    const back = new URL(request.url)
    back.searchParams.delete('index')
    return redirectWithToast(`${back.pathname}${back.search}`, {
      message: t(intent === 'activate' ? 'promos.activated' : 'promos.deactivated', {
        code: code.code,
      }),
    })
  } catch (error) {
    const refusal = toRefusal(error)
    throwIfNotFound(refusal)
    return data({ promoId, message: refusalMessage(t, refusal, error) }, { status: refusal.status })
  }
}
