import { getT } from '~/i18n/i18n.server.ts'
import type { Locale } from '~/i18n/locales.ts'
import {
  emailButton,
  emailDocument,
  emailLink,
  storeName,
  type RenderedEmail,
} from '~/services/mail/layout.server.ts'
import { html } from '~/utils/html.ts'

// The accounts' emails (password reset, email verification and the notices around them), in the
// recipient's language: plain text and simple HTML, every value escaped.

export type { RenderedEmail }

/** An absolute link to an app page in `locale`. */
export const accountLink = emailLink

const button = (url: string, label: string) =>
  html`${emailButton(url, label)}
<p style="font-size:12px;color:#78716c;word-break:break-all" dir="ltr">${url}</p>`

type Parts = { subject: string; greeting: string; paragraphs: string[]; action?: [string, string] }

function render(locale: Locale, parts: Parts): RenderedEmail {
  const t = getT(locale, 'email')
  const footer = t('account.footer', { store: storeName(locale) })
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
  return {
    subject: parts.subject,
    text,
    html: emailDocument(locale, { title: parts.subject, body, footer }),
  }
}

export function renderPasswordReset(locale: Locale, user: { name: string }, url: string) {
  const t = getT(locale, 'email')
  return render(locale, {
    subject: t('account.reset.subject', { store: storeName(locale) }),
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
    subject: t('account.verify.subject', { store: storeName(locale) }),
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
    subject: t('account.changeNotice.subject', { store: storeName(locale) }),
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
    subject: t('account.registerAttempt.subject', { store: storeName(locale) }),
    greeting: t('account.greeting', { name: user.name }),
    paragraphs: [t('account.registerAttempt.body'), t('account.registerAttempt.notYou')],
    action: [t('account.registerAttempt.action'), resetUrl],
  })
}
