// Over 400 lines on purpose: the admin's endpoints in three short sections (reviews, accounts, shops).
import { z } from 'zod'
import { reinstateShopAsAdmin, suspendShopAsAdmin } from '~/services/admin/catalog.server.ts'
import { BlockUserSchema, REASON_MAX_LENGTH, USERS_PAGE_SIZE } from '~/services/admin/schemas.ts'
import {
  blockUser,
  getUserSummaryForAdmin,
  listUsers,
  unblockUser,
  UserAdminError,
} from '~/services/admin/users.server.ts'
import { listShopsForAdmin } from '~/services/catalog/shops.server.ts'
import {
  decideReviews,
  listModerationQueue,
  type Decision,
  type DecisionConflict,
} from '~/services/reviews/moderation.server.ts'
import { SuspendShopSchema } from '~/services/catalog/schemas.ts'
import { RejectReviewSchema } from '~/services/reviews/schemas.ts'
import type { ApiCaller } from '../auth.server.ts'
import { DomainError } from '~/utils/domain-error.ts'
import { noControlCharacters } from '~/utils/text.ts'
import { defineEndpoint, requireIfMatchVersion } from '../endpoint.server.ts'
import { pageFromCursor, pageNumbered } from '../paging.server.ts'
import { CursorSchema, IdParamSchema, pageOf } from '../schemas.ts'

// An admin's moderation through the admin area's own services: the review queue (approve,
// reject with a reason), accounts (search, block, unblock) and shops (suspend, reinstate). Each
// command re-checks the admin and writes its audit entry in its transaction, exactly as the
// admin pages do; the audit entry names the admin who owns the token.

const iso = (date: Date | null) => date?.toISOString() ?? null

// ---------------------------------------------------------------- reviews

const ReviewStatusSchema = z.enum(['PENDING', 'APPROVED', 'REJECTED'])

const QueuedReviewSchema = z
  .object({
    id: z.string(),
    version: z.number().int().meta({ description: 'Send it in `If-Match` to decide the review' }),
    status: ReviewStatusSchema.meta({
      description: 'PENDING when new or edited; APPROVED or REJECTED when back for its reports',
    }),
    rating: z.number().int(),
    title: z.string(),
    body: z.string(),
    fit: z.enum(['RUNS_SMALL', 'TRUE_TO_SIZE', 'RUNS_LARGE']).nullable(),
    verifiedPurchase: z.boolean(),
    reportCount: z.number().int(),
    queuedAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    product: z.object({ id: z.string(), title: z.string(), slug: z.string() }),
    author: z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      status: z.enum(['ACTIVE', 'BLOCKED']),
      reviews: z
        .object({
          PENDING: z.number().int(),
          APPROVED: z.number().int(),
          REJECTED: z.number().int(),
        })
        .meta({ description: 'The author’s reviews by status' }),
    }),
    reports: z.array(
      z.object({ reason: z.string(), reportedBy: z.string(), createdAt: z.iso.datetime() }),
    ),
  })
  .meta({ id: 'QueuedReview' })

export const listReviewQueue = defineEndpoint({
  method: 'get',
  path: '/admin/reviews',
  operationId: 'listReviewQueue',
  summary: 'The moderation queue: new, edited and reported reviews, oldest first',
  tags: ['Admin'],
  access: 'admin:read',
  query: z.object({ cursor: CursorSchema }),
  response: {
    status: 200,
    description: 'A page of the queue',
    schema: pageOf(QueuedReviewSchema, 'ReviewQueuePage').extend({ total: z.number().int() }),
  },
  async handle({ query, request }) {
    const page = pageFromCursor(query.cursor)
    const queue = await listModerationQueue({ page })
    const { next, headers } = pageNumbered(request, page, queue.pageCount)
    return {
      headers,
      body: {
        items: queue.reviews.map((review) => ({
          id: review.id,
          version: review.version,
          status: review.status,
          rating: review.rating,
          title: review.title,
          body: review.body,
          fit: review.fit,
          verifiedPurchase: review.verifiedPurchase,
          reportCount: review.reportCount,
          // In the queue by the service's own where clause, so never null here.
          queuedAt: (review.queuedAt ?? review.updatedAt).toISOString(),
          createdAt: review.createdAt.toISOString(),
          updatedAt: review.updatedAt.toISOString(),
          product: review.product,
          author: { ...review.user, reviews: review.authorHistory },
          reports: review.reports.map((report) => ({
            reason: report.reason,
            reportedBy: report.user.name,
            createdAt: report.createdAt.toISOString(),
          })),
        })),
        next,
        total: queue.total,
      },
    }
  },
})

const ReviewDecisionSchema = z
  .object({ id: z.string(), status: ReviewStatusSchema })
  .meta({ id: 'ReviewDecision' })

const ReviewIfMatch = z.object({
  'If-Match': z.string().meta({ description: 'The review’s `version` from the queue, e.g. `"3"`' }),
})

