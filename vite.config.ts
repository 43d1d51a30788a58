import { vitePlugin as remix } from '@remix-run/dev'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig, type Rollup } from 'vite'
import tsconfigPaths from 'vite-tsconfig-paths'
import remixConfig from './remix.config.js'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

/**
 * Every package the browser's code imports (besides the React and Remix ones the Remix plugin
 * adds). `npm run dev` pre-bundles them all at start-up and discovers nothing later: a package
 * found on a first visit would make Vite re-bundle and reload the page under the visitor's feet,
 * and the pages it had already served would hold a second copy of React (the hydration error of
 * issue 12). Discovery also saw server-only packages (pg, sharp, ioredis, pino …) through the
 * Remix plugin's route compiler, which reads whole route files with their loaders.
 * `npm run check:dev-reloads` fails when this list misses one.
 */
export const CLIENT_DEPENDENCIES = [
  'react',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
  'react-dom',
  'react-dom/client',
  '@remix-run/react',
  'zod',
  '@conform-to/react',
  '@conform-to/zod/v4',
  'i18next',
  'react-i18next',
]

/**
 * The modules root.tsx imports (not itself, not what it loads on demand): every page loads them,
 * so they travel as one chunk instead of one small file each (a page asked for 33 scripts, and
 * over HTTP/1.1's six connections every round of them adds a trip).
 */
function rootModulesChunk() {
  let rootModules: Set<string> | undefined
  return (id: string, meta: Rollup.ManualChunkMeta) => {
    if (!rootModules) {
      rootModules = new Set()
      const rootId = [...meta.getModuleIds()].find((moduleId) =>
        /\/app\/root\.tsx($|\?)/.test(moduleId),
      )
      const walk = (moduleId: string) => {
        for (const imported of meta.getModuleInfo(moduleId)?.importedIds ?? []) {
          if (rootModules!.has(imported)) continue
          rootModules!.add(imported)
          walk(imported)
        }
      }
      if (rootId) walk(rootId)
    }
    return rootModules.has(id) ? 'shared' : undefined
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  server: { port: 3000 },
  // A separate cache for a check that needs a fresh one (check:dev-reloads).
  cacheDir: process.env.VITE_CACHE_DIR ?? 'node_modules/.vite',
  optimizeDeps: { noDiscovery: true, include: CLIENT_DEPENDENCIES },
  build: {
    cssMinify: true,
    sourcemap: false,
    rollupOptions: {
      output: {
        manualChunks: isSsrBuild ? undefined : rootModulesChunk(),
        // The browser's message catalogues (app/i18n/client-catalogues.ts) named by language and
        // namespace, `i18n-fa-product-<hash>.js`, so `npm run bench:js` can tell them apart.
        chunkFileNames(chunk) {
          const catalogue = chunk.facadeModuleId?.match(/\/i18n\/locales\/(\w+)\/(\w+)\.json$/)
          return catalogue
            ? `assets/i18n-${catalogue[1]}-${catalogue[2]}-[hash].js`
            : 'assets/[name]-[hash].js'
        },
      },
    },
  },
  plugins: [tailwindcss(), remix(remixConfig), tsconfigPaths()],
}))
