import { getT } from '~/i18n/i18n.server.ts'
import type { Locale } from '~/i18n/locales.ts'
import {
  emailButton,
  emailDocument,
  emailFormatter,
  emailLink,
  isolate,
  type RenderedEmail,
} from '~/services/mail/layout.server.ts'
import { html } from '~/utils/html.ts'

// The wishlist's emails in the recipient's language: back in stock, and price drop. Every
// value typed by people (titles, shop names) is escaped and isolated in a right-to-left line.

export type BackInStockEmail = {
  title: string
  shop: string
  color: string
  size: string
  /** The product page's path with the colour and size chosen. */
  path: string
}

export function renderBackInStock(
  locale: Locale,
  alert: BackInStockEmail,
  unsubscribeUrl?: string,
): RenderedEmail {
  const t = getT(locale, 'email')
  const iso = (value: string) => isolate(locale, value)
  const title = iso(alert.title)
  const subject = t('wishlist.backInStock.subject', { title })
  const intro = t('wishlist.backInStock.body', {
    title,
    color: iso(alert.color),
    size: iso(alert.size),
    shop: iso(alert.shop),
  })
  return alertEmail(locale, 'backInStock', { subject, intro, path: alert.path }, unsubscribeUrl)
}

export type PriceDropEmail = { title: string; path: string; price: number; was: number }

export function renderPriceDrop(
  locale: Locale,
  alert: PriceDropEmail,
  unsubscribeUrl?: string,
): RenderedEmail {
  const t = getT(locale, 'email')
  const f = emailFormatter(locale)
  const title = isolate(locale, alert.title)
  const subject = t('wishlist.priceDrop.subject', { title })
  const intro = t('wishlist.priceDrop.body', {
    title,
    price: f.money(alert.price),
    was: f.money(alert.was),
  })
  return alertEmail(locale, 'priceDrop', { subject, intro, path: alert.path }, unsubscribeUrl)
}

/** Both alerts' shape: a heading, what happened, a button to the product, the unsubscribe link. */
function alertEmail(
  locale: Locale,
  kind: 'backInStock' | 'priceDrop',
  { subject, intro, path }: { subject: string; intro: string; path: string },
  unsubscribeUrl: string | undefined,
): RenderedEmail {
  const t = getT(locale, 'email')
  const url = emailLink(locale, path)
  const button = t(`wishlist.${kind}.button`)
  const footer = t(`wishlist.${kind}.footer`)
  return {
    subject,
    text: [
      intro,
      '',
      `${button}: ${url}`,
      '',
      footer,
      ...(unsubscribeUrl ? [`${t('wishlist.unsubscribe')}: ${unsubscribeUrl}`] : []),
    ].join('\n'),
    html: emailDocument(locale, {
      title: subject,
      body: html`<h1 style="font-size:20px;margin:0 0 8px">${t(`wishlist.${kind}.title`)}</h1>
<p>${intro}</p>
${emailButton(url, button)}
${unsubscribeUrl ? html`<p style="font-size:12px"><a href="${unsubscribeUrl}" style="color:#78716c">${t('wishlist.unsubscribe')}</a></p>` : ''}`,
      footer,
    }),
  }
}
