import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { ErrorList, Field, SubmitButton } from '~/components/forms.tsx'
import { AddressBlock } from '~/components/orders/address-fields.tsx'
import {
  Money,
  Notice,
  OrderHeading,
  TrackingNumber,
  useMoney,
  useOrderLabels,
} from '~/components/orders/commerce.tsx'
import { LineDiscounts } from '~/components/orders/promo-code.tsx'
import { throwIfNotFound } from '~/http/errors.server.ts'
import { localizedRefusal } from '~/http/refusal-messages.server.ts'
import { getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { readFormData } from '~/infra/uploads/form-body.server.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'
import { CARRIERS } from '~/services/orders/carriers.ts'
import { getShipment, markDelivered, markShipped } from '~/services/orders/fulfilment.server.ts'
import {
  decideReturn,
  listOrderReturnsForShop,
  receiveReturn,
} from '~/services/orders/item-returns.server.ts'
import { ReturnDecisionSchema, ReturnReceivedSchema } from '~/services/orders/return-schemas.ts'
import { SellerReturns } from './seller-returns.tsx'
import { settlesOnDelivery } from '~/services/orders/payments/index.server.ts'
import { ShipSchema, requireOrderNumber } from '~/services/orders/schemas.ts'
import { paymentHeadline } from '~/services/orders/status.ts'
import { invariantResponse } from '~/utils/http.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'SELLER')
  const t = getT(request, 'seller')
  const shipment = await getShipment(user.id, requireOrderNumber(params))
  invariantResponse(shipment, t('order.notFound'))
  return {
    shipment,
    // What the seller needs before packing: whether the shopper has paid (a card order waiting
    // for its payment is not to be shipped yet).
    payment: paymentHeadline(shipment.paymentStatus, {
      paysOnDelivery: settlesOnDelivery(shipment.paymentMethod),
      shipments: [shipment],
    }),
    returns: await listOrderReturnsForShop(user.id, shipment.number),
    title: t('meta.title', { page: t('order.metaTitle', { number: shipment.number }) }),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, 'SELLER')
  const number = requireOrderNumber(params)
  const formData = await readFormData(request)
  const intent = formData.get('intent')
  const t = getT(request, 'seller')
  const here = localeRedirectPath(request, `/sell/orders/${number}`)
  if (intent === 'ship') {
    const submission = parseWithZod(formData, { schema: ShipSchema })
    if (submission.status !== 'success')
      return data({ intent, result: submission.reply() }, { status: 400 })
    try {
      await markShipped(user.id, number, submission.value)
    } catch (error) {
      const refusal = localizedRefusal(t, error)
      throwIfNotFound(refusal)
      const { formErrors, fieldErrors } = refusal
      return data(
        { intent, result: submission.reply({ formErrors, fieldErrors }) },
        { status: refusal.status },
      )
    }
    return redirectWithToast(here, { message: t('order.shipped', { number }) })
  }
  if (intent === 'deliver') {
    try {
      await markDelivered(user.id, number)
    } catch (error) {
      const refusal = localizedRefusal(t, error)
      throwIfNotFound(refusal)
      return data({ intent, error: refusal.message }, { status: refusal.status })
    }
    return redirectWithToast(here, { message: t('order.delivered', { number }) })
  }
  if (intent === 'decide-return' || intent === 'receive-return') {
    const submission = parseWithZod(formData, {
      schema: intent === 'decide-return' ? ReturnDecisionSchema : ReturnReceivedSchema,
    })
    const returnId = String(formData.get('returnId') ?? '')
    if (submission.status !== 'success')
      return data({ intent, returnId, result: submission.reply() }, { status: 400 })
    const value = submission.value
    try {
      if ('decision' in value)
        await decideReturn(
          user.id,
          number,
          value.returnId,
          value.decision === 'approve'
            ? { decision: 'approve' }
            : { decision: 'refuse', reason: value.reason },
        )
      else
        await receiveReturn(user.id, number, value.returnId, {
          resellable: value.resellable === 'yes',
        })
    } catch (error) {
      const refusal = localizedRefusal(t, error)
      throwIfNotFound(refusal)
      const { formErrors, fieldErrors } = refusal
      return data(
        {
          intent,
          returnId,
          result: submission.reply({ formErrors, fieldErrors }),
        },
        { status: refusal.status },
      )
    }
    const done =
      'decision' in value
        ? value.decision === 'approve'
          ? t('returns.approvedToast')
          : t('returns.refusedToast')
        : t('returns.receivedToast')
    return redirectWithToast(here, { message: done })
  }
  return data({ intent: null, error: t('order.unknownAction') }, { status: 400 })
}

