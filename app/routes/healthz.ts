// Liveness: the process is up and serving. Deliberately touches nothing else.
export function loader() {
  return new Response('ok', {
    headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' },
  })
}
