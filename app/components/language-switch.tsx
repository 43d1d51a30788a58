import { Link, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { LOCALES, LOCALE_NAMES, localePath, splitLocale } from '~/i18n/locales.ts'
import { usePageLocale } from '~/i18n/use-locale.ts'

/** Links to this very page (path and query) in the store's other languages. */
export function LanguageSwitch({ className = '' }: { className?: string }) {
  const { t } = useTranslation()
  const { locale, defaultLocale } = usePageLocale()
  const location = useLocation()
  const { rest } = splitLocale(location.pathname)
  return (
    <nav aria-label={t('language.label')} className={`flex gap-3 ${className}`}>
      {LOCALES.filter((other) => other !== locale).map((other) => (
        // A new document: the page's catalogues, direction and typeface all change.
        <Link
          key={other}
          to={localePath(other, defaultLocale, `${rest}${location.search}`)}
          reloadDocument
          lang={other}
          hrefLang={other}
          className="hover:underline"
        >
          {LOCALE_NAMES[other]}
        </Link>
      ))}
    </nav>
  )
}
