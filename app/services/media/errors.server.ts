// Refusals of the media service that routes turn into responses. (A refused file is an
// ImageRejection, a refused request body an UploadError.)

/** No such product or image among the acting user's own: answered 404, whoever owns it. */
export class MediaNotFoundError extends Error {
  override name = 'MediaNotFoundError'
  constructor(what = 'product') {
    super(`No such ${what}.`)
  }
}

/** The upload would take the product past its image limit; nothing of it is kept. */
export class TooManyImagesError extends Error {
  override name = 'TooManyImagesError'
  constructor(
    message: string,
    /** The first file over the limit, as sent. */
    readonly filename?: string,
  ) {
    super(message)
  }
}

/** A reorder that does not name exactly the product's current images (someone changed them meanwhile). */
export class StaleImagesError extends Error {
  override name = 'StaleImagesError'
  constructor() {
    super('The photos changed since this page was loaded. Reload to see the current ones.')
  }
}

/** A colour the product does not come in. */
export class InvalidColorError extends Error {
  override name = 'InvalidColorError'
  constructor() {
    super('This product does not come in that colour.')
  }
}

/** The upload carried no file. */
export class NoFileError extends Error {
  override name = 'NoFileError'
  constructor(message = 'Choose a photo to upload.') {
    super(message)
  }
}
