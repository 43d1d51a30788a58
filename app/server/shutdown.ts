import type { Server } from 'node:http'
import type { NextFunction, Request, Response } from 'express'
import { beginShutdown, isShuttingDown } from '~/infra/shutdown.server.ts'

/** While the process stops, every response closes its connection (no keep-alive to a closing server). */
export function closeConnectionsWhileStopping(_req: Request, res: Response, next: NextFunction) {
  if (isShuttingDown()) res.setHeader('Connection', 'close')
  next()
}

export type DrainReport = {
  /** Connections still open at the deadline and cut (0 when every request finished in time). */
  forced: number
  ms: number
}

/**
 * Stops taking connections and waits for the requests in hand to finish, at most `timeoutMs`;
 * then cuts whatever is left. Idle keep-alive connections close at once, busy ones after their
 * response (it says `Connection: close`), and event streams end on the shutdown signal.
 */
export async function drainServer(server: Server, timeoutMs: number): Promise<DrainReport> {
  const started = performance.now()
  beginShutdown()
  const closed = new Promise<'closed'>((resolve) => server.close(() => resolve('closed')))
  // Connections that went idle between close() and now (keep-alive after a response).
  const sweep = setInterval(() => server.closeIdleConnections(), 100)
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), timeoutMs)
  })
  const outcome = await Promise.race([closed, deadline])
  clearInterval(sweep)
  clearTimeout(timer)
  let forced = 0
  if (outcome === 'deadline') {
    forced = await new Promise<number>((resolve) =>
      server.getConnections((error, count) => resolve(error ? 0 : count)),
    )
    server.closeAllConnections()
    await closed
  }
  return { forced, ms: Math.round(performance.now() - started) }
}
