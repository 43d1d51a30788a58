import { describe, expect, test } from 'vitest'
import { message } from '~/i18n/validation.ts'
import { prisma } from '~/infra/db.server.ts'
import { listAuditActors, listAuditEntries } from '~/services/admin/audit-log.server.ts'
import { recordAudit } from '~/services/audit/audit.server.ts'
import {
  AUDIT_PAGE_SIZE,
  AuditFiltersSchema,
  COMMAND_LINE_ACTOR,
} from '~/services/admin/schemas.ts'
import { createUser } from '../support/fixtures.ts'

// The audit log: written in the caller's transaction, append-only, and listed with filters.

async function admin(name = 'Audit Admin') {
  return createUser({ name, roles: ['SHOPPER', 'ADMIN'] })
}

/** Writes an entry directly, with a chosen time (the table is append-only, so set it at insert). */
async function entry(input: {
  actor: { id: string; email: string } | null
  action?: string
  targetType?: string
  targetId?: string
  targetLabel?: string
  reason?: string | null
  createdAt?: Date
}) {
  return prisma.auditEntry.create({
    data: {
      actorId: input.actor?.id ?? null,
      actorLabel: input.actor?.email ?? 'npm run admin:grant',
      action: input.action ?? 'user.block',
      targetType: input.targetType ?? 'USER',
      targetId: input.targetId ?? 'target-1',
      targetLabel: input.targetLabel ?? 'Someone <someone@example.test>',
      reason: input.reason ?? null,
      createdAt: input.createdAt ?? new Date(),
    },
  })
}

const filters = (input: Record<string, string>) => AuditFiltersSchema.parse(input)

describe('recordAudit', () => {
  test('writes who, what, on what, when, why and the details', async () => {
    const actor = await admin()
    const before = Date.now()
    const written = await prisma.$transaction((tx) =>
      recordAudit(tx, {
        actor,
        action: 'user.block',
        target: { type: 'USER', id: 'u1', label: 'Blocked Person <blocked@example.test>' },
        reason: '  Spam in reviews  ',
        details: { before: { status: 'ACTIVE' }, after: { status: 'BLOCKED' }, sessionsEnded: 2 },
      }),
    )
    const stored = await prisma.auditEntry.findUniqueOrThrow({ where: { id: written.id } })
    expect(stored).toMatchObject({
      actorId: actor.id,
      actorLabel: actor.email,
      action: 'user.block',
      targetType: 'USER',
      targetId: 'u1',
      targetLabel: 'Blocked Person <blocked@example.test>',
      reason: 'Spam in reviews',
      details: { before: { status: 'ACTIVE' }, after: { status: 'BLOCKED' }, sessionsEnded: 2 },
    })
    expect(stored.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000)
  })

  test('a blank reason is stored as none; a command is named when no admin acted', async () => {
    const written = await prisma.$transaction((tx) =>
      recordAudit(tx, {
        actor: { command: 'npm run admin:grant' },
        action: 'user.grant-admin',
        target: { type: 'USER', id: 'u2', label: 'X <x@example.test>' },
        reason: '   ',
      }),
    )
    expect(await prisma.auditEntry.findUniqueOrThrow({ where: { id: written.id } })).toMatchObject({
      actorId: null,
      actorLabel: 'npm run admin:grant',
      reason: null,
      details: {},
    })
  })

  test('is part of the transaction: when it rolls back, the entry is gone too', async () => {
    const actor = await admin()
    const failure = await prisma
      .$transaction(async (tx) => {
        await recordAudit(tx, {
          actor,
          action: 'user.unblock',
          target: { type: 'USER', id: 'rolled-back', label: 'R <r@example.test>' },
        })
        throw new Error('the change failed after the audit entry was written')
      })
      .catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(Error)
    expect(await prisma.auditEntry.count({ where: { targetId: 'rolled-back' } })).toBe(0)
  })
})

