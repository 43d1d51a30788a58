import { describe, expect, test } from 'vitest'
import { Semaphore, SemaphoreFullError } from '~/infra/semaphore.server.ts'

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('Semaphore', () => {
  test('runs at most `limit` tasks at once, in arrival order, and refuses beyond its queue', async () => {
    const semaphore = new Semaphore(2, 3)
    let running = 0
    let peak = 0
    const order: number[] = []
    const releases: Array<() => void> = []
    const task = (id: number) =>
      semaphore.run(async () => {
        running++
        peak = Math.max(peak, running)
        order.push(id)
        await new Promise<void>((resolve) => releases.push(resolve))
        running--
        return id
      })
    const accepted = [1, 2, 3, 4, 5].map(task)
    await tick()
    expect([semaphore.running, semaphore.queued]).toEqual([2, 3])
    await expect(task(6)).rejects.toBeInstanceOf(SemaphoreFullError)

    while (releases.length || semaphore.queued) {
      releases.shift()?.()
      await tick()
    }
    expect(await Promise.all(accepted)).toEqual([1, 2, 3, 4, 5])
    expect(order).toEqual([1, 2, 3, 4, 5])
    expect(peak).toBe(2)
    expect([semaphore.running, semaphore.queued]).toEqual([0, 0])
  })

  test('a failing task frees its slot', async () => {
    const semaphore = new Semaphore(1)
    await expect(semaphore.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    )
    expect(await semaphore.run(async () => 'next')).toBe('next')
  })
})
