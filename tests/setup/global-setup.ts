import type { TestProject } from 'vitest/node'
import { createTemplateDatabase, dropTestDatabases } from './databases.ts'
import { startTestMeilisearch } from './meilisearch.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    meiliHost: string
    meiliKey: string
  }
}

// Once per `vitest run`: a clean template database built from the migrations, and one
// Meilisearch that every test file shares (each under its own index prefix); at the end, the
// test files' databases go.
export default async function setup(project: TestProject) {
  await dropTestDatabases()
  const [meilisearch] = await Promise.all([startTestMeilisearch(), createTemplateDatabase()])
  project.provide('meiliHost', meilisearch.host)
  project.provide('meiliKey', meilisearch.masterKey)
  return async () => {
    // The files' databases, dropped together here rather than each by its own file
    // (see dropTestDatabases).
    await Promise.all([meilisearch.dispose(), dropTestDatabases()])
  }
}
