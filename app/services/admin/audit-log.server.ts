import { prisma, type Prisma } from '~/infra/db.server.ts'
import { getEnv } from '~/infra/env.server.ts'
import { zonedLocalToUtc } from '~/utils/zoned-time.ts'
import { AUDIT_PAGE_SIZE, COMMAND_LINE_ACTOR, type AuditFilters } from './schemas.ts'

// Reading the audit log (app/services/audit writes it): the admin's filtered list, the admins
// who appear in it, and the latest entries about one target.

const ENTRY_SELECT = {
  id: true,
  createdAt: true,
  actorId: true,
  actorLabel: true,
  action: true,
  targetType: true,
  targetId: true,
  targetLabel: true,
  reason: true,
  details: true,
} satisfies Prisma.AuditEntrySelect

export type AuditEntryRow = Prisma.AuditEntryGetPayload<{ select: typeof ENTRY_SELECT }>

const DAY_MS = 24 * 60 * 60 * 1000

/** "2026-12-05" → "2026-12-06" */
function nextDay(date: string) {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10)
}

/** The instant a calendar day (YYYY-MM-DD, already validated) begins in the time zone. */
function startOfDay(date: string, timeZone: string) {
  return zonedLocalToUtc(`${date}T00:00`, timeZone) ?? new Date(`${date}T00:00:00.000Z`)
}

/** LIKE treats % and _ as wildcards and \ as its escape; a search for "50%" means those characters. */
export function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`)
}

function auditWhere(filters: Omit<AuditFilters, 'page'>): Prisma.AuditEntryWhereInput {
  const where: Prisma.AuditEntryWhereInput = {}
  if (filters.admin) where.actorId = filters.admin === COMMAND_LINE_ACTOR ? null : filters.admin
  if (filters.action) where.action = filters.action
  if (filters.type) where.targetType = filters.type
  if (filters.target) where.targetId = filters.target
  // Dates are whole days in the store's time zone, both ends included: the page shows every
  // time in that zone too.
  if (filters.from || filters.to) {
    const timeZone = getEnv().STORE_TIMEZONE
    where.createdAt = {
      ...(filters.from ? { gte: startOfDay(filters.from, timeZone) } : {}),
      ...(filters.to ? { lt: startOfDay(nextDay(filters.to), timeZone) } : {}),
    }
  }
  if (filters.q) {
    const contains = escapeLike(filters.q)
    where.OR = [
      { targetLabel: { contains, mode: 'insensitive' } },
      { targetId: { contains, mode: 'insensitive' } },
      { reason: { contains, mode: 'insensitive' } },
    ]
  }
  return where
}

/** A page of the log, newest first, with the total for the filters. */
export async function listAuditEntries(filters: AuditFilters) {
  const where = auditWhere(filters)
  const [total, entries] = await Promise.all([
    prisma.auditEntry.count({ where }),
    prisma.auditEntry.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: ENTRY_SELECT,
    }),
  ])
  return {
    entries,
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  }
}

/** Everyone who has written to the log, for the "admin" filter: current name and email. */
export async function listAuditActors() {
  const groups = await prisma.auditEntry.groupBy({ by: ['actorId'], orderBy: { actorId: 'asc' } })
  const ids = groups.flatMap((group) => (group.actorId ? [group.actorId] : []))
  const users = await prisma.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, email: true },
    orderBy: { name: 'asc' },
  })
  const actors = users.map((user) => ({ value: user.id, label: `${user.name} (${user.email})` }))
  if (groups.some((group) => group.actorId === null))
    actors.push({ value: COMMAND_LINE_ACTOR, label: 'Command line' })
  return actors
}

/** The latest entries about one target, newest first (a user's page shows them). */
export function listRecentAuditFor(target: { type: string; id: string }, take = 10) {
  return prisma.auditEntry.findMany({
    where: { targetType: target.type, targetId: target.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: ENTRY_SELECT,
  })
}
