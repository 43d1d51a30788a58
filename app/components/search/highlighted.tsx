import { splitHighlights } from '~/services/search/highlight.ts'

/** Text with the search matches in <mark> (the marks come from Meilisearch; see highlight.ts). */
export function Highlighted({ text }: { text: string }) {
  return (
    <>
      {splitHighlights(text).map((part, i) =>
        part.match ? (
          <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-stone-900">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  )
}
