import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { JsonLd } from '~/components/catalog/json-ld.tsx'
import { getEnv } from '~/infra/env.server.ts'
import { useOptionalUser } from '~/utils/root-data.ts'
import { getHomeCollections } from '~/services/catalog/storefront.server.ts'
import { getLocale, getT, localeRedirectPath } from '~/i18n/i18n.server.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { organizationJsonLd, websiteJsonLd } from '~/utils/seo.ts'
import { tagPage } from '~/infra/page-cache/page-cache.server.ts'
import { PAGE_TAGS } from '~/services/catalog/page-tags.server.ts'
import { recentlyViewedFrom } from '~/services/catalog/recently-viewed.ts'
import { Collection } from './collection.tsx'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.meta.title },
  { name: 'description', content: data?.meta.description },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const [t, tShop] = [getT(request), getT(request, 'shop')]
  const locale = getLocale(request)
  const collections = await getHomeCollections({
    locale,
    // A visitor with this cookie has a page of their own (docs/decisions/026 and 027).
    recentIds: recentlyViewedFrom(request.headers.get('Cookie')),
  })
  tagPage(PAGE_TAGS.home)
  const env = getEnv()
  const store = { name: env.STORE_NAME, origin: env.appUrl }
  return {
    ...collections,
    // What search engines show for the store itself: who it is, and its search box.
    jsonLd: [
      organizationJsonLd(store),
      websiteJsonLd({
        ...store,
        locale,
        homePath: localeRedirectPath(request, '/'),
        searchPath: localeRedirectPath(request, '/search'),
      }),
    ],
    meta: { title: t('store.title'), description: tShop('home.metaDescription') },
  }
}

const TILE_COLORS = [
  '#f3d9df',
  '#dfe8dc',
  '#dbe4f0',
  '#f1e4cf',
  '#e6ddf0',
  '#f5dccd',
  '#d9ece9',
  '#ece6da',
]

export default function Home() {
  const { featured, newArrivals, onSale, recentlyViewed, categories, jsonLd } =
    useLoaderData<typeof loader>()
  const user = useOptionalUser()
  const { t } = useTranslation('shop')
  const lp = useLocalePath()
  return (
    <div className="space-y-14">
      <section className="overflow-hidden rounded-2xl bg-gradient-to-br from-brand-100 via-brand-50 to-white px-6 py-12 sm:px-12 sm:py-16">
        <p className="text-sm font-semibold tracking-widest text-brand-700 uppercase">
          {user
            ? user.newAccount
              ? t('home.welcome', { name: user.name })
              : t('home.welcomeBack', { name: user.name })
            : t('home.kicker')}
        </p>
        <h1 className="mt-3 max-w-2xl text-4xl font-bold tracking-tight sm:text-5xl">
          {t('home.heading')}
        </h1>
        <p className="mt-4 max-w-xl text-lg text-stone-600">{t('home.lead')}</p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link to={lp('/c/clothing')} className="btn-primary">
            {t('home.shopClothing')}
          </Link>
          <Link to={lp('/sell')} className="btn-secondary">
            {t('home.openShop')}
          </Link>
        </div>
      </section>

      {categories.length ? (
        <section aria-labelledby="categories-heading">
          <h2 id="categories-heading" className="text-2xl font-bold tracking-tight">
            {t('home.byCategory')}
          </h2>
          <ul className="mt-6 grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-6">
            {categories.map((category, index) => (
              <li key={category.slug}>
                <Link
                  to={lp(`/c/${category.slug}`)}
                  className="flex h-24 flex-col justify-end rounded-xl p-4 ring-1 ring-stone-200 transition hover:-translate-y-0.5 hover:shadow-md"
                  style={{ backgroundColor: TILE_COLORS[index % TILE_COLORS.length] }}
                >
                  {category.parent ? (
                    <span className="text-xs font-medium tracking-wide text-stone-600 uppercase">
                      {category.parent}
                    </span>
                  ) : null}
                  <span className="font-semibold text-ink">{category.name}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {/* Only the first row on the page fetches its photos at once; the rest load as they scroll in. */}
      <Collection
        id="featured"
        title={t('home.featured')}
        subtitle={t('home.featuredSubtitle')}
        products={featured}
        priorityCount={4}
      />
      <Collection
        id="new"
        title={t('home.newArrivals')}
        subtitle={t('home.newArrivalsSubtitle')}
        products={newArrivals}
        priorityCount={featured.length ? 0 : 4}
      />
      <Collection
        id="sale"
        title={t('home.onSale')}
        subtitle={t('home.onSaleSubtitle')}
        products={onSale}
        priorityCount={featured.length || newArrivals.length ? 0 : 4}
      />
      <Collection
        id="recently-viewed"
        title={t('home.recentlyViewed')}
        subtitle={t('home.recentlyViewedSubtitle')}
        products={recentlyViewed}
        priorityCount={0}
      />
      {jsonLd.map((block) => (
        <JsonLd key={block['@type']} data={block} />
      ))}
    </div>
  )
}
