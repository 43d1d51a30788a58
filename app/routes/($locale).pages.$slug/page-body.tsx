import { Link } from '@remix-run/react'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { parseBody, type Inline } from '~/services/pages/markdown.ts'

/**
 * A store page's body (the Markdown subset of app/services/pages/markdown.ts) as React elements:
 * text is always text, so nothing an admin types can become markup.
 */
export function PageBody({ body }: { body: string }) {
  const blocks = parseBody(body)
  return (
    <div className="space-y-4 leading-7 text-stone-800">
      {blocks.map((block, index) => {
        if (block.type === 'heading')
          return (
            <h2 key={index} className="pt-4 text-xl font-semibold tracking-tight text-ink">
              <InlineText parts={block.content} />
            </h2>
          )
        if (block.type === 'list')
          return (
            <ul key={index} className="list-disc space-y-1 ps-6">
              {block.items.map((item, itemIndex) => (
                <li key={itemIndex}>
                  <InlineText parts={item} />
                </li>
              ))}
            </ul>
          )
        return (
          <p key={index}>
            <InlineText parts={block.content} />
          </p>
        )
      })}
    </div>
  )
}

function InlineText({ parts }: { parts: Inline[] }) {
  const lp = useLocalePath()
  return (
    <>
      {parts.map((part, index) => {
        if (part.type === 'strong') return <strong key={index}>{part.text}</strong>
        if (part.type === 'link')
          return part.href.startsWith('/') ? (
            <Link key={index} to={lp(part.href)} className="text-brand-700 underline">
              {part.text}
            </Link>
          ) : (
            <a
              key={index}
              href={part.href}
              className="text-brand-700 underline"
              rel="noopener noreferrer"
            >
              {part.text}
            </a>
          )
        return <span key={index}>{part.text}</span>
      })}
    </>
  )
}
