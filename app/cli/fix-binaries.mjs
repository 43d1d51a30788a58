// Part of `npm install` (postinstall). The drift test's devDependency `prisma-wasm-engine`
// (prisma@6.19, see tests/support/prisma-diff.ts) declares a `prisma` command too, and npm may
// link node_modules/.bin/prisma to it; point it back at the project's Prisma 7.
import { existsSync, rmSync, symlinkSync } from 'node:fs'

if (existsSync('node_modules/prisma/build/index.js') && existsSync('node_modules/.bin')) {
  rmSync('node_modules/.bin/prisma', { force: true })
  symlinkSync('../prisma/build/index.js', 'node_modules/.bin/prisma')
}
