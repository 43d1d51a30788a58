// `npm run db:seed`: adds the demo accounts and catalog to the configured database (idempotent),
// applying any pending migrations first, so it works on a database nothing has started on yet.
import './env-file.ts'
import path from 'node:path'
import { DEMO_ACCOUNTS, seedDemoData } from '../../prisma/seed/index.ts'
import { describePhotos } from '../../prisma/seed/photos/index.ts'
import { migrate } from '~/infra/migrate.server.ts'
import { runTask } from './run.ts'

await runTask(async (env) => {
  await migrate(env.databaseUrl)
  const { created, total, orders, photos } = await seedDemoData({
    photos: { cacheDir: path.join(env.dataDir, 'demo-photos'), log: console.log },
  })
  console.log(
    `Demo catalog: ${created} product${created === 1 ? '' : 's'} added (${total - created} already there).`,
  )
  if (orders) console.log(`Demo orders: ${orders} placed over the last two months.`)
  if (photos) console.log(describePhotos(photos))
  console.log('Demo data is in place. Accounts (email / password):')
  for (const account of DEMO_ACCOUNTS)
    console.log(`  ${account.role.padEnd(8)} ${account.email} / ${account.password}`)
})
