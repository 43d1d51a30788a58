import { prisma } from './db.server.ts'
import { mailer } from './mail/mailer.server.ts'
import { redis } from './redis.server.ts'
import { pingSearch } from './search/client.server.ts'
import { getStorage } from './storage/storage.server.ts'

export type Check = { name: string; ok: boolean; ms: number; error?: string }
type Probe = { name: string; run: () => Promise<unknown> }

const TIMEOUT_MS = 2000

function probes(): Probe[] {
  const list: Probe[] = [
    { name: 'database', run: () => prisma.$queryRaw`SELECT 1` },
    { name: 'search', run: pingSearch },
  ]
  if (redis) {
    const client = redis
    list.push({ name: 'redis', run: () => client.ping() })
  }
  if (mailer.kind === 'smtp') list.push({ name: 'smtp', run: () => mailer.verify() })
  // S3: the bucket answers with these credentials; local: the media folder is writable.
  list.push({ name: 'storage', run: () => getStorage().check() })
  return list
}

async function runProbe(probe: Probe): Promise<Check> {
  const started = performance.now()
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      probe.run(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS)
      }),
    ])
    return { name: probe.name, ok: true, ms: Math.round(performance.now() - started) }
  } catch (error) {
    return {
      name: probe.name,
      ok: false,
      ms: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : String(error),
    }
  } finally {
    clearTimeout(timer)
  }
}

/** Pings the database and every configured service at once; ready only when all answer. */
export async function checkReadiness() {
  const checks = await Promise.all(probes().map(runProbe))
  return { ready: checks.every((check) => check.ok), checks }
}
