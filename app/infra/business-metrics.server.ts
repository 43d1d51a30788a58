import { Counter, Gauge, Histogram } from 'prom-client'
import { dbPool } from './db.server.ts'
import { metrics } from './metrics.server.ts'
import { singleton } from './singleton.server.ts'

// What the business and its dependencies are doing, beside the HTTP and job figures of
// metrics.server.ts. Every label takes values from a fixed list in the code (payment methods,
// refusal codes, limiter names), never from a request, so the series stay few.

export type PaymentOutcome =
  'started' | 'start_failed' | 'paid' | 'failed' | 'expired' | 'paid_after_release'

export const businessMetrics = singleton('business-metrics', () => {
  const registers = [metrics.registry]

  const ordersPlaced = new Counter({
    name: 'orders_placed_total',
    help: 'Orders placed (each once, retries and double submits excluded), by payment method',
    labelNames: ['payment_method'],
    registers,
  })
  const orderValue = new Counter({
    name: 'orders_placed_value_minor_units_total',
    help: "Total of the orders placed, in the store currency's minor unit, by payment method",
    labelNames: ['payment_method'],
    registers,
  })
  const checkoutRefusals = new Counter({
    name: 'checkout_refusals_total',
    help: 'Checkouts refused with nothing written, by reason (the refusal code)',
    labelNames: ['reason'],
    registers,
  })
  const payments = new Counter({
    name: 'payments_total',
    help: 'Online payments by provider and outcome (started, start_failed, paid, failed, expired, paid_after_release)',
    labelNames: ['provider', 'outcome'],
    registers,
  })
  const pageCache = new Counter({
    name: 'page_cache_requests_total',
    help: 'Cacheable pages answered, by result (hit: from the cache; miss: rendered and stored; bypass: rendered for a visitor with a cookie)',
    labelNames: ['result'],
    registers,
  })
  const pageCacheErrors = new Counter({
    name: 'page_cache_errors_total',
    help: 'Page cache reads and writes that failed (operation: get, set), the page rendered instead',
    labelNames: ['operation'],
    registers,
  })
  const searchDuration = new Histogram({
    name: 'search_duration_seconds',
    help: 'Time for Meilisearch to answer a product search (all its queries), as the app sees it',
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers,
  })
  const searches = new Counter({
    name: 'search_queries_total',
    help: 'Product searches answered, by whether they found anything (results: some, none)',
    labelNames: ['results'],
    registers,
  })
  const searchErrors = new Counter({
    name: 'search_errors_total',
    help: 'Product searches that failed because Meilisearch could not answer',
    registers,
  })
  const rateLimitRefusals = new Counter({
    name: 'rate_limit_refusals_total',
    help: 'Requests refused by a rate limit, by limiter',
    labelNames: ['limiter'],
    registers,
  })
  const mediaDuration = new Histogram({
    name: 'media_pipeline_duration_seconds',
    help: 'Time to process one uploaded image into its variants (excluding the wait for a pipeline)',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  })
  const mediaRefusals = new Counter({
    name: 'media_pipeline_refusals_total',
    help: 'Uploads refused with a 503 because every pipeline was busy and the queue full',
    registers,
  })
  let mediaQueue: (() => { running: number; queued: number }) | undefined
  new Gauge({
    name: 'media_pipeline_tasks',
    help: 'Image pipelines running and uploads waiting for one (state: running, queued)',
    labelNames: ['state'],
    registers,
    collect() {
      const { running, queued } = mediaQueue?.() ?? { running: 0, queued: 0 }
      this.set({ state: 'running' }, running)
      this.set({ state: 'queued' }, queued)
    },
  })
  new Gauge({
    name: 'db_pool_connections',
    help: 'Database pool connections (state: idle, busy) and queries waiting for one (waiting)',
    labelNames: ['state'],
    registers,
    collect() {
      const pool = dbPool()
      this.set({ state: 'idle' }, pool.idleCount)
      this.set({ state: 'busy' }, pool.totalCount - pool.idleCount)
      this.set({ state: 'waiting' }, pool.waitingCount)
    },
  })
  new Gauge({
    name: 'db_pool_max_connections',
    help: 'The most connections the pool opens (DATABASE_POOL_MAX)',
    registers,
    collect() {
      this.set(dbPool().options.max ?? 10)
    },
  })

  return {
    ordersPlaced,
    orderValue,
    checkoutRefusals,
    payments,
    pageCache,
    pageCacheErrors,
    searchDuration,
    searches,
    searchErrors,
    rateLimitRefusals,
    mediaDuration,
    mediaRefusals,
    /** The media pipelines' semaphore tells its state through this. */
    /** An online payment reached `outcome` (provider ids and outcomes are fixed lists). */
    countPayment(provider: string, outcome: PaymentOutcome) {
      payments.inc({ provider, outcome })
    },
    observeMediaQueue(source: () => { running: number; queued: number }) {
      mediaQueue = source
    },
  }
})