/** A review the decision left alone, as the refusal the page shows in its own words. */
function conflictError(conflict: DecisionConflict) {
  switch (conflict.reason) {
    case 'gone':
      return new DomainError('not-found', 'review-not-found', conflict.message)
    case 'decided':
      return new DomainError('conflict', 'already-decided', conflict.message)
    case 'changed':
      return new DomainError('stale', 'review-changed', conflict.message)
  }
}

async function decideOne(caller: ApiCaller, id: string, request: Request, decision: Decision) {
  const version = requireIfMatchVersion(request)
  const outcome = await decideReviews(caller.user, [{ id, version }], decision)
  const conflict = outcome.conflicts[0]
  if (conflict) throw conflictError(conflict)
  const decided = outcome.decided[0]
  if (!decided) throw new DomainError('not-found', 'review-not-found', 'There is no such review.')
  return decided
}

const DECISION_DESCRIPTION =
  'Only a review still in the queue at the version you read is decided: one decided meanwhile is a 409 naming who decided it, one edited since a 412. Audited as on the moderation page; the author is told.'

export const approveReview = defineEndpoint({
  method: 'post',
  path: '/admin/reviews/{id}/approve',
  operationId: 'approveReview',
  summary: 'Publish a review from the queue (`If-Match` its version)',
  description: DECISION_DESCRIPTION,
  tags: ['Admin'],
  access: 'admin:write',
  params: IdParamSchema,
  headers: ReviewIfMatch,
  response: { status: 200, description: 'The decision', schema: ReviewDecisionSchema },
  errors: [404, 409, 412, 428],
  async handle({ caller, params, request }) {
    return { body: await decideOne(caller, params.id, request, { approve: true }) }
  },
})

export const rejectReview = defineEndpoint({
  method: 'post',
  path: '/admin/reviews/{id}/reject',
  operationId: 'rejectReview',
  summary: 'Reject a review from the queue with a reason (`If-Match` its version)',
  description: `${DECISION_DESCRIPTION} The author reads the reason.`,
  tags: ['Admin'],
  access: 'admin:write',
  params: IdParamSchema,
  headers: ReviewIfMatch,
  body: RejectReviewSchema.pick({ reason: true }),
  response: { status: 200, description: 'The decision', schema: ReviewDecisionSchema },
  errors: [404, 409, 412, 428],
  async handle({ caller, params, body, request }) {
    const decision = { approve: false as const, reason: body.reason }
    return { body: await decideOne(caller, params.id, request, decision) }
  },
})

// ---------------------------------------------------------------- accounts

const RoleSchema = z.enum(['SHOPPER', 'SELLER', 'ADMIN'])
const UserStatusSchema = z.enum(['ACTIVE', 'BLOCKED'])
const ShopStatusSchema = z.enum(['ACTIVE', 'SUSPENDED'])

const AdminUserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(RoleSchema),
    status: UserStatusSchema,
    createdAt: z.iso.datetime(),
    shop: z.object({ name: z.string(), slug: z.string(), status: ShopStatusSchema }).nullable(),
  })
  .meta({ id: 'AdminUser' })

const AdminUserDetailSchema = AdminUserSchema.extend({
  blockedReason: z.string().nullable(),
  blockedAt: z.iso.datetime().nullable(),
}).meta({ id: 'AdminUserDetail' })

async function userDetail(id: string): Promise<z.infer<typeof AdminUserDetailSchema>> {
  const user = await getUserSummaryForAdmin(id)
  if (!user) throw new UserAdminError('There is no such account.', 'not-found', 'account-not-found')
  return {
    ...user,
    createdAt: user.createdAt.toISOString(),
    blockedAt: iso(user.blockedAt),
  }
}

export const listUsersEndpoint = defineEndpoint({
  method: 'get',
  path: '/admin/users',
  operationId: 'listUsers',
  summary: 'Search accounts by part of the email or name, or an exact id; newest first',
  tags: ['Admin'],
  access: 'admin:read',
  query: z.object({
    q: z.string().trim().max(200).optional().meta({ description: 'Email, name or id' }),
    role: RoleSchema.optional(),
    status: UserStatusSchema.optional(),
    cursor: CursorSchema,
  }),
  response: {
    status: 200,
    description: `A page of accounts (${USERS_PAGE_SIZE} a page)`,
    schema: pageOf(AdminUserSchema, 'AdminUserPage').extend({ total: z.number().int() }),
  },
  async handle({ query, request }) {
    const page = pageFromCursor(query.cursor)
    const list = await listUsers({
      q: query.q || undefined,
      role: query.role,
      status: query.status,
      page,
    })
    const { next, headers } = pageNumbered(request, page, list.pageCount)
    return {
      headers,
      body: {
        items: list.users.map((user) => ({ ...user, createdAt: user.createdAt.toISOString() })),
        next,
        total: list.total,
      },
    }
  },
})

