// `npm run ledger:backfill`: posts orders delivered and refunds recorded before the shops' books
// existed (app/services/finance/backfill.server.ts; safe to run again), then checks the books.
import { backfillLedger } from '~/services/finance/backfill.server.ts'
import { checkLedger } from '~/services/finance/check.server.ts'
import { runTask } from './run.ts'

await runTask(async () => {
  const result = await backfillLedger()
  console.log(
    `Posted ${result.shipments} shipment(s) and ${result.refunds} refund(s): ${result.entries} posting(s).`,
  )
  const problems = await checkLedger()
  if (problems.length) {
    for (const problem of problems) console.log(problem.rule, JSON.stringify(problem.detail))
    throw new Error(`The ledger does not balance: ${problems.length} problem(s) above.`)
  }
  console.log('The ledger balances.')
})
