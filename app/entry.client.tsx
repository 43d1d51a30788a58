import { RemixBrowser } from '@remix-run/react'
import i18next from 'i18next'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { i18nOptions } from './i18n/config.ts'
import { isLocale } from './i18n/locales.ts'

// The page arrives rendered in its language (<html lang>); only that language's catalogues are
// loaded before hydrating, so the first render matches the server's. Switching language loads a
// new document (the language switch reloads), so one language is all a page ever needs.
async function hydrate() {
  const lang = document.documentElement.lang
  const locale = isLocale(lang) ? lang : 'en'
  const resources =
    locale === 'fa'
      ? (await import('./i18n/resources/fa.ts')).default
      : (await import('./i18n/resources/en.ts')).default
  await i18next.use(initReactI18next).init({
    ...i18nOptions,
    lng: locale,
    resources: { [locale]: resources },
  })
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    )
  })
}

void hydrate()
