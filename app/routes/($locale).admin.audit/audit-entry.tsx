import { EmailText } from '~/components/email-text.tsx'
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useAuditVocabulary } from '~/components/audit-details.tsx'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { COMMAND_LINE_ACTOR } from '~/services/admin/schemas.ts'

// How the audit log shows one entry's moment, actor and target (the target linked when the
// admin area has a page for it).

/** Where the target of an entry can be looked at, when the admin area has a page for it. */
export function targetHref(type: string, id: string) {
  if (type === 'USER') return `/admin/users/${id}`
  return null
}

export type Entry = {
  actorId: string | null
  actorLabel: string
  targetType: string
  targetId: string
  targetLabel: string
}

export function EntryTime({ value }: { value: Date | string }) {
  const f = useFormat()
  return <time dateTime={new Date(value).toISOString()}>{f.dateTime(value)}</time>
}

export function EntryActor({ entry }: { entry: Entry }) {
  const { t } = useTranslation('admin')
  const lp = useLocalePath()
  return (
    <Link
      to={lp(`/admin/audit?${new URLSearchParams({ admin: entry.actorId ?? COMMAND_LINE_ACTOR })}`)}
      className="link break-words"
      title={t('audit.onlyActor')}
    >
      <EmailText text={entry.actorLabel} />
    </Link>
  )
}

export function EntryTarget({ entry }: { entry: Entry }) {
  const href = targetHref(entry.targetType, entry.targetId)
  const lp = useLocalePath()
  const vocabulary = useAuditVocabulary()
  return (
    <div>
      <span className="text-xs tracking-wide text-stone-500 uppercase">
        {vocabulary.targetType(entry.targetType)}
      </span>
      <p className="break-words">
        {href ? (
          <Link to={lp(href)} className="link">
            <EmailText text={entry.targetLabel} />
          </Link>
        ) : (
          <EmailText text={entry.targetLabel} />
        )}
      </p>
    </div>
  )
}
