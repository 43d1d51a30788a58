// `npm run admin:grant -- someone@example.com`: gives an existing account the ADMIN role.
import './load-env.ts'
import { grantAdmin } from '~/services/accounts/roles.server.ts'
import { runTask } from './run.ts'

await runTask(async () => {
  const email = process.argv[2]
  if (!email) throw new Error('Usage: npm run admin:grant -- <email>')
  const user = await grantAdmin(email)
  if (!user) throw new Error(`No account has the email ${email}.`)
  console.log(`${user.email} is now an admin.`)
})
