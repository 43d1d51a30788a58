// A small seeded PRNG (mulberry32) so demo and bulk catalogs come out the same on every run.

export type Random = ReturnType<typeof createRandom>

export function createRandom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    /** [0, 1) */
    next,
    /** An integer in [min, max]. */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (probability: number) => next() < probability,
    /** `count` distinct items, in the list's order. */
    sample: <T>(items: readonly T[], count: number): T[] => {
      const chosen = new Set<number>()
      const want = Math.min(count, items.length)
      while (chosen.size < want) chosen.add(Math.floor(next() * items.length))
      return [...chosen].sort((a, b) => a - b).map((index) => items[index]!)
    },
    /** Picks by weight: [[item, weight], …]. */
    weighted: <T>(entries: ReadonlyArray<readonly [T, number]>): T => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
      let roll = next() * total
      for (const [item, weight] of entries) {
        roll -= weight
        if (roll < 0) return item
      }
      return entries[entries.length - 1]![0]
    },
  }
}