describe('the audit table', () => {
  test('is append-only: updates and deletes are refused by the database', async () => {
    const actor = await admin()
    const row = await entry({ actor, reason: 'original' })
    await expect(
      prisma.auditEntry.update({ where: { id: row.id }, data: { reason: 'rewritten' } }),
    ).rejects.toThrow(/append-only/)
    await expect(prisma.auditEntry.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/)
    await expect(prisma.$executeRawUnsafe('TRUNCATE "AuditEntry"')).rejects.toThrow(/append-only/)
    expect(await prisma.auditEntry.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      reason: 'original',
    })
  })

  test('refuses malformed action names, target types and empty labels', async () => {
    const actor = await admin()
    await expect(entry({ actor, action: 'Block User' })).rejects.toThrow(/AuditEntry_action_format/)
    await expect(entry({ actor, targetType: 'user' })).rejects.toThrow(
      /AuditEntry_target_type_format/,
    )
    await expect(entry({ actor, targetLabel: '' })).rejects.toThrow(/AuditEntry_lengths/)
    await expect(entry({ actor, reason: 'x'.repeat(1001) })).rejects.toThrow(/AuditEntry_lengths/)
  })

  test('keeps an admin who acted from being deleted', async () => {
    const actor = await admin()
    await entry({ actor })
    await expect(prisma.user.delete({ where: { id: actor.id } })).rejects.toThrow()
    expect(await prisma.user.findUnique({ where: { id: actor.id } })).not.toBeNull()
  })
})

