// `npm run ledger:check`: proves the shops' books balance (app/services/finance/check.server.ts);
// prints each broken rule and exits 1, or the totals per account and exits 0.
import { checkLedger, ledgerTotals } from '~/services/finance/check.server.ts'
import { runTask } from './run.ts'

await runTask(async () => {
  const problems = await checkLedger()
  if (problems.length) {
    for (const problem of problems) console.log(problem.rule, JSON.stringify(problem.detail))
    throw new Error(`The ledger does not balance: ${problems.length} problem(s) above.`)
  }
  const totals = await ledgerTotals()
  console.log('The ledger balances.', JSON.stringify(totals))
})
