import { fieldNameForMessage, hasControlCharacters } from '~/utils/text.ts'
import { readBoundedBody } from './json-body.server.ts'
import { describeSize } from './multipart.server.ts'

/** Far above any form of the app (the product form with a full variant matrix is a few KB). */
export const MAX_FORM_BYTES = 1024 * 1024

const FORM_TYPE = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i

/**
 * An action's form, read up to `maxBytes` (request.formData() would read any size, and throws a
 * TypeError on a body that is not a form). Throws a Response: 415 when the body is not a form,
 * 413 when it is too large, 400 when it does not parse or a field holds control characters
 * (app/utils/text.ts). Forms of routes that take files use readMultipart instead.
 */
export async function readFormData(request: Request, maxBytes = MAX_FORM_BYTES): Promise<FormData> {
  const contentType = request.headers.get('content-type') ?? ''
  if (!FORM_TYPE.test(contentType)) {
    throw new Response(
      'Send the form as application/x-www-form-urlencoded or multipart/form-data.',
      { status: 415 },
    )
  }
  const body = await readBoundedBody(request, maxBytes)
  if (!body)
    throw new Response(`The form is larger than the ${describeSize(maxBytes)} accepted.`, {
      status: 413,
    })
  let formData: FormData
  try {
    formData = await new Response(new Uint8Array(body), {
      headers: { 'Content-Type': contentType },
    }).formData()
  } catch {
    throw new Response('The form could not be read.', { status: 400 })
  }
  for (const [name, value] of formData) {
    const text = typeof value === 'string' ? value : value.name
    if (hasControlCharacters(name) || hasControlCharacters(text))
      throw controlCharactersResponse(name)
  }
  return formData
}

/** The 400 for a field (or query parameter) holding control characters, naming it. */
function controlCharactersResponse(name: string) {
  return new Response(
    `The form could not be accepted: ${fieldNameForMessage(name)} contains invisible control characters (such as U+0000). Remove them and send it again.`,
    { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  )
}
