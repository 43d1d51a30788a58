import type { ConsoleMessage, Page } from '@playwright/test'
import { prisma } from '~/infra/db.server.ts'
import { expect, test } from './fixtures.ts'
import { visitEveryPageKind } from './page-kinds.ts'

// Every kind of page, in both languages, hydrates without a warning or an error in the console:
// a mismatch between the server's HTML and the browser's first render throws the page's DOM away
// and re-renders it, and a shopper's clicks in between can be lost (the /checkout report of
// issue 12).

test.afterAll(async () => {
  await prisma.$disconnect()
})

/** Console errors and warnings, and uncaught exceptions, while the page loads and hydrates. */
function watchConsole(page: Page) {
  const problems: string[] = []
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`)
  }
  page.on('console', onConsole)
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  return problems
}

/** Remix's router exists once the entry script ran; React reports a mismatch as it commits. */
async function hydrated(page: Page) {
  await page.waitForFunction(() => '__remixRouter' in window)
  // The route modules have loaded once the network is quiet; a signed-in page's notification
  // stream (Server-Sent Events) never is, so quiet or two seconds, whichever comes first.
  await Promise.race([
    page.waitForLoadState('networkidle'),
    new Promise((resolve) => setTimeout(resolve, 2_000)),
  ])
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))),
  )
}

async function expectCleanHydration(page: Page, path: string, problems: string[]) {
  problems.length = 0
  const response = await page.goto(path)
  expect(response?.status(), path).toBeLessThan(400)
  await hydrated(page)
  expect(problems, `console on ${path}`).toEqual([])
}

test('every page kind hydrates without a console warning or error, in English and in Persian', async ({
  page,
}) => {
  // One test visits every page kind (about 40, in two languages): minutes on two busy cores.
  test.setTimeout(480_000)
  const problems = watchConsole(page)
  await visitEveryPageKind(page, (path) =>
    path.includes('nowhere')
      ? expectNotFoundHydrates(page, path, problems)
      : expectCleanHydration(page, path, problems),
  )
})

async function expectNotFoundHydrates(page: Page, path: string, problems: string[]) {
  problems.length = 0
  const response = await page.goto(path)
  expect(response?.status()).toBe(404)
  await hydrated(page)
  // The browser itself reports the 404 document; nothing else may.
  expect(
    problems.filter((problem) => !problem.includes('404')),
    `console on ${path}`,
  ).toEqual([])
}
