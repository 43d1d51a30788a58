import { createRequire } from 'node:module'
import path from 'node:path'
import express, { type NextFunction, type Request, type Response } from 'express'

// Swagger UI's own files, served by the app from the swagger-ui-dist package (no CDN), so the
// interactive docs at /api/docs run under the store's CSP.

export const API_DOCS_ASSETS = '/api/docs/assets'
const FILES = new Set(['/swagger-ui.css', '/swagger-ui-bundle.js'])

export function apiDocsAssets() {
  const dir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))
  const serve = express.static(dir, { index: false, maxAge: '1d', fallthrough: false })
  return (req: Request, res: Response, next: NextFunction) => {
    if (!FILES.has(req.path)) return res.status(404).type('text/plain').send('Not found.')
    serve(req, res, next)
  }
}
