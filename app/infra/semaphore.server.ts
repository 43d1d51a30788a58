// A counting semaphore with a bounded queue: at most `limit` tasks run at once, at most
// `maxQueue` wait; beyond that callers are told at once (SemaphoreFullError) rather than
// piling up work and memory behind a burst.

export class SemaphoreFullError extends Error {
  override name = 'SemaphoreFullError'
  constructor() {
    super('Too many tasks are waiting')
  }
}

export class Semaphore {
  private active = 0
  private readonly waiting: Array<() => void> = []

  constructor(
    readonly limit: number,
    readonly maxQueue = Number.POSITIVE_INFINITY,
  ) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error('A semaphore needs a limit of at least 1')
  }

  get running() {
    return this.active
  }

  get queued() {
    return this.waiting.length
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire()
    try {
      return await task()
    } finally {
      this.release()
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++
      return Promise.resolve()
    }
    if (this.waiting.length >= this.maxQueue) return Promise.reject(new SemaphoreFullError())
    // The slot passes straight from the releasing task to the next one, so `active` stays put.
    return new Promise((resolve) => this.waiting.push(resolve))
  }

  private release() {
    const next = this.waiting.shift()
    if (next) next()
    else this.active--
  }
}
