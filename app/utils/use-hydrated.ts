import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/** False during the server render and while hydrating, true once JavaScript runs the page. */
export function useHydrated() {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}
