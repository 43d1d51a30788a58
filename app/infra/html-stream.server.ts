import { Transform } from 'node:stream'

// React 18's renderToPipeableStream fills a 2,048-byte view with encoded text; when a multi-byte
// character does not fit in the last byte or two, it still sends the whole view, so those unused
// bytes go out as NUL characters in the middle of words ("قی\0مت"), breaking Persian text, labels
// and attribute values (fixed in React 19; see facebook/react#26228). A full view that ends in
// zero bytes has them cut off; every other chunk passes untouched.

const REACT_VIEW_SIZE = 2048
/** A UTF-8 character is at most 4 bytes, so at most 3 can be left unused. */
const MAX_PADDING = 3

export function htmlStreamWithoutPadding() {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let end = chunk.length
      if (end === REACT_VIEW_SIZE)
        while (end > REACT_VIEW_SIZE - MAX_PADDING && chunk[end - 1] === 0) end--
      callback(null, end === chunk.length ? chunk : chunk.subarray(0, end))
    },
  })
}
