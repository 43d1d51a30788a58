// One instance per process, even when Vite re-evaluates modules in development or the
// custom server and the Remix build both import the same adapter.
export function singleton<T>(name: string, create: () => T): T {
  const store = globalThis as typeof globalThis & { __shikposhSingletons?: Map<string, unknown> }
  store.__shikposhSingletons ??= new Map()
  if (!store.__shikposhSingletons.has(name)) store.__shikposhSingletons.set(name, create())
  return store.__shikposhSingletons.get(name) as T
}
