import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { load } from 'js-yaml'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import '~/infra/business-metrics.server.ts'
import { parseEnv } from '~/infra/env.server.ts'
import { metrics } from '~/infra/metrics.server.ts'

// The dashboard, the alert rules and the compose file are read by tools this machine cannot
// run (Docker, Prometheus, Grafana): these checks keep them honest. Every metric they name is
// one the app exports, the rules have the shape Prometheus loads, and the app's environment in
// docker-compose.yml passes the app's own production check.

const root = path.resolve(import.meta.dirname, '../..')
const read = (file: string) => readFileSync(path.join(root, file), 'utf8')

/** Names Prometheus itself adds to every scrape. */
const PROMETHEUS_OWN = new Set(['up', 'scrape_duration_seconds', 'scrape_samples_scraped'])
const PROMQL_WORDS = new Set([
  'and',
  'or',
  'unless',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'offset',
  'inf',
  'nan',
])

/** Every series name the app's /metrics can serve (histograms with their three suffixes). */
async function exportedNames() {
  const names = new Set(PROMETHEUS_OWN)
  for (const metric of await metrics.registry.getMetricsAsJSON()) {
    names.add(metric.name)
    if (String(metric.type) === 'histogram')
      for (const suffix of ['_bucket', '_count', '_sum']) names.add(metric.name + suffix)
  }
  return names
}

/** The metric names a PromQL expression reads: identifiers that are not functions, labels or keywords. */
function metricNamesIn(expr: string) {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '')
  const names = new Set<string>()
  for (const match of bare.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const word = match[0]
    const after = bare.slice((match.index ?? 0) + word.length).trimStart()
    if (after.startsWith('(') || PROMQL_WORDS.has(word.toLowerCase())) continue
    if (/^\d/.test(word)) continue
    names.add(word)
  }
  return [...names]
}

const RuleSchema = z.object({
  alert: z.string().regex(/^[A-Z][A-Za-z]+$/),
  expr: z.string().min(1),
  for: z
    .string()
    .regex(/^\d+[smh]$/)
    .optional(),
  labels: z.object({ severity: z.enum(['page', 'ticket']) }),
  annotations: z.object({ summary: z.string().min(1), description: z.string().min(1) }),
})
const RulesSchema = z.object({
  groups: z.array(z.object({ name: z.string(), rules: z.array(RuleSchema).min(1) })).length(1),
})

const DashboardSchema = z.object({
  uid: z.literal('shikposh'),
  panels: z.array(
    z.object({
      type: z.string(),
      title: z.string().min(1),
      datasource: z.object({ uid: z.literal('prometheus') }).optional(),
      targets: z.array(z.object({ expr: z.string().min(1) })).optional(),
    }),
  ),
})

