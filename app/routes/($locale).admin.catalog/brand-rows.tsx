import type { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorList } from '~/components/forms.tsx'
import { useFormat, useLocale, useLocalePath } from '~/i18n/use-locale.ts'
import { localName } from '~/services/catalog/localized.ts'
import { DeleteEntry, EditEntry, EntryName, NewEntry, useFailure } from './form-parts.tsx'
import type { loader } from './route.tsx'

// The catalog page's brands: a row each (edit, delete) and the form that adds one.

type BrandRowData = ReturnType<typeof useLoaderData<typeof loader>>['brands'][number]

export function BrandRow({ brand }: { brand: BrandRowData }) {
  const deleteFailure = useFailure(`delete-brand:${brand.id}`)
  const { t } = useTranslation('admin')
  const f = useFormat()
  const lp = useLocalePath()
  const name = localName(useLocale(), brand)
  return (
    <tr className="align-top">
      <td className="px-4 py-3">
        <EntryName to={lp(`/brands/${brand.slug}`)} name={name} slug={brand.slug} />
        <EditEntry
          intent="update-brand"
          entry={brand}
          summary={t('catalog.rename')}
          submit={t('catalog.saveBrand')}
        />
        <ErrorList errors={deleteFailure?.formErrors} />
      </td>
      <td className="px-4 py-3 text-stone-700">{f.number(brand.products)}</td>
      <td className="px-4 py-3 text-end">
        <DeleteEntry
          intent="delete-brand"
          id={brand.id}
          name={name}
          refusal={brand.products ? t('catalog.onlyBrandsWithoutProducts') : undefined}
        />
      </td>
    </tr>
  )
}

export function NewBrand() {
  const { t } = useTranslation('admin')
  return (
    <NewEntry
      intent="create-brand"
      heading={t('catalog.addBrand')}
      submit={t('catalog.addBrandButton')}
    />
  )
}
