import { apiDocument as generate } from './openapi.server.ts'
import * as endpoints from './endpoints/index.server.ts'

/** The complete document: every endpoint module is loaded (and so registered) first. */
export function apiDocument() {
  void endpoints
  return generate()
}
