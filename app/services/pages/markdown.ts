// The small Markdown subset page bodies are written in, parsed into plain data that components
// render as React elements: no HTML is ever produced from the text, so nothing typed into a page
// can inject markup or script. Blank lines separate blocks; "## " starts a heading, "- " a list
// item; inside a line, **bold** and [text](link) (links to /paths, https: or mailto: only).

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; text: string }
  | { type: 'link'; text: string; href: string }

export type Block =
  | { type: 'heading'; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'list'; items: Inline[][] }

const INLINE = /\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g

/** A link target the page may point at: a path on the store, an https address or an email. */
export function safeHref(href: string) {
  if (/^\/(?![/\\])/.test(href)) return href
  if (/^(https:\/\/|mailto:)[^\s<>"]+$/i.test(href)) return href
  return null
}

export function parseInline(line: string): Inline[] {
  const parts: Inline[] = []
  let last = 0
  for (const match of line.matchAll(INLINE)) {
    if (match.index > last) parts.push({ type: 'text', text: line.slice(last, match.index) })
    if (match[1] !== undefined) parts.push({ type: 'strong', text: match[1] })
    else {
      const text = match[2] ?? ''
      const href = safeHref(match[3] ?? '')
      parts.push(href ? { type: 'link', text, href } : { type: 'text', text })
    }
    last = match.index + match[0].length
  }
  if (last < line.length) parts.push({ type: 'text', text: line.slice(last) })
  return parts
}

export function parseBody(body: string): Block[] {
  const blocks: Block[] = []
  const chunks = body.replace(/\r\n?/g, '\n').split(/\n\s*\n/)
  for (const chunk of chunks) {
    const lines = chunk
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
    let paragraph: string[] = []
    let list: string[] = []
    const flush = () => {
      if (paragraph.length)
        blocks.push({ type: 'paragraph', content: parseInline(paragraph.join(' ')) })
      if (list.length) blocks.push({ type: 'list', items: list.map(parseInline) })
      paragraph = []
      list = []
    }
    for (const line of lines) {
      if (line.startsWith('## ')) {
        flush()
        blocks.push({ type: 'heading', content: parseInline(line.slice(3).trim()) })
      } else if (/^[-*] /.test(line)) {
        if (paragraph.length) flush()
        list.push(line.slice(2).trim())
      } else {
        if (list.length) flush()
        paragraph.push(line)
      }
    }
    flush()
  }
  return blocks
}

/** The first paragraph's text, for a meta description. */
export function summaryOf(body: string, max = 160) {
  const first = parseBody(body).find((block) => block.type === 'paragraph')
  const text = first?.type === 'paragraph' ? first.content.map((part) => part.text).join('') : ''
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text
}
