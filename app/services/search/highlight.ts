// Meilisearch marks matches with these private-use characters rather than HTML tags, so
// highlighted text stays text: the page turns the marked parts into <mark> elements without
// ever rendering seller-written markup. (Search queries are stripped of these characters.)

export const HIGHLIGHT_PRE = '\uE000'
export const HIGHLIGHT_POST = '\uE001'

export type TextPart = { text: string; match: boolean }

/** Splits marked text into plain and matched parts. */
export function splitHighlights(marked: string): TextPart[] {
  const parts: TextPart[] = []
  let match = false
  let text = ''
  for (const char of marked) {
    if (char === HIGHLIGHT_PRE || char === HIGHLIGHT_POST) {
      if (text) parts.push({ text, match })
      text = ''
      match = char === HIGHLIGHT_PRE
    } else {
      text += char
    }
  }
  if (text) parts.push({ text, match })
  return parts
}

/** True when the marked text has at least one match. */
export function hasHighlight(marked: string | null | undefined) {
  return Boolean(marked?.includes(HIGHLIGHT_PRE))
}

/** The text without marks. */
export function stripHighlights(marked: string) {
  return marked.replaceAll(HIGHLIGHT_PRE, '').replaceAll(HIGHLIGHT_POST, '')
}
