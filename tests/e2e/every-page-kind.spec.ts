import AxeBuilder from '@axe-core/playwright'
import type { ConsoleMessage, Page } from '@playwright/test'
import { prisma } from '~/infra/db.server.ts'
import { expect, test } from './fixtures.ts'
import { PAGE_ROLES, visitEveryPageKind } from './page-kinds.ts'

// Every kind of page, in English (and a shopper's in Persian too), loaded once and checked three ways:
// - it hydrates without a warning or an error in the console: a mismatch between the server's
//   HTML and the browser's first render throws the page's DOM away and re-renders it, and a
//   shopper's clicks in between can be lost (the /checkout report of issue 12);
// - no serious or critical WCAG 2.2 AA violation that axe can find (in English);
// - nothing wider than a phone's screen (a page that scrolls sideways at 390 px, or a
//   right-to-left page that overflows to the left, is broken for the shopper holding it).
// One test per role, spread over the workers.

test.describe.configure({ mode: 'parallel' })

test.afterAll(async () => {
  await prisma.$disconnect()
})

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 900 }

// Each role's pages in two halves, so no test runs long and the workers share the load evenly.
const PARTS = 2

for (const role of PAGE_ROLES) {
  for (let part = 1; part <= PARTS; part++)
    test(`${role} (${part} of ${PARTS}): every page kind hydrates cleanly, has no serious accessibility violation and fits a phone (a shopper's in both languages)`, async ({
      page,
    }) => {
      // Each page kind in two languages, on two shared cores.
      test.setTimeout(360_000)
      const problems = watchConsole(page)
      await visitEveryPageKind(page, role, { part, of: PARTS }, async (path) => {
        await page.setViewportSize(DESKTOP)
        problems.length = 0
        const response = await page.goto(path)
        const notFound = path.includes('nowhere')
        if (notFound) expect(response?.status(), path).toBe(404)
        else expect(response?.status(), path).toBeLessThan(400)
        await page.waitForSelector('html[data-hydrated]', { state: 'attached' })
        // The browser itself reports a 404 document; nothing else may speak.
        const reported = notFound ? problems.filter((text) => !text.includes('404')) : problems
        expect.soft(reported, `console on ${path}`).toEqual([])

        // axe once per page kind: colours, names and roles are the same in both languages (the
        // Persian pages' own axe checks are in search.spec and product-page-fa.spec).
        if (!path.startsWith('/fa'))
          expect.soft(await seriousViolations(page), `axe on ${path}`).toEqual([])

        await page.setViewportSize(PHONE)
        const overflow = await sidewaysOverflow(page)
        expect.soft(overflow.wider, `wider than a phone on ${path}`).toEqual([])
        expect
          .soft(overflow.scrollWidth, `scroll width on ${path}`)
          .toBeLessThanOrEqual(overflow.width)
      })
    })
}

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

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    // axe in the page itself: the default opens a second page to gather each frame's results,
    // which nearly doubles the 1-3 s a page takes here; the store's pages have no frame of another
    // origin for it to gather.
    .setLegacyMode(true)
    .analyze()
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
          .slice(0, 3)
          .map((node) => `${node.target.join(' ')} ${node.html.slice(0, 100)}`)
          .join(', ')}`,
    )
}

/** How far the page reaches past the viewport, either way (RTL pages overflow to the left). */
async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const scrollWidth = document.documentElement.scrollWidth
    // What reaches out, to say where to look; only when the page does scroll sideways.
    const wider =
      scrollWidth <= width
        ? []
        : [...document.body.querySelectorAll<HTMLElement>('*')]
            .filter((element) => {
              // The first element to poke out, whose parent still fits: where to look.
              const pokesOut = (node: Element) => {
                const box = node.getBoundingClientRect()
                return box.width > 0 && (box.right > width + 1 || box.left < -1)
              }
              const parent = element.parentElement
              if (!pokesOut(element) || (parent && pokesOut(parent))) return false
              // Inside a scroller of its own (a wide table), reaching past it is intended.
              for (let up = parent; up; up = up.parentElement) {
                const overflowX = getComputedStyle(up).overflowX
                if (overflowX === 'auto' || overflowX === 'scroll') return false
              }
              return true
            })
            .slice(0, 3)
            .map((element) => `${element.tagName.toLowerCase()}.${element.className}`.slice(0, 80))
    return { scrollWidth, width, wider }
  })
}
