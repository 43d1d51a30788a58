import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'

// Arrows that point the way of reading: "back" points to the start of the line and "forward" to
// its end, so both mirror on right-to-left pages. Decorative: the text beside them says where.

const GLYPHS = { back: '\u2190', forward: '\u2192' } as const

export function DirectionArrow({ to }: { to: keyof typeof GLYPHS }) {
  return (
    <span aria-hidden className="inline-block rtl:-scale-x-100">
      {GLYPHS[to]}
    </span>
  )
}

/** A page's way back to the page it belongs to, above its heading (`to` is a localised path). */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link
      to={to}
      className="inline-flex items-center gap-1 text-sm text-stone-600 hover:text-brand-700 hover:underline"
    >
      <DirectionArrow to="back" />
      {children}
    </Link>
  )
}

/** The drawn "back" arrow of the order pages' and documents' way-back links; mirrors the same way. */
export function BackArrowIcon({ className = 'h-4 w-4' }: { className?: string }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 16 16"
      className={`${className} rtl:-scale-x-100`}
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <path d="M13 8H3m4-4L3 8l4 4" />
    </svg>
  )
}
