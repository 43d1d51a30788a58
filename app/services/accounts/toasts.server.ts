import { createCookie, redirect } from '@remix-run/node'
import { z } from 'zod'
import { getEnv } from '~/infra/env.server.ts'
import { singleton } from '~/infra/singleton.server.ts'

// One-shot messages ("Password changed") carried across a redirect in a short-lived cookie.

const ToastSchema = z.object({
  id: z.string().default(() => crypto.randomUUID()),
  kind: z.enum(['success', 'error', 'info']).default('success'),
  message: z.string().max(300),
})
export type Toast = z.infer<typeof ToastSchema>

const toastCookie = singleton('toast-cookie', () =>
  createCookie('shikposh_toast', {
    httpOnly: true,
    sameSite: 'lax',
    secure: getEnv().https,
    path: '/',
    secrets: getEnv().sessionSecrets,
    maxAge: 60,
  }),
)

export async function redirectWithToast(
  url: string,
  toast: z.input<typeof ToastSchema>,
  init: ResponseInit = {},
) {
  const headers = new Headers(init.headers)
  headers.append('Set-Cookie', await toastCookie.serialize(ToastSchema.parse(toast)))
  return redirect(url, { ...init, headers })
}

/** The pending toast, if any, and the header that clears it once shown. */
export async function readToast(
  request: Request,
): Promise<{ toast: Toast | null; clear: string | null }> {
  const parsed = ToastSchema.safeParse(await toastCookie.parse(request.headers.get('Cookie')))
  if (!parsed.success) return { toast: null, clear: null }
  return { toast: parsed.data, clear: await toastCookie.serialize('', { maxAge: 0 }) }
}
