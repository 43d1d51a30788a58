import { availableParallelism } from 'node:os'
import tsconfigPaths from 'vite-tsconfig-paths'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/global-setup.ts'],
    setupFiles: ['tests/setup/per-file.ts'],
    pool: 'forks',
    // One fork per core (Vitest's default leaves one core idle): the files spend much of their
    // time waiting on PostgreSQL, Redis and Meilisearch, and each has its own database.
    poolOptions: { forks: { maxForks: availableParallelism(), minForks: 1 } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    restoreMocks: true,
    // In CI, each file's and test's duration too, to see where the minutes go.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'reports/vitest.json' },
  },
})
