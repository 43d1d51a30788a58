import { getInputProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorList, Field } from '~/components/forms.tsx'
import { directionOf, LOCALES, type Locale } from '~/i18n/locales.ts'

type TextField = FieldMetadata<string, Record<string, unknown>, string[]>

/**
 * The product's words: the language the seller writes in, the title and description in it, and
 * optionally both in the other language (shown to shoppers reading the store in that language).
 * Each field is typed in its own language's direction.
 *
 * The language radios work before (and without) JavaScript: the words that name the other
 * language and the fields' direction follow the checked radio through CSS, so a click that lands
 * before hydration is not lost. React only keeps the `lang`/`dir` attributes in step.
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
  const radios = useRef<HTMLFieldSetElement>(null)
  // A radio clicked before hydration stays checked (the radios are uncontrolled); read it back.
  useEffect(() => {
    const checked = radios.current?.querySelector<HTMLInputElement>('input:checked')?.value
    const picked = LOCALES.find((value) => value === checked)
    if (picked) setLocale(picked)
  }, [])
  const other: Locale = locale === 'fa' ? 'en' : 'fa'
  // What names the other language, once per possible pick; CSS shows the one that applies.
  const inOther = (text: (language: string) => string) => (
    <PerPick>{(picked) => text(t(`productForm.languages.${otherThan(picked)}`))}</PerPick>
  )
  return (
    <div className="group/words space-y-4">
      <fieldset ref={radios} aria-describedby={`${fields.locale.id}-help`}>
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
                defaultChecked={initialLocale === value}
                onChange={() => setLocale(value)}
                className={`sr-only ${PICK_CLASS[value]}`}
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
          className: PICKED_DIRECTION,
          onChange: (event) => onTitleChange(event.currentTarget.value),
        }}
        errors={fields.title.errors}
      />
      <TextArea
        field={fields.description}
        label={t('productForm.fields.description')}
        locale={locale}
        className={PICKED_DIRECTION}
        rows={6}
      />
      <fieldset className="space-y-4 rounded-md border border-stone-200 p-4">
        <legend className="px-1 text-sm font-semibold text-stone-800">
          {inOther((language) => t('productForm.translation.title', { language }))}
        </legend>
        <p className="-mt-2 text-xs text-stone-500">
          {inOther((language) => t('productForm.translation.description', { language }))}
        </p>
        <Field
          label={inOther((language) => t('productForm.fields.translatedTitle', { language }))}
          inputProps={{
            ...getInputProps(fields.translatedTitle, { type: 'text' }),
            maxLength: 120,
            lang: other,
            dir: directionOf(other),
            className: OTHER_DIRECTION,
          }}
          errors={fields.translatedTitle.errors}
        />
        <TextArea
          field={fields.translatedDescription}
          label={inOther((language) => t('productForm.fields.translatedDescription', { language }))}
          locale={other}
          className={OTHER_DIRECTION}
          rows={4}
        />
      </fieldset>
    </div>
  )
}

const otherThan = (locale: Locale): Locale => (locale === 'fa' ? 'en' : 'fa')

// Tailwind reads these whole, so each language's selectors are spelled out.
const PICK_CLASS: Record<Locale, string> = { en: 'words-en', fa: 'words-fa' }
const SHOWN_WHEN_PICKED: Record<Locale, string> = {
  en: 'hidden group-has-[.words-en:checked]/words:inline',
  fa: 'hidden group-has-[.words-fa:checked]/words:inline',
}
// CSS direction wins over the `dir` attribute, so the fields turn with the radio before hydration.
const PICKED_DIRECTION =
  'group-has-[.words-en:checked]/words:[direction:ltr] group-has-[.words-fa:checked]/words:[direction:rtl]'
const OTHER_DIRECTION =
  'group-has-[.words-en:checked]/words:[direction:rtl] group-has-[.words-fa:checked]/words:[direction:ltr]'

/** Renders its text once per language the seller may pick; only the checked one's is shown. */
function PerPick({ children }: { children: (picked: Locale) => ReactNode }) {
  return LOCALES.map((picked) => (
    <span key={picked} className={SHOWN_WHEN_PICKED[picked]}>
      {children(picked)}
    </span>
  ))
}

function TextArea({
  field,
  label,
  locale,
  className,
  rows,
}: {
  field: TextField
  label: ReactNode
  locale: Locale
  className: string
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
        className={`mt-1 input ${className}`}
        aria-invalid={field.errors ? true : undefined}
        aria-describedby={field.errors ? field.errorId : undefined}
      />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  )
}