describe('listAuditEntries', () => {
  test('lists newest first and pages through everything exactly once', async () => {
    const actor = await admin()
    const start = Date.UTC(2030, 0, 1)
    const total = AUDIT_PAGE_SIZE + 7
    for (let i = 0; i < total; i++)
      await entry({ actor, targetId: `paged-${i}`, createdAt: new Date(start + i * 60_000) })

    const first = await listAuditEntries(filters({ q: 'paged-' }))
    expect(first.total).toBe(total)
    expect(first.pageCount).toBe(2)
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE)
    expect(first.entries[0]!.targetId).toBe(`paged-${total - 1}`)
    const second = await listAuditEntries(filters({ q: 'paged-', page: '2' }))
    expect(second.entries).toHaveLength(7)
    expect(second.entries.at(-1)!.targetId).toBe('paged-0')
    const seen = new Set([...first.entries, ...second.entries].map((row) => row.targetId))
    expect(seen.size).toBe(total)
    const times = [...first.entries, ...second.entries].map((row) => row.createdAt.getTime())
    expect(times).toEqual([...times].sort((a, b) => b - a))

    const beyond = await listAuditEntries(filters({ q: 'paged-', page: '3' }))
    expect(beyond).toMatchObject({ total, entries: [] })
  })

  test('filters by admin, action, target type, exact target, date range and free text', async () => {
    const ada = await admin('Ada Filter')
    const bob = await admin('Bob Filter')
    const day = (d: number, h = 12) => new Date(Date.UTC(2031, 4, d, h))
    await entry({
      actor: ada,
      action: 'user.block',
      targetId: 'f-1',
      targetLabel: 'Mallory <mallory@example.test>',
      reason: 'Fake REVIEWS everywhere',
      createdAt: day(1, 0),
    })
    await entry({
      actor: bob,
      action: 'user.unblock',
      targetId: 'f-1',
      targetLabel: 'Mallory <mallory@example.test>',
      reason: 'Appeal accepted',
      createdAt: day(2),
    })
    await entry({
      actor: ada,
      action: 'user.grant-admin',
      targetId: 'f-2',
      targetLabel: 'Trent <trent@example.test>',
      createdAt: day(3, 23),
    })
    await entry({
      actor: null,
      action: 'user.grant-admin',
      targetId: 'f-3',
      targetLabel: 'Operator Pick <op@example.test>',
      createdAt: day(4),
    })
    await entry({
      actor: bob,
      action: 'shop.suspend',
      targetType: 'SHOP',
      targetId: 'f-shop',
      targetLabel: '50% Off_Shop',
      createdAt: day(5),
    })

    const ids = async (input: Record<string, string>) =>
      (
        await listAuditEntries(filters({ from: '2031-05-01', to: '2031-05-31', ...input }))
      ).entries.map((row) => `${row.action}:${row.targetId}`)

    expect(await ids({})).toEqual([
      'shop.suspend:f-shop',
      'user.grant-admin:f-3',
      'user.grant-admin:f-2',
      'user.unblock:f-1',
      'user.block:f-1',
    ])
    expect(await ids({ admin: ada.id })).toEqual(['user.grant-admin:f-2', 'user.block:f-1'])
    expect(await ids({ admin: COMMAND_LINE_ACTOR })).toEqual(['user.grant-admin:f-3'])
    expect(await ids({ action: 'user.grant-admin' })).toEqual([
      'user.grant-admin:f-3',
      'user.grant-admin:f-2',
    ])
    expect(await ids({ type: 'SHOP' })).toEqual(['shop.suspend:f-shop'])
    expect(await ids({ target: 'f-1' })).toEqual(['user.unblock:f-1', 'user.block:f-1'])
    // Whole UTC days, both ends included: 00:00 on the 1st and 23:00 on the 3rd are in.
    expect(await ids({ from: '2031-05-01', to: '2031-05-01' })).toEqual(['user.block:f-1'])
    expect(await ids({ from: '2031-05-02', to: '2031-05-03' })).toEqual([
      'user.grant-admin:f-2',
      'user.unblock:f-1',
    ])
    expect(await ids({ from: '2031-05-04', to: '' })).toEqual([
      'shop.suspend:f-shop',
      'user.grant-admin:f-3',
    ])
    // Free text: target label, target id and reason, whatever the case.
    expect(await ids({ q: 'MALLORY' })).toEqual(['user.unblock:f-1', 'user.block:f-1'])
    expect(await ids({ q: 'fake reviews' })).toEqual(['user.block:f-1'])
    expect(await ids({ q: 'f-2' })).toEqual(['user.grant-admin:f-2'])
    // % and _ are characters, not wildcards.
    expect(await ids({ q: '50%' })).toEqual(['shop.suspend:f-shop'])
    expect(await ids({ q: 'f_2' })).toEqual([])
    // Filters combine with AND.
    expect(await ids({ admin: bob.id, q: 'mallory' })).toEqual(['user.unblock:f-1'])
    expect(await ids({ admin: ada.id, action: 'user.unblock' })).toEqual([])
  })

  test('lists everyone who wrote to the log for the admin filter', async () => {
    const ada = await admin('Ada Actor')
    const never = await admin('Never Acted')
    await entry({ actor: ada })
    await entry({ actor: null })
    const actors = await listAuditActors()
    expect(actors).toContainEqual({ value: ada.id, label: `Ada Actor (${ada.email})` })
    expect(actors).toContainEqual({ value: COMMAND_LINE_ACTOR, label: 'Command line' })
    expect(actors.map((actor) => actor.value)).not.toContain(never.id)
  })
})

describe('AuditFiltersSchema', () => {
  test('treats empty fields as absent and refuses malformed ones with a message per field', () => {
    expect(
      AuditFiltersSchema.parse({ admin: '', action: '', from: '', q: '  ', page: '' }),
    ).toEqual({ page: 1 })
    const bad = AuditFiltersSchema.safeParse({
      from: '2031-02-30',
      to: 'yesterday',
      action: 'DROP TABLE',
      page: '0',
    })
    expect(bad.success).toBe(false)
    const fields = bad.error!.issues.map((issue) => issue.path[0])
    expect(fields).toEqual(expect.arrayContaining(['from', 'to', 'action', 'page']))
    const reversed = AuditFiltersSchema.safeParse({ from: '2031-05-02', to: '2031-05-01' })
    expect(reversed.error?.issues).toEqual([
      expect.objectContaining({ path: ['to'], message: message('admin.dateOrder') }),
    ])
  })
})
