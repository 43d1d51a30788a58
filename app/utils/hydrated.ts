import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/**
 * False while the server renders and during hydration, true afterwards: for controls that only
 * work with JavaScript (they render nothing until it runs).
 */
export function useHydrated() {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}
