import { createInstance, type i18n, type TFunction } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { getEnv } from '~/infra/env.server.ts'
import { i18nOptions, type Namespace } from './config.ts'
import { createFormatter } from './format.ts'
import { LOCALES, isLocale, splitLocale, localePath, type Locale } from './locales.ts'
import { translateMessage } from './validation.ts'
import en from './resources/en.ts'
import fa from './resources/fa.ts'

// One i18next instance per language, built once: the catalogues never change while running.
const instances = new Map<Locale, i18n>()

export function i18nFor(locale: Locale): i18n {
  let instance = instances.get(locale)
  if (!instance) {
    instance = createInstance()
    void instance.use(initReactI18next).init({
      ...i18nOptions,
      lng: locale,
      supportedLngs: [...LOCALES],
      resources: { en, fa },
      initAsync: false,
    })
    instances.set(locale, instance)
  }
  return instance
}

export function defaultLocale(): Locale {
  return getEnv().STORE_DEFAULT_LOCALE
}

/** The page's language: the URL's prefix, else the store's default language. */
export function getLocale(request: Request): Locale {
  return splitLocale(new URL(request.url).pathname).locale ?? defaultLocale()
}

/**
 * The language of a resource route without a language prefix (/search/suggest): its `lang`
 * parameter, which the page that asks adds, else the store's default.
 */
export function getQueryLocale(request: Request): Locale {
  const lang = new URL(request.url).searchParams.get('lang')
  return isLocale(lang) ? lang : getLocale(request)
}

/** A translate function for a language (emails, jobs) or for the request's page. */
export function getT<N extends Namespace = 'common'>(
  localeOrRequest: Locale | Request,
  ns?: N,
): TFunction<N> {
  const locale = isLocale(localeOrRequest) ? localeOrRequest : getLocale(localeOrRequest)
  return i18nFor(locale).getFixedT(locale, ns ?? 'common') as TFunction<N>
}

/** An app path in the request's language, for redirects: `/orders/12` → `/fa/orders/12`. */
export function localeRedirectPath(request: Request, path: string) {
  return localePath(getLocale(request), defaultLocale(), path)
}

/** Money, numbers and dates for the request's page, in the store's currency and time zone. */
export function getFormatter(localeOrRequest: Locale | Request) {
  const env = getEnv()
  return createFormatter({
    locale: isLocale(localeOrRequest) ? localeOrRequest : getLocale(localeOrRequest),
    currency: env.STORE_CURRENCY,
    timeZone: env.STORE_TIMEZONE,
    priceDisplay: env.STORE_PRICE_DISPLAY,
  })
}

/** A schema message (app/i18n/validation.ts) in the request's language, for answers that are not pages (JSON APIs). */
export function validationText(request: Request, text: string) {
  const t = getT(request, 'validation')
  return translateMessage(text, (key, values) => t(key, values), getFormatter(request).number)
}
