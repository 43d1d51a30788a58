import { createTemplateDatabase, dropLeftoverDatabases } from './databases.ts'

// Once per `vitest run`: a clean template database built from the migrations.
export default async function setup() {
  await dropLeftoverDatabases()
  await createTemplateDatabase()
}
