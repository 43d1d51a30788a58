/**
 * A same-site path to go to after an action, never another origin: `//evil.example` and
 * `/\evil.example` are refused because browsers treat them as absolute URLs.
 */
export function safeRedirect(to: string | null | undefined, fallback = '/') {
  if (!to || typeof to !== 'string') return fallback
  if (!to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\') || /\p{Cc}/u.test(to))
    return fallback
  return to
}

/** Throws a 404 response unless the value is there, so loaders can read straight through. */
export function invariantResponse<T>(
  value: T | null | undefined | false,
  message = 'Not found',
  status = 404,
): asserts value is T {
  if (!value) throw new Response(message, { status })
}
