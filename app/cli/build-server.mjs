// Compiles the HTTP server and the command-line tasks for `npm start` and the Docker image.
// (The Remix app itself is built by `remix vite:build` into build/server and build/client.)
import { rmSync } from 'node:fs'
import { build } from 'esbuild'

const common = {
  outdir: 'build',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  tsconfig: 'tsconfig.json',
  define: { __SHIKPOSH_BUILT__: 'true' },
  logLevel: 'warning',
}

// The server on its own, split at its dynamic imports: a bundle's imports of packages all run
// before its first line, so React (through react-i18next) loaded its development build before
// app/server/index.ts could default NODE_ENV to production. Split, what index.ts imports later
// (the app, with React) loads only when it asks for it, from build/server-chunks/.
rmSync('build/server-chunks', { recursive: true, force: true })
await build({
  ...common,
  entryPoints: { server: 'app/server/index.ts' },
  splitting: true,
  chunkNames: 'server-chunks/[name]-[hash]',
})

await build({
  ...common,
  entryPoints: {
    // Preloaded with `node --import` (see app/infra/telemetry/instrument.ts).
    instrument: 'app/infra/telemetry/instrument.ts',
    'cli/migrate': 'app/cli/migrate.ts',
    'cli/seed': 'app/cli/seed.ts',
    'cli/admin-grant': 'app/cli/admin-grant.ts',
    'cli/worker': 'app/cli/worker.ts',
    'cli/prune-carts': 'app/cli/prune-carts.ts',
    'cli/media-rebuild': 'app/cli/media-rebuild.ts',
    'cli/search-reindex': 'app/cli/search-reindex.ts',
  },
})
