import type catalogue from './locales/en/validation.json'

// Form schemas are shared by the server and the browser and know no language, so their messages
// are keys of the `validation` catalogue (with the values they need) rather than English text:
// `message('cart.quantityMax', { max: 10 })` is `validation:cart.quantityMax {"max":10}`.
// ErrorList (components/forms.tsx) shows them in the page's language, whichever side validated;
// anything else (a refusal already translated on the server) is shown as it is.

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>
}[keyof T & string]

export type ValidationKey = Leaves<typeof catalogue>
export type MessageValues = Record<string, string | number>

const PREFIX = 'validation:'
const PATTERN = /^validation:([A-Za-z0-9_.]+)(?: (\{.*\}))?$/s

/** A schema message: a `validation` catalogue key and the values its text interpolates. */
export function message(key: ValidationKey, values?: MessageValues): string {
  return values ? `${PREFIX}${key} ${JSON.stringify(values)}` : `${PREFIX}${key}`
}

/** The key and values of a schema message; null for text that is not one. */
export function parseMessage(text: string): { key: ValidationKey; values: MessageValues } | null {
  const match = PATTERN.exec(text)
  if (!match) return null
  let values: MessageValues = {}
  if (match[2]) {
    try {
      const parsed: unknown = JSON.parse(match[2])
      if (typeof parsed === 'object' && parsed !== null) values = parsed as MessageValues
    } catch {
      return null
    }
  }
  return { key: match[1] as ValidationKey, values }
}

/**
 * Shows a schema message in a language: `translate` is the `validation` namespace's t and
 * `number` the page's number format, so "at most 10" reads "حداکثر ۱۰" in Persian.
 */
export function translateMessage(
  text: string,
  translate: (key: ValidationKey, values: MessageValues) => string,
  number: (value: number) => string,
): string {
  const parsed = parseMessage(text)
  if (!parsed) return text
  const values: MessageValues = {}
  for (const [name, value] of Object.entries(parsed.values))
    values[name] = typeof value === 'number' ? number(value) : value
  return translate(parsed.key, values)
}
