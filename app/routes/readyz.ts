import { checkReadiness } from '~/infra/health.server.ts'
import { logger } from '~/infra/logger.server.ts'

// Readiness: 200 when the database and every configured service answer, 503 naming the failing
// ones. Why a check failed goes to the log only: its message can name internal hosts and ports.
export async function loader() {
  const { ready, checks } = await checkReadiness()
  const failed = checks.filter((check) => !check.ok)
  if (failed.length) logger.warn({ failed }, 'readiness check failed')
  return Response.json(
    {
      status: ready ? 'ready' : 'unavailable',
      failing: failed.map((check) => check.name),
      checks: checks.map(({ name, ok, ms }) => ({ name, ok, ms })),
    },
    { status: ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  )
}
