import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { Field } from '~/components/forms.tsx'
import { NoShopYet } from '~/components/orders/sales-summary.tsx'
import { Pagination } from '~/components/pagination.tsx'
import { formatDateInput } from '~/i18n/date-input.ts'
import { getFormatter, getLocale, getT } from '~/i18n/i18n.server.ts'
import { moneyInputUnit, parseMoneyInput } from '~/i18n/money-input.ts'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { getEnv } from '~/infra/env.server.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { LEDGER_ENTRY_TYPES } from '~/services/finance/entry-types.ts'
import { getSellerFinances } from '~/services/finance/finances.server.ts'
import { formatIban } from '~/services/finance/iban.ts'
import { FinanceError, requestPayout, saveBankDetails } from '~/services/finance/payouts.server.ts'
import { BankDetailsSchema, LedgerQuerySchema } from '~/services/finance/schemas.ts'

// The seller's books: pending and available balances, the ledger (GET filters by type and
// dates, CSV of the same), bank details and payout requests. Both forms work without
// JavaScript; a bad field comes back (400) with its message and what was typed.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'SELLER')
  const t = getT(request, 'seller')
  const locale = getLocale(request)
  const params = new URL(request.url).searchParams
  const query = LedgerQuerySchema.parse(Object.fromEntries(params))
  const finances = await getSellerFinances(user.id, query)
  return {
    finances,
    query: {
      type: query.type ?? '',
      from: query.from ? formatDateInput(query.from, locale) : '',
      to: query.to ? formatDateInput(query.to, locale) : '',
    },
    csv: `?${new URLSearchParams(
      Object.entries({ type: query.type, from: query.from, to: query.to }).filter(
        (entry): entry is [string, string] => Boolean(entry[1]),
      ),
    ).toString()}`,
    title: t('meta.title', { page: t('finances.title') }),
  }
}

type Failure = {
  intent: 'bank' | 'payout'
  values: Record<string, string>
  errors: Record<string, string[]>
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'SELLER')
  const t = getT(request, 'seller')
  const formData = await readFormData(request)
  const text = (name: string) => {
    const value = formData.get(name)
    return typeof value === 'string' ? value : ''
  }
  const here = new URL(request.url).pathname
  const fail = (failure: Failure) => data(failure, { status: 400 })
  const env = getEnv()

  if (text('intent') === 'bank') {
    const parsed = BankDetailsSchema.safeParse({ holder: text('holder'), iban: text('iban') })
    if (!parsed.success) {
      const fields = z.flattenError(parsed.error).fieldErrors
      return fail({
        intent: 'bank',
        values: { holder: text('holder'), iban: text('iban') },
        errors: {
          holder: (fields.holder ?? []).map((code) => t(`finances.errors.${code}` as never)),
          iban: (fields.iban ?? []).map((code) => t(`finances.errors.${code}` as never)),
        },
      })
    }
    await saveBankDetails(user.id, parsed.data)
    return redirectWithToast(here, { message: t('finances.bankSaved') })
  }

  const typed = text('amount')
  const amount = parseMoneyInput(typed, moneyInputUnit(env.STORE_CURRENCY, env.STORE_PRICE_DISPLAY))
  const payoutFailure = (message: string) =>
    fail({ intent: 'payout', values: { amount: typed }, errors: { amount: [message] } })
  if (amount === null || amount <= 0) return payoutFailure(t('finances.errors.payout-amount'))
  try {
    await requestPayout(user.id, amount)
  } catch (error) {
    if (!(error instanceof FinanceError) || error.kind === 'not-found') throw error
    const max = error.values?.max
    return payoutFailure(
      t(`finances.errors.${error.code}` as never, {
        max: max === undefined ? '' : getFormatter(request).money(max),
      }),
    )
  }
  return redirectWithToast(here, { message: t('finances.payoutRequested') })
}

