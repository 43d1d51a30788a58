import { DomainError } from '~/utils/domain-error.ts'

// Refusals of the media service (a refused file is an ImageRejection, a refused request body an
// UploadError); app/http/errors.server.ts answers them.

/** No such product or image among the acting user's own: answered 404, whoever owns it. */
export class MediaNotFoundError extends DomainError {
  override name = 'MediaNotFoundError'
  constructor(what = 'product') {
    super('not-found', 'not-found', `No such ${what}.`)
  }
}

/** The upload would take the product past its image limit; nothing of it is kept. */
export class TooManyImagesError extends DomainError {
  override name = 'TooManyImagesError'
  constructor(
    message: string,
    /** The first file over the limit, as sent. */
    readonly filename?: string,
  ) {
    super('conflict', 'too-many-images', message)
  }
}

/** A reorder that does not name exactly the product's current images (someone changed them meanwhile). */
export class StaleImagesError extends DomainError {
  override name = 'StaleImagesError'
  constructor() {
    super(
      'conflict',
      'stale',
      'The photos changed since this page was loaded. Reload to see the current ones.',
    )
  }
}

/** A colour the product does not come in. */
export class InvalidColorError extends DomainError {
  override name = 'InvalidColorError'
  constructor() {
    super('invalid', 'invalid', 'This product does not come in that colour.', { field: 'colorId' })
  }
}

/** The upload carried no file. */
export class NoFileError extends DomainError {
  override name = 'NoFileError'
  constructor(message = 'Choose a photo to upload.') {
    super('invalid', 'no-file', message)
  }
}
