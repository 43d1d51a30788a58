import type { TFunction } from 'i18next'
import type { Namespace } from '~/i18n/config.ts'
import type { MessageCode } from '~/services/catalog/errors.ts'
import { toRefusal, type Refusal } from './errors.server.ts'

// Refusals in the page's language. Services say why in English (for logs and the API) and give
// each refusal a stable code; a page looks the code up under `errors.<code>` in its namespace and
// keeps the English message only where its catalogue has no such key.

type Say = (key: string, options?: Record<string, unknown>) => string

function sayer(t: TFunction<Namespace>): Say {
  return t as unknown as Say
}

/** The code of a message, when the error carries one (`messageCode` on the error itself). */
function ownCode(error: unknown): MessageCode | null {
  if (typeof error !== 'object' || error === null || !('messageCode' in error)) return null
  const code = (error as { messageCode?: MessageCode }).messageCode
  return code && typeof code.code === 'string' ? code : null
}

function translate(say: Say, code: MessageCode | null | undefined, english: string) {
  if (!code) return english
  return say(`errors.${code.code}`, { ...code.values, defaultValue: english })
}

/** A refusal's one message in the page's language (for routes that show a single line). */
export function refusalMessage(t: TFunction<Namespace>, refusal: Refusal, error?: unknown) {
  const say = sayer(t)
  const own = ownCode(error)
  if (own) return translate(say, own, refusal.message)
  const codes = messageCodesOf(error)
  const first = Object.keys(codes)[0]
  if (first !== undefined && codes[first]?.[0])
    return translate(say, codes[first][0], refusal.message)
  return translate(say, { code: refusal.code }, refusal.message)
}

function messageCodesOf(error: unknown): Record<string, Array<MessageCode | null>> {
  if (typeof error !== 'object' || error === null || !('messageCodes' in error)) return {}
  return (error as { messageCodes: Record<string, Array<MessageCode | null>> }).messageCodes
}

/**
 * `toRefusal` with its messages in the page's language: each field's messages by their codes,
 * a single message by the error's own code (or its refusal code).
 */
export function localizedRefusal(t: TFunction<Namespace>, error: unknown): Refusal {
  const refusal = toRefusal(error)
  const say = sayer(t)
  const codes = messageCodesOf(error)
  const own = ownCode(error) ?? { code: refusal.code }
  const field = (name: string, messages: string[]) =>
    messages.map((message, index) =>
      codes[name]
        ? translate(say, codes[name][index], message)
        : message === refusal.message
          ? translate(say, own, message)
          : message,
    )
  const fieldErrors = Object.fromEntries(
    Object.entries(refusal.fieldErrors).map(([name, messages]) => [name, field(name, messages)]),
  )
  return {
    ...refusal,
    message: refusalMessage(t, refusal, error),
    formErrors: field('', refusal.formErrors),
    fieldErrors,
  }
}
