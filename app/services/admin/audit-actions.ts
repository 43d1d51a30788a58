// The vocabulary of the audit log, shared by the server (which writes it) and the browser (which
// shows and filters it). No server code here. The database stores plain strings (checked for
// shape only), so adding an action or a target type needs no migration: add it here.

/** What kind of thing an audit entry is about. */
export const AUDIT_TARGET_TYPES = {
  USER: 'User',
  REVIEW: 'Review',
  SHOP: 'Shop',
  PRODUCT: 'Product',
  CATEGORY: 'Category',
  BRAND: 'Brand',
} as const
export type AuditTargetType = keyof typeof AUDIT_TARGET_TYPES

/** Every action an admin (or an operator's command) can take, with how the log describes it. */
export const AUDIT_ACTIONS = {
  'user.block': { label: 'Blocked user', targetType: 'USER' },
  'user.unblock': { label: 'Unblocked user', targetType: 'USER' },
  'user.grant-admin': { label: 'Granted admin', targetType: 'USER' },
  'user.remove-admin': { label: 'Removed admin', targetType: 'USER' },
  'review.approve': { label: 'Approved review', targetType: 'REVIEW' },
  'review.reject': { label: 'Rejected review', targetType: 'REVIEW' },
  'shop.suspend': { label: 'Suspended shop', targetType: 'SHOP' },
  'shop.reinstate': { label: 'Reinstated shop', targetType: 'SHOP' },
  'product.feature': { label: 'Featured product', targetType: 'PRODUCT' },
  'product.unfeature': { label: 'Unfeatured product', targetType: 'PRODUCT' },
  'category.create': { label: 'Added category', targetType: 'CATEGORY' },
  'category.update': { label: 'Edited category', targetType: 'CATEGORY' },
  'category.move': { label: 'Moved category', targetType: 'CATEGORY' },
  'category.delete': { label: 'Deleted category', targetType: 'CATEGORY' },
  'brand.create': { label: 'Added brand', targetType: 'BRAND' },
  'brand.update': { label: 'Edited brand', targetType: 'BRAND' },
  'brand.delete': { label: 'Deleted brand', targetType: 'BRAND' },
} as const satisfies Record<string, { label: string; targetType: AuditTargetType }>
export type AuditAction = keyof typeof AUDIT_ACTIONS

/** The same rules as the CHECK constraints on "AuditEntry" (action and targetType). */
export const AUDIT_ACTION_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/
export const AUDIT_TARGET_TYPE_PATTERN = /^[A-Z][A-Z_]*$/

function isKnownAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, action)
}

function isKnownTargetType(type: string): type is AuditTargetType {
  return Object.hasOwn(AUDIT_TARGET_TYPES, type)
}

/** "Blocked user"; an action this build does not know (older or newer) shows as stored. */
export function describeAuditAction(action: string) {
  return isKnownAction(action) ? AUDIT_ACTIONS[action].label : action
}

export function describeTargetType(type: string) {
  return isKnownTargetType(type) ? AUDIT_TARGET_TYPES[type] : type
}
