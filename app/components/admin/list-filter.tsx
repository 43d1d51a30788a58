import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

// The filter above an admin list: a search box and one select, sent as a GET form (the query
// string is the list's state, so a filtered list can be linked and reloaded).

export function ListFilter({
  search,
  select,
}: {
  search: { label: string; value: string | undefined; placeholder?: string }
  select: {
    name: string
    label: string
    value: string | undefined
    options: Array<{ value: string; label: string }>
  }
}) {
  const { t } = useTranslation('admin')
  return (
    <Form method="get" className="mt-6 flex flex-wrap items-end gap-3">
      <label className="text-sm font-medium text-stone-800">
        {search.label}
        <input
          type="search"
          name="q"
          defaultValue={search.value ?? ''}
          placeholder={search.placeholder}
          className="mt-1 input w-72 font-normal"
        />
      </label>
      <label className="text-sm font-medium text-stone-800">
        {select.label}
        <select
          name={select.name}
          defaultValue={select.value ?? ''}
          className="mt-1 input font-normal"
        >
          <option value="">{t('common.any')}</option>
          {select.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn-secondary">
        {t('common.filter')}
      </button>
    </Form>
  )
}
