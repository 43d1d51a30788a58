import { getInputProps, getSelectProps, type FieldMetadata } from '@conform-to/react'
import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorList, Field } from '~/components/forms.tsx'
import { useLocale } from '~/i18n/use-locale.ts'
import { localDigits } from '~/i18n/format.ts'
import { addressLines } from '~/services/orders/address-format.ts'
import { countryOptions } from '~/services/orders/countries.ts'
import { provinceOptions } from '~/services/orders/iran.ts'
import type { AddressInput } from '~/services/orders/schemas.ts'

type AddressFieldMeta = { [K in keyof AddressInput]: FieldMetadata<string | undefined> }

/**
 * The address inputs, with browser autofill hints, for the address book and the checkout. Once
 * Iran is the country, the region is a list of its provinces and the postal code and phone say
 * what Iran expects; without JavaScript the form shows the general fields (the province typed
 * in either language is accepted) and re-renders for Iran after the first submit.
 */
export function AddressFields({
  fields,
  section = 'shipping',
}: {
  fields: AddressFieldMeta
  section?: string
}) {
  const { t } = useTranslation('orders')
  const ac = (token: string) => `${section} ${token}`
  const iran = (fields.country.value ?? fields.country.initialValue ?? '').toUpperCase() === 'IR'
  const optional = (label: string) => (
    <>
      {label} <span className="font-normal text-stone-500">{t('address.optional')}</span>
    </>
  )
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <Field
          label={t('address.fullName')}
          inputProps={{
            ...getInputProps(fields.fullName, { type: 'text' }),
            autoComplete: ac('name'),
          }}
          errors={fields.fullName.errors}
        />
      </div>
      <CountrySelect
        field={fields.country}
        autoComplete={ac('country')}
        errors={fields.country.errors}
      />
      {iran ? (
        <ProvinceSelect
          field={fields.region}
          autoComplete={ac('address-level1')}
          errors={fields.region.errors}
        />
      ) : (
        <Field
          label={optional(t('address.region'))}
          inputProps={{
            ...getInputProps(fields.region, { type: 'text' }),
            autoComplete: ac('address-level1'),
          }}
          help={t('address.regionHelp')}
          errors={fields.region.errors}
        />
      )}
      <Field
        label={t('address.city')}
        inputProps={{
          ...getInputProps(fields.city, { type: 'text' }),
          autoComplete: ac('address-level2'),
        }}
        errors={fields.city.errors}
      />
      <Field
        label={t('address.postalCode')}
        inputProps={{
          ...getInputProps(fields.postalCode, { type: 'text' }),
          autoComplete: ac('postal-code'),
          dir: 'ltr',
          className: 'rtl:text-end',
          ...(iran ? { inputMode: 'numeric' as const } : {}),
        }}
        help={iran ? t('address.postalCodeIranHelp') : undefined}
        errors={fields.postalCode.errors}
      />
      <div className="sm:col-span-2">
        <Field
          label={t('address.line1')}
          inputProps={{
            ...getInputProps(fields.line1, { type: 'text' }),
            autoComplete: ac('address-line1'),
          }}
          errors={fields.line1.errors}
        />
      </div>
      <div className="sm:col-span-2">
        <Field
          label={optional(t('address.line2'))}
          inputProps={{
            ...getInputProps(fields.line2, { type: 'text' }),
            autoComplete: ac('address-line2'),
          }}
          errors={fields.line2.errors}
        />
      </div>
      <div className="sm:col-span-2">
        <Field
          label={iran ? t('address.mobile') : t('address.phone')}
          inputProps={{
            ...getInputProps(fields.phone, { type: 'tel' }),
            autoComplete: ac('tel'),
            dir: 'ltr',
            className: 'rtl:text-end',
          }}
          errors={fields.phone.errors}
          help={iran ? t('address.mobileHelp') : t('address.phoneHelp')}
        />
      </div>
    </div>
  )
}

function SelectField({
  field,
  autoComplete,
  errors,
  label,
  children,
}: {
  field: FieldMetadata<string | undefined>
  autoComplete: string
  errors: string[] | undefined
  label: string
  children: ReactNode
}) {
  const fallbackId = useId()
  const props = getSelectProps(field)
  const id = props.id ?? fallbackId
  const errorId = errors?.length ? `${id}-error` : undefined
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <select
        {...props}
        id={id}
        className="mt-1 input"
        autoComplete={autoComplete}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
      >
        {children}
      </select>
      <div className="mt-1 min-h-5">
        <ErrorList id={errorId} errors={errors} className="" />
      </div>
    </div>
  )
}

function CountrySelect(props: {
  field: FieldMetadata<string | undefined>
  autoComplete: string
  errors: string[] | undefined
}) {
  const { t } = useTranslation('orders')
  const locale = useLocale()
  return (
    <SelectField {...props} label={t('address.country')}>
      <option value="">{t('address.chooseCountry')}</option>
      {countryOptions(locale).map(([code, name]) => (
        <option key={code} value={code}>
          {name}
        </option>
      ))}
    </SelectField>
  )
}

function ProvinceSelect(props: {
  field: FieldMetadata<string | undefined>
  autoComplete: string
  errors: string[] | undefined
}) {
  const { t } = useTranslation('orders')
  const locale = useLocale()
  return (
    <SelectField {...props} label={t('address.province')}>
      <option value="">{t('address.chooseProvince')}</option>
      {provinceOptions(locale).map(([id, name]) => (
        <option key={id} value={id}>
          {name}
        </option>
      ))}
    </SelectField>
  )
}

export function AddressBlock({
  address,
  className = '',
}: {
  address: AddressInput
  className?: string
}) {
  const locale = useLocale()
  const [name, ...rest] = addressLines(address, locale)
  return (
    <address className={`not-italic ${className}`}>
      <span className="block font-medium text-stone-900">{name}</span>
      {rest.map((line) => (
        <span key={line} className="block">
          {line}
        </span>
      ))}
      {address.phone ? (
        <span className="mt-1 block text-stone-500">
          <bdi dir="ltr">{localDigits(address.phone, locale)}</bdi>
        </span>
      ) : null}
    </address>
  )
}
