import { Form, Link, NavLink, useLocation } from '@remix-run/react'
import { HeaderIconLink } from './header-icon-link.tsx'
import { useTranslation } from 'react-i18next'
import { splitLocale } from '~/i18n/locales.ts'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import type { CategoryLink } from '~/services/catalog/taxonomy.server.ts'
import type { ImageView } from '~/services/media/views.ts'
import { CategoryNav } from './catalog/category-nav.tsx'
import { UserAvatar } from './media/user-avatar.tsx'
import { NotificationBell } from './notifications/bell.tsx'
import { LanguageSwitch } from './language-switch.tsx'
import { SearchBox } from './search-box.tsx'

type HeaderUser = { name: string; email: string; roles: string[]; avatar?: ImageView | null } | null

export function SiteHeader({
  user,
  cartCount,
  categories = [],
  notifications = null,
}: {
  user: HeaderUser
  cartCount: number | null
  categories?: CategoryLink[]
  /** The signed-in person's unread count and newest notification id (the live stream's start). */
  notifications?: { unread: number; latestId: string } | null
}) {
  const { t } = useTranslation()
  const lp = useLocalePath()
  return (
    <header className="relative z-20 border-b border-stone-200 bg-white print:hidden">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t('header.skip')}
      </a>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3 sm:px-6 lg:px-8">
        <Link
          to={lp('/')}
          className="flex items-center gap-2 text-xl font-bold tracking-tight text-brand-700"
        >
          <img src="/favicon.svg" alt="" width={28} height={28} />
          {t('store.name')}
        </Link>
        <SearchBox />
        <nav aria-label={t('header.account')} className="ms-auto flex items-center gap-3 text-sm">
          {/* Only for people who might start selling: not sellers, not the platform's admins. */}
          {user?.roles.some((role) => role === 'SELLER' || role === 'ADMIN') ? null : (
            <Link
              to={lp('/sell')}
              className="hidden font-medium text-stone-700 hover:text-brand-700 md:inline"
            >
              {t('header.sell')}
            </Link>
          )}
          {user ? <AccountMenu user={user} /> : <SignInLinks />}
          <WishlistLink />
          {user && notifications ? <NotificationBell {...notifications} /> : null}
          <CartLink count={cartCount} />
          <LanguageSwitch className="text-sm text-stone-700" />
        </nav>
      </div>
      {categories.length ? <CategoryNav categories={categories} /> : null}
    </header>
  )
}

function SignInLinks() {
  const { t } = useTranslation()
  const lp = useLocalePath()
  const location = useLocation()
  const here = `${location.pathname}${location.search}`
  const { rest } = splitLocale(location.pathname)
  const redirectTo =
    rest === '/' || rest.startsWith('/login') || rest.startsWith('/register')
      ? ''
      : `?redirectTo=${encodeURIComponent(here)}`
  return (
    <>
      <NavLink to={lp(`/login${redirectTo}`)} className="link whitespace-nowrap">
        {t('header.signIn')}
      </NavLink>
      <Link
        to={lp(`/register${redirectTo}`)}
        className="btn-primary px-3 whitespace-nowrap sm:px-4"
      >
        {t('header.register')}
      </Link>
    </>
  )
}

function AccountMenu({ user }: { user: NonNullable<HeaderUser> }) {
  const { t } = useTranslation()
  const lp = useLocalePath()
  return (
    // <details> keeps the menu usable before JavaScript loads and with the keyboard.
    <details className="group relative">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1 hover:bg-stone-100">
        <UserAvatar name={user.name} avatar={user.avatar} size={32} />
        <span className="hidden max-w-40 truncate font-medium sm:inline">{user.name}</span>
        <svg
          aria-hidden
          width="12"
          height="12"
          viewBox="0 0 12 12"
          className="text-stone-500 group-open:rotate-180"
        >
          <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.8" />
        </svg>
      </summary>
      <div className="absolute end-0 z-20 mt-2 w-56 rounded-md border border-stone-200 bg-white py-1 shadow-lg">
        <p className="truncate px-4 py-2 text-xs text-stone-500">
          <bdi>{user.email}</bdi>
        </p>
        <MenuLink to={lp('/account')}>{t('header.yourAccount')}</MenuLink>
        <MenuLink to={lp('/orders')}>{t('header.yourOrders')}</MenuLink>
        {user.roles.includes('SELLER') ? (
          <MenuLink to={lp('/sell')}>{t('header.yourShop')}</MenuLink>
        ) : null}
        {user.roles.includes('SELLER') ? (
          <MenuLink to={lp('/sell/orders')}>{t('header.ordersToShip')}</MenuLink>
        ) : null}
        {user.roles.includes('ADMIN') ? (
          <MenuLink to={lp('/admin')}>{t('header.admin')}</MenuLink>
        ) : null}
        <Form method="post" action="/logout" className="border-t border-stone-100">
          <button type="submit" className="block w-full px-4 py-2 text-start hover:bg-stone-100">
            {t('header.signOut')}
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

/** The wishlist, a heart beside the cart. */
function WishlistLink() {
  const { t } = useTranslation()
  const lp = useLocalePath()
  return (
    <HeaderIconLink to={lp('/wishlist')} label={t('header.wishlist')} testId="wishlist-link">
      <path d="M12 20.5s-7.5-4.6-9.3-9.2C1.5 8 3.6 4.5 7.2 4.5c2 0 3.4 1.1 4.8 2.9 1.4-1.8 2.8-2.9 4.8-2.9 3.6 0 5.7 3.5 4.5 6.8-1.8 4.6-9.3 9.2-9.3 9.2z" />
    </HeaderIconLink>
  )
}

/** The cart with its item count; null (the error page) shows the link without a count. */
function CartLink({ count }: { count: number | null }) {
  const { t } = useTranslation()
  const lp = useLocalePath()
  const { number } = useFormat()
  const label =
    count === null ? t('header.cart') : t('header.cartWithCount', { count, n: number(count) })
  return (
    <HeaderIconLink
      to={lp('/cart')}
      label={label}
      count={count}
      many={t('header.cartMany', { n: number(99) })}
      testId="cart-link"
    >
      <path d="M6 7h12l-1 13H7L6 7Z" />
      <path d="M9 7V5a3 3 0 0 1 6 0v2" />
    </HeaderIconLink>
  )
}
