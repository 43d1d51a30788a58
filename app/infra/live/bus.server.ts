import { EventEmitter } from 'node:events'
import { Redis } from 'ioredis'
import { getEnv } from '../env.server.ts'
import { logger } from '../logger.server.ts'
import { singleton } from '../singleton.server.ts'

// The live bus: a message published here reaches every subscriber in every app process. With
// REDIS_URL it goes through Redis pub/sub (one subscriber connection per process, fanned out
// locally); without it, through an in-process emitter (one process). Messages are only hints
// ("something new for user X"): the stored rows are the truth, so a lost message costs latency,
// never data (see app/services/notifications/stream.server.ts).

export type BusListener = (message: string) => void

/**
 * What every listener hears when the bus comes back after losing Redis: messages published
 * meanwhile are gone, so a listener that keeps state catches up from the stored truth.
 */
export const BUS_RESUMED = '{"resumed":true}'

export interface LiveBus {
  readonly kind: 'redis' | 'local'
  publish(topic: string, message: string): Promise<void>
  /** Listens to `topic`; resolves once the subscription is live, to the function that ends it. */
  subscribe(topic: string, listener: BusListener): Promise<() => void>
  close(): Promise<void>
}

export function createLocalBus(): LiveBus {
  const emitter = new EventEmitter()
  emitter.setMaxListeners(0)
  return {
    kind: 'local',
    async publish(topic, message) {
      emitter.emit(topic, message)
    },
    async subscribe(topic, listener) {
      emitter.on(topic, listener)
      return () => void emitter.off(topic, listener)
    },
    async close() {
      emitter.removeAllListeners()
    },
  }
}

export function createRedisBus(url: string, prefix: string): LiveBus {
  const options = { maxRetriesPerRequest: 2, connectTimeout: 2000, lazyConnect: true }
  const publisher = new Redis(url, options)
  // A connection in subscriber mode can do nothing else, so it is a second one.
  const subscriber = new Redis(url, { ...options, maxRetriesPerRequest: null })
  for (const client of [publisher, subscriber])
    client.on('error', (error) => logger.warn({ err: error }, 'Live bus Redis error'))
  const local = new EventEmitter()
  local.setMaxListeners(0)
  const subscribed = new Map<string, Promise<unknown>>()
  subscriber.on('message', (channel: string, message: string) => {
    if (channel.startsWith(prefix)) local.emit(channel.slice(prefix.length), message)
  })
  // ioredis subscribes again by itself on reconnecting; once a subscription of ours queued after
  // that one is answered, the topics are live again and the listeners are told to catch up.
  let connectedBefore = false
  subscriber.on('ready', () => {
    const topics = [...subscribed.keys()]
    if (connectedBefore && topics.length)
      subscriber.subscribe(...topics.map((topic) => prefix + topic)).then(
        () => topics.forEach((topic) => local.emit(topic, BUS_RESUMED)),
        (error) => logger.warn({ err: error }, 'Live bus could not subscribe again'),
      )
    connectedBefore = true
  })
  return {
    kind: 'redis',
    async publish(topic, message) {
      await publisher.publish(prefix + topic, message)
    },
    async subscribe(topic, listener) {
      local.on(topic, listener)
      let ready = subscribed.get(topic)
      if (!ready) {
        ready = subscriber.subscribe(prefix + topic)
        subscribed.set(topic, ready)
        ready.catch(() => subscribed.delete(topic))
      }
      await ready
      return () => void local.off(topic, listener)
    },
    async close() {
      local.removeAllListeners()
      await Promise.allSettled([publisher.quit(), subscriber.quit()])
    },
  }
}

/** The process's bus, chosen by the configuration. */
export const liveBus: LiveBus = singleton('live-bus', () => {
  const env = getEnv()
  return env.REDIS_URL
    ? createRedisBus(env.REDIS_URL, `${env.REDIS_PREFIX}live:`)
    : createLocalBus()
})
