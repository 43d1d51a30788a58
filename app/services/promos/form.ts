import { z } from 'zod'
import { formatDateTimeInput, parseDateTimeInput } from '~/i18n/date-input.ts'
import { numberInput, type PriceDisplay } from '~/i18n/format.ts'
import type { Locale } from '~/i18n/locales.ts'
import {
  formatMoneyInput,
  formatWholeInput,
  moneyInputUnit,
  parseMoneyInput,
} from '~/i18n/money-input.ts'
import { message } from '~/i18n/validation.ts'
import { invariantResponse } from '~/utils/http.ts'
import { utcToZonedLocal } from '~/utils/zoned-time.ts'
import { normalizeCode } from './schemas.ts'

// The promo code form of the seller's and the admin's screens, shared by the server (which
// enforces it) and the browser (which checks as you type). Amounts are typed in the unit shoppers
// see (Toman for an IRR store shown in Toman), dates on the store's clock: a browser picker on
// English pages, Solar Hijri text on Persian ones (app/i18n/date-input.ts). No server code here.

export const PROMO_KINDS = ['PERCENT', 'FIXED', 'FREE_DELIVERY'] as const
export type PromoKind = (typeof PROMO_KINDS)[number]
/** A limit nobody needs more than; keeps the numbers inside PostgreSQL's integer. */
export const MAX_PROMO_USES = 1_000_000
/** Amounts a code may name (minor units), like the catalog's price ceiling. */
export const MAX_PROMO_AMOUNT = 100_000_000
export const MAX_PROMO_TARGETS = 200

/** Where a code stands now, as its list shows it. */
export type PromoStatus = 'active' | 'inactive' | 'scheduled' | 'expired' | 'used-up'

export type PromoFormOptions = { currency: string; timeZone: string; priceDisplay: PriceDisplay }

export type PromoInput = {
  code: string
  kind: PromoKind
  /** PERCENT: whole percent; FIXED: minor units; FREE_DELIVERY: 0. */
  value: number
  maxDiscount: number | null
  minOrder: number
  startsAt: Date | null
  endsAt: Date | null
  usageLimit: number | null
  perCustomerLimit: number | null
  categoryIds: string[]
  productIds: string[]
}

/** What the form saves: the code, and the version an edit form was loaded with (ADR 008). */
export type PromoFormInput = PromoInput & { version: number | null }

const blank = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value
/** Whole numbers as typed, in any digits ("۱۲" is 12); empty is missing. */
const numberFromText = (value: unknown) => {
  const typed = blank(value)
  return typeof typed === 'string' ? Number(numberInput(typed.trim())) : typed
}

function moneyField(options: PromoFormOptions, { allowZero }: { allowZero: boolean }) {
  const unit = moneyInputUnit(options.currency, options.priceDisplay)
  return z.preprocess(
    blank,
    z
      .string()
      .trim()
      .max(40, message('promoForm.amount'))
      .transform((typed, ctx) => {
        const amount = parseMoneyInput(typed, unit)
        if (amount === null) {
          ctx.addIssue({ code: 'custom', message: message('promoForm.amount') })
          return z.NEVER
        }
        if (amount < (allowZero ? 0 : 1)) {
          ctx.addIssue({ code: 'custom', message: message('promoForm.amountPositive') })
          return z.NEVER
        }
        if (amount > MAX_PROMO_AMOUNT) {
          ctx.addIssue({ code: 'custom', message: message('promoForm.amountTooHigh') })
          return z.NEVER
        }
        return amount
      })
      .optional(),
  )
}

function dateTimeField(timeZone: string) {
  return z.preprocess(
    blank,
    z
      .string()
      .trim()
      .max(40, message('promoForm.dateTime'))
      .transform((typed, ctx) => {
        const at = parseDateTimeInput(typed, timeZone)
        if (!at) {
          ctx.addIssue({ code: 'custom', message: message('promoForm.dateTime') })
          return z.NEVER
        }
        return at
      })
      .optional(),
  )
}

const limitField = z.preprocess(
  numberFromText,
  z
    .number({ error: message('promoForm.limit') })
    .int(message('promoForm.limit'))
    .min(1, message('promoForm.limit'))
    .max(MAX_PROMO_USES, message('promoForm.limitTooHigh', { max: MAX_PROMO_USES }))
    .optional(),
)

const ids = z
  .array(z.string().max(64))
  .max(MAX_PROMO_TARGETS, message('promoForm.tooMany', { max: MAX_PROMO_TARGETS }))
  .optional()
  .default([])

