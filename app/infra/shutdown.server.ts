import { singleton } from './singleton.server.ts'

// The process's "we are stopping" signal. The server aborts it on SIGTERM, before it waits for
// the requests in hand; long-lived responses (the notifications' event streams) listen to it
// and end, so the browser reconnects to another machine instead of holding this one open.

const controller = singleton('shutdown', () => new AbortController())

export const shutdownSignal: AbortSignal = controller.signal

export function beginShutdown() {
  controller.abort()
}

export function isShuttingDown() {
  return controller.signal.aborted
}
