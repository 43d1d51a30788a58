import { PassThrough, type Transform } from 'node:stream'
import { text } from 'node:stream/consumers'
import { createElement } from 'react'
import { renderToPipeableStream, renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { htmlStreamWithoutPadding } from '~/infra/html-stream.server.ts'

// Persian words in many small text nodes: somewhere a two-byte letter meets the end of React's
// 2,048-byte view, which is where React 18 sends NUL bytes.
const page = createElement(
  'ul',
  null,
  Array.from({ length: 600 }, (_, i) =>
    createElement('li', { key: i, 'aria-label': `اعمال بازهٔ قیمت ${i}` }, 'قیمت'),
  ),
)

function render(destination: PassThrough | Transform) {
  return new Promise<string>((resolve, reject) => {
    const { pipe } = renderToPipeableStream(page, {
      onAllReady() {
        pipe(destination)
        text(destination).then(resolve, reject)
      },
      onError: reject,
    })
  })
}

describe('the HTML stream', () => {
  test('React 18 alone puts NUL bytes between the letters of Persian words', async () => {
    expect(await render(new PassThrough())).toContain('\0')
  })

  test('through the app’s stream the page is exactly the markup, without a NUL', async () => {
    const html = await render(htmlStreamWithoutPadding())
    expect(html).not.toContain('\0')
    expect(html).toBe(renderToStaticMarkup(page))
  })
})
