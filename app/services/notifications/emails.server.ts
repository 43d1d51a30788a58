import { getT } from '~/i18n/i18n.server.ts'
import type { Locale } from '~/i18n/locales.ts'
import { prisma, type Tx } from '~/infra/db.server.ts'
import {
  emailButton,
  emailDocument,
  emailFormatter,
  emailLink,
  emailLocale,
  storeName,
} from '~/services/mail/layout.server.ts'
import { enqueueMail } from '~/services/mail/mail.server.ts'
import { html } from '~/utils/html.ts'
import { notificationPath, type NotificationKind } from './kinds.ts'
import { notificationText } from './text.ts'
import { unsubscribePath } from './unsubscribe.server.ts'

// The email of a notification, in its reader's language, with a one-click unsubscribe for its
// kind: a link in the message and the List-Unsubscribe / List-Unsubscribe-Post headers mail
// programs show as their own button (RFC 8058).

/**
 * Kinds whose event already sends an email of its own (the shipment and new-order emails, with
 * their lines and addresses): those emails follow the same preference and carry the same
 * unsubscribe, and the notification sends no second one.
 */
export const KINDS_WITH_DOMAIN_EMAIL: ReadonlySet<NotificationKind> = new Set([
  'ORDER_SHIPPED',
  'ORDER_DELIVERED',
  'NEW_ORDER',
  // The wishlist's alerts (app/services/wishlist/alerts.server.ts).
  'BACK_IN_STOCK',
  'PRICE_DROP',
  // A product list with a review link each (app/services/reviews/invitations.server.ts).
  'REVIEW_INVITE',
])

/** Whether `userId` wants email of `kind` (an active account that did not turn it off). */
export async function wantsEmail(tx: Tx, userId: string, kind: NotificationKind) {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { status: true, notificationEmailsOff: true },
  })
  return Boolean(user && user.status === 'ACTIVE' && !user.notificationEmailsOff.includes(kind))
}

/** The unsubscribe link of a kind for a person, and the headers that carry it. */
export function unsubscribeFor(locale: Locale, userId: string, kind: NotificationKind) {
  const url = emailLink(locale, unsubscribePath(userId, kind))
  return {
    url,
    headers: {
      'List-Unsubscribe': `<${url}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  }
}

/** Queues the notification's email unless its reader turned that kind off (once per notification). */
export async function enqueueNotificationEmail(id: bigint) {
  const mailKey = `notification:${id}`
  await prisma.$transaction(async (tx) => {
    const notification = await tx.notification.findUnique({
      where: { id },
      select: {
        kind: true,
        data: true,
        user: {
          select: {
            id: true,
            email: true,
            locale: true,
            status: true,
            notificationEmailsOff: true,
          },
        },
      },
    })
    if (!notification || KINDS_WITH_DOMAIN_EMAIL.has(notification.kind)) return
    const { user, kind } = notification
    if (user.status !== 'ACTIVE' || user.notificationEmailsOff.includes(kind)) return
    // Claimed with the email, so a retry after it was queued (the job's end not recorded) does
    // not send it twice.
    const claimed = await tx.notification.updateMany({
      where: { id, emailQueuedAt: null },
      data: { emailQueuedAt: new Date() },
    })
    if (!claimed.count) return
    const locale = emailLocale(user.locale)
    const data = (notification.data ?? {}) as Record<string, unknown>
    const t = getT(locale, 'notifications')
    const text = notificationText(t, emailFormatter(locale), kind, data)
    const link = emailLink(locale, notificationPath(kind, data))
    const unsubscribe = unsubscribeFor(locale, user.id, kind)
    const store = storeName(locale)
    const body = html`<p style="font-size:16px">${text}</p>
${emailButton(link, t('email.open'))}
<p style="font-size:12px"><a href="${unsubscribe.url}" style="color:#78716c">${t('email.unsubscribe')}</a></p>`
    await enqueueMail(tx, mailKey, {
      to: user.email,
      subject: text.length > 200 ? `${text.slice(0, 197)}…` : text,
      text: [text, '', link, '', t('email.unsubscribeText', { url: unsubscribe.url })].join('\n'),
      html: emailDocument(locale, {
        title: text,
        body,
        footer: t('email.footer', { store }),
      }),
      headers: unsubscribe.headers,
    })
  })
}

/**
 * A domain's own email about a notification kind (a shipment, a new order) with that kind's
 * unsubscribe: the link at its end and the List-Unsubscribe headers.
 */
export function withUnsubscribe<E extends { text: string; html: string }>(
  email: E,
  locale: Locale,
  userId: string,
  kind: NotificationKind,
) {
  const t = getT(locale, 'notifications')
  const { url, headers } = unsubscribeFor(locale, userId, kind)
  const link = html`<p style="font-size:12px;text-align:center"><a href="${url}" style="color:#78716c">${t('email.unsubscribe')}</a></p>`
  const at = email.html.lastIndexOf('</body>')
  return {
    ...email,
    text: `${email.text}\n\n${t('email.unsubscribeText', { url })}`,
    html: at < 0 ? email.html : `${email.html.slice(0, at)}${link.value}\n${email.html.slice(at)}`,
    headers,
  }
}
