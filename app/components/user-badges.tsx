/* eslint-disable i18next/no-literal-string -- not yet translated (issue 11) */
// Small labels for an account's roles and status, used across the admin pages.

const ROLE_STYLES: Record<string, string> = {
  ADMIN: 'bg-brand-100 text-brand-900',
  SELLER: 'bg-sky-100 text-sky-900',
  SHOPPER: 'bg-stone-100 text-stone-700',
}

const ROLE_LABELS: Record<string, string> = { ADMIN: 'Admin', SELLER: 'Seller', SHOPPER: 'Shopper' }

export function RoleBadges({ roles }: { roles: string[] }) {
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Roles">
      {roles.map((role) => (
        <li
          key={role}
          className={`rounded px-2 py-0.5 text-xs font-semibold ${ROLE_STYLES[role] ?? ROLE_STYLES.SHOPPER}`}
        >
          {ROLE_LABELS[role] ?? role}
        </li>
      ))}
    </ul>
  )
}

export function StatusBadge({ status }: { status: string }) {
  const blocked = status === 'BLOCKED'
  return (
    <span
      className={`inline-flex items-center gap-1 rounded px-2 py-0.5 text-xs font-semibold ${blocked ? 'bg-red-100 text-red-800' : 'bg-green-100 text-green-800'}`}
    >
      <span
        aria-hidden
        className={`size-1.5 rounded-full ${blocked ? 'bg-red-600' : 'bg-green-600'}`}
      />
      {blocked ? 'Blocked' : 'Active'}
    </span>
  )
}
