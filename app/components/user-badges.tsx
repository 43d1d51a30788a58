import { useTranslation } from 'react-i18next'

// Small labels for an account's roles and status, used across the admin pages.

const ROLE_STYLES: Record<string, string> = {
  ADMIN: 'bg-brand-100 text-brand-900',
  SELLER: 'bg-sky-100 text-sky-900',
  SHOPPER: 'bg-stone-100 text-stone-700',
}

const ROLES = ['ADMIN', 'SELLER', 'SHOPPER'] as const
const isRole = (role: string): role is (typeof ROLES)[number] =>
  (ROLES as readonly string[]).includes(role)

export function RoleBadges({ roles }: { roles: string[] }) {
  const { t } = useTranslation('account')
  return (
    <ul className="flex flex-wrap gap-1" aria-label={t('badges.roles')}>
      {roles.map((role) => (
        <li
          key={role}
          className={`rounded px-2 py-0.5 text-xs font-semibold ${ROLE_STYLES[role] ?? ROLE_STYLES.SHOPPER}`}
        >
          {isRole(role) ? t(`badges.role.${role}`) : role}
        </li>
      ))}
    </ul>
  )
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('account')
  const blocked = status === 'BLOCKED'
  return (
    <span
      className={`inline-flex items-center gap-1 rounded px-2 py-0.5 text-xs font-semibold ${blocked ? 'bg-red-100 text-red-800' : 'bg-green-100 text-green-800'}`}
    >
      <span
        aria-hidden
        className={`size-1.5 rounded-full ${blocked ? 'bg-red-600' : 'bg-green-600'}`}
      />
      {blocked ? t('badges.blocked') : t('badges.active')}
    </span>
  )
}
