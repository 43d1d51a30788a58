import type { TestProject } from 'vitest/node'
import { createTemplateDatabase, dropLeftoverDatabases } from './databases.ts'
import { startTestMeilisearch } from './meilisearch.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    meiliHost: string
    meiliKey: string
  }
}

// Once per `vitest run`: a clean template database built from the migrations, and one
// Meilisearch that every test file shares (each under its own index prefix).
export default async function setup(project: TestProject) {
  await dropLeftoverDatabases()
  const [meilisearch] = await Promise.all([startTestMeilisearch(), createTemplateDatabase()])
  project.provide('meiliHost', meilisearch.host)
  project.provide('meiliKey', meilisearch.masterKey)
  return async () => {
    await meilisearch.dispose()
  }
}
