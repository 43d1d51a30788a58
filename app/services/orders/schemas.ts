import { z } from 'zod'
import { numberInput, toAsciiDigits } from '~/i18n/format.ts'
import { message } from '~/i18n/validation.ts'
import { noControlCharacters } from '~/utils/text.ts'
import { invariantResponse } from '~/utils/http.ts'
import { COUNTRY_CODES } from './countries.ts'
import { CARRIERS } from './carriers.ts'
import { findProvince, normaliseIranMobile, normaliseIranPostalCode } from './iran.ts'

// Form schemas of the cart, checkout and orders domain, shared by the server (which enforces
// them) and the browser (which checks as you type). No server code here.

export * from './limits.ts'
import { MAX_LINE_QUANTITY } from './limits.ts'

const Id = z
  .string({ error: message('cart.missing') })
  .trim()
  .min(1, message('cart.missing'))
  .max(64, message('cart.badId'))

/** A quantity as typed, in any digits ("۲" is 2). */
export const QuantitySchema = z.preprocess(
  numberInput,
  z.coerce
    .number({ error: message('cart.quantity') })
    .int(message('cart.quantityWhole'))
    .min(1, message('cart.quantityMin', { min: 1 }))
    .max(MAX_LINE_QUANTITY, message('cart.quantityMax', { max: MAX_LINE_QUANTITY })),
)

/** The product page's "Add to cart" form (and POST /cart with intent=add). */
export const AddToCartSchema = z.object({
  variantId: z
    .string({ error: message('cart.chooseVariant') })
    .trim()
    .min(1, message('cart.chooseVariant'))
    .max(64, message('cart.chooseVariant')),
  quantity: QuantitySchema.default(1),
  redirectTo: z.string().max(2000).optional(),
})

export const UpdateCartLineSchema = z.object({ variantId: Id, quantity: QuantitySchema })
export const RemoveCartLineSchema = z.object({ variantId: Id })

const text = (missing: string, max: number) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(max, message('address.tooLong'))
    .refine(...noControlCharacters)
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, message('address.tooLong'))
    .refine(...noControlCharacters)
    .default('')

/**
 * An address in any country; in Iran (IR) the region is one of the provinces (by id or by its
 * name in either language, stored as the id), the postal code has ten digits and the phone is a
 * mobile number starting 09. Persian and Arabic-Indic digits are accepted and stored as ASCII.
 */
const AddressFieldsSchema = z.object({
  fullName: text(message('address.fullName'), 80),
  line1: text(message('address.line1'), 120),
  line2: optionalText(120),
  city: text(message('address.city'), 80),
  region: optionalText(80),
  postalCode: text(message('address.postalCode'), 20)
    .transform(toAsciiDigits)
    .pipe(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, message('address.postalCodeFormat'))),
  country: z
    .string({ error: message('address.country') })
    .trim()
    .toUpperCase()
    .refine((code) => COUNTRY_CODES.has(code), message('address.country')),
  phone: text(message('address.phone'), 30)
    .transform(toAsciiDigits)
    .pipe(z.string().regex(/^\+?[0-9 ()./-]{6,30}$/, message('address.phoneFormat'))),
})

type AddressFields = z.output<typeof AddressFieldsSchema>

function addressRules<T extends AddressFields>(address: T, ctx: z.RefinementCtx<T>): T {
  if (address.country !== 'IR') return address
  const region = findProvince(address.region)
  const postalCode = normaliseIranPostalCode(address.postalCode)
  const phone = normaliseIranMobile(address.phone)
  if (!region)
    ctx.addIssue({ code: 'custom', path: ['region'], message: message('address.province') })
  if (!postalCode)
    ctx.addIssue({
      code: 'custom',
      path: ['postalCode'],
      message: message('address.postalCodeIran'),
    })
  if (!phone)
    ctx.addIssue({ code: 'custom', path: ['phone'], message: message('address.mobileIran') })
  if (!region || !postalCode || !phone) return z.NEVER
  return { ...address, region, postalCode, phone }
}

export const AddressSchema = AddressFieldsSchema.transform(addressRules)
export type AddressInput = z.output<typeof AddressSchema>

export const SaveAddressSchema = AddressFieldsSchema.extend({
  makeDefault: z
    .preprocess((value) => value === 'on' || value === 'true', z.boolean())
    .default(false),
}).transform(addressRules)

