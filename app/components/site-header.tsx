import { Form, Link, NavLink, useLocation } from '@remix-run/react'
import { GeneratedAvatar } from './avatar.tsx'
import { SearchBox } from './search-box.tsx'

type HeaderUser = { name: string; email: string; roles: string[] } | null

export function SiteHeader({ user }: { user: HeaderUser }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3 sm:px-6 lg:px-8">
        <Link to="/" className="flex items-center gap-2 text-xl font-bold tracking-tight text-brand-700">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          Shikposh
        </Link>
        <SearchBox />
        <nav aria-label="Account" className="ml-auto flex items-center gap-3 text-sm">
          {user ? <AccountMenu user={user} /> : <SignInLinks />}
        </nav>
      </div>
    </header>
  )
}

function SignInLinks() {
  const location = useLocation()
  const here = `${location.pathname}${location.search}`
  const redirectTo = here === '/' || here.startsWith('/login') || here.startsWith('/register') ? '' : `?redirectTo=${encodeURIComponent(here)}`
  return (
    <>
      <NavLink to={`/login${redirectTo}`} className="link">
        Sign in
      </NavLink>
      <Link to={`/register${redirectTo}`} className="btn-primary">
        Create account
      </Link>
    </>
  )
}

function AccountMenu({ user }: { user: NonNullable<HeaderUser> }) {
  return (
    // <details> keeps the menu usable before JavaScript loads and with the keyboard.
    <details className="group relative">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1 hover:bg-stone-100">
        <GeneratedAvatar name={user.name} size={32} />
        <span className="hidden max-w-40 truncate font-medium sm:inline">{user.name}</span>
        <span aria-hidden className="text-stone-500 group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-56 rounded-md border border-stone-200 bg-white py-1 shadow-lg">
        <p className="truncate px-4 py-2 text-xs text-stone-500">{user.email}</p>
        <MenuLink to="/account">Your account</MenuLink>
        {user.roles.includes('ADMIN') ? <MenuLink to="/admin">Admin</MenuLink> : null}
        <Form method="post" action="/logout" className="border-t border-stone-100">
          <button type="submit" className="block w-full px-4 py-2 text-left hover:bg-stone-100">
            Sign out
          </button>
        </Form>
      </div>
    </details>
  )
}

function MenuLink({ to, children }: { to: string; children: string }) {
  return (
    <Link to={to} className="block px-4 py-2 hover:bg-stone-100">
      {children}
    </Link>
  )
}
