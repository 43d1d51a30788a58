import { checkReadiness } from '~/infra/health.server.ts'

// Readiness: 200 when the database and every configured service answer, 503 naming the failing ones.
export async function loader() {
  const { ready, checks } = await checkReadiness()
  const failing = checks.filter((check) => !check.ok).map((check) => check.name)
  return Response.json(
    { status: ready ? 'ready' : 'unavailable', failing, checks },
    { status: ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  )
}