describe('monitoring configuration', () => {
  test('the alert rules parse as Prometheus rules, cover what hurts and name only metrics the app exports', async () => {
    const rules = RulesSchema.parse(load(read('ops/prometheus/alerts.yml'))).groups[0]!.rules
    const names = await exportedNames()
    const unknown = rules.flatMap((rule) =>
      metricNamesIn(rule.expr)
        .filter((name) => !names.has(name))
        .map((name) => `${rule.alert}: ${name}`),
    )
    expect(unknown).toEqual([])
    const read_ = (metric: string) =>
      rules.filter((rule) => metricNamesIn(rule.expr).includes(metric)).map((rule) => rule.alert)
    // error rate and p95 latency, job backlog age, search down, payment failures
    expect(read_('http_request_duration_seconds_count')).toContain('ShikposhHighErrorRate')
    expect(read_('http_request_duration_seconds_bucket')).toContain('ShikposhSlowRequests')
    expect(read_('jobs_oldest_due_age_seconds')).toContain('ShikposhJobBacklogOld')
    expect(read_('search_errors_total')).toContain('ShikposhSearchDown')
    expect(read_('payments_total')).toContain('ShikposhPaymentsFailing')
    console.info(`alerts.yml: ${rules.length} rules`)
  })

  test('the dashboard is Grafana JSON whose every query names only metrics the app exports, and shows every business metric', async () => {
    const dashboard = DashboardSchema.parse(JSON.parse(read('ops/grafana/shikposh.json')))
    const names = await exportedNames()
    const queries = dashboard.panels.flatMap((panel) =>
      (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr })),
    )
    const used = new Set(queries.flatMap(({ expr }) => metricNamesIn(expr)))
    expect([...used].filter((name) => !names.has(name))).toEqual([])
    for (const metric of [
      'orders_placed_total',
      'orders_placed_value_minor_units_total',
      'checkout_refusals_total',
      'payments_total',
      'search_duration_seconds_bucket',
      'search_queries_total',
      'search_errors_total',
      'page_cache_requests_total',
      'jobs_waiting',
      'jobs_oldest_due_age_seconds',
      'media_pipeline_tasks',
      'media_pipeline_duration_seconds_bucket',
      'rate_limit_refusals_total',
      'db_pool_connections',
      'http_request_duration_seconds_bucket',
    ])
      expect(used, metric).toContain(metric)
    const ids = dashboard.panels.map((panel) => panel.title)
    expect(new Set(ids).size).toBe(ids.length)
    console.info(`shikposh.json: ${dashboard.panels.length} panels, ${queries.length} queries`)
  })

  test('the PromQL reader finds metric names and skips functions, labels, keywords and durations', () => {
    expect(
      metricNamesIn(
        'histogram_quantile(0.95, sum by (le, area) (rate(http_request_duration_seconds_bucket{area!="x"}[5m]))) > 1 and on(job) up == 0',
      ).sort(),
    ).toEqual(['http_request_duration_seconds_bucket', 'up'])
  })

  test('docker-compose.yml starts every service, mounts these files, and gives the app an environment its production check accepts', () => {
    const ComposeSchema = z.object({
      services: z.record(
        z.string(),
        z.object({
          image: z.string().optional(),
          build: z.string().optional(),
          command: z.union([z.string(), z.array(z.string())]).optional(),
          environment: z.record(z.string(), z.string()).optional(),
          volumes: z.array(z.string()).optional(),
        }),
      ),
    })
    const { services } = ComposeSchema.parse(load(read('docker-compose.yml')))
    for (const name of [
      'app',
      'migrate',
      'postgres',
      'redis',
      'meilisearch',
      'minio',
      'prometheus',
      'grafana',
      'jaeger',
    ])
      expect(Object.keys(services)).toContain(name)
    expect(services.app!.build).toBe('.')
    expect(services.migrate!.command).toEqual(['node', 'build/cli/migrate.js'])
    // Every file mounted from the repository exists.
    const mounts = Object.values(services).flatMap((service) =>
      (service.volumes ?? []).filter((volume) => volume.startsWith('./')),
    )
    expect(mounts.length).toBeGreaterThanOrEqual(4)
    for (const mount of mounts)
      expect(existsSync(path.join(root, mount.split(':')[0]!)), mount).toBe(true)
    // The app's production check passes on the compose environment (no variable missing).
    const env = parseEnv(services.app!.environment ?? {})
    expect(env.isProduction).toBe(true)
    expect(env.S3_FORCE_PATH_STYLE).toBe(true)
    // Prometheus scrapes the app with the app's metrics token and loads the rules.
    const prometheus = load(read('ops/prometheus/prometheus.yml')) as {
      rule_files: string[]
      scrape_configs: Array<{
        authorization: { credentials: string }
        static_configs: Array<{ targets: string[] }>
      }>
    }
    expect(prometheus.rule_files).toEqual(['/etc/prometheus/alerts.yml'])
    expect(prometheus.scrape_configs[0]!.authorization.credentials).toBe(
      services.app!.environment!.METRICS_TOKEN,
    )
    expect(prometheus.scrape_configs[0]!.static_configs[0]!.targets).toEqual(['app:3000'])
  })
})