export const getUserEndpoint = defineEndpoint({
  method: 'get',
  path: '/admin/users/{id}',
  operationId: 'getUser',
  summary: 'One account: roles, status and why it is blocked',
  tags: ['Admin'],
  access: 'admin:read',
  params: IdParamSchema,
  response: { status: 200, description: 'The account', schema: AdminUserDetailSchema },
  errors: [404],
  async handle({ params }) {
    return { body: await userDetail(params.id) }
  },
})

export const blockUserEndpoint = defineEndpoint({
  method: 'post',
  path: '/admin/users/{id}/block',
  operationId: 'blockUser',
  summary: 'Block an account: it cannot sign in, its sessions and tokens end now',
  description:
    'Its pending reviews are hidden. Not your own account, nor one already blocked (409). Audited as on the admin page.',
  tags: ['Admin'],
  access: 'admin:write',
  params: IdParamSchema,
  body: BlockUserSchema.pick({ reason: true }),
  response: { status: 200, description: 'The account as it is now', schema: AdminUserDetailSchema },
  errors: [404, 409],
  async handle({ caller, params, body }) {
    await blockUser(caller.user, params.id, body.reason)
    return { body: await userDetail(params.id) }
  },
})

export const unblockUserEndpoint = defineEndpoint({
  method: 'post',
  path: '/admin/users/{id}/unblock',
  operationId: 'unblockUser',
  summary: 'Let a blocked account sign in again (its old tokens stay revoked)',
  tags: ['Admin'],
  access: 'admin:write',
  params: IdParamSchema,
  body: z.object({
    reason: z
      .string()
      .trim()
      .max(REASON_MAX_LENGTH)
      .refine(...noControlCharacters)
      .optional(),
  }),
  response: { status: 200, description: 'The account as it is now', schema: AdminUserDetailSchema },
  errors: [404, 409],
  async handle({ caller, params, body }) {
    await unblockUser(caller.user, params.id, body.reason || null)
    return { body: await userDetail(params.id) }
  },
})

// ---------------------------------------------------------------- shops

const AdminShopSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    status: ShopStatusSchema,
    suspendedAt: z.iso.datetime().nullable(),
    suspendedReason: z.string().nullable(),
  })
  .meta({ id: 'AdminShop' })

export const listShopsEndpoint = defineEndpoint({
  method: 'get',
  path: '/admin/shops',
  operationId: 'listShopsForAdmin',
  summary: 'Every shop, open or suspended, newest first; search by name, slug or owner’s email',
  tags: ['Admin'],
  access: 'admin:read',
  query: z.object({
    q: z.string().trim().max(100).optional(),
    status: ShopStatusSchema.optional(),
    cursor: CursorSchema,
  }),
  response: {
    status: 200,
    description: 'A page of shops',
    schema: pageOf(
      AdminShopSchema.extend({
        createdAt: z.iso.datetime(),
        owner: z.object({ name: z.string(), email: z.string() }),
        products: z.number().int(),
      }).meta({ id: 'AdminShopSummary' }),
      'AdminShopPage',
    ).extend({ total: z.number().int() }),
  },
  async handle({ query, request }) {
    const page = pageFromCursor(query.cursor)
    const list = await listShopsForAdmin({
      q: query.q || undefined,
      status: query.status,
      page,
    })
    const { next, headers } = pageNumbered(request, page, list.pageCount)
    return {
      headers,
      body: {
        items: list.shops.map(({ _count, ...shop }) => ({
          ...shop,
          suspendedAt: iso(shop.suspendedAt),
          createdAt: shop.createdAt.toISOString(),
          products: _count.products,
        })),
        next,
        total: list.total,
      },
    }
  },
})

const shopJson = (shop: {
  id: string
  name: string
  slug: string
  status: 'ACTIVE' | 'SUSPENDED'
  suspendedAt: Date | null
  suspendedReason: string | null
}): z.infer<typeof AdminShopSchema> => ({ ...shop, suspendedAt: iso(shop.suspendedAt) })

export const suspendShopEndpoint = defineEndpoint({
  method: 'post',
  path: '/admin/shops/{id}/suspend',
  operationId: 'suspendShop',
  summary: 'Suspend a shop: its products leave the store; the seller is told why',
  tags: ['Admin'],
  access: 'admin:write',
  params: IdParamSchema,
  body: SuspendShopSchema.pick({ reason: true }),
  response: { status: 200, description: 'The shop as it is now', schema: AdminShopSchema },
  errors: [404],
  async handle({ caller, params, body }) {
    return { body: shopJson(await suspendShopAsAdmin(caller.user, params.id, body.reason)) }
  },
})

export const reinstateShopEndpoint = defineEndpoint({
  method: 'post',
  path: '/admin/shops/{id}/reinstate',
  operationId: 'reinstateShop',
  summary: 'Reopen a suspended shop: its published products return to the store',
  tags: ['Admin'],
  access: 'admin:write',
  params: IdParamSchema,
  response: { status: 200, description: 'The shop as it is now', schema: AdminShopSchema },
  errors: [404],
  async handle({ caller, params }) {
    return { body: shopJson(await reinstateShopAsAdmin(caller.user, params.id)) }
  },
})
