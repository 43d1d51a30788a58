import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import { apiDocument } from '~/http/api/document.server.ts'

// Every answer an API test receives is checked against the OpenAPI document the API serves (not
// against the zod schemas it was generated from): its status must be one the operation lists,
// and its body must match that response's JSON Schema (2020-12, as OpenAPI 3.1 uses).

type Operation = {
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>
}
type Document = {
  paths: Record<string, Record<string, Operation>>
  components?: { schemas?: object }
}

let cached: { document: Document; ajv: Ajv2020; validators: Map<string, ValidateFunction> } | null =
  null

function contract() {
  if (cached) return cached
  const document = JSON.parse(
    JSON.stringify(apiDocument()).replaceAll('#/components/schemas/', '#/$defs/'),
  ) as Document
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true })
  cached = { document, ajv, validators: new Map() }
  return cached
}

/** The documented path template a request path is an instance of (literal segments win). */
export function operationPath(pathname: string): string | null {
  const { document } = contract()
  const path = pathname.replace(/^\/api\/v1/, '')
  const candidates = Object.keys(document.paths).filter((template) =>
    new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
  )
  candidates.sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0))
  return candidates[0] ?? null
}

/** Throws unless the answer is one the document describes for this operation. */
export function checkAgainstDocument(
  method: string,
  pathname: string,
  status: number,
  contentType: string | null,
  body: unknown,
) {
  const { document, ajv, validators } = contract()
  const template = operationPath(pathname)
  if (!template) throw new Error(`${method} ${pathname}: no such path in the OpenAPI document`)
  const operation = document.paths[template]?.[method.toLowerCase()]
  if (!operation) throw new Error(`${method} ${template}: no such operation in the document`)
  const response = operation.responses[String(status)]
  if (!response)
    throw new Error(
      `${method} ${template} answered ${status}, which the document does not list (${Object.keys(operation.responses).join(', ')})`,
    )
  if (!response.content) {
    if (body !== null)
      throw new Error(`${method} ${template} ${status}: a body where none is documented`)
    return
  }
  const mediaType = (contentType ?? '').split(';')[0]!.trim()
  const media = response.content[mediaType]
  if (!media)
    throw new Error(`${method} ${template} ${status}: content type ${mediaType} is not documented`)
  const key = `${method} ${template} ${status} ${mediaType}`
  let validate = validators.get(key)
  if (!validate) {
    validate = ajv.compile({
      ...(media.schema as object),
      $defs: document.components?.schemas ?? {},
    })
    validators.set(key, validate)
  }
  if (!validate(body))
    throw new Error(
      `${key}: the body does not match the document: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`,
    )
}
