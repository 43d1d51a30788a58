import { useNonce } from '~/utils/nonce.tsx'

/**
 * Structured data for search engines. A data block (not executable, so the CSP would allow it
 * anyway) carrying the request's nonce; `<` is escaped so no text can close the script early.
 */
export function JsonLd({ data }: { data: Record<string, unknown> }) {
  const nonce = useNonce()
  return (
    <script
      type="application/ld+json"
      nonce={nonce || undefined}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{
        __html: JSON.stringify(data)
          .replace(/</g, '\\u003c')
          .replace(/\u2028/g, '\\u2028')
          .replace(/\u2029/g, '\\u2029'),
      }}
    />
  )
}
