// Runs the Prisma CLI on machines that cannot download Prisma's native schema engine.
// The CLI insists on locating that engine before any command, even `generate`, which never
// uses it; pointing PRISMA_SCHEMA_ENGINE_BINARY at an existing file satisfies the check.
// Where a real engine is configured (PRISMA_SCHEMA_ENGINE_BINARY already set) it is left alone,
// so `prisma migrate deploy|status` keep working for people who have it.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const prismaCli = require.resolve('prisma/build/index.js')
const placeholder = fileURLToPath(new URL('../../package.json', import.meta.url))

const result = spawnSync(process.execPath, [prismaCli, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: {
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
    ...process.env,
  },
})
process.exit(result.status ?? 1)
