import { RemixBrowser } from '@remix-run/react'
import i18next from 'i18next'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { catalogueBackend } from './i18n/client-catalogues.ts'
import { i18nOptions } from './i18n/config.ts'
import { isLocale } from './i18n/locales.ts'
import { readPageNamespaces } from './i18n/page-namespaces.tsx'

// The page arrives rendered in its language (<html lang>) with the list of namespaces its
// components used (PageNamespaces); only those catalogues of that language are loaded before
// hydrating, so the first render matches the server's. Another namespace loads when a later page
// asks for it. Switching language loads a new document (the language switch reloads), so one
// language is all a page ever needs.
async function hydrate() {
  const lang = document.documentElement.lang
  const locale = isLocale(lang) ? lang : 'en'
  await i18next
    .use(catalogueBackend)
    .use(initReactI18next)
    .init({
      ...i18nOptions,
      lng: locale,
      ns: readPageNamespaces(),
      load: 'currentOnly',
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
