import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import { freePort } from '~/utils/free-port.server.ts'

// A Redis server of the test's own (never the machine's shared one on 6379), on a free port,
// that a fault drill stops and starts again on the same port. Nothing is persisted, so a restart
// comes back empty, as a Redis that lost its memory does. The server runs under a shell that
// kills it when this process's end of the pipe closes: a test process that dies leaves none behind.

async function answers(port: number) {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => socket.write('PING\r\n'))
    socket.once('data', (data) => {
      socket.destroy()
      resolve(data.toString().startsWith('+PONG'))
    })
    socket.once('error', () => resolve(false))
  })
}

export async function startRedisServer() {
  const port = await freePort()
  let child: ChildProcess | null = null

  async function start() {
    const command = `redis-server --port ${port} --bind 127.0.0.1 --save '' --appendonly no & pid=$!; read _; kill $pid; wait $pid`
    child = spawn('sh', ['-c', command], { stdio: ['pipe', 'ignore', 'inherit'] })
    const deadline = Date.now() + 10_000
    while (!(await answers(port))) {
      if (Date.now() > deadline) throw new Error(`redis-server on ${port} did not start`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }

  async function stop() {
    const running = child
    if (!running) return
    child = null
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.stdin!.end()
    await exited
  }

  await start()
  return { url: `redis://127.0.0.1:${port}`, port, start, stop }
}
