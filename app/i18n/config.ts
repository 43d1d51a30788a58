import type { InitOptions } from 'i18next'

/**
 * Message catalogues live in `app/i18n/locales/<locale>/<namespace>.json`, one namespace per area
 * of the store. Both languages have exactly the same keys (tests/i18n/catalogues.test.ts).
 */
export const NAMESPACES = [
  'common',
  'shop',
  'product',
  'search',
  'cart',
  'account',
  'orders',
  'seller',
  'admin',
  'email',
  'validation',
  'pages',
  'notifications',
] as const
export type Namespace = (typeof NAMESPACES)[number]

/** Options shared by the server's and the browser's i18next instances. */
export const i18nOptions = {
  ns: [...NAMESPACES],
  defaultNS: 'common',
  fallbackLng: false,
  // React escapes what it renders; emails escape through their own html`` tag.
  interpolation: { escapeValue: false },
  returnNull: false,
  // A component whose namespace has not arrived yet (the browser loads them per page) waits for it
  // rather than showing keys; a navigation's transition keeps the previous page meanwhile. The
  // server holds every namespace and never waits.
  react: { useSuspense: true },
} satisfies InitOptions
