// Compiles the HTTP server and the command-line tasks for `npm start` and the Docker image.
// (The Remix app itself is built by `remix vite:build` into build/server and build/client.)
import { build } from 'esbuild'

await build({
  entryPoints: {
    server: 'app/server/index.ts',
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
})
