import { useTranslation } from 'react-i18next'
import { useFormat } from '~/i18n/use-locale.ts'

// Star ratings as text a screen reader can say, drawn with characters (no icon font needed).

const STAR = '★'

export function Stars({ rating, size = 'sm' }: { rating: number; size?: 'sm' | 'lg' }) {
  const { t } = useTranslation('product')
  const f = useFormat()
  const rounded = Math.round(rating)
  return (
    <span
      className={`inline-flex items-center ${size === 'lg' ? 'text-2xl' : 'text-base'}`}
      role="img"
      aria-label={t('stars.label', { rating: f.number(Math.round(rating * 10) / 10) })}
    >
      {[1, 2, 3, 4, 5].map((n) => (
        <span key={n} aria-hidden className={n <= rounded ? 'text-amber-500' : 'text-stone-300'}>
          {STAR}
        </span>
      ))}
    </span>
  )
}

/** Five radio inputs, 5 first: works without JavaScript and with the keyboard's arrow keys. */
export function StarRadios({
  name,
  defaultValue,
  errorId,
  invalid,
}: {
  name: string
  defaultValue?: string
  errorId?: string
  invalid?: boolean
}) {
  const { t } = useTranslation('product')
  return (
    <fieldset aria-describedby={invalid ? errorId : undefined} aria-invalid={invalid || undefined}>
      <legend className="block text-sm font-medium text-stone-800">{t('stars.yourRating')}</legend>
      <div className="mt-1 flex flex-wrap gap-3">
        {[5, 4, 3, 2, 1].map((n) => (
          <label
            key={n}
            className="inline-flex cursor-pointer items-center gap-1 rounded-md border border-stone-200 px-2 py-1 text-sm has-[:checked]:border-amber-500 has-[:checked]:bg-amber-50"
          >
            <input
              type="radio"
              name={name}
              value={String(n)}
              defaultChecked={defaultValue === String(n)}
              className="size-4 accent-amber-500"
            />
            <span aria-hidden className="text-amber-500">
              {'★'.repeat(n)}
            </span>
            <span className="sr-only">{t('stars.radio', { count: n })}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
