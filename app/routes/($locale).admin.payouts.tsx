import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorList } from '~/components/forms.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { adminTitle } from '~/http/admin.server.ts'
import { orNotFound } from '~/http/errors.server.ts'
import { getT } from '~/i18n/i18n.server.ts'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { formatIban } from '~/services/finance/iban.ts'
import {
  FinanceError,
  listPayoutsForAdmin,
  markPayoutPaid,
} from '~/services/finance/payouts.server.ts'
import { MarkPaidSchema } from '~/services/finance/schemas.ts'

// Payouts to make (oldest first) and those paid; marking one paid takes the bank's reference
// and is audited. Works without JavaScript; a missing reference is a 400 at its field.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

const QuerySchema = z.object({
  status: z.enum(['REQUESTED', 'PAID']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'ADMIN')
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  return {
    ...(await listPayoutsForAdmin(query)),
    title: adminTitle(request, getT(request, 'admin')('payouts.heading')),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'ADMIN')
  const t = getT(request, 'admin')
  const formData = await readFormData(request)
  const payoutId =
    typeof formData.get('payoutId') === 'string' ? String(formData.get('payoutId')) : ''
  const reference =
    typeof formData.get('reference') === 'string' ? String(formData.get('reference')) : ''
  const fail = (message: string) =>
    data({ payoutId, reference, errors: { reference: [message] } }, { status: 400 })
  const parsed = MarkPaidSchema.safeParse({ payoutId, reference })
  if (!parsed.success) {
    const code = z.flattenError(parsed.error).fieldErrors.reference?.[0] ?? 'reference-required'
    return fail(t(`payouts.errors.${code}` as never))
  }
  try {
    const payout = await orNotFound(
      markPayoutPaid(admin, parsed.data.payoutId, parsed.data.reference),
    )
    const here = new URL(request.url)
    return redirectWithToast(`${here.pathname}${here.search}`, {
      message: t('payouts.markedPaid', { shop: payout.shop.name }),
    })
  } catch (error) {
    if (error instanceof FinanceError && error.kind === 'conflict')
      return fail(t(`payouts.errors.${error.code}` as never))
    throw error
  }
}

export default function AdminPayouts() {
  const { payouts, status, page, pageCount, total, dueTotal } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('admin')
  const f = useFormat()
  const lp = useLocalePath()
  const tab = (value: 'REQUESTED' | 'PAID', label: string) => (
    <Link
      to={lp(value === 'REQUESTED' ? '/admin/payouts' : `/admin/payouts?status=${value}`)}
      aria-current={status === value ? 'page' : undefined}
      className={`border-b-2 px-3 py-2 text-sm font-medium ${
        status === value ? 'border-brand-600 text-brand-700' : 'border-transparent text-stone-600'
      }`}
    >
      {label}
    </Link>
  )
  return (
    <div>
      <h1 className="text-2xl font-bold tracking-tight">{t('payouts.heading')}</h1>
      <p className="mt-1 max-w-3xl text-sm text-stone-600">{t('payouts.intro')}</p>
      <nav aria-label={t('payouts.heading')} className="mt-4 flex gap-1 border-b border-stone-200">
        {tab('REQUESTED', t('payouts.toMake'))}
        {tab('PAID', t('payouts.paid'))}
      </nav>
      <p className="mt-4 text-sm text-stone-600">
        {t('payouts.count', { count: total })}
        {status === 'REQUESTED' ? ` · ${t('payouts.dueTotal', { amount: f.money(dueTotal) })}` : ''}
      </p>
      {payouts.length ? (
        <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {payouts.map((payout) => {
            const failed = actionData && actionData.payoutId === payout.id ? actionData : null
            const inputId = `reference-${payout.id}`
            return (
              <li
                key={payout.id}
                className="flex flex-wrap items-start justify-between gap-4 px-4 py-4"
                data-testid="admin-payout-row"
              >
                <div className="min-w-0">
                  <p className="font-medium">
                    <Link to={lp(`/shops/${payout.shop.slug}`)} className="hover:underline">
                      {payout.shop.name}
                    </Link>{' '}
                    · {f.money(payout.amount)}
                  </p>
                  <p className="text-sm text-stone-600">
                    {t('payouts.holder')}: <bdi>{payout.holder}</bdi>
                  </p>
                  <p className="text-sm text-stone-600">
                    {t('payouts.iban')}: <bdi dir="ltr">{formatIban(payout.iban)}</bdi>
                  </p>
                  <p className="text-sm text-stone-500">
                    {payout.status === 'PAID' && payout.paidAt
                      ? t('payouts.paidOn', {
                          date: f.dateTime(payout.paidAt),
                          reference: payout.reference ?? '',
                        })
                      : t('payouts.requested', { date: f.dateTime(payout.requestedAt) })}
                  </p>
                </div>
                {payout.status === 'REQUESTED' ? (
                  <Form method="post" className="flex flex-wrap items-start gap-2">
                    <input type="hidden" name="payoutId" value={payout.id} />
                    <div>
                      <label htmlFor={inputId} className="sr-only">
                        {t('payouts.referenceLabel', { shop: payout.shop.name })}
                      </label>
                      <input
                        id={inputId}
                        name="reference"
                        defaultValue={failed?.reference ?? ''}
                        placeholder={t('payouts.referencePlaceholder')}
                        className="input w-56"
                        aria-invalid={failed ? true : undefined}
                        aria-describedby={failed ? `${inputId}-error` : undefined}
                      />
                      <ErrorList id={`${inputId}-error`} errors={failed?.errors.reference} />
                    </div>
                    <button
                      type="submit"
                      className="btn-primary"
                      disabled={navigation.formData?.get('payoutId') === payout.id}
                    >
                      {t('payouts.markPaid')}
                    </button>
                  </Form>
                ) : null}
              </li>
            )
          })}
        </ul>
      ) : (
        <p className="mt-4 text-sm text-stone-600">
          {status === 'REQUESTED' ? t('payouts.empty') : t('payouts.emptyPaid')}
        </p>
      )}
      <Pagination page={page} pageCount={pageCount} label={t('payouts.pages')} />
    </div>
  )
}