export function promoFormSchema(options: PromoFormOptions) {
  return (
    z
      .object({
        code: z
          .string({ error: message('promo.required') })
          .max(64, message('promo.format'))
          .transform(normalizeCode)
          .pipe(
            z
              .string()
              .min(1, { error: message('promo.required') })
              .regex(/^[A-Z0-9][A-Z0-9-]{2,31}$/, { error: message('promo.format') }),
          ),
        kind: z.enum(PROMO_KINDS, { error: message('promoForm.kind') }),
        percent: z.preprocess(
          numberFromText,
          z
            .number({ error: message('promoForm.percent') })
            .int(message('promoForm.percent'))
            .min(1, message('promoForm.percent'))
            .max(100, message('promoForm.percent'))
            .optional(),
        ),
        amount: moneyField(options, { allowZero: false }),
        maxDiscount: moneyField(options, { allowZero: false }),
        minOrder: moneyField(options, { allowZero: true }),
        startsAt: dateTimeField(options.timeZone),
        endsAt: dateTimeField(options.timeZone),
        usageLimit: limitField,
        perCustomerLimit: limitField,
        categoryIds: ids,
        productIds: ids,
        // Edit forms only; a missing or odd version is an out-of-date form, told by the action.
        version: z.preprocess(
          numberFromText,
          z.number().int().positive().optional().catch(undefined),
        ),
      })
      // Runs even when other fields failed, so every error shows at once.
      .superRefine(
        (value, ctx) => {
          if (value.kind === 'PERCENT' && value.percent === undefined)
            ctx.addIssue({
              code: 'custom',
              path: ['percent'],
              message: message('promoForm.percent'),
            })
          if (value.kind === 'FIXED' && value.amount === undefined)
            ctx.addIssue({
              code: 'custom',
              path: ['amount'],
              message: message('promoForm.amountNeeded'),
            })
          const startsAt = value.startsAt instanceof Date ? value.startsAt : null
          const endsAt = value.endsAt instanceof Date ? value.endsAt : null
          if (startsAt && endsAt && endsAt <= startsAt)
            ctx.addIssue({ code: 'custom', path: ['endsAt'], message: message('promoForm.order') })
          if (
            typeof value.usageLimit === 'number' &&
            typeof value.perCustomerLimit === 'number' &&
            value.perCustomerLimit > value.usageLimit
          )
            ctx.addIssue({
              code: 'custom',
              path: ['perCustomerLimit'],
              message: message('promoForm.perCustomerAboveTotal'),
            })
        },
        { when: () => true },
      )
      .transform((value): PromoFormInput => ({
        code: value.code,
        kind: value.kind,
        value:
          value.kind === 'PERCENT'
            ? (value.percent ?? 0)
            : value.kind === 'FIXED'
              ? (value.amount ?? 0)
              : 0,
        maxDiscount: value.kind === 'PERCENT' ? (value.maxDiscount ?? null) : null,
        minOrder: value.minOrder ?? 0,
        startsAt: value.startsAt ?? null,
        endsAt: value.endsAt ?? null,
        usageLimit: value.usageLimit ?? null,
        perCustomerLimit: value.perCustomerLimit ?? null,
        categoryIds: [...new Set(value.categoryIds)],
        productIds: [...new Set(value.productIds)],
        version: value.version ?? null,
      }))
  )
}

/** A code's id from the URL; anything else is the 404 page. */
export function requirePromoId(params: Record<string, string | undefined>) {
  const parsed = z
    .string()
    .regex(/^[a-z0-9]{1,64}$/)
    .safeParse(params.promoId)
  invariantResponse(parsed.success, 'Promo code not found')
  return parsed.data
}

/** The list's page number: anything odd is page 1. */
export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  view: z.enum(['platform', 'shops']).catch('platform'),
})

export const PromoIntentSchema = z.object({
  intent: z.enum(['deactivate', 'activate']),
  promoId: z.string().min(1).max(64),
})

/** The form's values as text, the way the form holds them. */
export type PromoFormValues = {
  code: string
  kind: PromoKind
  percent: string
  amount: string
  maxDiscount: string
  minOrder: string
  startsAt: string
  endsAt: string
  usageLimit: string
  perCustomerLimit: string
  categoryIds: string[]
  productIds: string[]
  /** The saved code's version, sent back by an edit form; empty for a new code. */
  version: string
}

export function emptyPromoValues(): PromoFormValues {
  return {
    code: '',
    kind: 'PERCENT',
    percent: '',
    amount: '',
    maxDiscount: '',
    minOrder: '',
    startsAt: '',
    endsAt: '',
    usageLimit: '',
    perCustomerLimit: '',
    categoryIds: [],
    productIds: [],
    version: '',
  }
}

/** A saved code's form, in the page's digits and calendar. */
export function valuesFromPromo(
  promo: PromoInput & { version: number },
  options: PromoFormOptions & { pageLocale: Locale },
): PromoFormValues {
  const unit = moneyInputUnit(options.currency, options.priceDisplay)
  const money = (minor: number | null) =>
    minor == null ? '' : formatMoneyInput(minor, unit, options.pageLocale)
  const whole = (value: number | null) =>
    value == null ? '' : formatWholeInput(value, options.pageLocale)
  const dateTime = (at: Date | string | null) =>
    at ? formatDateTimeInput(utcToZonedLocal(at, options.timeZone), options.pageLocale) : ''
  return {
    code: promo.code,
    kind: promo.kind,
    percent: promo.kind === 'PERCENT' ? whole(promo.value) : '',
    amount: promo.kind === 'FIXED' ? money(promo.value) : '',
    maxDiscount: money(promo.maxDiscount),
    minOrder: promo.minOrder ? money(promo.minOrder) : '',
    startsAt: dateTime(promo.startsAt),
    endsAt: dateTime(promo.endsAt),
    usageLimit: whole(promo.usageLimit),
    perCustomerLimit: whole(promo.perCustomerLimit),
    categoryIds: promo.categoryIds,
    productIds: promo.productIds,
    version: String(promo.version),
  }
}
