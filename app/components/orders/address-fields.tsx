import { getInputProps, getSelectProps, type FieldMetadata } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { Field, SelectField } from '~/components/forms.tsx'
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
  const locale = useLocale()
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
      <SelectField
        label={t('address.country')}
        placeholder={t('address.chooseCountry')}
        options={countryOptions(locale)}
        selectProps={{ ...getSelectProps(fields.country), autoComplete: ac('country') }}
        errors={fields.country.errors}
      />
      {iran ? (
        <SelectField
          label={t('address.province')}
          placeholder={t('address.chooseProvince')}
          options={provinceOptions(locale)}
          selectProps={{ ...getSelectProps(fields.region), autoComplete: ac('address-level1') }}
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
