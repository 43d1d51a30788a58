// Imported first by every command-line task: reads .env (as the server does) before any module
// reads the configuration, so a task reaches the same embedded services as `npm run dev`.
import { existsSync } from 'node:fs'

if (existsSync('.env')) process.loadEnvFile('.env')
