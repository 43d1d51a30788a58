import { message } from '~/i18n/validation.ts'

// Control characters (C0 but tab, line feed and carriage return; DEL; C1) have no place in
// anything a person types. PostgreSQL refuses NUL in text outright (error 22021), so one left
// through becomes a 500; the others are stored and then break layouts, logs and CSV exports.
// Forms, JSON bodies and query strings are checked at the edge (readFormData, readJsonBody,
// the server's request guard); schemas check too, so the browser says so at the field.

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/

export function hasControlCharacters(value: string) {
  return CONTROL_CHARACTER.test(value)
}

export const CONTROL_CHARACTERS_MESSAGE =
  'Remove the invisible control characters (such as U+0000) from this field'

/** A zod refinement for text fields: `.refine(...noControlCharacters)`. */
export const noControlCharacters = [
  (value: string) => !hasControlCharacters(value),
  { error: message('text.controlCharacters') },
] as const

/** A field's name for a message about it: quoted, unless the name itself is unfit to show. */
export function fieldNameForMessage(name: string) {
  return hasControlCharacters(name) || name.length > 60 ? 'one of the fields' : `“${name}”`
}
