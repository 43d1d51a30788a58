import { useTranslation } from 'react-i18next'
import { useNonce } from '~/utils/nonce.tsx'
import { CLIENT_NAMESPACES, isClientNamespace } from './client-catalogues.ts'

// Which message catalogues a page's first render needs. The server renders with every namespace
// and notes the ones the page's components ask for (react-i18next reports each useTranslation's
// namespaces to the instance it renders with; entry.server.tsx gives each request its own view
// of the shared instance for that). The list goes into the page after everything else in
// <body>, so it is complete when it is written; the browser loads exactly these before
// hydrating (entry.client.tsx), and any
// other a later page asks for when it is rendered (useTranslation suspends until it arrives,
// inside the navigation's transition, so the previous page stays on screen meanwhile).

const ELEMENT_ID = 'i18n-namespaces'

/** The list the server wrote, read once in the browser before hydrating. */
let fromPage: string | undefined

export function readPageNamespaces(): string[] {
  const element = document.getElementById(ELEMENT_ID)
  fromPage = element?.textContent ?? undefined
  try {
    const list: unknown = JSON.parse(fromPage ?? 'null')
    if (Array.isArray(list)) return [...new Set(['common', ...list.filter(isClientNamespace)])]
  } catch {
    // A page without the list (it cannot happen with the root layout): load them all.
  }
  return [...CLIENT_NAMESPACES]
}

/** Renders the list; in the browser, the same text the server wrote, so hydration matches. */
export function PageNamespaces() {
  const { i18n } = useTranslation()
  // Not run (JSON), but every script carries the page's CSP nonce (tests/e2e/platform.spec.ts).
  const nonce = useNonce()
  const text =
    typeof document === 'undefined'
      ? JSON.stringify(
          (i18n.reportNamespaces?.getUsedNamespaces() ?? []).filter(isClientNamespace).sort(),
        )
      : (fromPage ?? '[]')
  return (
    <script
      id={ELEMENT_ID}
      type="application/json"
      nonce={nonce}
      // JSON of namespace names (letters only): nothing in it can close the element.
      dangerouslySetInnerHTML={{ __html: text }}
    />
  )
}
