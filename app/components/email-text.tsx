/**
 * Text that may hold an email address ("Ada <ada@example.com>"): in a narrow column it wraps
 * before the "@" rather than inside a word, and it stays left-to-right inside Persian text.
 */
export function EmailText({ text }: { text: string }) {
  const at = text.indexOf('@')
  if (at < 0) return <bdi>{text}</bdi>
  return (
    <bdi className="break-words">
      {text.slice(0, at)}
      <wbr />
      {text.slice(at)}
    </bdi>
  )
}
