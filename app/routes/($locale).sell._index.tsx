/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useState } from 'react'
import { ErrorList, Field } from '~/components/forms.tsx'
import { SalesSummaryView } from '~/components/orders/sales-summary.tsx'
import { getEnv } from '~/infra/env.server.ts'
import { formRefusal } from '~/http/errors.server.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireUser } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { getSellerOverview } from '~/services/catalog/products.server.ts'
import { ShopSchema, slugify } from '~/services/catalog/schemas.ts'
import { getShopForOwner, openShop } from '~/services/catalog/shops.server.ts'
import { getSalesSummary } from '~/services/orders/sales.server.ts'
import { SALES_WINDOW_DAYS } from '~/services/orders/schemas.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const shop = await getShopForOwner(user.id)
  if (!shop) return { shop: null, overview: null, sales: null, currency: null, userName: user.name }
  const [overview, sales] = await Promise.all([
    getSellerOverview(user.id),
    getSalesSummary(user.id),
  ])
  return { shop, overview, sales, currency: getEnv().STORE_CURRENCY, userName: user.name }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const submission = parseWithZod(await readFormData(request), { schema: ShopSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  try {
    await openShop(user.id, submission.value)
  } catch (error) {
    return formRefusal(submission, error)
  }
  return redirectWithToast('/sell/products/new', {
    message: `Your shop “${submission.value.name}” is open. Add your first product.`,
  })
}

export default function SellIndex() {
  const { shop, overview, sales, currency, userName } = useLoaderData<typeof loader>()
  if (!shop || !overview) return <OpenShop userName={userName} />
  const cards = [
    { label: 'Published', value: overview.counts.ACTIVE, to: '/sell/products?status=ACTIVE' },
    { label: 'Drafts', value: overview.counts.DRAFT, to: '/sell/products?status=DRAFT' },
    { label: 'Archived', value: overview.counts.ARCHIVED, to: '/sell/products?status=ARCHIVED' },
  ]
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">{shop.name}</h1>
          <p className="mt-1 text-sm text-stone-600">Your shop at a glance.</p>
        </div>
        <Link to="/sell/products/new" className="btn-primary">
          Add a product
        </Link>
      </div>
      <ul className="grid gap-4 sm:grid-cols-3">
        {cards.map((card) => (
          <li key={card.label}>
            <Link to={card.to} className="block card hover:border-brand-200">
              <span className="text-sm text-stone-600">{card.label}</span>
              <span className="mt-1 block text-3xl font-bold">{card.value}</span>
            </Link>
          </li>
        ))}
      </ul>
      {sales && currency ? (
        <section aria-labelledby="sales-heading" className="space-y-4">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="sales-heading" className="text-lg font-semibold">
              The last {SALES_WINDOW_DAYS} days
            </h2>
            <Link to="/sell/sales" className="text-sm link">
              Sales per day →
            </Link>
          </div>
          <SalesSummaryView summary={sales} currency={currency} compact />
        </section>
      ) : null}
    </div>
  )
}

function OpenShop({ userName }: { userName: string }) {
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'open-shop',
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ShopSchema }),
    shouldRevalidate: 'onInput',
  })
  // The address follows the name until the seller edits it themselves.
  const { defaultValue: postedSlug, ...slugProps } = getInputProps(fields.slug, { type: 'text' })
  const [slug, setSlug] = useState<string | null>(postedSlug ?? null)
  const [suggested, setSuggested] = useState('')
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight">Open your shop on Shikposh</h1>
      <p className="mt-3 text-stone-600">
        {userName}, list your clothes, shoes and accessories alongside independent shops. It is free
        to open a shop; you can add products straight away and publish them when you are ready.
      </p>
      <Form method="post" className="mt-8 space-y-4 card" {...getFormProps(form)}>
        <Field
          label="Shop name"
          inputProps={{
            ...getInputProps(fields.name, { type: 'text' }),
            autoFocus: true,
            onChange: (event) => setSuggested(slugify(event.currentTarget.value)),
          }}
          errors={fields.name.errors}
        />
        <Field
          label="Web address"
          inputProps={{
            ...slugProps,
            value: slug ?? suggested,
            onChange: (event) => setSlug(event.currentTarget.value),
            autoCapitalize: 'none',
            spellCheck: false,
          }}
          errors={fields.slug.errors}
          help={`Your shop will live at /shops/${slug ?? (suggested || 'your-shop')}. Lower-case letters, digits and hyphens.`}
        />
        <div>
          <label
            htmlFor={fields.description.id}
            className="block text-sm font-medium text-stone-800"
          >
            About your shop <span className="font-normal text-stone-500">(optional)</span>
          </label>
          <textarea {...getTextareaProps(fields.description)} rows={4} className="mt-1 input" />
          <ErrorList id={fields.description.errorId} errors={fields.description.errors} />
        </div>
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
          {navigation.state === 'submitting' ? 'Opening your shop…' : 'Open my shop'}
        </button>
      </Form>
    </div>
  )
}
