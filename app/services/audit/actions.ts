// The vocabulary of the audit log, shared by the server (which writes it) and the browser (which
// shows and filters it). No server code here. The database stores plain strings (checked for
// shape only), so adding an action or a target type needs no migration: add it here.

// Their names for people are in the admin catalogue (`audit.actions.<action>`,
// `audit.targetTypes.<type>`), shown through app/components/audit-details.tsx.

/** What kind of thing an audit entry is about. */
export const AUDIT_TARGET_TYPES = [
  'USER',
  'REVIEW',
  'SHOP',
  'PRODUCT',
  'CATEGORY',
  'BRAND',
  'PAGE',
  'SIZE_SCALE',
  'JOB',
  'PROMO_CODE',
  'PAYOUT',
] as const
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number]

/** Every action an admin (or an operator's command) can take, and what it acts on. */
export const AUDIT_ACTIONS = {
  'user.block': { targetType: 'USER' },
  'user.unblock': { targetType: 'USER' },
  'user.grant-admin': { targetType: 'USER' },
  'user.remove-admin': { targetType: 'USER' },
  'review.approve': { targetType: 'REVIEW' },
  'review.reject': { targetType: 'REVIEW' },
  'shop.suspend': { targetType: 'SHOP' },
  'shop.reinstate': { targetType: 'SHOP' },
  'shop.set-commission': { targetType: 'SHOP' },
  'product.feature': { targetType: 'PRODUCT' },
  'product.unfeature': { targetType: 'PRODUCT' },
  'category.create': { targetType: 'CATEGORY' },
  'category.update': { targetType: 'CATEGORY' },
  'category.move': { targetType: 'CATEGORY' },
  'category.delete': { targetType: 'CATEGORY' },
  'category.set-commission': { targetType: 'CATEGORY' },
  'brand.create': { targetType: 'BRAND' },
  'brand.update': { targetType: 'BRAND' },
  'brand.delete': { targetType: 'BRAND' },
  'page.update': { targetType: 'PAGE' },
  'size-guide.update': { targetType: 'SIZE_SCALE' },
  'job.retry': { targetType: 'JOB' },
  'job.discard': { targetType: 'JOB' },
  'promo.create': { targetType: 'PROMO_CODE' },
  'promo.update': { targetType: 'PROMO_CODE' },
  'promo.deactivate': { targetType: 'PROMO_CODE' },
  'promo.activate': { targetType: 'PROMO_CODE' },
  'payout.mark-paid': { targetType: 'PAYOUT' },
} as const satisfies Record<string, { targetType: AuditTargetType }>
export type AuditAction = keyof typeof AUDIT_ACTIONS

/** The same rules as the CHECK constraints on "AuditEntry" (action and targetType). */
export const AUDIT_ACTION_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/
export const AUDIT_TARGET_TYPE_PATTERN = /^[A-Z][A-Z_]*$/

export function isKnownAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, action)
}

export function isKnownTargetType(type: string): type is AuditTargetType {
  return (AUDIT_TARGET_TYPES as readonly string[]).includes(type)
}