export type CheckoutInput = {
  idempotencyKey: string
  /**
   * The cart's checkout token as the buyer last saw it (the cart is refused as changed otherwise).
   * The page's form uses it as its idempotency key too; an API client brings a key of its own.
   */
  cartToken?: string
  shippingMethod: string
  paymentMethod: string
  /** The total (items and delivery) the page showed; the order is refused at any other. */
  expectedTotal: number
  address: { kind: 'saved'; id: string } | { kind: 'new'; fields: AddressInput; save: boolean }
}

const CheckoutFields = z.object({
  idempotencyKey: z
    .string({ error: message('checkout.outOfDate') })
    .regex(/^[A-Za-z0-9_-]{16,100}$/, message('checkout.outOfDate')),
  /** A saved address id, or "new" for the fields below. */
  addressId: z
    .string({ error: message('checkout.address') })
    .trim()
    .min(1, message('checkout.address'))
    .max(64),
  shippingMethod: z
    .string({ error: message('checkout.shipping') })
    .trim()
    .min(1, message('checkout.shipping'))
    .max(40),
  paymentMethod: z
    .string({ error: message('checkout.payment') })
    .trim()
    .min(1, message('checkout.payment'))
    .max(40),
  /** The total the page showed (items and delivery); the order is refused at any other. */
  expectedTotal: z.preprocess(
    numberInput,
    z.coerce
      .number({ error: message('checkout.outOfDate') })
      .int(message('checkout.outOfDate'))
      .min(0, message('checkout.outOfDate'))
      .max(Number.MAX_SAFE_INTEGER, message('checkout.outOfDate')),
  ),
  saveAddress: z
    .preprocess((value) => value === 'on' || value === 'true', z.boolean())
    .default(false),
  fullName: z.string().optional(),
  line1: z.string().optional(),
  line2: z.string().optional(),
  city: z.string().optional(),
  region: z.string().optional(),
  postalCode: z.string().optional(),
  country: z.string().optional(),
  phone: z.string().optional(),
})

function toCheckoutInput(
  value: z.output<typeof CheckoutFields>,
  ctx: z.RefinementCtx,
): CheckoutInput {
  const {
    idempotencyKey,
    addressId,
    shippingMethod,
    paymentMethod,
    expectedTotal,
    saveAddress,
    ...fields
  } = value
  const base = { idempotencyKey, shippingMethod, paymentMethod, expectedTotal }
  if (addressId !== 'new') return { ...base, address: { kind: 'saved', id: addressId } }
  const parsed = AddressSchema.safeParse(fields)
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      ctx.addIssue({ ...issue, code: 'custom', message: issue.message })
    return z.NEVER
  }
  return { ...base, address: { kind: 'new', fields: parsed.data, save: saveAddress } }
}

/** The checkout form: a saved address or a new one, a shipping method, a payment method, and its idempotency key. */
export const CheckoutSchema = CheckoutFields.transform(toCheckoutInput)

/** A guest's email at checkout: the order is tied to it and its emails go there. */
export const GuestEmailSchema = z
  .string({ error: message('account.email') })
  .trim()
  .toLowerCase()
  .max(254, message('account.emailTooLong'))
  .pipe(z.email({ error: message('account.emailInvalid') }))

/** The checkout form of a guest: the same, with the email to tie the order to. */
export const GuestCheckoutSchema = CheckoutFields.extend({ email: GuestEmailSchema }).transform(
  ({ email, ...value }, ctx): CheckoutInput & { email: string } => ({
    ...toCheckoutInput(value, ctx),
    email,
  }),
)

/** The checkout form's "Update total": only the delivery choice matters, and nothing is checked. */
export const UpdateTotalSchema = z.object({ shippingMethod: z.string().max(40).optional() })

export const ShipSchema = z.object({
  carrier: z.enum(CARRIERS.map((carrier) => carrier.id) as [string, ...string[]], {
    error: message('shipment.carrier'),
  }),
  trackingNumber: z
    .string({ error: message('shipment.trackingNumber') })
    .trim()
    .toUpperCase()
    .transform((value) => toAsciiDigits(value).replace(/\s+/g, ''))
    .pipe(
      z
        .string()
        .min(6, message('shipment.trackingMin', { min: 6 }))
        .max(40, message('shipment.trackingMax', { max: 40 }))
        .regex(/^[A-Z0-9-]+$/, message('shipment.trackingFormat')),
    ),
})

/** The order number of an order page's URL (`/orders/<number>`, `/sell/orders/<number>`); anything else is a 404. */
export function requireOrderNumber(params: Record<string, string | undefined>) {
  const parsed = OrderNumberSchema.safeParse(params.number)
  invariantResponse(parsed.success, 'Order not found')
  return parsed.data
}

export const OrderNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^SP-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
