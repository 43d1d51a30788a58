// Config for the prisma@6.19 CLI (devDependency `prisma-wasm-engine`) that prisma-diff.ts runs
// in a child process. Prisma 6.19 ships its schema engine as WebAssembly, which reaches the
// database through a driver adapter, so `migrate diff` works where Prisma 7 cannot download its
// native engine. The app itself never loads this file (Prisma 7 reads prisma.config.ts).
import { PrismaPg } from '@prisma/adapter-pg-6'
import pg from 'pg'
import { defineConfig } from 'prisma-wasm-engine/config'

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>

const CHAR = 18 // PostgreSQL's one-byte "char": pg_constraint.contype, .confdeltype, ...
const TEXT = 25
// Catalog types the adapter rejects as unsupported although pg already returns their values as
// strings, which is how the engine reads them: name, regproc, pg_node_tree, regclass, regtype.
const STRING_TYPES = new Set([19, 24, 194, 2205, 2206])
const CHARACTER = 6 // ColumnTypeEnum.Character of @prisma/driver-adapter-utils

// Which columns of a result were "char", keyed by the result's rows array (the adapter returns
// that array as it got it), so that queryRaw can label them once the pool has answered.
const charColumns = new WeakMap<unknown[], number[]>()

class CatalogPool extends pg.Pool {
  constructor(connectionString: string) {
    // The CLI never disposes its main adapter; without allowExitOnIdle the idle connection
    // would keep the process alive for pg's 10 s idle timeout.
    super({ connectionString, allowExitOnIdle: true })
  }

  // Loosely typed: pg's overloads cannot be restated, and the adapter only uses the promise forms.
  override async query(...args: any[]): Promise<any> {
    const result = await (super.query as (...a: unknown[]) => Promise<pg.QueryResult>)(...args)
    const chars: number[] = []
    // (A multi-statement script returns an array of results, whose types nothing reads.)
    for (const [i, field] of (result.fields ?? []).entries()) {
      if (field.dataTypeID === CHAR) chars.push(i)
      if (field.dataTypeID === CHAR || STRING_TYPES.has(field.dataTypeID)) field.dataTypeID = TEXT
    }
    if (chars.length > 0) charColumns.set(result.rows, chars)
    return result
  }
}

// The root cause of "RuntimeError: unreachable" with CHECK constraints: the engine reads
// pg_constraint.contype with a getter that accepts only a Character value and panics on Text,
// and the adapter has no mapping for "char". So label "char" columns Character here.
function withCharColumns(adapter: Adapter): Adapter {
  const queryRaw = adapter.queryRaw.bind(adapter)
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query)
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = CHARACTER
    return result
  }
  return adapter
}

class DiffAdapterFactory extends PrismaPg {
  override async connect() {
    return withCharColumns(await super.connect())
  }

  // prisma-diff.ts creates and drops the shadow database, so that it goes even if the engine
  // crashes (the stock method also drops it while still connected, and skips the fixes above).
  override async connectToShadowDb() {
    const pool = new CatalogPool(requiredEnv('PRISMA_DIFF_SHADOW_URL'))
    return withCharColumns(await new PrismaPg(pool, { disposeExternalPool: true }).connect())
  }
}

function requiredEnv(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set; run this through tests/support/prisma-diff.ts`)
  return value
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  // The CLI reads the generator from it to decide which engines it needs (see prisma-diff.ts).
  schema: requiredEnv('PRISMA_DIFF_SCHEMA'),
  async adapter() {
    const pool = new CatalogPool(requiredEnv('PRISMA_DIFF_ADMIN_URL'))
    return new DiffAdapterFactory(pool, { disposeExternalPool: true })
  },
})
