import { build } from 'esbuild'
import { expect, test } from 'vitest'

// `npm run worker` (and build/cli/worker.js) runs the background jobs only: search indexing,
// media cleanup, mail, refunds. Its bundle must not pull in routes, components or React, which
// a task could drag in through a careless import (say, a type's module that is a route).

test('the worker bundle holds no route, component or React module', async () => {
  const result = await build({
    entryPoints: ['app/cli/worker.ts'],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    tsconfig: 'tsconfig.json',
    define: { __SHIKPOSH_BUILT__: 'true' },
    logLevel: 'silent',
  })
  const inputs = Object.keys(result.metafile.inputs)
  expect(inputs).toContain('app/services/search/indexer.server.ts')
  expect(
    inputs.filter((path) => /^app\/(routes|components)\//.test(path) || path === 'app/root.tsx'),
  ).toEqual([])
  const packages = Object.values(result.metafile.outputs).flatMap((output) =>
    output.imports.filter((entry) => entry.external).map((entry) => entry.path),
  )
  expect(
    packages.filter((name) => /^(react|react-dom|@remix-run\/react)(\/|$)/.test(name)),
  ).toEqual([])
})
