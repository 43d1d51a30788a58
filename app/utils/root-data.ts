import { useRouteLoaderData } from '@remix-run/react'
import type { loader as rootLoader } from '~/root.tsx'

// The one place that reads the root loader's data for components anywhere on the page (the
// import of the root route is for its type only).

/** The root loader's data, or undefined under an error boundary that rendered without it. */
export function useRootData() {
  return useRouteLoaderData<typeof rootLoader>('root')
}

/** The signed-in user as the root loader saw it. */
export function useOptionalUser() {
  return useRootData()?.user ?? null
}
