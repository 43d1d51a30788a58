import { Form, type useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorList } from '~/components/forms.tsx'
import { useFormat, useLocale, useLocalePath } from '~/i18n/use-locale.ts'
import { localName } from '~/services/catalog/localized.ts'
import { DeleteEntry, EditEntry, EntryName, NewEntry, useFailure } from './form-parts.tsx'
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
          <EntryName to={lp(`/c/${category.slug}`)} name={name} slug={category.slug} />
          <EditEntry
            intent="update-category"
            entry={category}
            summary={t('catalog.renameOrMove')}
            submit={t('catalog.saveCategory')}
            extra={
              <ParentSelect
                categories={categories}
                self={category}
                defaultValue={category.parentId ?? ''}
                errors={editFailure?.fieldErrors.parentId}
              />
            }
          />
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
          <DeleteEntry
            intent="delete-category"
            id={category.id}
            name={name}
            refusal={empty ? undefined : t('catalog.onlyEmptyCategories')}
          />
        </div>
      </td>
    </tr>
  )
}

export function NewCategory({ categories }: { categories: CategoryRowData[] }) {
  const failed = useFailure('create-category')
  const { t } = useTranslation('admin')
  return (
    <NewEntry
      intent="create-category"
      heading={t('catalog.addCategory')}
      submit={t('catalog.addCategoryButton')}
      extra={
        <ParentSelect
          categories={categories}
          defaultValue=""
          errors={failed?.fieldErrors.parentId}
        />
      }
    />
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
