/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ErrorList, Field } from '~/components/forms.tsx'
import { AddressBlock } from '~/components/orders/address-fields.tsx'
import {
  Money,
  Notice,
  OrderHeading,
  TrackingNumber,
  useOrderLabels,
} from '~/components/orders/commerce.tsx'
import { throwIfNotFound, toRefusal } from '~/http/errors.server.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { CARRIERS } from '~/services/orders/carriers.ts'
import { getShipment, markDelivered, markShipped } from '~/services/orders/fulfilment.server.ts'
import { ShipSchema, requireOrderNumber } from '~/services/orders/schemas.ts'
import { invariantResponse } from '~/utils/http.ts'
import { formatUtcDateTime } from '~/utils/dates.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Order ${data.shipment.number} · Shikposh` : 'Order · Shikposh' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'SELLER')
  const shipment = await getShipment(user.id, requireOrderNumber(params))
  invariantResponse(shipment, 'Order not found')
  return { shipment }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, 'SELLER')
  const number = requireOrderNumber(params)
  const formData = await readFormData(request)
  const intent = formData.get('intent')
  if (intent === 'ship') {
    const submission = parseWithZod(formData, { schema: ShipSchema })
    if (submission.status !== 'success')
      return data({ intent, result: submission.reply() }, { status: 400 })
    try {
      await markShipped(user.id, number, submission.value)
    } catch (error) {
      const refusal = toRefusal(error)
      throwIfNotFound(refusal)
      const { formErrors, fieldErrors } = refusal
      return data(
        { intent, result: submission.reply({ formErrors, fieldErrors }) },
        { status: refusal.status },
      )
    }
    return redirectWithToast(`/sell/orders/${number}`, {
      message: `Order ${number} is marked shipped. We emailed the shopper.`,
    })
  }
  if (intent === 'deliver') {
    try {
      await markDelivered(user.id, number)
    } catch (error) {
      const refusal = toRefusal(error)
      throwIfNotFound(refusal)
      return data({ intent, error: refusal.message }, { status: refusal.status })
    }
    return redirectWithToast(`/sell/orders/${number}`, {
      message: `Order ${number} is marked delivered.`,
    })
  }
  return data({ intent: null, error: 'Unknown action.' }, { status: 400 })
}

export default function SellerOrderPage() {
  const { shipment } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const labels = useOrderLabels()
  const [form, fields] = useForm({
    id: 'ship',
    lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ShipSchema }),
    shouldRevalidate: 'onInput',
  })
  const deliverError = actionData && 'error' in actionData ? actionData.error : null
  const units = shipment.lines.reduce((sum, line) => sum + line.quantity, 0)
  const carrierSelect = getSelectProps(fields.carrier)
  return (
    <div className="space-y-6">
      <OrderHeading
        back={{ to: '/sell/orders', label: 'All orders' }}
        number={shipment.number}
        status={shipment.status}
        statusLabel={labels.shipmentStatus(shipment.status)}
      >
        Placed {formatUtcDateTime(shipment.placedAt)} · {units} {units === 1 ? 'item' : 'items'} ·{' '}
        {labels.shippingMethod(shipment.shippingMethod)}
      </OrderHeading>

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <section className="card p-0" aria-labelledby="lines-heading">
          <h2 id="lines-heading" className="border-b border-stone-200 px-5 py-4 font-semibold">
            Pack these items
          </h2>
          <ul className="divide-y divide-stone-100 px-5">
            {shipment.lines.map((line) => (
              <li key={line.id} className="flex justify-between gap-4 py-3 text-sm">
                <div>
                  <p className="font-medium">{line.title}</p>
                  <p className="text-stone-600">
                    {line.colorName} · {line.sizeLabel} · SKU{' '}
                    <span className="font-mono">{line.sku}</span>
                  </p>
                </div>
                <div className="text-end">
                  <p className="font-semibold">× {line.quantity}</p>
                  <Money
                    amount={line.lineTotal}
                    currency={shipment.currency}
                    className="text-stone-600"
                  />
                </div>
              </li>
            ))}
          </ul>
          <p className="flex justify-between border-t border-stone-200 px-5 py-3 text-sm font-semibold">
            <span>Your part of the order</span>
            <Money amount={shipment.itemsTotal} currency={shipment.currency} />
          </p>
        </section>

        <div className="space-y-6">
          <section className="card p-5" aria-labelledby="ship-to-heading">
            <h2 id="ship-to-heading" className="font-semibold">
              Ship to
            </h2>
            <AddressBlock address={shipment.address} className="mt-2 text-sm text-stone-700" />
          </section>

          {shipment.status === 'PENDING' ? (
            <section className="card p-5" aria-labelledby="ship-heading">
              <h2 id="ship-heading" className="font-semibold">
                Mark as shipped
              </h2>
              <Form method="post" className="mt-3 space-y-4" {...getFormProps(form)}>
                <input type="hidden" name="intent" value="ship" />
                <div>
                  <label
                    htmlFor={carrierSelect.id}
                    className="block text-sm font-medium text-stone-800"
                  >
                    Carrier
                  </label>
                  <select
                    {...carrierSelect}
                    className="mt-1 input"
                    aria-invalid={fields.carrier.errors?.length ? true : undefined}
                    aria-describedby={
                      fields.carrier.errors?.length ? fields.carrier.errorId : undefined
                    }
                  >
                    <option value="">Choose the carrier</option>
                    {CARRIERS.map((carrier) => (
                      <option key={carrier.id} value={carrier.id}>
                        {labels.carrier(carrier.id)}
                      </option>
                    ))}
                  </select>
                  <ErrorList id={fields.carrier.errorId} errors={fields.carrier.errors} />
                </div>
                <Field
                  label="Tracking number"
                  inputProps={{
                    ...getInputProps(fields.trackingNumber, { type: 'text' }),
                    autoComplete: 'off',
                    spellCheck: false,
                  }}
                  errors={fields.trackingNumber.errors}
                  help="The shopper gets it by email and on their order page."
                />
                <ErrorList id={form.errorId} errors={form.errors} />
                <button
                  type="submit"
                  className="btn-primary w-full"
                  disabled={navigation.state === 'submitting'}
                >
                  Mark as shipped
                </button>
              </Form>
            </section>
          ) : null}

          {shipment.status === 'SHIPPED' || shipment.status === 'DELIVERED' ? (
            <section className="card p-5" aria-labelledby="tracking-heading">
              <h2 id="tracking-heading" className="font-semibold">
                Tracking
              </h2>
              <p className="mt-2 text-sm">
                {labels.carrier(shipment.carrier)} ·{' '}
                <TrackingNumber number={shipment.trackingNumber} url={shipment.trackingUrl} />
              </p>
              <p className="text-sm text-stone-600">
                Shipped {shipment.shippedAt ? formatUtcDateTime(shipment.shippedAt) : ''}
                {shipment.deliveredAt
                  ? ` · delivered ${formatUtcDateTime(shipment.deliveredAt)}`
                  : ''}
              </p>
              {shipment.status === 'SHIPPED' ? (
                <Form method="post" className="mt-4">
                  <input type="hidden" name="intent" value="deliver" />
                  <button
                    type="submit"
                    className="btn-secondary w-full"
                    disabled={navigation.state === 'submitting'}
                  >
                    Mark as delivered
                  </button>
                </Form>
              ) : null}
              {deliverError ? <Notice tone="error">{deliverError}</Notice> : null}
            </section>
          ) : null}

          {shipment.status === 'CANCELLED' ? (
            <Notice tone="info">The shopper cancelled this order. There is nothing to ship.</Notice>
          ) : null}
        </div>
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
