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
