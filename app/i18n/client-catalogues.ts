import type { BackendModule } from 'i18next'
import { NAMESPACES, type Namespace } from './config.ts'

// The browser's message catalogues, one chunk per language and namespace, fetched when a page
// needs them (i18next asks its backend for each namespace it is told to load or a component's
// useTranslation names). Emails are the server's alone: their namespace is not among them.
const catalogues = import.meta.glob<Record<string, unknown>>(
  ['./locales/*/*.json', '!./locales/*/email.json'],
  { import: 'default' },
)

/** The namespaces a browser may load: every one but the emails'. */
export const CLIENT_NAMESPACES = NAMESPACES.filter((ns) => ns !== 'email')

export function isClientNamespace(value: unknown): value is Namespace {
  return CLIENT_NAMESPACES.some((ns) => ns === value)
}

export const catalogueBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = catalogues[`./locales/${language}/${namespace}.json`]
    if (!load) return callback(new Error(`No catalogue ${language}/${namespace}`), false)
    load().then(
      (messages) => callback(null, messages),
      (error: Error) => callback(error, false),
    )
  },
}
