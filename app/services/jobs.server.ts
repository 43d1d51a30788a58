import { logger } from '~/infra/logger.server.ts'
import { startJobWorker, type JobSchedule, type JobTasks } from '~/infra/jobs/worker.server.ts'
import { pruneIdempotencyKeys } from './accounts/api-idempotency.server.ts'
import {
  DISCOUNT_BOUNDARIES_TASK,
  discountBoundariesTask,
  REPRICE_TASK,
  repriceTask,
} from './catalog/changes.server.ts'
import { LEDGER_POST_TASK } from './events/ledger-events.server.ts'
import { LEDGER_RELEASE_TASK, ledgerPostTask, ledgerReleaseTask } from './finance/jobs.server.ts'
import { pruneGuestCarts } from './orders/cart-merge.server.ts'
import { ORDER_PLACED_TASK, orderPlacedTask } from './orders/order-placed.server.ts'
import { PAYMENT_REFUND_TASK } from './orders/orders.server.ts'
import { PAYMENT_HOLD_TASK, paymentHoldTask } from './orders/payments/holds.server.ts'
import { paymentRefundTask } from './orders/payments/refunds.server.ts'
import { returnRefundTask } from './orders/payments/return-refunds.server.ts'
import { RETURN_REFUND_TASK } from './orders/item-returns.server.ts'
import {
  NOTIFICATION_DELIVER_TASK,
  notificationDeliverTask,
} from './notifications/notify.server.ts'
import { MAIL_TASK, mailTask } from './mail/mail.server.ts'
import {
  MEDIA_SWEEP_TASK,
  mediaSweepTask,
  STORAGE_DELETE_TASK,
  storageDeleteTask,
} from './media/cleanup.server.ts'
import { productChangedTask } from './product-changed.server.ts'
import { pruneSearchSyncs } from './search/indexer.server.ts'
import { SEARCH_PRODUCT_TASK } from './events/product-changes.server.ts'
import {
  BACK_IN_STOCK_TASK,
  backInStockTask,
  PRICE_DROP_TASK,
  priceDropTask,
} from './wishlist/alerts.server.ts'

// Every background job and the domain service that carries it out, and the periodic ones'
// schedules (cron, UTC). A domain adds its task here. graphile-worker queues each cron item once
// per matching minute however many worker processes run.

export const PRUNE_CARTS_TASK = 'carts.prune'
export const PRUNE_IDEMPOTENCY_KEYS_TASK = 'api.idempotency-keys.prune'
export const PRUNE_SEARCH_SYNCS_TASK = 'search.syncs.prune'

export const jobTasks: JobTasks = {
  [SEARCH_PRODUCT_TASK]: productChangedTask,
  [MAIL_TASK]: mailTask,
  // Queued by database triggers when rows naming stored objects go (docs/decisions/012).
  [STORAGE_DELETE_TASK]: storageDeleteTask,
  [MEDIA_SWEEP_TASK]: mediaSweepTask,
  [REPRICE_TASK]: repriceTask,
  [DISCOUNT_BOUNDARIES_TASK]: discountBoundariesTask,
  [ORDER_PLACED_TASK]: orderPlacedTask,
  [PAYMENT_REFUND_TASK]: paymentRefundTask,
  [RETURN_REFUND_TASK]: returnRefundTask,
  [PAYMENT_HOLD_TASK]: paymentHoldTask,
  [LEDGER_POST_TASK]: ledgerPostTask,
  [LEDGER_RELEASE_TASK]: ledgerReleaseTask,
  // Queued by database triggers on stock and price changes (docs/decisions/023).
  [BACK_IN_STOCK_TASK]: backInStockTask,
  [PRICE_DROP_TASK]: priceDropTask,
  [NOTIFICATION_DELIVER_TASK]: notificationDeliverTask,
  [PRUNE_CARTS_TASK]: async () => {
    const count = await pruneGuestCarts()
    if (count) logger.info({ count }, 'Deleted abandoned guest carts')
  },
  [PRUNE_IDEMPOTENCY_KEYS_TASK]: async () => {
    const count = await pruneIdempotencyKeys()
    if (count) logger.info({ count }, 'Deleted API answers past their replay window')
  },
  [PRUNE_SEARCH_SYNCS_TASK]: async () => {
    await pruneSearchSyncs()
  },
}

export const jobSchedules: JobSchedule[] = [
  // The safety net under each discount's own re-pricing job.
  { task: DISCOUNT_BOUNDARIES_TASK, match: '*/10 * * * *' },
  // Guest carts untouched for 60 days (their cookie has expired too).
  { task: PRUNE_CARTS_TASK, match: '17 3 * * *' },
  // Shops' pending balances whose return window is over become available.
  { task: LEDGER_RELEASE_TASK, match: '*/15 * * * *' },
  // API answers kept for Idempotency-Key retries, a day after they were given.
  { task: PRUNE_IDEMPOTENCY_KEYS_TASK, match: '47 3 * * *' },
  // The search index's sync log, kept a day for rebuilds.
  { task: PRUNE_SEARCH_SYNCS_TASK, match: '53 3 * * *' },
]

/** Starts the job worker with its schedules. Returns the function that stops it after the work in hand. */
export async function startBackgroundWorkers() {
  return startJobWorker({ tasks: jobTasks, schedules: jobSchedules })
}
