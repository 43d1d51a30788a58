import { describe, expect, test } from 'vitest'
import { statusOf } from '~/http/errors.server.ts'
import {
  MultipartUpload,
  UploadError,
  type MultipartLimits,
} from '~/infra/uploads/multipart.server.ts'
import { multipartBody, type Part } from '../support/images.ts'

const LIMITS: MultipartLimits = {
  maxFileBytes: 1024 * 1024,
  maxFiles: 3,
  maxBodyBytes: 4 * 1024 * 1024,
}
const MB = 1024 * 1024

function requestWith(body: BodyInit, contentType: string, headers: Record<string, string> = {}) {
  return new Request('http://localhost:3000/upload', {
    method: 'POST',
    body,
    headers: { 'Content-Type': contentType, ...headers },
    duplex: 'half',
  } as RequestInit)
}

async function collect(upload: MultipartUpload) {
  const files = []
  for await (const file of upload)
    files.push({
      field: file.field,
      name: file.filename,
      type: file.declaredType,
      size: file.bytes.length,
    })
  return files
}

async function refusal(run: () => Promise<unknown>) {
  try {
    await run()
  } catch (error) {
    if (error instanceof UploadError)
      return {
        code: error.code,
        status: statusOf(error),
        file: error.filename,
        message: error.message,
      }
    throw error
  }
  throw new Error('expected an UploadError')
}

/** A multipart body streamed lazily: headers, then `size` bytes of file content, counting what was pulled. */
function streamingUpload(size: number, filename = 'huge.jpg') {
  const boundary = 'lazy-boundary'
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="images"; filename="${filename}"\r\nContent-Type: image/jpeg\r\n\r\n`,
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  const chunk = Buffer.alloc(64 * 1024, 0xab)
  let sent = 0
  let pulled = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === 0) controller.enqueue(head)
      if (sent >= size) {
        controller.enqueue(tail)
        controller.close()
        return
      }
      const piece = chunk.subarray(0, Math.min(chunk.length, size - sent))
      sent += piece.length
      pulled += piece.length
      controller.enqueue(piece)
    },
  })
  return {
    request: requestWith(stream, `multipart/form-data; boundary=${boundary}`),
    pulledBytes: () => pulled,
  }
}

describe('MultipartUpload', () => {
  test('hands over files in order with their names and claimed types, and collects fields', async () => {
    const parts: Part[] = [
      { filename: 'a.jpg', contentType: 'image/jpeg', data: Buffer.alloc(1000, 1) },
      { filename: 'été (1).png', contentType: 'image/png', data: Buffer.alloc(10, 2) },
      // An empty file input: no name, no bytes, not a file.
      { filename: '', data: Buffer.alloc(0) },
    ]
    const { body, contentType } = multipartBody(parts, { intent: 'upload' })
    const upload = new MultipartUpload(requestWith(body, contentType), LIMITS)
    expect(await collect(upload)).toEqual([
      { field: 'images', name: 'a.jpg', type: 'image/jpeg', size: 1000 },
      { field: 'images', name: 'été (1).png', type: 'image/png', size: 10 },
    ])
    expect(upload.fields.get('intent')).toBe('upload')
  })

  test('keeps hostile names exactly as sent, for the caller to refuse', async () => {
    const { body, contentType } = multipartBody([{ filename: '../../etc/passwd', data: 'x' }])
    expect(
      await collect(new MultipartUpload(requestWith(body, contentType), LIMITS)),
    ).toMatchObject([{ name: '../../etc/passwd' }])
  })

  test('a file over its cap stops the upload at once, naming the file, without reading the rest', async () => {
    const { request, pulledBytes } = streamingUpload(200 * MB)
    const error = await refusal(() => collect(new MultipartUpload(request, LIMITS)))
    expect(error).toMatchObject({ code: 'file-too-large', status: 413, file: 'huge.jpg' })
    expect(error.message).toContain('“huge.jpg” is larger than 1 MB')
    expect(pulledBytes()).toBeLessThan(2 * MB)
  })

  test('a body over its cap is refused from its Content-Length before reading, or while reading without one', async () => {
    const declared = await refusal(
      async () =>
        new MultipartUpload(
          requestWith('x', 'multipart/form-data; boundary=b', {
            'Content-Length': String(2 * 1024 * MB),
          }),
          LIMITS,
        ),
    )
    expect(declared).toMatchObject({ code: 'body-too-large', status: 413 })
    expect(declared.message).toContain('2048 MB')

    // Many files, each under its own cap, adding up to more than the body allows.
    const many = multipartBody(
      Array.from({ length: 3 }, (_, i) => ({
        filename: `${i}.jpg`,
        data: Buffer.alloc(MB - 1000, i),
      })),
    )
    const small = { ...LIMITS, maxBodyBytes: 2 * MB }
    expect(
      await refusal(() =>
        collect(new MultipartUpload(requestWith(many.body, many.contentType), small)),
      ),
    ).toMatchObject({ code: 'body-too-large', status: 413 })
  })

  test('more files than allowed are refused, naming the first one over', async () => {
    const { body, contentType } = multipartBody(
      ['1.jpg', '2.jpg', '3.jpg', '4.jpg', '5.jpg'].map((filename) => ({ filename, data: 'x' })),
    )
    expect(
      await refusal(() => collect(new MultipartUpload(requestWith(body, contentType), LIMITS))),
    ).toMatchObject({ code: 'too-many-files', status: 413, file: '4.jpg' })
  })

  test('refuses what is not multipart, and multipart that is malformed', async () => {
    expect(
      await refusal(async () => new MultipartUpload(requestWith('{}', 'application/json'), LIMITS)),
    ).toMatchObject({ code: 'not-multipart', status: 415 })
    expect(
      await refusal(
        async () => new MultipartUpload(requestWith('x', 'multipart/form-data'), LIMITS),
      ),
    ).toMatchObject({ status: 415 })
    const broken = requestWith(
      '--b\r\nContent-Disposition: form-data; name="images"; filename="a.jpg"\r\n\r\nno closing boundary',
      'multipart/form-data; boundary=b',
    )
    expect(await refusal(() => collect(new MultipartUpload(broken, LIMITS)))).toMatchObject({
      code: 'malformed',
      status: 400,
    })
  })

  test('a consumer that stops early stops the reading too', async () => {
    // A small file, then a huge one streamed lazily; the consumer gives up after the first.
    const boundary = 'two-files'
    const first = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="images"; filename="small.jpg"\r\n\r\nsmall\r\n`,
    )
    const second = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="images"; filename="huge.jpg"\r\n\r\n`,
    )
    const chunk = Buffer.alloc(64 * 1024, 0xcd)
    let pulled = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled === 0) controller.enqueue(Buffer.concat([first, second]))
        pulled += chunk.length
        if (pulled > 300 * MB) controller.close()
        else controller.enqueue(chunk)
      },
    })
    const upload = new MultipartUpload(
      requestWith(stream, `multipart/form-data; boundary=${boundary}`),
      { ...LIMITS, maxFileBytes: 500 * MB, maxBodyBytes: 600 * MB },
    )
    const seen: string[] = []
    await expect(
      (async () => {
        for await (const file of upload) {
          seen.push(file.filename)
          // While the consumer works on a file, the next one waits in the client.
          await new Promise((resolve) => setTimeout(resolve, 100))
          throw new Error('the consumer failed')
        }
      })(),
    ).rejects.toThrow('the consumer failed')
    expect(seen).toEqual(['small.jpg'])
    const pulledThen = pulled
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(pulled).toBe(pulledThen)
    expect(pulled).toBeLessThan(4 * MB)
  })
})
