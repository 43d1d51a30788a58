// Decorative marks of the search screens (aria-hidden wherever they are used): not words, so
// they are not in the catalogues.
export const GLYPH = {
  disclosure: '\u25BE', // ▾
  check: '\u2713', // ✓
  search: '\u2315', // ⌕
  enter: '\u21B5', // ↵
} as const
