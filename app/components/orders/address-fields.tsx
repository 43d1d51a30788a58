/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
import { getInputProps, getSelectProps, type FieldMetadata } from '@conform-to/react'
import { useId } from 'react'
import { ErrorList, Field } from '~/components/forms.tsx'
import { addressLines } from '~/services/orders/address-format.ts'
import { COUNTRIES } from '~/services/orders/countries.ts'
import type { AddressInput } from '~/services/orders/schemas.ts'

type AddressFieldMeta = { [K in keyof AddressInput]: FieldMetadata<string | undefined> }

/** The address inputs, with browser autofill hints, for the address book and the checkout. */
export function AddressFields({
  fields,
  section = 'shipping',
}: {
  fields: AddressFieldMeta
  section?: string
}) {
  const ac = (token: string) => `${section} ${token}`
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <Field
          label="Full name"
          inputProps={{
            ...getInputProps(fields.fullName, { type: 'text' }),
            autoComplete: ac('name'),
          }}
          errors={fields.fullName.errors}
        />
      </div>
      <div className="sm:col-span-2">
        <Field
          label="Street address"
          inputProps={{
            ...getInputProps(fields.line1, { type: 'text' }),
            autoComplete: ac('address-line1'),
          }}
          errors={fields.line1.errors}
        />
      </div>
      <div className="sm:col-span-2">
        <Field
          label={
            <>
              Apartment, suite, floor <span className="font-normal text-stone-500">(optional)</span>
            </>
          }
          inputProps={{
            ...getInputProps(fields.line2, { type: 'text' }),
            autoComplete: ac('address-line2'),
          }}
          errors={fields.line2.errors}
        />
      </div>
      <Field
        label="Town or city"
        inputProps={{
          ...getInputProps(fields.city, { type: 'text' }),
          autoComplete: ac('address-level2'),
        }}
        errors={fields.city.errors}
      />
      <Field
        label={
          <>
            State, province or region <span className="font-normal text-stone-500">(optional)</span>
          </>
        }
        inputProps={{
          ...getInputProps(fields.region, { type: 'text' }),
          autoComplete: ac('address-level1'),
        }}
        errors={fields.region.errors}
      />
      <Field
        label="Postal code"
        inputProps={{
          ...getInputProps(fields.postalCode, { type: 'text' }),
          autoComplete: ac('postal-code'),
        }}
        errors={fields.postalCode.errors}
      />
      <CountrySelect field={fields.country} autoComplete={ac('country')} />
      <div className="sm:col-span-2">
        <Field
          label="Phone"
          inputProps={{ ...getInputProps(fields.phone, { type: 'tel' }), autoComplete: ac('tel') }}
          errors={fields.phone.errors}
          help="For the courier, in case they cannot find you."
        />
      </div>
    </div>
  )
}

function CountrySelect({
  field,
  autoComplete,
}: {
  field: FieldMetadata<string | undefined>
  autoComplete: string
}) {
  const fallbackId = useId()
  const props = getSelectProps(field)
  const id = props.id ?? fallbackId
  const errorId = field.errors?.length ? `${id}-error` : undefined
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        Country
      </label>
      <select
        {...props}
        id={id}
        className="mt-1 input"
        autoComplete={autoComplete}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
      >
        <option value="">Choose a country</option>
        {COUNTRIES.map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </select>
      <ErrorList id={errorId} errors={field.errors} />
    </div>
  )
}

export function AddressBlock({
  address,
  className = '',
}: {
  address: AddressInput
  className?: string
}) {
  const [name, ...rest] = addressLines(address)
  return (
    <address className={`not-italic ${className}`}>
      <span className="block font-medium text-stone-900">{name}</span>
      {rest.map((line) => (
        <span key={line} className="block">
          {line}
        </span>
      ))}
      {address.phone ? <span className="mt-1 block text-stone-500">{address.phone}</span> : null}
    </address>
  )
}
