import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { CONTENT_PAGE_SLUGS } from '~/services/pages/slugs.ts'
import { LanguageSwitch } from './language-switch.tsx'

export function SiteFooter() {
  const { t } = useTranslation()
  const lp = useLocalePath()
  const { year } = useFormat()
  return (
    <footer className="mt-16 border-t border-stone-200 bg-white print:hidden">
      <div className="mx-auto max-w-7xl px-4 py-8 text-sm text-stone-600 sm:px-6 lg:px-8">
        <nav aria-labelledby="footer-pages-heading">
          <h2 id="footer-pages-heading" className="font-semibold text-stone-800">
            {t('footer.storePages')}
          </h2>
          <ul className="mt-3 grid grid-cols-2 gap-x-6 gap-y-2 sm:flex sm:flex-wrap">
            {CONTENT_PAGE_SLUGS.map((slug) => (
              <li key={slug}>
                <Link to={lp(`/pages/${slug}`)} className="hover:text-brand-700 hover:underline">
                  {t(`footer.pages.${slug}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="mt-8 flex flex-col gap-4 border-t border-stone-100 pt-6 sm:flex-row sm:items-center sm:justify-between">
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
      </div>
    </footer>
  )
}
