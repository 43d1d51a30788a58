import busboy, { type Busboy, type FileInfo } from 'busboy'
import { once } from 'node:events'
import type { Readable } from 'node:stream'
import { DomainError, type DomainErrorKind } from '~/utils/domain-error.ts'
import { quoteFileName } from '~/utils/file-names.ts'
import { fieldNameForMessage, hasControlCharacters } from '~/utils/text.ts'

// Streams a multipart/form-data request and hands over its files one at a time, each read into
// memory only up to its size cap. Nothing touches the disk, and the body is read only as fast
// as the consumer takes files (backpressure holds the rest in the client), so a 2 GB upload
// costs at most one capped file in memory; past a cap reading stops at once and the request
// is refused as a whole (answer it with `Connection: close` so the rest is never read).

export type MultipartLimits = {
  /** Bytes per file: going over refuses the whole request, naming the file. */
  maxFileBytes: number
  /** Files per request (empty file inputs do not count). */
  maxFiles: number
  /** Bytes of the whole body, multipart framing and fields included. */
  maxBodyBytes: number
  maxFields?: number
  maxFieldBytes?: number
}

export type UploadedFile = {
  /** The form field it came in. */
  field: string
  /** The name the browser sent, unchanged: check it before showing it, never use it as a path. */
  filename: string
  /** The Content-Type the browser claimed; informative only, the bytes decide. */
  declaredType: string
  bytes: Buffer
}

export type UploadErrorCode =
  | 'not-multipart'
  | 'body-too-large'
  | 'file-too-large'
  | 'too-many-files'
  | 'too-many-fields'
  | 'malformed'
  | 'aborted'

/** The request as a whole is refused (as opposed to one file in it). */
export class UploadError extends DomainError {
  override name = 'UploadError'
  declare readonly code: UploadErrorCode
  constructor(
    code: UploadErrorCode,
    kind: Extract<DomainErrorKind, 'invalid' | 'too-large' | 'unsupported'>,
    message: string,
    /** The file the refusal is about, when there is one (as sent: display it with displayName). */
    readonly filename?: string,
  ) {
    super(kind, code, message)
  }
}

export function isMultipart(request: Request) {
  return /^multipart\/form-data\s*;/i.test(request.headers.get('content-type') ?? '')
}

const MB = 1024 * 1024
export const describeSize = (bytes: number) =>
  bytes >= MB
    ? `${Math.round((bytes / MB) * 10) / 10} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`

type Part = { kind: 'file'; field: string; stream: Readable; info: FileInfo } | { kind: 'end' }

/**
 * A multipart request's files, in order, as an async iterable that can be read once. Fields
 * are collected into `fields` as they pass. Iterating throws UploadError when the request as a
 * whole is refused; stopping early (break, or an exception in the loop) stops reading it.
 */
export class MultipartUpload implements AsyncIterable<UploadedFile> {
  readonly fields = new Map<string, string>()
  private readonly parser: Busboy
  private readonly parts: Part[] = []
  private wake: (() => void) | undefined
  private failure: UploadError | undefined
  private current: Readable | undefined
  private readonly stopped = new AbortController()
  private received = 0
  private files = 0
  private finished = false
  private started = false

  constructor(
    private readonly request: Request,
    private readonly limits: MultipartLimits,
  ) {
    if (!isMultipart(request))
      throw new UploadError(
        'not-multipart',
        'unsupported',
        'Send the files as multipart/form-data.',
      )
    const declaredLength = Number(request.headers.get('content-length') ?? Number.NaN)
    if (declaredLength > limits.maxBodyBytes) throw this.tooLarge(declaredLength)
    const maxFields = limits.maxFields ?? 20
    try {
      this.parser = busboy({
        headers: { 'content-type': request.headers.get('content-type')! },
        // Keep names exactly as sent, so hostile ones can be recognised and refused.
        preservePath: true,
        defParamCharset: 'utf8',
        limits: {
          // One byte over the cap tells a file at the cap from a larger one.
          fileSize: limits.maxFileBytes + 1,
          // Extra files are counted (and refused by name) here rather than dropped by busboy.
          files: limits.maxFiles + 8,
          fields: maxFields,
          fieldSize: limits.maxFieldBytes ?? 8 * 1024,
          parts: limits.maxFiles + 8 + maxFields,
          headerPairs: 16,
        },
      })
    } catch {
      throw new UploadError(
        'malformed',
        'invalid',
        'The upload is not well-formed multipart/form-data.',
      )
    }
    this.parser.on('file', (field, stream, info) => {
      // A stream destroyed with the parser must not become an uncaught error.
      stream.on('error', () => {})
      // Busboy discards the rest of a file over its cap without backpressure: stop right here.
      stream.once('limit', () => this.fail(this.fileTooLarge(info.filename)))
      if (this.failure) stream.resume()
      else this.push({ kind: 'file', field, stream, info })
    })
    this.parser.on('field', (name, value, info) => {
      if (info.valueTruncated || info.nameTruncated)
        this.fail(new UploadError('too-many-fields', 'too-large', 'A form field is too long.'))
      else if (hasControlCharacters(name) || hasControlCharacters(value))
        this.fail(
          new UploadError(
            'malformed',
            'invalid',
            `The form could not be accepted: ${fieldNameForMessage(name)} contains invisible control characters (such as U+0000).`,
          ),
        )
      else this.fields.set(name, value)
    })
    this.parser.on('filesLimit', () => this.fail(this.tooManyFiles()))
    this.parser.on('fieldsLimit', () =>
      this.fail(
        new UploadError('too-many-fields', 'too-large', 'The upload has too many form fields.'),
      ),
    )
    this.parser.on('partsLimit', () =>
      this.fail(new UploadError('too-many-fields', 'too-large', 'The upload has too many parts.')),
    )
    this.parser.on('error', () =>
      this.fail(
        new UploadError(
          'malformed',
          'invalid',
          'The upload is not well-formed multipart/form-data.',
        ),
      ),
    )
    this.parser.on('close', () => this.push({ kind: 'end' }))
  }

