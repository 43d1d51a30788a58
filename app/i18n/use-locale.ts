import { useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { createFormatter, type PriceDisplay } from './format.ts'
import { isLocale, localePath, type Locale } from './locales.ts'

/** What the root loader tells every page about its language and store (see app/root.tsx). */
export type PageLocale = {
  locale: Locale
  defaultLocale: Locale
  store: { name: string; currency: string; timeZone: string; priceDisplay: PriceDisplay }
}

const FALLBACK_STORE: PageLocale['store'] = {
  name: 'Shikposh',
  currency: 'USD',
  timeZone: 'UTC',
  priceDisplay: 'currency',
}

/** The page's language, its store settings and the store's default language. */
export function usePageLocale(): PageLocale {
  const data = useRouteLoaderData('root') as Partial<PageLocale> | undefined
  const { i18n } = useTranslation()
  const locale = data?.locale ?? (isLocale(i18n.language) ? i18n.language : 'en')
  return {
    locale,
    defaultLocale: data?.defaultLocale ?? 'en',
    store: data?.store ?? FALLBACK_STORE,
  }
}

export function useLocale(): Locale {
  return usePageLocale().locale
}

/** Turns an app path into the page's language: `lp('/cart')` is `/fa/cart` on a Persian page. */
export function useLocalePath() {
  const { locale, defaultLocale } = usePageLocale()
  return (path: string) => localePath(locale, defaultLocale, path)
}

/** Money, numbers and dates in the page's language and the store's currency and time zone. */
export function useFormat() {
  const { locale, store } = usePageLocale()
  return createFormatter({ locale, ...store })
}
