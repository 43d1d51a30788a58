import { z } from 'zod'

// The admin's commission form, shared by the page and the server. A rate is typed as a percent
// with at most two decimals ("12.5") and kept as basis points (1250); blank clears it.

/** "12.5" → 1250; blank → null. Decimal digits are read as text, so 0.07 is 7 exactly. */
export const CommissionPercentSchema = z
  .string()
  .transform((value) =>
    value
      .trim()
      .replace(/[۰-۹]/g, (digit) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(digit)))
      .replace(/[٠-٩]/g, (digit) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(digit)))
      .replace(/[٫/]/g, '.')
      .replace(/[%٪]$/, '')
      .trim(),
  )
  .pipe(
    z
      .string()
      .max(10, { message: 'commission-format' })
      .refine((value) => value === '' || /^\d{1,3}([.,]\d{1,2})?$/.test(value), {
        message: 'commission-format',
      }),
  )
  .transform((value) => {
    if (value === '') return null
    const [whole = '0', fraction = ''] = value.replace(',', '.').split('.')
    return Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  })
  .refine((bps) => bps === null || bps <= 10_000, { message: 'commission-range' })

export const CommissionFormSchema = z.object({
  intent: z.enum(['category', 'shop']),
  id: z.string().min(1).max(64),
  percent: CommissionPercentSchema,
})

/** 1250 → "12.5" (what the form shows back). */
export function bpsToPercent(bps: number | null | undefined) {
  if (bps === null || bps === undefined) return ''
  const whole = Math.floor(bps / 100)
  const fraction = bps % 100
  return fraction
    ? `${whole}.${String(fraction).padStart(2, '0').replace(/0$/, '')}`
    : String(whole)
}
