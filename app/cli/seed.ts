// `npm run db:seed`: adds the demo accounts and catalog to the configured database (idempotent).
import './load-env.ts'
import { DEMO_ACCOUNTS, seedDemoData } from '../../prisma/seed/index.ts'
import { runTask } from './run.ts'

await runTask(async () => {
  await seedDemoData()
  console.log('Demo data is in place. Accounts (email / password):')
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(8)} ${account.email} / ${account.password}`)
})
