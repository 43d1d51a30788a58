import cluster, { type Worker } from 'node:cluster'
import type { Logger } from 'pino'

// A deployment's web processes (WEB_CONCURRENCY, one per core by default): this supervisor only
// forks them and keeps them running; each one is the whole server (app/server/serve.ts) and takes
// requests on the same port, which node:cluster shares. They share nothing else but PostgreSQL,
// Redis, Meilisearch and storage. The first (WEB_PROCESS_INDEX 0) also runs the in-process
// background work, so jobs and search settings are not done once per process.

/** Which of the supervisor's web processes this is: 0 for the first, or when there is none. */
export function webProcessIndex() {
  return cluster.isWorker ? Number(process.env.WEB_PROCESS_INDEX ?? 0) : 0
}

/** A process that died this soon after it started is failing to start: wait before the next. */
const QUICK_EXIT_MS = 10_000

export function superviseWebProcesses({
  count,
  heapMb,
  shutdownTimeoutSeconds,
  logger,
}: {
  count: number
  heapMb: number
  shutdownTimeoutSeconds: number
  logger: Logger
}) {
  const heapFlag = `--max-old-space-size=${heapMb}`
  // A limit given to Node itself (NODE_OPTIONS or the command line) wins over WEB_HEAP_MB.
  const ownLimit = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((flag) =>
    flag.includes('--max-old-space-size'),
  )
  cluster.setupPrimary({ execArgv: ownLimit ? process.execArgv : [...process.execArgv, heapFlag] })

  const started = new Map<Worker, { index: number; at: number }>()
  let stopping = false
  let failed = false

  function start(index: number) {
    // A replacement still waiting when SIGTERM came is not started: nothing would stop it.
    if (stopping) return
    const worker = cluster.fork({ WEB_PROCESS_INDEX: String(index) })
    started.set(worker, { index, at: Date.now() })
  }

  cluster.on('exit', (worker, code, signal) => {
    const { index, at } = started.get(worker) ?? { index: 0, at: 0 }
    started.delete(worker)
    if (stopping) {
      // A process that could not drain in time (exit 1) makes the supervisor's exit 1 too.
      if (code !== 0) failed = true
      if (started.size === 0) process.exit(failed ? 1 : 0)
      return
    }
    const delay = Date.now() - at < QUICK_EXIT_MS ? 5_000 : 0
    logger.error(
      { code, signal, index },
      `Web process ${index} stopped; starting another${delay ? ` in ${delay / 1000} s` : ''}`,
    )
    setTimeout(() => start(index), delay)
  })

  // The platform's SIGTERM goes to each process, which drains its requests (shutdown in
  // serve.ts); the supervisor ends when the last one has.
  function stop(signal: NodeJS.Signals) {
    if (stopping) return
    stopping = true
    logger.info(`${signal} received: stopping ${started.size} web process(es)`)
    for (const worker of started.keys()) worker.process.kill('SIGTERM')
    if (started.size === 0) process.exit(0)
    setTimeout(() => process.exit(1), (shutdownTimeoutSeconds + 10) * 1000).unref()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))

  logger.info(`Starting ${count} web process(es), heap limit ${ownLimit ? 'from Node' : heapFlag}`)
  for (let index = 0; index < count; index++) start(index)
}
