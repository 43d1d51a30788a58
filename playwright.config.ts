import { defineConfig, devices } from '@playwright/test'
import { databaseUrl } from './tests/setup/databases.ts'
import { E2E_BASE_URL, E2E_DATABASE, E2E_REDIS_PREFIX } from './tests/e2e/environment.ts'

// The tests reach the app's database directly to arrange and check what a browser cannot.
process.env.NODE_ENV = 'test'
process.env.DATABASE_URL = databaseUrl(E2E_DATABASE)
process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
process.env.REDIS_PREFIX = E2E_REDIS_PREFIX

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: E2E_BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
  webServer: {
    command: 'npx tsx tests/e2e/server.ts',
    url: `${E2E_BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // Let the app stop its embedded Meilisearch and clean up before it is killed.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
})
