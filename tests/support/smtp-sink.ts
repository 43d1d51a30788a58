import net from 'node:net'

// A minimal SMTP server for tests: speaks just enough of RFC 5321 (EHLO, MAIL, RCPT, DATA, QUIT)
// to accept messages from nodemailer and keep them, so the SMTP path is tested over a real
// socket without any external service.

export type ReceivedMail = { from: string; to: string[]; data: string }

export async function startSmtpSink(options: { rejectWith?: string } = {}) {
  const received: ReceivedMail[] = []
  const server = net.createServer((socket) => {
    let buffer = ''
    let inData = false
    let current: ReceivedMail = { from: '', to: [], data: '' }
    const reply = (line: string) => socket.write(`${line}\r\n`)
    reply('220 sink.test ESMTP ready')
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8')
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n')
          if (end === -1) return
          current.data = buffer.slice(0, end).replace(/^\.\./gm, '.')
          buffer = buffer.slice(end + 5)
          inData = false
          received.push(current)
          current = { from: '', to: [], data: '' }
          reply('250 2.0.0 queued')
          continue
        }
        const newline = buffer.indexOf('\r\n')
        if (newline === -1) return
        const line = buffer.slice(0, newline)
        buffer = buffer.slice(newline + 2)
        const verb = line.slice(0, 4).toUpperCase()
        if (verb === 'EHLO' || verb === 'HELO') reply('250 sink.test')
        else if (verb === 'MAIL') {
          if (options.rejectWith) reply(options.rejectWith)
          else {
            current.from = line.slice(10).replace(/[<>]/g, '').split(' ')[0]!
            reply('250 2.1.0 ok')
          }
        } else if (verb === 'RCPT') {
          current.to.push(line.slice(8).replace(/[<>]/g, ''))
          reply('250 2.1.5 ok')
        } else if (verb === 'DATA') {
          inData = true
          reply('354 end with <CRLF>.<CRLF>')
        } else if (verb === 'RSET' || verb === 'NOOP') reply('250 ok')
        else if (verb === 'QUIT') {
          reply('221 bye')
          socket.end()
        } else reply('502 5.5.2 not implemented')
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export type DecodedMail = {
  headers: Record<string, string>
  subject: string
  text: string
  html: string
}

/**
 * A message as a mail program shows it: the Subject's encoded words (RFC 2047) decoded, and the
 * text and HTML parts of a multipart body decoded from base64 or quoted-printable as UTF-8.
 */
export function decodeMail(raw: string): DecodedMail {
  const { headers, body } = splitEntity(raw)
  const leaves = leafParts(headers, body)
  const part = (type: string) =>
    leaves.find((leaf) => (leaf.headers['content-type'] ?? '').startsWith(type))
  return {
    headers,
    subject: decodeWords(headers.subject ?? ''),
    text: part('text/plain')?.content ?? '',
    html: part('text/html')?.content ?? '',
  }
}

function splitEntity(raw: string) {
  const end = raw.indexOf('\r\n\r\n')
  const head = end === -1 ? raw : raw.slice(0, end)
  const headers: Record<string, string> = {}
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { headers, body: end === -1 ? '' : raw.slice(end + 4) }
}

function leafParts(
  headers: Record<string, string>,
  body: string,
): Array<{ headers: Record<string, string>; content: string }> {
  const type = headers['content-type'] ?? 'text/plain'
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
  if (type.startsWith('multipart/') && boundary) {
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((segment) => !segment.startsWith('--'))
      .flatMap((segment) => {
        const entity = splitEntity(segment.replace(/^\r\n/, ''))
        return leafParts(entity.headers, entity.body)
      })
  }
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase()
  const bytes =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? quotedPrintable(body.replace(/=\r\n/g, ''))
        : Buffer.from(body, 'utf8')
  return [{ headers, content: bytes.toString('utf8').replace(/\r\n$/, '') }]
}

function quotedPrintable(text: string) {
  const bytes: number[] = []
  for (let index = 0; index < text.length; index++) {
    const hex = text.slice(index + 1, index + 3)
    if (text[index] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16))
      index += 2
    } else bytes.push(...Buffer.from(text[index]!, 'utf8'))
  }
  return Buffer.from(bytes)
}

/** `=?UTF-8?B?…?= =?UTF-8?Q?…?=`: adjacent words join (a character may span two). */
function decodeWords(value: string) {
  const word = /=\?[^?]+\?([BbQq])\?([^?]*)\?=/g
  return value.replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=\s*)+/g, (run) => {
    const chunks = [...run.matchAll(word)].map(([, kind, text]) =>
      kind!.toUpperCase() === 'B'
        ? Buffer.from(text!, 'base64')
        : quotedPrintable(text!.replace(/_/g, ' ')),
    )
    return Buffer.concat(chunks).toString('utf8') + (/\s$/.test(run) ? ' ' : '')
  })
}
