import { getEnv } from '~/infra/env.server.ts'
import { defaultLocale, getT } from '~/i18n/i18n.server.ts'
import { directionOf, localePath, type Locale } from '~/i18n/locales.ts'
import { html, type SafeHtml } from '~/utils/html.ts'

// The accounts' emails (password reset, email verification and the notices around them), in the
// recipient's language: plain text and simple HTML, every value escaped.

export type RenderedEmail = { subject: string; text: string; html: string }

/** An absolute link to an app page in `locale`. */
export function accountLink(locale: Locale, path: string) {
  return new URL(localePath(locale, defaultLocale(), path), getEnv().appUrl).href
}

function layout(locale: Locale, title: string, body: SafeHtml, footer: string): string {
  const dir = directionOf(locale)
  return html`<!doctype html>
<html lang="${locale}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head>
<body style="margin:0;background:#f5f5f4;font-family:-apple-system,'Segoe UI',Roboto,Tahoma,Arial,sans-serif;color:#1c1917">
<div dir="${dir}" style="max-width:600px;margin:0 auto;padding:24px;text-align:start">
<p style="font-size:20px;font-weight:700;color:#8a2749;margin:0 0 16px">${getEnv().STORE_NAME}</p>
<div style="background:#ffffff;border:1px solid #e7e5e4;border-radius:8px;padding:24px">${body}</div>
<p style="font-size:12px;color:#78716c;margin-top:16px">${footer}</p>
</div>
</body>
</html>`.value
}

const button = (url: string, label: string) =>
  html`<p><a href="${url}" style="display:inline-block;background:#a8325a;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;font-weight:600">${label}</a></p>
<p style="font-size:12px;color:#78716c;word-break:break-all">${url}</p>`

type Parts = { subject: string; greeting: string; paragraphs: string[]; action?: [string, string] }

function render(locale: Locale, parts: Parts): RenderedEmail {
  const t = getT(locale, 'email')
  const footer = t('account.footer', { store: getEnv().STORE_NAME })
  const text = [
    parts.greeting,
    '',
    ...parts.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(parts.action ? [`${parts.action[0]}: ${parts.action[1]}`, ''] : []),
    footer,
  ].join('\n')
  const body = html`<h1 style="font-size:20px;margin:0 0 8px">${parts.subject}</h1>
<p>${parts.greeting}</p>
${parts.paragraphs.map((paragraph) => html`<p>${paragraph}</p>`)}
${parts.action ? button(parts.action[1], parts.action[0]) : ''}`
  return { subject: parts.subject, text, html: layout(locale, parts.subject, body, footer) }
}

export function renderPasswordReset(locale: Locale, user: { name: string }, url: string) {
  const t = getT(locale, 'email')
  return render(locale, {
    subject: t('account.reset.subject', { store: getEnv().STORE_NAME }),
    greeting: t('account.greeting', { name: user.name }),
    paragraphs: [t('account.reset.body'), t('account.reset.ignore')],
    action: [t('account.reset.action'), url],
  })
}

export function renderVerifyEmail(
  locale: Locale,
  user: { name: string },
  url: string,
  reason: 'register' | 'change' | 'resend',
) {
  const t = getT(locale, 'email')
  return render(locale, {
    subject: t('account.verify.subject', { store: getEnv().STORE_NAME }),
    greeting: t('account.greeting', { name: user.name }),
    paragraphs: [
      reason === 'change' ? t('account.verify.bodyChange') : t('account.verify.body'),
      t('account.verify.ignore'),
    ],
    action: [t('account.verify.action'), url],
  })
}

export function renderEmailChangeNotice(
  locale: Locale,
  user: { name: string },
  newEmail: string,
  securityUrl: string,
) {
  const t = getT(locale, 'email')
  return render(locale, {
    subject: t('account.changeNotice.subject', { store: getEnv().STORE_NAME }),
    greeting: t('account.greeting', { name: user.name }),
    paragraphs: [
      t('account.changeNotice.body', { email: newEmail }),
      t('account.changeNotice.notYou'),
    ],
    action: [t('account.changeNotice.action'), securityUrl],
  })
}

export function renderRegistrationAttempt(
  locale: Locale,
  user: { name: string },
  resetUrl: string,
) {
  const t = getT(locale, 'email')
  return render(locale, {
    subject: t('account.registerAttempt.subject', { store: getEnv().STORE_NAME }),
    greeting: t('account.greeting', { name: user.name }),
    paragraphs: [t('account.registerAttempt.body'), t('account.registerAttempt.notYou')],
    action: [t('account.registerAttempt.action'), resetUrl],
  })
}
