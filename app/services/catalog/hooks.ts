import type { Tx } from '~/infra/db.server.ts'

/**
 * Extra work the caller of an admin command runs inside the command's transaction, given what
 * changed: the audit log entry (issue 7), so the log and the change commit or fail together.
 */
export type WithinTransaction<Change> = { within?: (tx: Tx, change: Change) => Promise<unknown> }
