import { NavLink } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useFormat } from '~/i18n/use-locale.ts'

/**
 * An icon link in the header (wishlist, cart, notifications): a 24-pixel line drawing, its name
 * for assistive technology, and a count badge when there is something to count.
 */
export function HeaderIconLink({
  to,
  label,
  count,
  many,
  testId,
  children,
}: {
  to: string
  label: string
  /** Shown on a badge when above zero; 100 and more read as `many` (e.g. "99+"). */
  count?: number | null
  many?: string
  testId: string
  /** The drawing's paths, stroked in the text colour. */
  children: ReactNode
}) {
  const { number } = useFormat()
  return (
    <NavLink
      to={to}
      className="relative inline-flex items-center rounded-md p-2 text-stone-800 hover:bg-stone-100"
      aria-label={label}
      title={label}
      data-testid={testId}
      data-count={count ?? undefined}
    >
      <svg
        aria-hidden
        width="24"
        height="24"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {children}
      </svg>
      {count ? (
        <span
          aria-hidden
          className="absolute -end-0.5 -top-0.5 min-w-5 rounded-full bg-brand-600 px-1 text-center text-xs leading-5 font-bold text-white"
        >
          {count > 99 && many ? many : number(count)}
        </span>
      ) : null}
    </NavLink>
  )
}
