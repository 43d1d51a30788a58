import { Form, Link, type useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorList } from '~/components/forms.tsx'
import { useFormat, useLocale, useLocalePath } from '~/i18n/use-locale.ts'
import { localName } from '~/services/catalog/localized.ts'
import { SubmitButton, TextInput, useFailure } from './form-parts.tsx'
import type { loader } from './route.tsx'

// The catalog page's brands: a row each (edit, delete) and the form that adds one.

type BrandRowData = ReturnType<typeof useLoaderData<typeof loader>>['brands'][number]

export function BrandRow({ brand }: { brand: BrandRowData }) {
  const editFailure = useFailure(`update-brand:${brand.id}`)
  const deleteFailure = useFailure(`delete-brand:${brand.id}`)
  const { t } = useTranslation('admin')
  const f = useFormat()
  const lp = useLocalePath()
  const name = localName(useLocale(), brand)
  return (
    <tr className="align-top">
      <td className="px-4 py-3">
        <Link
          to={lp(`/brands/${brand.slug}`)}
          className="font-medium text-ink hover:text-brand-700 hover:underline"
        >
          {name}
        </Link>
        <span className="ms-2 font-mono text-xs text-stone-500" dir="ltr">
          {brand.slug}
        </span>
        <details className="mt-2" open={Boolean(editFailure)}>
          <summary className="cursor-pointer text-xs font-medium text-brand-700">
            {t('catalog.rename')}
          </summary>
          <Form
            method="post"
            className="mt-3 grid max-w-xl gap-3 rounded-md border border-stone-200 bg-stone-50 p-3 sm:grid-cols-2"
          >
            <input type="hidden" name="intent" value="update-brand" />
            <input type="hidden" name="id" value={brand.id} />
            <TextInput
              name="name"
              label={t('catalog.nameEn')}
              defaultValue={brand.name}
              errors={editFailure?.fieldErrors.name}
            />
            <TextInput
              name="nameFa"
              label={t('catalog.nameFaOptional')}
              defaultValue={brand.nameFa ?? ''}
              errors={editFailure?.fieldErrors.nameFa}
              rtl
            />
            <TextInput
              name="slug"
              label={t('catalog.slug')}
              defaultValue={brand.slug}
              ltr
              errors={editFailure?.fieldErrors.slug}
            />
            <div className="sm:col-span-2">
              <TextInput
                name="description"
                label={t('catalog.description')}
                defaultValue={brand.description}
                errors={editFailure?.fieldErrors.description}
              />
            </div>
            <div className="sm:col-span-2">
              <ErrorList errors={editFailure?.formErrors} />
              <SubmitButton>{t('catalog.saveBrand')}</SubmitButton>
            </div>
          </Form>
        </details>
        <ErrorList errors={deleteFailure?.formErrors} />
      </td>
      <td className="px-4 py-3 text-stone-700">{f.number(brand.products)}</td>
      <td className="px-4 py-3 text-end">
        <Form method="post">
          <input type="hidden" name="intent" value="delete-brand" />
          <input type="hidden" name="id" value={brand.id} />
          <button
            type="submit"
            className="btn-danger py-1"
            disabled={brand.products > 0}
            title={brand.products ? t('catalog.onlyBrandsWithoutProducts') : undefined}
            aria-label={t('catalog.deleteNamed', { name })}
          >
            {t('catalog.delete')}
          </button>
        </Form>
      </td>
    </tr>
  )
}

export function NewBrand() {
  const failed = useFailure('create-brand')
  const { t } = useTranslation('admin')
  return (
    <Form
      method="post"
      className="mt-6 grid gap-3 card sm:grid-cols-2"
      key={failed ? 'failed' : 'fresh'}
    >
      <h3 className="text-base font-semibold sm:col-span-2">{t('catalog.addBrand')}</h3>
      <input type="hidden" name="intent" value="create-brand" />
      <TextInput name="name" label={t('catalog.nameEn')} errors={failed?.fieldErrors.name} />
      <TextInput
        name="nameFa"
        label={t('catalog.nameFaOptional')}
        errors={failed?.fieldErrors.nameFa}
        rtl
      />
      <TextInput
        name="slug"
        label={t('catalog.slugOptional')}
        errors={failed?.fieldErrors.slug}
        help={t('catalog.slugHelp')}
        ltr
      />
      <div className="sm:col-span-2">
        <TextInput
          name="description"
          label={t('catalog.descriptionOptional')}
          errors={failed?.fieldErrors.description}
        />
      </div>
      <div className="sm:col-span-2">
        <ErrorList errors={failed?.formErrors} />
        <SubmitButton>{t('catalog.addBrandButton')}</SubmitButton>
      </div>
    </Form>
  )
}
