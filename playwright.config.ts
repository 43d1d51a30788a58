import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'
import { databaseUrl } from './tests/setup/databases.ts'
import {
  E2E_BASE_URL,
  E2E_DATABASE,
  E2E_REDIS_PREFIX,
  E2E_WORKERS,
  e2eApp,
} from './tests/e2e/environment.ts'

// Each worker has an app of its own (tests/e2e/environment.ts): files run in parallel, the tests of
// one file in order. The tests reach their app's database directly to arrange and check what a browser cannot.
process.env.NODE_ENV = 'test'
process.env.DATABASE_URL = databaseUrl(E2E_DATABASE)
process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
process.env.REDIS_PREFIX = E2E_REDIS_PREFIX
// bcrypt at its lowest cost, for the apps and for the users the tests create.
process.env.PASSWORD_HASH_COST = '4'

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: E2E_WORKERS,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never' }], ['json', { outputFile: 'reports/e2e.json' }]]
    : 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: E2E_BASE_URL,
    // Recording a trace slows every test: only a retry, the run that tells a flake from a bug,
    // records one (the first failure keeps its screenshot).
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? chromium(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: Array.from({ length: E2E_WORKERS }, (_, slot) => ({
    command: 'npx tsx tests/e2e/server.ts',
    env: { E2E_SLOT: String(slot) },
    // The rial twin starts once the app is up (tests/e2e/server.ts): its answer means both are.
    url: `${e2eApp(slot).rialBaseUrl}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
    // Let the app stop its embedded Meilisearch and clean up before it is killed.
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
  })),
})

/**
 * Debian's headless shell where it is installed (`apt-get install chromium-headless-shell`), else
 * the full browser. The shell renders with the same engine without the browser's UI; the suite
 * took 4.1 minutes with it and 7.0 with the full browser, whose processes used 2.4 times the CPU.
 */
function chromium() {
  const shell = '/usr/bin/chromium-headless-shell'
  return existsSync(shell) ? shell : '/usr/bin/chromium'
}
