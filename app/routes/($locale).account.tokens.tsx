import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorList, Field, SubmitButton } from '~/components/forms.tsx'
import { localizedRefusal } from '~/http/refusal-messages.server.ts'
import { getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { useFormat } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import {
  API_TOKEN_LIFETIMES,
  CreateApiTokenSchema,
  RevokeApiTokenSchema,
  scopesForRoles,
} from '~/services/accounts/api-token-schemas.ts'
import {
  createApiToken,
  listApiTokens,
  revokeApiToken,
} from '~/services/accounts/api-tokens.server.ts'
import { requireUser } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

// The page must not be kept by a cache: it shows a new token's secret once.
export const headers = () => ({ 'Cache-Control': 'no-store' })

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const tokens = await listApiTokens(user.id)
  const now = Date.now()
  return {
    title: getT(request, 'account')('tokens.metaTitle'),
    scopes: scopesForRoles(user.roles),
    tokens: tokens.map((token) => ({ ...token, expired: token.expiresAt.getTime() <= now })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await readFormData(request)
  const t = getT(request, 'account')
  const noStore = { 'Cache-Control': 'no-store' }

  if (formData.get('intent') === 'revoke') {
    const parsed = RevokeApiTokenSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success)
      return data({ intent: 'revoke' as const, error: t('tokens.choose') }, { status: 400 })
    try {
      await revokeApiToken(user.id, parsed.data.tokenId)
    } catch (error) {
      const refusal = localizedRefusal(t, error)
      return data(
        { intent: 'revoke' as const, error: t('tokens.alreadyRevoked') },
        { status: refusal.status },
      )
    }
    return redirectWithToast(localeRedirectPath(request, '/account/tokens'), {
      message: t('tokens.revoked'),
    })
  }

  const submission = parseWithZod(formData, { schema: CreateApiTokenSchema })
  if (submission.status !== 'success')
    return data(
      { intent: 'create' as const, result: submission.reply(), created: null },
      { status: 400 },
    )
  try {
    const { token, secret } = await createApiToken(user, submission.value)
    return data(
      {
        intent: 'create' as const,
        result: submission.reply({ resetForm: true }),
        created: { name: token.name, secret },
      },
      { headers: noStore },
    )
  } catch (error) {
    const refusal = localizedRefusal(t, error)
    const { formErrors, fieldErrors } = refusal
    return data(
      {
        intent: 'create' as const,
        result: submission.reply({ formErrors, fieldErrors }),
        created: null,
      },
      { status: refusal.status },
    )
  }
}

export default function TokensPage() {
  const { t } = useTranslation('account')
  const format = useFormat()
  const { tokens, scopes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const created = actionData?.intent === 'create' ? actionData.created : null
  const [form, fields] = useForm({
    id: 'create-token',
    lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateApiTokenSchema }),
    shouldRevalidate: 'onInput',
    defaultValue: { expiresInDays: '30' },
  })
  const revokeError = actionData && 'error' in actionData ? actionData.error : null
  return (
    <div className="space-y-10">
      <section aria-labelledby="tokens-heading">
        <h1 id="tokens-heading" className="text-2xl font-bold tracking-tight">
          {t('tokens.title')}
        </h1>
        <p className="mt-1 text-sm text-stone-600">{t('tokens.intro')}</p>
        <p className="mt-1 text-sm">
          <a href="/api/docs" className="link">
            {t('tokens.docsLink')}
          </a>
        </p>

        {created ? (
          <div
            role="status"
            className="mt-6 max-w-xl space-y-2 rounded-lg border border-green-300 bg-green-50 p-4"
            data-testid="new-token"
          >
            <p className="font-semibold text-green-900">
              {t('tokens.createdTitle', { name: created.name })}
            </p>
            <p className="text-sm text-green-900">{t('tokens.createdHelp')}</p>
            <label className="block text-sm font-medium text-stone-800" htmlFor="new-token-secret">
              {t('tokens.secretLabel')}
            </label>
            <input
              id="new-token-secret"
              readOnly
              value={created.secret}
              dir="ltr"
              className="input font-mono text-sm"
              onFocus={(event) => event.currentTarget.select()}
            />
          </div>
        ) : null}

        <Form method="post" className="mt-6 max-w-xl space-y-4 card" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="create" />
          <Field
            label={t('tokens.name')}
            inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'off' }}
            errors={fields.name.errors}
            help={t('tokens.nameHelp')}
          />
          <div>
            <label
              htmlFor={fields.expiresInDays.id}
              className="block text-sm font-medium text-stone-800"
            >
              {t('tokens.lifetime')}
            </label>
            <select
              id={fields.expiresInDays.id}
              name={fields.expiresInDays.name}
              defaultValue={
                typeof fields.expiresInDays.initialValue === 'string'
                  ? fields.expiresInDays.initialValue
                  : '30'
              }
              className="mt-1 input"
            >
              {API_TOKEN_LIFETIMES.map((days) => (
                <option key={days} value={String(days)}>
                  {t('tokens.days', { count: days, formatted: format.number(days) })}
                </option>
              ))}
            </select>
            <ErrorList errors={fields.expiresInDays.errors} />
          </div>
          <fieldset
            aria-describedby={
              fields.scopes.errors?.length ? `${fields.scopes.id}-error` : undefined
            }
          >
            <legend className="block text-sm font-medium text-stone-800">
              {t('tokens.scopes')}
            </legend>
            <ul className="mt-2 space-y-2">
              {scopes.map((scope) => (
                <li key={scope}>
                  <label className="flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      name={fields.scopes.name}
                      value={scope}
                      className="mt-0.5 h-4 w-4 accent-brand-600"
                    />
                    <span>
                      <code dir="ltr" className="font-mono text-xs">
                        {scope}
                      </code>{' '}
                      <span className="text-stone-600">{t(`tokens.scopeHelp.${scope}`)}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            <ErrorList id={`${fields.scopes.id}-error`} errors={fields.scopes.errors} />
          </fieldset>
          <ErrorList id={form.errorId} errors={form.errors} />
          <SubmitButton>{t('tokens.create')}</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="token-list-heading">
        <h2 id="token-list-heading" className="text-xl font-bold tracking-tight">
          {t('tokens.listTitle')}
        </h2>
        {revokeError ? (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {revokeError}
          </p>
        ) : null}
        {tokens.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">{t('tokens.none')}</p>
        ) : (
          <ul className="mt-4 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {tokens.map((token) => (
              <li
                key={token.id}
                className="flex flex-wrap items-center justify-between gap-4 px-4 py-3"
                data-testid="token-row"
              >
                <div className="min-w-0">
                  <p className="font-medium">
                    <bdi>{token.name}</bdi>{' '}
                    <code dir="ltr" className="ms-1 font-mono text-xs text-stone-500">
                      {`${token.prefix}…`}
                    </code>
                    {token.expired ? (
                      <span className="ms-2 rounded bg-stone-100 px-2 py-0.5 text-xs font-semibold text-stone-700">
                        {t('tokens.expired')}
                      </span>
                    ) : null}
                  </p>
                  <p className="text-sm break-words text-stone-500" dir="ltr">
                    {token.scopes.join(' ')}
                  </p>
                  <p className="text-sm text-stone-500">
                    {t('tokens.meta', {
                      created: format.date(token.createdAt),
                      expires: format.date(token.expiresAt),
                    })}{' '}
                    {token.lastUsedAt
                      ? t('tokens.lastUsed', {
                          when: format.dateTime(token.lastUsedAt),
                          ip: token.lastUsedIp ?? t('security.unknownAddress'),
                        })
                      : t('tokens.neverUsed')}
                  </p>
                </div>
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="tokenId" value={token.id} />
                  <button
                    type="submit"
                    className="btn-danger"
                    aria-label={t('tokens.revokeNamed', { name: token.name })}
                  >
                    {t('tokens.revoke')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
