// `npm run carts:prune`: deletes guest carts nobody touched for 60 days (their cookie has
// expired too). Run it daily from a scheduler (cron, a Fly scheduled machine).
import { pruneGuestCarts } from '~/services/orders/cart-merge.server.ts'
import { runTask } from './run.ts'

await runTask(async () => {
  const count = await pruneGuestCarts()
  console.log(`Deleted ${count} abandoned guest cart${count === 1 ? '' : 's'}.`)
})
