import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { prisma } from '~/infra/db.server.ts'
import { expect, test } from './fixtures.ts'
import { visitEveryPageKind } from './page-kinds.ts'

// Every kind of page, in English and in Persian: no serious or critical WCAG 2.2 AA violation that
// axe can find, and nothing wider than a phone's screen (a page that scrolls sideways at 390 px,
// or a right-to-left page that overflows to the left, is broken for the shopper holding it).

test.afterAll(async () => {
  await prisma.$disconnect()
})

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 900 }

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
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

test('every page kind has no serious accessibility violation and fits a phone, in both languages', async ({
  page,
}) => {
  // One test runs axe and a phone-width check on every page kind in two languages.
  test.setTimeout(900_000)
  await visitEveryPageKind(page, async (path) => {
    await page.setViewportSize(DESKTOP)
    await page.goto(path)
    expect.soft(await seriousViolations(page), `axe on ${path}`).toEqual([])

    await page.setViewportSize(PHONE)
    await page.goto(path)
    const overflow = await sidewaysOverflow(page)
    expect.soft(overflow.wider, `wider than a phone on ${path}`).toEqual([])
    expect.soft(overflow.scrollWidth, `scroll width on ${path}`).toBeLessThanOrEqual(overflow.width)
  })
})
