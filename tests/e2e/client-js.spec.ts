import { expect, test } from '@playwright/test'
import { allPageScripts } from '~/cli/bench/client-js.ts'

// Reads the build's client output (no browser, well under a second): what a first visit to each
// storefront page kind downloads (`npm run bench:js` prints the same figures).

// Today's figures (the product page's 160 KB in Persian at most) plus a little room, so a heavy
// library or a large namespace reaching a page shows here. Issue 14's goal is 90 KB gzipped on a
// product page; React, React DOM and Remix's runtime alone are about 91 KB.
const CEILING_GZIP = 165 * 1024

test('no storefront page but checkout ships a validation library, and none outgrows its ceiling', () => {
  for (const page of allPageScripts('build/client')) {
    const name = `${page.kind} (${page.locale})`
    if (page.kind !== 'checkout') expect(page.zod, `${name} loads zod`).toBe(false)
    if (page.kind !== 'checkout')
      expect(page.gzip, `${name} gzipped bytes`).toBeLessThan(CEILING_GZIP)
  }
})
