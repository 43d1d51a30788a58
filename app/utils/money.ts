// Money display, the same on the server and in the browser. Amounts are integers in the
// currency's minor unit (cents for USD, yen for JPY).

const formatters = new Map<string, Intl.NumberFormat>()

function formatter(currency: string, locale = 'en-US') {
  const key = `${locale}:${currency}`
  let format = formatters.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency })
    formatters.set(key, format)
  }
  return format
}

/** How many minor units make one major unit: 100 for USD and EUR, 1 for JPY, 1000 for KWD. */
export function minorUnitFactor(currency: string) {
  return 10 ** (formatter(currency).resolvedOptions().maximumFractionDigits ?? 2)
}

export function formatMoney(minor: number, currency: string, locale?: string) {
  return formatter(currency, locale).format(minor / minorUnitFactor(currency))
}

/** Parses what a seller types ("19.99", "1,299.5") into minor units; null when it is not an amount. */
export function parseMoney(input: string, currency: string): number | null {
  const cleaned = input.trim().replace(/[\s,]/g, '')
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null
  const factor = minorUnitFactor(currency)
  const decimals = cleaned.split('.')[1]?.length ?? 0
  if (decimals > Math.log10(factor)) return null
  return Math.round(Number(cleaned) * factor)
}

/** Minor units as the plain amount a seller types and reads back in a form ("19.90"). */
export function formatAmountForInput(minor: number, currency: string) {
  const factor = minorUnitFactor(currency)
  return (minor / factor).toFixed(Math.round(Math.log10(factor)))
}
