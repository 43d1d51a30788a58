import net from 'node:net'

// A TCP cable between the app and a local stand-in (an SMTP sink, an S3 server) that a fault
// drill can pull out and plug back in on the same port: cut, new connections are refused and
// open ones are reset, as when the service's machine goes away. `cutAfter` pulls it at the
// moment the client starts its n+1-th request matching a pattern (an upload halfway through).

export async function startCable(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>()
  let server: net.Server | null = null
  let port = 0
  let trigger: { pattern: RegExp; left: number; cut: () => void } | null = null

  function cut() {
    trigger = null
    const closing = server
    server = null
    closing?.close()
    for (const socket of sockets) socket.resetAndDestroy()
    sockets.clear()
  }

  async function plugIn() {
    if (server) return
    const listening = net.createServer((client) => {
      const upstream = net.connect(target.port, target.host)
      sockets.add(client).add(upstream)
      const drop = () => {
        client.destroy()
        upstream.destroy()
        sockets.delete(client)
        sockets.delete(upstream)
      }
      client.on('error', drop).on('close', drop)
      upstream.on('error', drop).on('close', drop)
      client.on('data', (chunk: Buffer) => {
        if (trigger) {
          const matches = chunk.toString('latin1').match(trigger.pattern)?.length ?? 0
          trigger.left -= matches
          if (trigger.left < 0) return trigger.cut()
        }
        upstream.write(chunk)
      })
      upstream.on('data', (chunk: Buffer) => client.write(chunk))
    })
    await new Promise<void>((resolve) => listening.listen(port, '127.0.0.1', resolve))
    port = (listening.address() as net.AddressInfo).port
    server = listening
  }

  await plugIn()
  return {
    port,
    url: (scheme: string) => `${scheme}://127.0.0.1:${port}`,
    cut,
    plugIn,
    /** Cuts when the client sends the (count + 1)-th match of `pattern` (a global RegExp). */
    cutAfter(pattern: RegExp, count: number) {
      return new Promise<void>((resolve) => {
        trigger = {
          pattern,
          left: count,
          cut: () => {
            cut()
            resolve()
          },
        }
      })
    },
    close: cut,
  }
}