export default function FinancesPage() {
  const { finances, query, csv } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('seller')
  const f = useFormat()
  const lp = useLocalePath()
  if (!finances) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-bold tracking-tight">{t('finances.title')}</h1>
        <NoShopYet />
      </div>
    )
  }
  const bankFailure = actionData?.intent === 'bank' ? actionData : null
  const payoutFailure = actionData?.intent === 'payout' ? actionData : null
  const busy = (intent: string) => navigation.formData?.get('intent') === intent
  const { balance, bank, entries } = finances
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t('finances.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-stone-600">{t('finances.intro')}</p>
      </div>

      <dl className="grid gap-4 sm:grid-cols-2">
        <div className="rounded-lg border border-stone-200 bg-white p-4">
          <dt className="text-sm text-stone-600">{t('finances.pending')}</dt>
          <dd className="mt-1 text-2xl font-semibold" data-testid="balance-pending">
            {f.money(balance.pending)}
          </dd>
          <dd className="mt-1 text-xs text-stone-500">{t('finances.pendingHelp')}</dd>
        </div>
        <div className="rounded-lg border border-stone-200 bg-white p-4">
          <dt className="text-sm text-stone-600">{t('finances.available')}</dt>
          <dd className="mt-1 text-2xl font-semibold" data-testid="balance-available">
            {f.money(balance.available)}
          </dd>
          <dd className="mt-1 text-xs text-stone-500">{t('finances.availableHelp')}</dd>
        </div>
      </dl>

      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 className="text-lg font-semibold">{t('finances.payoutHeading')}</h2>
          {bank.iban ? (
            <Form method="post" className="mt-3 space-y-3" noValidate>
              <input type="hidden" name="intent" value="payout" />
              <Field
                label={t('finances.amount')}
                inputProps={{
                  name: 'amount',
                  inputMode: 'decimal',
                  defaultValue: payoutFailure?.values.amount ?? '',
                  className: 'w-48',
                }}
                errors={payoutFailure?.errors.amount}
                help={t('finances.amountHelp', { max: f.money(balance.available) })}
              />
              <button type="submit" className="btn-primary" disabled={busy('payout')}>
                {t('finances.requestPayout')}
              </button>
            </Form>
          ) : (
            <p className="mt-3 text-sm text-stone-600">{t('finances.bankFirst')}</p>
          )}
        </section>

        <section className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 className="text-lg font-semibold">{t('finances.bankHeading')}</h2>
          {bank.iban ? (
            <p className="mt-1 text-sm text-stone-600">
              {t('finances.bankOnFile')} <bdi dir="ltr">{formatIban(bank.iban)}</bdi>
            </p>
          ) : null}
          <Form method="post" className="mt-3 space-y-3" noValidate>
            <input type="hidden" name="intent" value="bank" />
            <Field
              label={t('finances.holder')}
              inputProps={{
                name: 'holder',
                autoComplete: 'name',
                defaultValue: bankFailure?.values.holder ?? bank.holder ?? '',
              }}
              errors={bankFailure?.errors.holder}
            />
            <Field
              label={t('finances.iban')}
              inputProps={{
                name: 'iban',
                dir: 'ltr',
                spellCheck: false,
                defaultValue: bankFailure?.values.iban ?? (bank.iban ? formatIban(bank.iban) : ''),
              }}
              errors={bankFailure?.errors.iban}
              help={t('finances.ibanHelp')}
            />
            <button type="submit" className="btn-secondary" disabled={busy('bank')}>
              {t('finances.saveBank')}
            </button>
          </Form>
        </section>
      </div>

      {finances.payouts.length ? (
        <section>
          <h2 className="text-lg font-semibold">{t('finances.payoutsHeading')}</h2>
          <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {finances.payouts.map((payout) => (
              <li
                key={payout.id}
                className="flex flex-wrap justify-between gap-2 px-4 py-2 text-sm"
              >
                <span>
                  {f.money(payout.amount)}
                  {t('finances.separator')}
                  {f.date(payout.requestedAt)}
                </span>
                <span data-testid="payout-status">
                  {payout.status === 'PAID'
                    ? t('finances.paid', { reference: payout.reference ?? '' })
                    : t('finances.requested')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section>
        <h2 className="text-lg font-semibold">{t('finances.ledgerHeading')}</h2>
        <Form method="get" className="mt-3 flex flex-wrap items-end gap-3">
          <label className="text-sm font-medium text-stone-800">
            {t('finances.type')}
            <select name="type" defaultValue={query.type} className="mt-1 input font-normal">
              <option value="">{t('finances.anyType')}</option>
              {LEDGER_ENTRY_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`finances.types.${type}`)}
                </option>
              ))}
            </select>
          </label>
          <Field
            label={t('finances.from')}
            inputProps={{ name: 'from', defaultValue: query.from, className: 'w-36' }}
          />
          <Field
            label={t('finances.to')}
            inputProps={{ name: 'to', defaultValue: query.to, className: 'w-36' }}
          />
          <button type="submit" className="btn-secondary">
            {t('finances.filter')}
          </button>
          <a
            href={`${lp('/sell/finances.csv')}${csv === '?' ? '' : csv}`}
            className="btn-secondary"
            download
          >
            {t('finances.csv')}
          </a>
        </Form>
        <p className="mt-2 text-xs text-stone-500">{t('finances.dateHelp')}</p>
        {entries.length ? (
          <div className="mt-3 overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="w-full text-sm">
              <caption className="sr-only">{t('finances.ledgerHeading')}</caption>
              <thead className="bg-stone-50 text-start text-stone-600">
                <tr>
                  <th scope="col" className="px-3 py-2 text-start font-medium">
                    {t('finances.when')}
                  </th>
                  <th scope="col" className="px-3 py-2 text-start font-medium">
                    {t('finances.type')}
                  </th>
                  <th scope="col" className="px-3 py-2 text-start font-medium">
                    {t('finances.what')}
                  </th>
                  <th scope="col" className="px-3 py-2 text-start font-medium">
                    {t('finances.balance')}
                  </th>
                  <th scope="col" className="px-3 py-2 text-end font-medium">
                    {t('finances.amountColumn')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-200">
                {entries.map((entry) => (
                  <tr key={entry.id} data-testid="ledger-row">
                    <td className="px-3 py-2 whitespace-nowrap">{f.date(entry.createdAt)}</td>
                    <td className="px-3 py-2">{t(`finances.types.${entry.type}`)}</td>
                    <td className="px-3 py-2">
                      {entry.order ? (
                        <Link
                          to={lp(`/sell/orders/${entry.order.number}`)}
                          className="hover:underline"
                        >
                          <bdi>{entry.order.number}</bdi>
                        </Link>
                      ) : null}
                      {entry.orderLine ? (
                        <span className="text-stone-600">
                          {t('finances.separator')}
                          <bdi>{entry.orderLine.title}</bdi>
                        </span>
                      ) : null}
                      {entry.memo ? <span className="text-stone-600">{entry.memo}</span> : null}
                    </td>
                    <td className="px-3 py-2">
                      {entry.account === 'SHOP_PENDING'
                        ? t('finances.pending')
                        : t('finances.available')}
                    </td>
                    <td
                      className={`px-3 py-2 text-end font-medium whitespace-nowrap ${
                        entry.amount < 0 ? 'text-red-800' : 'text-green-800'
                      }`}
                    >
                      {f.money(entry.amount)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="mt-3 text-sm text-stone-600">{t('finances.empty')}</p>
        )}
        <Pagination
          page={finances.page}
          pageCount={finances.pageCount}
          label={t('finances.pages')}
        />
      </section>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
