// The generated default avatar: the name's initials on a colour picked from the name, so the
// same person always looks the same and no image request is needed.

const PALETTE = [
  '#a8325a',
  '#7c3aed',
  '#2563eb',
  '#0f766e',
  '#15803d',
  '#b45309',
  '#be123c',
  '#4338ca',
  '#0e7490',
  '#9333ea',
]

export function initialsOf(name: string) {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words.slice(0, 1)
  return letters.map((word) => Array.from(word)[0]!.toUpperCase()).join('') || '?'
}

export function colorOf(name: string) {
  let hash = 0
  for (const char of name) hash = (Math.imul(hash, 31) + char.codePointAt(0)!) >>> 0
  return PALETTE[hash % PALETTE.length]!
}

export function GeneratedAvatar({
  name,
  size = 32,
  className = '',
}: {
  name: string
  size?: number
  className?: string
}) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 40 40"
      role="img"
      aria-label={name}
      className={`shrink-0 rounded-full ${className}`}
    >
      <rect width="40" height="40" rx="20" fill={colorOf(name)} />
      <text
        x="20"
        y="20"
        dy="0.35em"
        textAnchor="middle"
        fontSize="16"
        fontWeight="600"
        fill="#fff"
        fontFamily="system-ui, sans-serif"
      >
        {initialsOf(name)}
      </text>
    </svg>
  )
}
