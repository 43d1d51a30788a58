import type { Prisma, Tx } from '~/infra/db.server.ts'
import type { AUDIT_ACTIONS, AuditAction } from './actions.ts'

// The audit log: who did what, to what, when and why. Every admin action writes its entry with
// recordAudit() inside the transaction of the change, so the log and the data can never
// disagree: a change that rolls back leaves no entry, and an entry that cannot be written
// rolls the change back. The table is append-only (a trigger refuses UPDATE and DELETE).

/** An admin acting in the app, or an operator's command (`npm run admin:grant`). */
export type AuditActor = { id: string; email: string } | { command: string }

export type AuditInput<A extends AuditAction = AuditAction> = {
  actor: AuditActor
  action: A
  /** `label` is how a person recognises the target now ("Ada <ada@example.com>"); it is kept as written. */
  target: { type: (typeof AUDIT_ACTIONS)[A]['targetType']; id: string; label: string }
  /** Why: required by some actions (blocking), optional for others. Blank means none. */
  reason?: string | null
  /** Before/after values and anything else worth keeping (e.g. how many sessions were ended). */
  details?: Prisma.InputJsonObject
}

const TARGET_LABEL_MAX = 400
const ACTOR_LABEL_MAX = 320

/** Writes one audit entry. Pass the transaction of the change it describes. */
export async function recordAudit<A extends AuditAction>(tx: Tx, input: AuditInput<A>) {
  const actor =
    'command' in input.actor
      ? { actorId: null, actorLabel: input.actor.command }
      : { actorId: input.actor.id, actorLabel: input.actor.email }
  const reason = input.reason?.trim() || null
  return tx.auditEntry.create({
    data: {
      ...actor,
      actorLabel: actor.actorLabel.slice(0, ACTOR_LABEL_MAX),
      action: input.action,
      targetType: input.target.type,
      targetId: input.target.id,
      targetLabel: input.target.label.slice(0, TARGET_LABEL_MAX),
      reason,
      details: input.details ?? {},
    },
    select: { id: true, createdAt: true },
  })
}

/** How the audit log names a user. */
export function userLabel(user: { name: string; email: string }) {
  return `${user.name} <${user.email}>`
}
