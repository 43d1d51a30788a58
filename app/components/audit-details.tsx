// Shows an audit entry's details (a JSON object) as text a person reads: each field that
// changed as "before → after", then any other facts ("Sessions ended: 2").

type Json = string | number | boolean | null | Json[] | { [key: string]: Json }

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** "sessionsEnded" → "Sessions ended" */
export function humanizeKey(key: string) {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export function formatJsonValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (Array.isArray(value)) return value.length ? value.map(formatJsonValue).join(', ') : '(none)'
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

export function auditDetailLines(details: unknown) {
  if (!isObject(details)) return []
  const lines: Array<{ key: string; label: string; text: string }> = []
  const before = isObject(details.before) ? details.before : {}
  const after = isObject(details.after) ? details.after : {}
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    lines.push({
      key: `change:${field}`,
      label: humanizeKey(field),
      text: `${formatJsonValue(before[field])} → ${formatJsonValue(after[field])}`,
    })
  }
  for (const [key, value] of Object.entries(details)) {
    if (key === 'before' || key === 'after') continue
    lines.push({ key, label: humanizeKey(key), text: formatJsonValue(value) })
  }
  return lines
}

export function AuditDetails({ details }: { details: unknown }) {
  const lines = auditDetailLines(details)
  if (!lines.length) return <span className="text-stone-400">—</span>
  return (
    <dl className="space-y-0.5 text-xs">
      {lines.map((line) => (
        <div key={line.key} className="flex flex-wrap gap-x-1">
          <dt className="font-medium text-stone-700">{line.label}:</dt>
          <dd className="break-words text-stone-600">{line.text}</dd>
        </div>
      ))}
    </dl>
  )
}
