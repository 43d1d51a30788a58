import { prisma } from '~/infra/db.server.ts'

/** A promo code straight in the database (10% off everything, no limits, unless told). */
export function createPromo(options: {
  code: string
  shopId?: string | null
  kind?: 'PERCENT' | 'FIXED' | 'FREE_DELIVERY'
  value?: number
  maxDiscount?: number | null
  minOrder?: number
  startsAt?: Date | null
  endsAt?: Date | null
  usageLimit?: number | null
  perCustomerLimit?: number | null
  usedCount?: number
  active?: boolean
  categoryIds?: string[]
  productIds?: string[]
}) {
  return prisma.promoCode.create({
    data: { kind: 'PERCENT', value: 10, ...options, code: options.code.toUpperCase() },
  })
}
