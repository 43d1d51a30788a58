// Run by tests/drills/backup-restore.test.ts as its own process, pointed at the restored
// database and a fresh search index prefix: rebuilds the index from the database (as after a
// restore) and prints, as one JSON line, what the product pages and a search show.
import { reindexProducts } from '~/services/search/reindex.server.ts'
import { pageView } from './restore-view.ts'

const slugs = process.argv.slice(2)
const reindexed = await reindexProducts()
const view = await pageView(slugs)
process.stdout.write(`${JSON.stringify({ reindexed, view })}\n`)
process.exit(0)
