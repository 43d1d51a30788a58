import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import { prisma } from './db.server.ts'
import { singleton } from './singleton.server.ts'

// Prometheus metrics for the process: Node's defaults, HTTP timings and the background work's backlog.
// Domains may register their own metrics on `metrics.registry`.

export const metrics = singleton('metrics', () => {
  const registry = new Registry()
  registry.setDefaultLabels({ service: 'shikposh' })
  collectDefaultMetrics({ register: registry })

  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer HTTP requests',
    labelNames: ['method', 'area', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  })

  const jobsWaiting = new Gauge({
    name: 'jobs_waiting',
    help: 'Background jobs not yet done, by task and state (due, scheduled, failed for good)',
    labelNames: ['task', 'state'],
    registers: [registry],
    async collect() {
      this.reset()
      const rows = await prisma.$queryRaw<Array<{ task: string; state: string; count: number }>>`
        SELECT task_identifier AS task,
          CASE WHEN attempts >= max_attempts THEN 'failed'
               WHEN run_at > now() THEN 'scheduled' ELSE 'due' END AS state,
          count(*)::int AS count
        FROM graphile_worker.jobs GROUP BY 1, 2`
      for (const row of rows) this.set({ task: row.task, state: row.state }, row.count)
    },
  })

  const jobsOldestDueAge = new Gauge({
    name: 'jobs_oldest_due_age_seconds',
    help: 'How long the oldest job that is due (not failed for good) has been waiting to run',
    registers: [registry],
    async collect() {
      const [row] = await prisma.$queryRaw<Array<{ age: number | null }>>`
        SELECT extract(epoch FROM now() - min(run_at))::float8 AS age
        FROM graphile_worker.jobs WHERE run_at <= now() AND attempts < max_attempts`
      this.set(Math.max(0, row?.age ?? 0))
    },
  })

  const jobFailures = new Counter({
    name: 'job_failures_total',
    help: 'Background job attempts that failed (and were retried or, at the last attempt, kept as failed), by task',
    labelNames: ['task'],
    registers: [registry],
  })

  return {
    registry,
    httpDuration,
    jobsWaiting,
    jobsOldestDueAge,
    jobFailures,
  }
})

/** A low-cardinality label for a URL path: its first segment ("/p/red-dress" -> "p"). */
export function areaOf(path: string) {
  const segment =
    path
      .split('/')[1]
      ?.split('?')[0]
      ?.replace(/\.data$/, '') ?? ''
  return segment === '' ? 'home' : /^[a-z-]{1,20}$/.test(segment) ? segment : 'other'
}
