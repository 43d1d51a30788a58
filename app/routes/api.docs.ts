import type { LoaderFunctionArgs } from '@remix-run/node'
import { getEnv } from '~/infra/env.server.ts'
import { escapeHtml } from '~/utils/html.ts'

// The interactive API docs: Swagger UI (served by the app, see app/server/api-docs.ts) reading
// /api/v1/openapi.json. Its scripts carry the response's CSP nonce like every script of the store.
export function loader({ context }: LoaderFunctionArgs) {
  const nonce = escapeHtml(context.cspNonce)
  const title = escapeHtml(`${getEnv().STORE_NAME} API`)
  const html = `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<main id="docs"></main>
<script nonce="${nonce}" src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script nonce="${nonce}">
window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#docs', deepLinking: true, tryItOutEnabled: false })
</script>
</body>
</html>`
  return new Response(html, {
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' },
  })
}
