import { z } from 'zod'

// Schemas every part of /api/v1 shares: problem details, paging. Each `id` in `.meta` names a
// component of the OpenAPI document.

export const ProblemSchema = z
  .object({
    type: z.string().meta({ example: 'about:blank' }),
    title: z.string().meta({ example: 'Unprocessable Content' }),
    status: z.number().int().meta({ example: 422 }),
    detail: z.string(),
    code: z.string().meta({ description: 'Stable, kebab-case: match on this, not on `detail`.' }),
    instance: z.string().optional(),
    errors: z
      .array(
        z.object({
          pointer: z.string().meta({ description: 'JSON Pointer to the field', example: '/name' }),
          detail: z.string(),
        }),
      )
      .optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' })

/** An opaque cursor from a previous page's `next`. */
export const CursorSchema = z
  .string()
  .max(200)
  .optional()
  .meta({ description: 'The `next` of the previous page; omit for the first page.' })

export const LimitSchema = (max: number, fallback: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(max)
    .default(fallback)
    .meta({ description: `Items per page (1–${max})` })

/** A page of items and the cursor of the next one (null on the last page). */
export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({ items: z.array(item), next: z.string().nullable() })
    .meta({ id, description: 'A page; `next` is the cursor of the following one.' })
}

export const IdParamSchema = z.object({
  id: z.string().min(1).max(64).meta({ description: 'The id' }),
})

/** An order in the path, as the shopper's and the seller's endpoints name it. */
export const OrderNumberParamSchema = z.object({
  number: z.string().max(20).meta({ description: 'The order number, e.g. `SP-7K2Q-M4XD`' }),
})

/** A postal address as stored (every field a string; empty when not given). */
export const AddressJsonSchema = z
  .object({
    fullName: z.string(),
    line1: z.string(),
    line2: z.string(),
    city: z.string(),
    region: z.string(),
    postalCode: z.string(),
    country: z.string().meta({ description: 'ISO 3166-1 alpha-2' }),
    phone: z.string(),
  })
  .meta({ id: 'Address' })
