import { Form, Link, type useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorList } from '~/components/forms.tsx'
import { useFormat, useLocale, useLocalePath } from '~/i18n/use-locale.ts'
import { localName } from '~/services/catalog/localized.ts'
import { SubmitButton, TextInput, useFailure } from './form-parts.tsx'
import type { loader } from './route.tsx'

// The catalog page's categories: a row each (edit, move, delete) and the form that adds one.

// Up and down are the same in both writing directions.
const ARROW_UP = '↑'
const ARROW_DOWN = '↓'

type CategoryRowData = ReturnType<typeof useLoaderData<typeof loader>>['categories'][number]

export function CategoryRow({
  category,
  categories,
}: {
  category: CategoryRowData
  categories: CategoryRowData[]
}) {
  const editFailure = useFailure(`update-category:${category.id}`)
  const deleteFailure = useFailure(`delete-category:${category.id}`)
  const moveFailure = useFailure(`move-category:${category.id}`)
  const empty = category.products === 0 && category.children === 0
  const { t } = useTranslation('admin')
  const f = useFormat()
  const lp = useLocalePath()
  const name = localName(useLocale(), category)
  return (
    <tr className="align-top" data-testid={`category-${category.slug}`}>
      <td className="px-4 py-3">
        <div style={{ paddingInlineStart: `${category.depth * 1.25}rem` }}>
          <Link
            to={lp(`/c/${category.slug}`)}
            className="font-medium text-ink hover:text-brand-700 hover:underline"
          >
            {name}
          </Link>
          <span className="ms-2 font-mono text-xs text-stone-500" dir="ltr">
            {category.slug}
          </span>
          <details className="mt-2" open={Boolean(editFailure)}>
            <summary className="cursor-pointer text-xs font-medium text-brand-700">
              {t('catalog.renameOrMove')}
            </summary>
            <Form
              method="post"
              className="mt-3 grid max-w-xl gap-3 rounded-md border border-stone-200 bg-stone-50 p-3 sm:grid-cols-2"
            >
              <input type="hidden" name="intent" value="update-category" />
              <input type="hidden" name="id" value={category.id} />
              <TextInput
                name="name"
                label={t('catalog.nameEn')}
                defaultValue={category.name}
                errors={editFailure?.fieldErrors.name}
              />
              <TextInput
                name="nameFa"
                label={t('catalog.nameFaOptional')}
                defaultValue={category.nameFa ?? ''}
                errors={editFailure?.fieldErrors.nameFa}
                rtl
              />
              <TextInput
                name="slug"
                label={t('catalog.slug')}
                defaultValue={category.slug}
                ltr
                errors={editFailure?.fieldErrors.slug}
              />
              <ParentSelect
                categories={categories}
                self={category}
                defaultValue={category.parentId ?? ''}
                errors={editFailure?.fieldErrors.parentId}
              />
              <TextInput
                name="description"
                label={t('catalog.description')}
                defaultValue={category.description}
                errors={editFailure?.fieldErrors.description}
              />
              <div className="sm:col-span-2">
                <ErrorList errors={editFailure?.formErrors} />
                <SubmitButton>{t('catalog.saveCategory')}</SubmitButton>
              </div>
            </Form>
          </details>
        </div>
        <ErrorList
          errors={[...(deleteFailure?.formErrors ?? []), ...(moveFailure?.formErrors ?? [])]}
        />
      </td>
      <td className="px-4 py-3 text-stone-700">
        {f.number(category.products)}
        {category.children ? (
          <span className="block text-xs text-stone-500">
            {t('catalog.subCategories', { count: category.children })}
          </span>
        ) : null}
      </td>
      <td className="px-4 py-3">
        <div className="flex justify-end gap-1">
          <Form method="post">
            <input type="hidden" name="intent" value="move-category" />
            <input type="hidden" name="id" value={category.id} />
            <button
              type="submit"
              name="direction"
              value="up"
              disabled={category.isFirst}
              className="btn-secondary px-2 py-1"
              aria-label={t('catalog.moveUp', { name })}
            >
              {ARROW_UP}
            </button>
            <button
              type="submit"
              name="direction"
              value="down"
              disabled={category.isLast}
              className="ms-1 btn-secondary px-2 py-1"
              aria-label={t('catalog.moveDown', { name })}
            >
              {ARROW_DOWN}
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="delete-category" />
            <input type="hidden" name="id" value={category.id} />
            <button
              type="submit"
              className="btn-danger py-1"
              disabled={!empty}
              title={empty ? undefined : t('catalog.onlyEmptyCategories')}
              aria-label={t('catalog.deleteNamed', { name })}
            >
              {t('catalog.delete')}
            </button>
          </Form>
        </div>
      </td>
    </tr>
  )
}

export function NewCategory({ categories }: { categories: CategoryRowData[] }) {
  const failed = useFailure('create-category')
  const { t } = useTranslation('admin')
  return (
    <Form
      method="post"
      className="mt-6 grid gap-3 card sm:grid-cols-2"
      key={failed ? 'failed' : 'fresh'}
    >
      <h3 className="text-base font-semibold sm:col-span-2">{t('catalog.addCategory')}</h3>
      <input type="hidden" name="intent" value="create-category" />
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
      <ParentSelect categories={categories} defaultValue="" errors={failed?.fieldErrors.parentId} />
      <TextInput
        name="description"
        label={t('catalog.descriptionOptional')}
        errors={failed?.fieldErrors.description}
      />
      <div className="sm:col-span-2">
        <ErrorList errors={failed?.formErrors} />
        <SubmitButton>{t('catalog.addCategoryButton')}</SubmitButton>
      </div>
    </Form>
  )
}

function ParentSelect({
  categories,
  self,
  defaultValue,
  errors,
}: {
  categories: CategoryRowData[]
  self?: CategoryRowData
  defaultValue: string
  errors?: string[]
}) {
  // A category cannot move under itself or anything below it (rows follow the tree depth-first).
  const blocked = new Set<string>()
  if (self) {
    const start = categories.findIndex((row) => row.id === self.id)
    blocked.add(self.id)
    for (
      let index = start + 1;
      index < categories.length && categories[index]!.depth > self.depth;
      index++
    )
      blocked.add(categories[index]!.id)
  }
  const { t } = useTranslation('admin')
  const locale = useLocale()
  return (
    <label className="block text-sm font-medium text-stone-800">
      {t('catalog.parent')}
      <select
        name="parentId"
        defaultValue={defaultValue}
        className="mt-1 input font-normal"
        aria-invalid={errors?.length ? true : undefined}
      >
        <option value="">{t('catalog.topLevel')}</option>
        {categories.map((option) => (
          <option key={option.id} value={option.id} disabled={blocked.has(option.id)}>
            {'\u00a0\u00a0'.repeat(option.depth)}
            {localName(locale, option)}
          </option>
        ))}
      </select>
      <ErrorList errors={errors} />
    </label>
  )
}
