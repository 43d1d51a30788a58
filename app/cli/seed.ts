// `npm run db:seed`: adds the demo accounts and catalog to the configured database (idempotent).
import './env-file.ts'
import { DEMO_ACCOUNTS, seedDemoData } from '../../prisma/seed/index.ts'
import { runTask } from './run.ts'

await runTask(async () => {
  const { created, total } = await seedDemoData()
  console.log(
    `Demo catalog: ${created} product${created === 1 ? '' : 's'} added (${total - created} already there).`,
  )
  console.log('Demo data is in place. Accounts (email / password):')
  for (const account of DEMO_ACCOUNTS)
    console.log(`  ${account.role.padEnd(8)} ${account.email} / ${account.password}`)
})
