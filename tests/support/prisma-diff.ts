// `prisma migrate diff --from-migrations <dir> --to-schema-datamodel <schema> --script --exit-code`
// on machines without Prisma 7's native schema engine: runs prisma@6.19's WebAssembly schema
// engine (devDependency `prisma-wasm-engine`) with prisma-diff.config.ts beside this file.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ADMIN_URL, createEmptyDatabase, dropDatabase } from '../setup/databases.ts'

const prismaCli = createRequire(import.meta.url).resolve('prisma-wasm-engine/build/index.js')
const configFile = path.join(import.meta.dirname, 'prisma-diff.config.ts')

/** `sql` is the migration `schemaPath` still needs, or "-- This is an empty migration.". */
export type DiffResult = { drift: boolean; sql: string }

/** Applies every migration in `migrationsDir` to a scratch database and diffs it with `schemaPath`. */
export async function diffMigrationsToSchema(
  schemaPath: string,
  migrationsDir: string,
): Promise<DiffResult> {
  const work = await mkdtemp(path.join(tmpdir(), 'shikposh-prisma-diff-'))
  // Randomly named under this checkout's prefix, so concurrent runs do not collide and the next
  // run's dropTestDatabases() removes it if this process is killed.
  const shadow = await createEmptyDatabase('drift')
  try {
    const schema = path.join(work, 'schema.prisma')
    await writeFile(schema, withDatasourceUrl(await readFile(schemaPath, 'utf8')))
    const args = [
      'migrate',
      'diff',
      '--config',
      configFile,
      '--from-migrations',
      path.resolve(migrationsDir),
    ]
    args.push('--to-schema-datamodel', schema, '--script', '--exit-code')
    const { code, stdout, stderr } = await node([prismaCli, ...args], {
      ...process.env,
      PRISMA_DIFF_SCHEMA: schema,
      PRISMA_DIFF_ADMIN_URL: ADMIN_URL,
      PRISMA_DIFF_SHADOW_URL: shadow.url,
      // The app's client is the query compiler ("client" engine), so the CLI need not download
      // a native query engine; it reads this while looking at the schema's generator.
      PRISMA_CLIENT_ENGINE_TYPE: 'client',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1', // no update check over the network
    })
    // --exit-code: 0 = no difference, 2 = difference, anything else = failure.
    if (code === 0 || code === 2) return { drift: code === 2, sql: stdout.trim() }
    throw new Error(`prisma migrate diff failed (exit ${code}):\n${stderr.trim() || stdout}`)
  } finally {
    await dropDatabase(shadow.name) // WITH (FORCE): the engine may have died still connected
    await rm(work, { recursive: true, force: true })
  }
}

// Prisma 7 schemas have no datasource url and Prisma 6 rejects a schema without one. The engine
// connects through the adapter, so the url only has to pass validation.
function withDatasourceUrl(schema: string): string {
  const datasource = /^datasource\s+\w+\s*\{/m
  if (!datasource.test(schema)) throw new Error('the schema has no datasource block')
  return schema.replace(datasource, '$&\n  url = env("PRISMA_DIFF_ADMIN_URL")')
}

function node(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, args, { env, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1
      resolve({ code, stdout, stderr: stderr || (error ? String(error) : '') })
    })
  })
}
