import { type FieldMetadata, type useForm } from '@conform-to/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ErrorList } from '~/components/forms.tsx'
import { AddressBlock, AddressFields } from '~/components/orders/address-fields.tsx'
import { Money, useOrderLabels } from '~/components/orders/commerce.tsx'
import type { GuestCheckoutSchema } from '~/services/orders/schemas.ts'
import type { loader } from './route.tsx'
import type { useLoaderData } from '@remix-run/react'

// The checkout form's steps after the contact: the address, the delivery and the payment. Each is
// a set of radio cards whose checked state CSS reads (so they work before JavaScript loads).

type PageData = ReturnType<typeof useLoaderData<typeof loader>>
export type CheckoutFields = ReturnType<
  typeof useForm<z.input<typeof GuestCheckoutSchema>, unknown>
>[1]

export function AddressStep({
  fields,
  addresses,
  guest,
}: {
  fields: CheckoutFields
  addresses: PageData['addresses']
  guest: boolean
}) {
  const { t } = useTranslation('orders')
  return (
    <Step number={2} title={t('checkout.steps.address')}>
      <fieldset
        className="group space-y-3"
        aria-describedby={fields.addressId.errors?.length ? 'address-error' : undefined}
      >
        <legend className="sr-only">{t('checkout.addressLegend')}</legend>
        {addresses.length ? (
          <>
            {addresses.map((address) => (
              <RadioCard
                key={address.id}
                name="addressId"
                value={address.id}
                defaultChecked={fields.addressId.initialValue === address.id}
              >
                <AddressBlock address={address} className="text-sm text-stone-700" />
                {address.isDefault ? (
                  <span className="mt-1 inline-block rounded bg-stone-100 px-1.5 py-0.5 text-xs font-medium">
                    {t('checkout.defaultAddress')}
                  </span>
                ) : null}
              </RadioCard>
            ))}
            <RadioCard
              id="address-new"
              name="addressId"
              value="new"
              defaultChecked={fields.addressId.initialValue === 'new'}
            >
              <span className="font-medium">{t('checkout.newAddress')}</span>
            </RadioCard>
          </>
        ) : (
          <input type="hidden" name="addressId" value="new" />
        )}
        <ErrorList id="address-error" errors={fields.addressId.errors} />
        {/* Shown while "A new address" is chosen; CSS does it, so it works before JavaScript loads. */}
        <div
          className={
            addresses.length
              ? 'hidden space-y-4 pt-2 group-has-[#address-new:checked]:block'
              : 'space-y-4'
          }
        >
          <AddressFields fields={fields} />
          {guest ? null : (
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="saveAddress"
                defaultChecked={fields.saveAddress.initialValue === 'on'}
                className="h-4 w-4 accent-brand-600"
              />
              {t('checkout.saveAddress')}
            </label>
          )}
        </div>
      </fieldset>
    </Step>
  )
}

export function DeliveryStep({
  fields,
  shippingMethods,
  chosenId,
  onChoose,
  currency,
}: {
  fields: CheckoutFields
  shippingMethods: PageData['shippingMethods']
  chosenId: string
  onChoose: (id: string) => void
  currency: string
}) {
  const { t } = useTranslation('orders')
  const labels = useOrderLabels()
  return (
    <Step number={3} title={t('checkout.steps.delivery')}>
      <fieldset className="space-y-3">
        <legend className="sr-only">{t('checkout.deliveryLegend')}</legend>
        {shippingMethods.map((option) => (
          <RadioCard
            key={option.id}
            name="shippingMethod"
            value={option.id}
            defaultChecked={fields.shippingMethod.initialValue === option.id}
            // Checking an option the summary was not worked out for (possible only without
            // JavaScript) swaps "Place order" for "Update total" by CSS.
            inputClassName={option.id === chosenId ? undefined : 'summary-stale'}
            onChange={() => onChoose(option.id)}
            aside={
              <span className="font-semibold">
                {option.price === 0 ? (
                  t('money.free')
                ) : (
                  <Money amount={option.price} currency={currency} />
                )}
              </span>
            }
          >
            <span className="font-medium">{labels.shippingMethod(option.id)}</span>
            <span className="block text-sm text-stone-600">
              {labels.shippingMethodDescription(option.id)}
            </span>
          </RadioCard>
        ))}
        <FieldErrors field={fields.shippingMethod} />
      </fieldset>
    </Step>
  )
}

export function PaymentStep({
  fields,
  paymentMethods,
}: {
  fields: CheckoutFields
  paymentMethods: PageData['paymentMethods']
}) {
  const { t } = useTranslation('orders')
  const labels = useOrderLabels()
  return (
    <Step number={4} title={t('checkout.steps.payment')}>
      <fieldset className="space-y-3">
        <legend className="sr-only">{t('checkout.paymentLegend')}</legend>
        {paymentMethods.map((option) => (
          <RadioCard
            key={option.id}
            name="paymentMethod"
            value={option.id}
            defaultChecked={fields.paymentMethod.initialValue === option.id}
          >
            <span className="font-medium">{labels.paymentMethod(option.id)}</span>
            <span className="block text-sm text-stone-600">
              {labels.paymentMethodDescription(option.id)}
            </span>
          </RadioCard>
        ))}
        <FieldErrors field={fields.paymentMethod} />
      </fieldset>
    </Step>
  )
}

export function Step({
  number,
  title,
  children,
}: {
  number: number
  title: string
  children: ReactNode
}) {
  return (
    <section className="card" aria-labelledby={`step-${number}`}>
      <h2 id={`step-${number}`} className="flex items-center gap-3 text-lg font-semibold">
        <span
          aria-hidden
          className="flex h-7 w-7 items-center justify-center rounded-full bg-brand-600 text-sm text-white"
        >
          {number}
        </span>
        {title}
      </h2>
      <div className="mt-4">{children}</div>
    </section>
  )
}

function RadioCard({
  id,
  name,
  value,
  defaultChecked,
  inputClassName,
  onChange,
  aside,
  children,
}: {
  id?: string
  name: string
  value: string
  defaultChecked: boolean
  inputClassName?: string | undefined
  onChange?: () => void
  aside?: ReactNode
  children: ReactNode
}) {
  return (
    <label className="flex cursor-pointer items-start gap-3 rounded-lg border border-stone-200 p-4 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-200">
      <input
        id={id}
        type="radio"
        name={name}
        value={value}
        defaultChecked={defaultChecked}
        onChange={onChange}
        className={`mt-1 h-4 w-4 accent-brand-600 ${inputClassName ?? ''}`}
      />
      <span className="min-w-0 flex-1">{children}</span>
      {aside}
    </label>
  )
}

function FieldErrors({ field }: { field: FieldMetadata<string | undefined> }) {
  return <ErrorList id={field.errorId} errors={field.errors} />
}
