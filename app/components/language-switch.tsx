import { useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { LOCALES, LOCALE_NAMES } from '~/i18n/locales.ts'
import { useLocale } from '~/i18n/use-locale.ts'

/**
 * Opens this very page (path and query) in another of the store's languages and remembers the
 * choice (POST /locale). A plain form: it works without JavaScript, and the new language loads a
 * new document (its catalogues, direction and typeface all change).
 */
export function LanguageSwitch({ className = '' }: { className?: string }) {
  const { t } = useTranslation()
  const locale = useLocale()
  const location = useLocation()
  return (
    <form method="post" action="/locale" aria-label={t('language.label')} className={className}>
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      {LOCALES.filter((other) => other !== locale).map((other) => (
        <button
          key={other}
          type="submit"
          name="locale"
          value={other}
          lang={other}
          className="cursor-pointer hover:underline"
        >
          {LOCALE_NAMES[other]}
        </button>
      ))}
    </form>
  )
}
