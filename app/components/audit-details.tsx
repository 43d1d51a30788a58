import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { Formatter } from '~/i18n/format.ts'
import { useFormat } from '~/i18n/use-locale.ts'
import { isKnownAction, isKnownTargetType } from '~/services/audit/actions.ts'

// Shows an audit entry's details (a JSON object) as text a person reads, in the page's language:
// each field that changed as "before → after", then any other facts ("Sessions ended: 2").
// Known field names and values (statuses, roles) come from the admin catalogue; unknown ones (an
// older or newer build wrote them) show as stored, the field name made readable.

type Json = string | number | boolean | null | Json[] | { [key: string]: Json }
type AdminT = TFunction<'admin'>

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

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

function fieldLabel(t: AdminT, key: string) {
  return t(`audit.fields.${key}` as 'audit.fields.status', { defaultValue: humanizeKey(key) })
}

export function formatJsonValue(value: unknown, t: AdminT, f: Formatter): string {
  if (value === null || value === undefined || value === '') return t('common.none')
  if (Array.isArray(value))
    return value.length
      ? value.map((item) => formatJsonValue(item, t, f)).join(t('audit.listSeparator'))
      : t('common.noneList')
  if (typeof value === 'object') return JSON.stringify(value)
  if (typeof value === 'number') return f.number(value)
  if (typeof value === 'string' && ISO_TIME.test(value) && !Number.isNaN(Date.parse(value)))
    return f.dateTime(value)
  const text = String(value)
  return t(`audit.values.${text}` as 'audit.values.ACTIVE', { defaultValue: text })
}

export function auditDetailLines(details: unknown, t: AdminT, f: Formatter) {
  if (!isObject(details)) return []
  const lines: Array<{ key: string; label: string; text: string }> = []
  const before = isObject(details.before) ? details.before : {}
  const after = isObject(details.after) ? details.after : {}
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    lines.push({
      key: `change:${field}`,
      label: fieldLabel(t, field),
      text: t('audit.change', {
        before: formatJsonValue(before[field], t, f),
        after: formatJsonValue(after[field], t, f),
      }),
    })
  }
  for (const [key, value] of Object.entries(details)) {
    if (key === 'before' || key === 'after') {
      // A plain value (featured: true → false) rather than an object of fields.
      if (isObject(value)) continue
    }
    lines.push({ key, label: fieldLabel(t, key), text: formatJsonValue(value, t, f) })
  }
  return lines
}

/** Names of audit actions and target types in the page's language; unknown ones (an older or newer build wrote them) as stored. */
export function useAuditVocabulary() {
  const { t } = useTranslation('admin')
  return {
    action: (action: string) => (isKnownAction(action) ? t(`audit.actions.${action}`) : action),
    targetType: (type: string) => (isKnownTargetType(type) ? t(`audit.targetTypes.${type}`) : type),
  }
}

export function AuditDetails({ details }: { details: unknown }) {
  const { t } = useTranslation('admin')
  const f = useFormat()
  const lines = auditDetailLines(details, t, f)
  if (!lines.length) return <span className="text-stone-500">{t('common.none')}</span>
  return (
    <dl className="space-y-0.5 text-xs">
      {lines.map((line) => (
        <div key={line.key} className="flex flex-wrap gap-x-1">
          <dt className="font-medium text-stone-700">
            {t('audit.fieldLabel', { label: line.label })}
          </dt>
          <dd className="break-words text-stone-600">
            <bdi>{line.text}</bdi>
          </dd>
        </div>
      ))}
    </dl>
  )
}