export default function SellerOrderPage() {
  const { shipment, payment, returns } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('seller')
  const lp = useLocalePath()
  const f = useFormat()
  const labels = useOrderLabels()
  const [form, fields] = useForm({
    id: 'ship',
    lastResult:
      actionData && actionData.intent === 'ship' && 'result' in actionData
        ? actionData.result
        : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ShipSchema }),
    shouldRevalidate: 'onInput',
  })
  const deliverError = actionData && 'error' in actionData ? actionData.error : null
  const returnResult =
    actionData && 'returnId' in actionData && 'result' in actionData
      ? { returnId: String(actionData.returnId), result: actionData.result }
      : null
  const units = shipment.lines.reduce((sum, line) => sum + line.quantity, 0)
  const codesOff = shipment.lines.reduce(
    (sum, line) => sum + line.discounts.reduce((off, discount) => off + discount.amount, 0),
    0,
  )
  const { t: tOrders } = useTranslation('orders')
  const money = useMoney(shipment.currency)
  const afterCodes = codesOff
    ? tOrders('detail.lineAfterCodes', { amount: money(shipment.itemsTotal - codesOff) })
    : null
  const carrierSelect = getSelectProps(fields.carrier)
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <OrderHeading
          back={{ to: lp('/sell/orders'), label: t('order.back') }}
          number={shipment.number}
          status={shipment.status}
          statusLabel={labels.shipmentStatus(shipment.status)}
        >
          {t('order.placed', {
            date: f.dateTime(shipment.placedAt),
            count: units,
            n: f.number(units),
            method: labels.shippingMethod(shipment.shippingMethod),
          })}
        </OrderHeading>
        <Link to={lp(`/sell/orders/${shipment.number}/slip`)} className="btn-secondary">
          {t('slip.link')}
        </Link>
      </div>

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <section className="card p-0" aria-labelledby="lines-heading">
          <h2 id="lines-heading" className="border-b border-stone-200 px-5 py-4 font-semibold">
            {t('order.pack')}
          </h2>
          <ul className="divide-y divide-stone-100 px-5">
            {shipment.lines.map((line) => (
              <li key={line.id} className="flex justify-between gap-4 py-3 text-sm">
                <div>
                  <p className="font-medium">{line.title}</p>
                  <p className="text-stone-600">
                    {line.colorName} · {line.sizeLabel} · {t('order.sku')}{' '}
                    <bdi className="font-mono">{line.sku}</bdi>
                  </p>
                </div>
                <div className="text-end">
                  <p className="font-semibold">× {f.number(line.quantity)}</p>
                  <Money
                    amount={line.lineTotal}
                    currency={shipment.currency}
                    className="text-stone-600"
                  />
                  <LineDiscounts discounts={line.discounts} currency={shipment.currency} />
                </div>
              </li>
            ))}
          </ul>
          <p className="flex justify-between border-t border-stone-200 px-5 py-3 text-sm font-semibold">
            <span>{t('order.yourPart')}</span>
            <Money amount={shipment.itemsTotal} currency={shipment.currency} />
          </p>
          {afterCodes ? (
            <p className="px-5 pb-3 text-end text-sm text-green-700" data-testid="after-codes">
              {afterCodes}
            </p>
          ) : null}
        </section>
        {returns.length ? (
          <SellerReturns
            returns={returns}
            currency={shipment.currency}
            actionResult={returnResult}
          />
        ) : null}

        <div className="space-y-6">
          <section className="card p-5" aria-labelledby="ship-to-heading">
            <h2 id="ship-to-heading" className="font-semibold">
              {t('order.shipTo')}
            </h2>
            <AddressBlock address={shipment.address} className="mt-2 text-sm text-stone-700" />
          </section>

          <section className="card p-5" aria-labelledby="payment-heading">
            <h2 id="payment-heading" className="font-semibold">
              {t('order.payment')}
            </h2>
            <p className="mt-2 text-sm">{labels.paymentMethod(shipment.paymentMethod)}</p>
            <p className="text-sm text-stone-600" data-testid="payment-status">
              {labels.paymentStatus(payment)}
            </p>
          </section>

          {shipment.status === 'PENDING' ? (
            <section className="card p-5" aria-labelledby="ship-heading">
              <h2 id="ship-heading" className="font-semibold">
                {t('order.markShipped')}
              </h2>
              <Form method="post" className="mt-3 space-y-4" {...getFormProps(form)}>
                <input type="hidden" name="intent" value="ship" />
                <div>
                  <label
                    htmlFor={carrierSelect.id}
                    className="block text-sm font-medium text-stone-800"
                  >
                    {t('order.carrier')}
                  </label>
                  <select
                    {...carrierSelect}
                    className="mt-1 input"
                    aria-invalid={fields.carrier.errors?.length ? true : undefined}
                    aria-describedby={
                      fields.carrier.errors?.length ? fields.carrier.errorId : undefined
                    }
                  >
                    <option value="">{t('order.chooseCarrier')}</option>
                    {CARRIERS.map((carrier) => (
                      <option key={carrier.id} value={carrier.id}>
                        {labels.carrier(carrier.id)}
                      </option>
                    ))}
                  </select>
                  <ErrorList id={fields.carrier.errorId} errors={fields.carrier.errors} />
                </div>
                <Field
                  label={t('order.trackingNumber')}
                  inputProps={{
                    ...getInputProps(fields.trackingNumber, { type: 'text' }),
                    autoComplete: 'off',
                    spellCheck: false,
                    dir: 'ltr',
                  }}
                  errors={fields.trackingNumber.errors}
                  help={t('order.trackingHelp')}
                />
                <ErrorList id={form.errorId} errors={form.errors} />
                <SubmitButton className="btn-primary w-full">{t('order.markShipped')}</SubmitButton>
              </Form>
            </section>
          ) : null}

          {shipment.status === 'SHIPPED' || shipment.status === 'DELIVERED' ? (
            <section className="card p-5" aria-labelledby="tracking-heading">
              <h2 id="tracking-heading" className="font-semibold">
                {t('order.tracking')}
              </h2>
              <p className="mt-2 text-sm">
                {labels.carrier(shipment.carrier)} ·{' '}
                <TrackingNumber number={shipment.trackingNumber} url={shipment.trackingUrl} />
              </p>
              <p className="text-sm text-stone-600">
                {shipment.shippedAt
                  ? t('order.shippedAt', { date: f.dateTime(shipment.shippedAt) })
                  : null}
                {shipment.deliveredAt
                  ? ` · ${t('order.deliveredAt', { date: f.dateTime(shipment.deliveredAt) })}`
                  : null}
              </p>
              {shipment.status === 'SHIPPED' ? (
                <Form method="post" className="mt-4">
                  <input type="hidden" name="intent" value="deliver" />
                  <SubmitButton className="btn-secondary w-full">
                    {t('order.markDelivered')}
                  </SubmitButton>
                </Form>
              ) : null}
              {deliverError ? <Notice tone="error">{deliverError}</Notice> : null}
            </section>
          ) : null}

          {shipment.status === 'CANCELLED' ? (
            <Notice tone="info">{t('order.cancelled')}</Notice>
          ) : null}
        </div>
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
