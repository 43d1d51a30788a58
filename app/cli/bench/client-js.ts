import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

// What JavaScript a first visit to each kind of storefront page downloads, read from the build
// output alone (build/client): the scripts the page's HTML names (the client entry, the root route
// and the page's route, each with the chunks it imports, from Remix's manifest) plus the message
// catalogues (one chunk per namespace) the entry loads before hydrating. The manifest file itself is not fetched at start
// (lazy route discovery asks /__manifest), nor are chunks a page loads later (the review form's
// check, another page's namespaces).

/** The goal of issue 14 for a product page: at most 90 KB of JavaScript, gzipped. */
export const PRODUCT_PAGE_BUDGET_GZIP = 90 * 1024

export const PAGE_KINDS = {
  home: 'routes/($locale)._index',
  category: 'routes/($locale).c.$slug',
  product: 'routes/($locale).p.$slug',
  search: 'routes/($locale).search',
  cart: 'routes/($locale).cart',
  checkout: 'routes/($locale).checkout',
} as const
export type PageKind = keyof typeof PAGE_KINDS

type ManifestEntry = { module: string; imports?: string[] }
type Manifest = {
  entry: ManifestEntry
  routes: Record<string, ManifestEntry & { parentId?: string }>
}

export type ScriptFile = { file: string; raw: number; gzip: number; zod: boolean }
export type PageScripts = {
  kind: PageKind
  locale: 'en' | 'fa'
  files: ScriptFile[]
  raw: number
  gzip: number
  zod: boolean
}

export function readManifest(clientDir: string): Manifest {
  const assets = path.join(clientDir, 'assets')
  const name = readdirSync(assets).find((file) => /^manifest-[\w-]+\.js$/.test(file))
  if (!name) throw new Error(`No Remix manifest in ${assets}: run \`npm run build\` first`)
  const source = readFileSync(path.join(assets, name), 'utf8')
  return JSON.parse(source.replace(/^window\.__remixManifest\s*=\s*/, '').replace(/;\s*$/, ''))
}

const fileCache = new Map<string, ScriptFile>()

function measure(clientDir: string, url: string): ScriptFile {
  const key = `${clientDir}${url}`
  let measured = fileCache.get(key)
  if (!measured) {
    const bytes = readFileSync(path.join(clientDir, url))
    // zod's error class is named in every build of it, minified or not.
    const zod = bytes.includes('ZodError') || bytes.includes('$ZodType')
    measured = { file: url, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, zod }
    fileCache.set(key, measured)
  }
  return measured
}

/**
 * The message catalogues an anonymous visitor's first page of each kind loads before hydrating:
 * the namespaces its components used on the server, which the page names (PageNamespaces,
 * app/i18n/page-namespaces.tsx) and the entry loads, one chunk each
 * (`assets/i18n-<locale>-<namespace>-<hash>.js`). tests/e2e/client-js.spec.ts checks these
 * lists against the pages themselves.
 */
export const PAGE_NAMESPACES: Record<PageKind, string[]> = {
  home: ['common', 'search', 'shop'],
  category: ['common', 'search', 'shop'],
  product: ['common', 'product', 'search', 'shop', 'validation'],
  // With results: their cards' prices and shop names are `shop`'s.
  search: ['common', 'search', 'shop'],
  cart: ['cart', 'common', 'search', 'validation'],
  // A signed-in shopper's (the header's bell is `notifications`).
  checkout: ['cart', 'common', 'notifications', 'orders', 'search', 'validation'],
}

function catalogueChunks(clientDir: string, locale: 'en' | 'fa', namespaces: string[]) {
  const files = readdirSync(path.join(clientDir, 'assets'))
  return namespaces.map((ns) => {
    const file = files.find((name) => name.startsWith(`i18n-${locale}-${ns}-`))
    if (!file) throw new Error(`No ${locale} catalogue chunk for ${ns} in ${clientDir}/assets`)
    return `/assets/${file}`
  })
}

export function pageScripts(clientDir: string, kind: PageKind, locale: 'en' | 'fa'): PageScripts {
  const manifest = readManifest(clientDir)
  const urls = new Set<string>()
  const add = (entry: ManifestEntry) => {
    urls.add(entry.module)
    for (const url of entry.imports ?? []) urls.add(url)
  }
  add(manifest.entry)
  // The page's route and every route above it, up to the root.
  let route: (ManifestEntry & { parentId?: string }) | undefined = manifest.routes[PAGE_KINDS[kind]]
  if (!route) throw new Error(`No route ${PAGE_KINDS[kind]} in the manifest`)
  while (route) {
    add(route)
    route = route.parentId ? manifest.routes[route.parentId] : undefined
  }
  for (const url of catalogueChunks(clientDir, locale, PAGE_NAMESPACES[kind])) urls.add(url)
  const files = [...urls].map((url) => measure(clientDir, url))
  return {
    kind,
    locale,
    files,
    raw: files.reduce((sum, file) => sum + file.raw, 0),
    gzip: files.reduce((sum, file) => sum + file.gzip, 0),
    zod: files.some((file) => file.zod),
  }
}

export function allPageScripts(clientDir: string) {
  return (Object.keys(PAGE_KINDS) as PageKind[]).flatMap((kind) =>
    (['en', 'fa'] as const).map((locale) => pageScripts(clientDir, kind, locale)),
  )
}
