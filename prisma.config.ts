import { defineConfig } from 'prisma/config'

// Prisma 7 keeps the connection URL out of schema.prisma. `prisma generate` needs none;
// `prisma migrate deploy|status` (where Prisma's engine is available) reads DATABASE_URL.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
})
