// Uploaded file names are only ever shown back to the person who chose the file, never used as
// paths or keys. These helpers make them safe to show and recognise the hostile ones.

const UNSAFE_NAME_CHARACTERS = /[/\\<>:"|?*\p{Cc}\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u
const MAX_NAME_BYTES = 255

/**
 * Why a file name is refused, or null when it is fine: path separators, control or
 * direction-override characters, markup characters or an absurd length are not what a browser
 * sends for a photo.
 */
export function fileNameProblem(name: string) {
  if (!name.trim() || name === '.' || name === '..') return 'it has no name'
  if (new TextEncoder().encode(name).length > MAX_NAME_BYTES)
    return `its name is longer than ${MAX_NAME_BYTES} bytes`
  if (UNSAFE_NAME_CHARACTERS.test(name))
    return 'its name contains path separators, control characters or one of < > : " | ? *'
  return null
}

/** The name as it may appear in a message: invisible and control characters replaced, length bounded. */
export function displayName(name: string) {
  const visible = name.replace(/[\p{Cc}\p{Cf}]/gu, '\ufffd').trim()
  if (!visible) return 'unnamed file'
  return visible.length > 80 ? `${visible.slice(0, 77)}…` : visible
}

/** “name”, for the start of a message about the file. */
export function quoteFileName(name: string) {
  return `“${displayName(name)}”`
}
