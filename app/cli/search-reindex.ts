// `npm run search:reindex`: rebuilds the product index from the database into a fresh index and
// swaps it in with no downtime (searches use the old one until the swap), then deletes the old one.
import './env-file.ts'
import { reindexProducts } from '~/services/search/reindex.server.ts'
import { runTask } from './run.ts'

await runTask(async () => {
  const result = await reindexProducts({ log: (message) => console.log(message) })
  const perSecond =
    result.ms > 0 ? Math.round((result.documents / result.ms) * 1000) : result.documents
  console.log(
    `Done: ${result.documents} products in ${result.uid} in ${(result.ms / 1000).toFixed(1)} s (${perSecond} documents/s).`,
  )
})
