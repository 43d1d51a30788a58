import { createFormatter } from '~/i18n/format.ts'
import { defaultLocale, getT } from '~/i18n/i18n.server.ts'
import { directionOf, isLocale, localePath, type Locale } from '~/i18n/locales.ts'
import { getEnv } from '~/infra/env.server.ts'
import { html, type SafeHtml } from '~/utils/html.ts'

// What every email shares: the page around the message in the recipient's language and
// direction, links to app pages in that language, and money and dates as the store's pages
// show them in it. The domains' emails (accounts, orders) render their words on top.

export type RenderedEmail = { subject: string; text: string; html: string }

/** The language an email goes out in: the recipient's stored choice when it is one we speak. */
export function emailLocale(...choices: Array<string | null | undefined>): Locale {
  return choices.find(isLocale) ?? defaultLocale()
}

/**
 * The store's name in `locale`: the catalogue's (شیک‌پوش in Persian) while STORE_NAME is the
 * built-in name, else the operator's own brand as configured, in every language.
 */
export function storeName(locale: Locale) {
  const configured = getEnv().STORE_NAME
  return configured === getT('en')('store.name') ? getT(locale)('store.name') : configured
}

/** An absolute link to an app page in `locale`: `/orders/SP-1` → `https://…/fa/orders/SP-1`. */
export function emailLink(locale: Locale, path: string) {
  return new URL(localePath(locale, defaultLocale(), path), getEnv().appUrl).href
}

/** Money (in `currency`, an order's own), numbers and dates in `locale`, in the store's time zone. */
export function emailFormatter(locale: Locale, currency = getEnv().STORE_CURRENCY) {
  const env = getEnv()
  return createFormatter({
    locale,
    currency,
    timeZone: env.STORE_TIMEZONE,
    priceDisplay: env.STORE_PRICE_DISPLAY,
  })
}

/**
 * A Latin value (an order or tracking number, a shop's or product's name) kept whole inside a
 * right-to-left sentence: Unicode isolates (FSI … PDI) work in the plain text part as in HTML.
 */
export function isolate(locale: Locale, value: string) {
  return directionOf(locale) === 'rtl' ? `\u2068${value}\u2069` : value
}

export const emailButton = (url: string, label: string) =>
  html`<p><a href="${url}" style="display:inline-block;background:#a8325a;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:600">${label}</a></p>`

/** The HTML document of an email: `lang` and `dir` of its language, the store's name on top. */
export function emailDocument(
  locale: Locale,
  { title, body, footer }: { title: string; body: SafeHtml; footer: string },
): string {
  const dir = directionOf(locale)
  const fonts =
    locale === 'fa'
      ? "Vazirmatn,Tahoma,'Segoe UI',Arial,sans-serif"
      : "-apple-system,'Segoe UI',Roboto,Tahoma,Arial,sans-serif"
  return html`<!doctype html>
<html lang="${locale}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head>
<body style="margin:0;background:#f5f5f4;font-family:${fonts};color:#1c1917">
<div dir="${dir}" style="max-width:600px;margin:0 auto;padding:24px;text-align:${dir === 'rtl' ? 'right' : 'left'}">
<p style="font-size:20px;font-weight:700;color:#8a2749;margin:0 0 16px">${storeName(locale)}</p>
<div style="background:#ffffff;border:1px solid #e7e5e4;border-radius:8px;padding:24px">${body}</div>
<p style="font-size:12px;color:#78716c;margin-top:16px">${footer}</p>
</div>
</body>
</html>`.value
}
