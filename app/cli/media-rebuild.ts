// `npm run media:rebuild [-- --all]`: builds the image variants again from the private originals
// after the recipe changed (RECIPE_VERSION in app/services/media/pipeline.server.ts). Only
// images made with an older recipe are rebuilt, unless --all. Safe to run while the app serves:
// new objects are written before the rows switch, and old ones are deleted by a job.
import { rebuildMedia } from '~/services/media/rebuild.server.ts'
import { runTask } from './run.ts'

await runTask(async () => {
  const all = process.argv.includes('--all')
  const result = await rebuildMedia({ all, log: (message) => console.log(message) })
  console.log(
    `Rebuilt ${result.rebuilt}, unchanged ${result.unchanged}, failed ${result.failed.length}.`,
  )
  for (const failure of result.failed) console.error(`  ${failure.assetId}: ${failure.error}`)
  if (result.failed.length)
    throw new Error(
      `${result.failed.length} image(s) could not be rebuilt; run again to retry them.`,
    )
})
