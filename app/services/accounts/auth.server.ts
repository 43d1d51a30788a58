import { redirect } from '@remix-run/node'
import { Authenticator } from 'remix-auth'
import { FormStrategy } from 'remix-auth-form'
import { prisma, type Role } from '~/infra/db.server.ts'
import { onceForRequest } from '~/infra/request-context.server.ts'
import { DomainError } from '~/utils/domain-error.ts'
import { safeRedirect } from '~/utils/http.ts'
import { verifyAgainstNothing, verifyPassword } from './passwords.server.ts'
import { EmailSchema, LoginSchema } from './schemas.ts'
import {
  beforeLoginAttempt,
  recordLoginFailure,
  recordLoginSuccess,
} from './login-limits.server.ts'
import { createSession, findSession } from './sessions.server.ts'

export type SessionUser = { id: string; email: string; name: string; roles: Role[] }

// ---------------------------------------------------------------- who is asking

const sessionByRequest = new WeakMap<Request, ReturnType<typeof findSession>>()

/** The request's live session, looked up once per request however many loaders ask. */
export function getSession(request: Request) {
  return onceForRequest(request, `session:${request.headers.get('Cookie') ?? ''}`, () => {
    let lookup = sessionByRequest.get(request)
    if (!lookup) {
      lookup = findSession(request)
      sessionByRequest.set(request, lookup)
    }
    return lookup
  })
}

/** An account opened this long ago or less is greeted as new ("Welcome"), not "Welcome back". */
export const NEW_ACCOUNT_MS = 24 * 60 * 60 * 1000

/** The signed-in user with their avatar (for the header), or null. */
export async function getViewer(request: Request) {
  const session = await getSession(request)
  if (!session) return null
  const { id, email, name, roles, createdAt } = session.user
  const newAccount = Date.now() - createdAt.getTime() < NEW_ACCOUNT_MS
  return { id, email, name, roles, newAccount, avatar: session.avatar }
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  const session = await getSession(request)
  if (!session) return null
  const { id, email, name, roles } = session.user
  return { id, email, name, roles }
}

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request)
  if (user) return user
  const url = new URL(request.url)
  const back = `${url.pathname}${url.search}`
  throw redirect(`/login?${new URLSearchParams({ redirectTo: back })}`)
}

export async function requireRole(request: Request, role: Role): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!user.roles.includes(role))
    throw new Response('You do not have access to this page.', { status: 403 })
  return user
}

export async function requireAnonymous(request: Request) {
  if (await getUser(request)) throw redirect('/account')
}

// ---------------------------------------------------------------- signing in

export class LoginError extends DomainError {
  override name = 'LoginError'
  constructor(code: 'login-failed' | 'account-blocked', message: string) {
    super('invalid', code, message)
  }
}

const INCORRECT = 'Email or password is incorrect'

/**
 * remix-auth's form strategy: turns the submitted form into a user or throws a LoginError.
 * Unknown emails and wrong passwords fail alike and take about the same time. A module constant,
 * not a process-wide singleton: it throws this module's LoginError, so it is re-created with the
 * module (a cached instance would throw a stale LoginError class after a dev reload).
 */
export const authenticator = new Authenticator<SessionUser>()
authenticator.use(
  new FormStrategy(async ({ form }) => {
    const parsed = LoginSchema.safeParse(Object.fromEntries(form))
    if (!parsed.success) throw new LoginError('login-failed', INCORRECT)
    const { email, password } = parsed.data
    const user = await prisma.user.findUnique({
      where: { email },
      select: {
        id: true,
        email: true,
        name: true,
        roles: true,
        status: true,
        password: { select: { hash: true } },
      },
    })
    const valid = user?.password
      ? await verifyPassword(password, user.password.hash)
      : await verifyAgainstNothing(password)
    if (!user || !valid) throw new LoginError('login-failed', INCORRECT)
    if (user.status === 'BLOCKED')
      throw new LoginError(
        'account-blocked',
        'This account has been blocked. Contact support if you think this is a mistake.',
      )
    return { id: user.id, email: user.email, name: user.name, roles: user.roles }
  }),
  'password',
)

/**
 * Signs in with the submitted form. Throws TooManyAttemptsError while this IP is over its
 * limits (for this account or overall), LoginError for bad credentials (counted); an account
 * failing from many IPs makes every attempt at it wait (login-limits.server.ts).
 */
export async function login(request: Request, clientIp: string): Promise<SessionUser> {
  const form = await request.clone().formData()
  const email = EmailSchema.safeParse(form.get('email')).data ?? ''
  await beforeLoginAttempt(email, clientIp)
  try {
    const user = await authenticator.authenticate('password', request)
    await recordLoginSuccess(email, clientIp)
    return user
  } catch (error) {
    if (error instanceof LoginError) await recordLoginFailure(email, clientIp)
    throw error
  }
}

// ---------------------------------------------------------------- shared

export function isUniqueViolation(error: unknown) {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002'
}

export function redirectTarget(value: unknown, fallback = '/') {
  return safeRedirect(typeof value === 'string' ? value : null, fallback)
}

// ---------------------------------------------------------------- sessions for a sign-in

/** Starts a fresh session for the user (a new id at every sign-in) and ends the one the browser had. */
export async function startSession(request: Request, userId: string, clientIp: string) {
  const previous = await getSession(request)
  if (previous) await prisma.session.deleteMany({ where: { id: previous.id } })
  return createSession(userId, { userAgent: request.headers.get('user-agent'), ip: clientIp })
}
