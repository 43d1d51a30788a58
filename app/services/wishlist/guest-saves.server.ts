import { createCookie } from '@remix-run/node'
import { z } from 'zod'
import { getEnv } from '~/infra/env.server.ts'
import { singleton } from '~/infra/singleton.server.ts'
import { MAX_GUEST_SAVES } from './schemas.ts'

// A guest's saves live in a signed cookie, not in the database: nothing to prune, nothing to
// find by a token. Each entry is what a row would hold (product, variant, price when saved,
// when). At sign-in they become the account's rows (mergeGuestSaves) and the cookie is cleared.

const GUEST_SAVES_DAYS = 90

export const guestSavesCookie = singleton('wishlist-cookie', () => {
  const env = getEnv()
  return createCookie(env.https ? '__Host-shikposh_saved' : 'shikposh_saved', {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.https,
    path: '/',
    secrets: env.sessionSecrets,
    maxAge: GUEST_SAVES_DAYS * 24 * 60 * 60,
  })
})

const GuestSaveSchema = z.object({
  /** Product id. */
  p: z.string().min(1).max(64),
  /** Variant id, or null for the product as a whole. */
  v: z.string().min(1).max(64).nullable(),
  /** Price when saved (minor units). */
  s: z.number().int().nullable(),
  /** When saved (epoch ms). */
  t: z.number().int(),
})
export type GuestSave = z.infer<typeof GuestSaveSchema>

/** The guest's saves, newest first; an absent, tampered or malformed cookie is an empty list. */
export async function readGuestSaves(request: Request): Promise<GuestSave[]> {
  const value: unknown = await guestSavesCookie.parse(request.headers.get('Cookie'))
  const parsed = z.array(GuestSaveSchema).safeParse(value)
  return parsed.success ? parsed.data.slice(0, MAX_GUEST_SAVES) : []
}

export async function writeGuestSaves(saves: GuestSave[]): Promise<string> {
  if (!saves.length) return guestSavesCookie.serialize('', { maxAge: 0 })
  return guestSavesCookie.serialize(saves.slice(0, MAX_GUEST_SAVES))
}

export const guestTarget = (save: Pick<GuestSave, 'p' | 'v'>) => save.v ?? save.p