  /** Bytes of the body read so far (never more than maxBodyBytes plus one chunk). */
  get bytesRead() {
    return this.received
  }

  private tooLarge(size?: number) {
    const what = size
      ? `The upload is ${describeSize(size)}, more than`
      : 'The upload is larger than'
    return new UploadError(
      'body-too-large',
      'too-large',
      `${what} the ${describeSize(this.limits.maxBodyBytes)} accepted at once.`,
    )
  }

  private fileTooLarge(filename: string | undefined) {
    return new UploadError(
      'file-too-large',
      'too-large',
      `${quoteFileName(filename ?? '')} is larger than ${describeSize(this.limits.maxFileBytes)}, the most accepted per file. Resize or compress it and try again.`,
      filename,
    )
  }

  private tooManyFiles(filename?: string) {
    const files = this.limits.maxFiles === 1 ? 'one file' : `${this.limits.maxFiles} files`
    return new UploadError(
      'too-many-files',
      'too-large',
      `Send at most ${files} at once.`,
      filename,
    )
  }

  private push(part: Part) {
    this.parts.push(part)
    this.wake?.()
  }

  private fail(error: UploadError) {
    if (this.failure) return
    this.failure = error
    this.stopped.abort()
    this.current?.destroy(error)
    for (const part of this.parts) if (part.kind === 'file') part.stream.resume()
    this.parser.destroy()
    this.wake?.()
  }

  /**
   * Feeds the body to the parser, counting bytes and waiting whenever the parser is full. On
   * failure it simply stops: cancelling the body would destroy the socket before the refusal
   * could be sent.
   */
  private async pump() {
    const body = this.request.body
    if (!body) {
      this.parser.end()
      return
    }
    const reader = body.getReader()
    try {
      while (!this.failure) {
        const { done, value } = await reader.read()
        if (done || this.failure) break
        this.received += value.byteLength
        if (this.received > this.limits.maxBodyBytes) {
          this.fail(this.tooLarge())
          break
        }
        if (!this.parser.write(value))
          await once(this.parser, 'drain', { signal: this.stopped.signal })
      }
      if (!this.failure) this.parser.end()
    } catch {
      if (!this.failure) {
        const aborted = this.request.signal.aborted
        this.fail(
          aborted
            ? new UploadError('aborted', 'invalid', 'The upload was interrupted.')
            : new UploadError('malformed', 'invalid', 'The upload could not be read.'),
        )
      }
    } finally {
      reader.releaseLock()
    }
  }

  private async nextPart(): Promise<Part> {
    for (;;) {
      if (this.failure) throw this.failure
      const part = this.parts.shift()
      if (part) return part
      await new Promise<void>((resolve) => {
        this.wake = resolve
      })
      this.wake = undefined
    }
  }

  private async read(
    field: string,
    stream: Readable,
    info: FileInfo,
  ): Promise<UploadedFile | null> {
    const chunks: Buffer[] = []
    let size = 0
    this.current = stream
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length
        if (size > this.limits.maxFileBytes) {
          this.fail(this.fileTooLarge(info.filename))
          throw this.failure
        }
        chunks.push(chunk)
      }
    } catch (error) {
      throw this.failure ?? error
    } finally {
      this.current = undefined
    }
    if (this.failure) throw this.failure
    // An empty file input still sends a part, with no name and no bytes: nothing was chosen.
    if (size === 0 && !info.filename) return null
    return {
      field,
      filename: info.filename ?? '',
      declaredType: info.mimeType,
      bytes: Buffer.concat(chunks, size),
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<UploadedFile> {
    if (this.started) throw new Error('A multipart upload can be read once')
    this.started = true
    const pumping = this.pump()
    try {
      for (;;) {
        const part = await this.nextPart()
        if (part.kind === 'end') {
          this.finished = true
          await pumping
          if (this.failure) throw this.failure
          return
        }
        const file = await this.read(part.field, part.stream, part.info)
        if (!file) continue
        if (++this.files > this.limits.maxFiles) {
          const error = this.tooManyFiles(file.filename)
          this.fail(error)
          throw error
        }
        yield file
      }
    } finally {
      // Stopped early (a refusal, or an error in the consumer): stop reading the request too.
      if (!this.finished)
        this.fail(new UploadError('aborted', 'invalid', 'The upload was stopped.'))
    }
  }
}

/** Reads the request's files with these limits; see MultipartUpload. */
export function readMultipart(request: Request, limits: MultipartLimits) {
  return new MultipartUpload(request, limits)
}
