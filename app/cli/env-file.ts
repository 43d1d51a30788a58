// Imported first by every command-line task: reads the same .env file as the server
// (app/server/index.ts) before any module reads the configuration, so tasks reach the same
// database (e.g. a worktree's own EMBEDDED_PG_PORT). Variables already set win.
import { existsSync } from 'node:fs'

if (existsSync('.env')) process.loadEnvFile('.env')
