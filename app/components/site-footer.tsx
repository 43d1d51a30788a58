import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { LanguageSwitch } from './language-switch.tsx'

export function SiteFooter() {
  const { t } = useTranslation()
  const lp = useLocalePath()
  const { year } = useFormat()
  return (
    <footer className="mt-16 border-t border-stone-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-col gap-4 px-4 py-8 text-sm text-stone-600 sm:flex-row sm:items-center sm:justify-between sm:px-6 lg:px-8">
        <p>{t('footer.tagline', { year: year(new Date().getFullYear()) })}</p>
        <nav aria-label={t('footer.label')} className="flex gap-4">
          <Link to={lp('/')} className="hover:underline">
            {t('footer.home')}
          </Link>
          <Link to={lp('/account')} className="hover:underline">
            {t('footer.account')}
          </Link>
        </nav>
        <LanguageSwitch />
      </div>
    </footer>
  )
}
