import {
  data,
  redirect,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  type ShouldRevalidateFunction,
} from '@remix-run/react'
import { useEffect, type ReactNode } from 'react'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { LocaleSuggestion } from '~/components/locale-suggestion.tsx'
import { PageAlternates } from '~/components/page-alternates.tsx'
import { SiteFooter } from '~/components/site-footer.tsx'
import { SiteHeader } from '~/components/site-header.tsx'
import { SocialMeta } from '~/components/social-meta.tsx'
import { ToastMessage } from '~/components/toast.tsx'
import { getEnv } from '~/infra/env.server.ts'
import { getViewer } from '~/services/accounts/auth.server.ts'
import { getCategoryNav } from '~/services/catalog/taxonomy.server.ts'
import { localeRedirect } from '~/services/accounts/locale-choice.server.ts'
import { localeSuggestion } from '~/services/accounts/locale-suggestion.server.ts'
import { readToast } from '~/services/accounts/toasts.server.ts'
import { getHeaderFigures } from '~/services/header.server.ts'
import { useNonce } from '~/utils/nonce.tsx'
import { defaultLocale, getLocale, getT } from '~/i18n/i18n.server.ts'
import { directionOf, isLocale, type Locale } from '~/i18n/locales.ts'
import { PageNamespaces } from '~/i18n/page-namespaces.tsx'
import { usePageLocale, type PageLocale } from '~/i18n/use-locale.ts'
import { VAZIRMATN_URL } from './styles/vazirmatn-font.ts'
import stylesheet from './tailwind.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.meta.title },
  { name: 'description', content: data?.meta.description },
]

/**
 * A navigation that changes only the query (a filter, the sort, the next page) keeps the header's
 * data: the browser asks for the page's own loader alone, a round of queries fewer per filter
 * click. Submissions, and every other navigation, revalidate as usual.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  formMethod,
  defaultShouldRevalidate,
}) => {
  if (formMethod && formMethod.toUpperCase() !== 'GET') return defaultShouldRevalidate
  if (currentUrl.pathname === nextUrl.pathname && currentUrl.search !== nextUrl.search) return false
  return defaultShouldRevalidate
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  // `/xx/...` where xx is no locale of the store is a page that does not exist.
  if (params.locale !== undefined && !isLocale(params.locale))
    throw new Response(null, { status: 404 })
  const elsewhere = await localeRedirect(request, isLocale(params.locale) ? params.locale : null)
  if (elsewhere)
    throw redirect(elsewhere.location, {
      status: elsewhere.status,
      headers: elsewhere.status === 302 ? { 'Cache-Control': 'private, no-store' } : {},
    })
  const locale = getLocale(request)
  const [[user, { notifications, cartCount, saved }], { toast, clear }, categories, suggested] =
    await Promise.all([
      // The header's bell, cart count and saved hearts, in one query for a signed-in shopper.
      getViewer(request).then(
        async (viewer) => [viewer, await getHeaderFigures(request, viewer)] as const,
      ),
      readToast(request),
      getCategoryNav(locale),
      localeSuggestion(request, locale),
    ])
  const env = getEnv()
  const t = getT(request)
  const meta = { title: t('store.title'), description: t('store.description') }
  const suggestion = suggested ? suggestionText(suggested) : null
  const page: PageLocale = {
    locale,
    defaultLocale: defaultLocale(),
    store: {
      name: env.STORE_NAME,
      currency: env.STORE_CURRENCY,
      timeZone: env.STORE_TIMEZONE,
      priceDisplay: env.STORE_PRICE_DISPLAY,
    },
  }
  return data(
    {
      user,
      notifications,
      toast,
      cartCount,
      categories,
      meta,
      suggestion,
      saved,
      origin: env.appUrl,
      ...page,
    },
    clear ? { headers: { 'Set-Cookie': clear } } : undefined,
  )
}

/** The other-language suggestion, in the suggested language (its reader prefers it). */
function suggestionText(locale: Locale) {
  const t = getT(locale)
  return {
    locale,
    text: t('language.suggestion.text'),
    switch: t('language.suggestion.switch'),
    dismiss: t('language.suggestion.dismiss'),
  }
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  const { locale } = usePageLocale()
  return (
    <html lang={locale} dir={directionOf(locale)} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* Persian text waits for no one (font-display: swap), but the font is asked for first. */}
        {locale === 'fa' ? (
          <link
            rel="preload"
            href={VAZIRMATN_URL}
            as="font"
            type="font/woff2"
            crossOrigin="anonymous"
          />
        ) : null}
        <Meta />
        <Links />
        <PageAlternates />
        <SocialMeta />
      </head>
      <body className="flex min-h-full flex-col">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        <HydrationMark />
        {/* Last, so every component of the page has named its namespaces before it renders. */}
        <PageNamespaces />
      </body>
    </html>
  )
}

/**
 * Marks `<html data-hydrated>` once React has hydrated the whole document (its effects run after
 * every other part of the page committed): the browser tests wait for it before they click.
 */
function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = ''
  }, [])
  return null
}

export default function App() {
  const { user, notifications, toast, cartCount, categories, suggestion } =
    useLoaderData<typeof loader>()
  return (
    <>
      {suggestion ? <LocaleSuggestion suggestion={suggestion} /> : null}
      <SiteHeader
        user={user}
        cartCount={cartCount}
        categories={categories}
        notifications={notifications}
      />
      <main
        id="main"
        className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 sm:px-6 lg:px-8 print:max-w-none print:p-0"
      >
        <Outlet />
      </main>
      <SiteFooter />
      {/* A new key per toast restarts its timer and visibility. */}
      {toast ? <ToastMessage key={toast.id} toast={toast} /> : null}
    </>
  )
}

export function ErrorBoundary() {
  // The root loader may be what failed, so the header renders without a user here.
  return (
    <>
      <SiteHeader user={null} cartCount={null} />
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-16 sm:px-6 lg:px-8">
        <GeneralErrorBoundary />
      </main>
      <SiteFooter />
    </>
  )
}
