import { getInputProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorList, Field } from '~/components/forms.tsx'
import { directionOf, LOCALES, type Locale } from '~/i18n/locales.ts'

type TextField = FieldMetadata<string, Record<string, unknown>, string[]>

/**
 * The product's words: the language the seller writes in, the title and description in it, and
 * optionally both in the other language (shown to shoppers reading the store in that language).
 * Each field is typed in its own language's direction.
 */
export function ProductTextFields({
  fields,
  initialLocale,
  onTitleChange,
}: {
  fields: {
    locale: TextField
    title: TextField
    description: TextField
    translatedTitle: TextField
    translatedDescription: TextField
  }
  initialLocale: Locale
  onTitleChange: (title: string) => void
}) {
  const { t } = useTranslation('seller')
  const [locale, setLocale] = useState<Locale>(initialLocale)
  const other: Locale = locale === 'fa' ? 'en' : 'fa'
  const language = t(`productForm.languages.${other}`)
  return (
    <>
      <fieldset aria-describedby={`${fields.locale.id}-help`}>
        <legend className="block text-sm font-medium text-stone-800">
          {t('productForm.fields.language')}
        </legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {LOCALES.map((value) => (
            <label
              key={value}
              className="flex cursor-pointer items-center rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium has-[:checked]:border-ink has-[:checked]:bg-ink has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-200"
            >
              <input
                type="radio"
                name={fields.locale.name}
                value={value}
                checked={locale === value}
                onChange={() => setLocale(value)}
                className="sr-only"
              />
              {t(`productForm.languages.${value}`)}
            </label>
          ))}
        </div>
        <p id={`${fields.locale.id}-help`} className="mt-1 text-xs text-stone-500">
          {t('productForm.fields.languageHelp')}
        </p>
        <ErrorList id={fields.locale.errorId} errors={fields.locale.errors} />
      </fieldset>
      <Field
        label={t('productForm.fields.title')}
        inputProps={{
          ...getInputProps(fields.title, { type: 'text' }),
          maxLength: 120,
          lang: locale,
          dir: directionOf(locale),
          onChange: (event) => onTitleChange(event.currentTarget.value),
        }}
        errors={fields.title.errors}
      />
      <TextArea
        field={fields.description}
        label={t('productForm.fields.description')}
        locale={locale}
        rows={6}
      />
      <fieldset className="space-y-4 rounded-md border border-stone-200 p-4">
        <legend className="px-1 text-sm font-semibold text-stone-800">
          {t('productForm.translation.title', { language })}
        </legend>
        <p className="-mt-2 text-xs text-stone-500">
          {t('productForm.translation.description', { language })}
        </p>
        <Field
          label={t('productForm.fields.translatedTitle', { language })}
          inputProps={{
            ...getInputProps(fields.translatedTitle, { type: 'text' }),
            maxLength: 120,
            lang: other,
            dir: directionOf(other),
          }}
          errors={fields.translatedTitle.errors}
        />
        <TextArea
          field={fields.translatedDescription}
          label={t('productForm.fields.translatedDescription', { language })}
          locale={other}
          rows={4}
        />
      </fieldset>
    </>
  )
}

function TextArea({
  field,
  label,
  locale,
  rows,
}: {
  field: TextField
  label: string
  locale: Locale
  rows: number
}) {
  return (
    <div>
      <label htmlFor={field.id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <textarea
        {...getTextareaProps(field)}
        rows={rows}
        lang={locale}
        dir={directionOf(locale)}
        className="mt-1 input"
        aria-invalid={field.errors ? true : undefined}
        aria-describedby={field.errors ? field.errorId : undefined}
      />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  )
}
