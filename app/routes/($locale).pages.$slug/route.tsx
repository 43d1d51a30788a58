import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { PageBody } from './page-body.tsx'
import { getLocale, getT } from '~/i18n/i18n.server.ts'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { CONTENT_PAGE_SLUGS } from '~/services/pages/slugs.ts'
import { getContentPage } from '~/services/pages/content-pages.server.ts'
import { summaryOf } from '~/services/pages/markdown.ts'
import { invariantResponse } from '~/utils/http.ts'
import { pageMeta } from '~/utils/seo.ts'
import { rootMeta } from '~/components/search/grid-meta.ts'
import { tagPage } from '~/infra/page-cache/page-cache.server.ts'
import { PAGE_TAGS } from '~/services/catalog/page-tags.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await getContentPage(params.slug ?? '', getLocale(request))
  invariantResponse(page, 'No such page')
  tagPage(PAGE_TAGS.contentPage(page.slug))
  const t = getT(request, 'pages')
  const description = summaryOf(page.body)
  return {
    page,
    meta: {
      title: t('page.metaTitle', { title: page.title, store: getT(request)('store.name') }),
      description,
    },
    social: { title: page.title, description, type: 'article' as const },
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageMeta(data.meta) : rootMeta(matches)

export default function ContentPage() {
  const { page } = useLoaderData<typeof loader>()
  const { t } = useTranslation('pages')
  const { t: tCommon } = useTranslation()
  const f = useFormat()
  const lp = useLocalePath()
  return (
    <div className="grid gap-10 lg:grid-cols-[1fr_16rem]">
      <article className="max-w-3xl">
        <h1 className="text-3xl font-bold tracking-tight">{page.title}</h1>
        <p className="mt-2 text-sm text-stone-500">
          {t('page.updated', { date: f.date(page.updatedAt) })}
        </p>
        <div className="mt-8">
          <PageBody body={page.body} />
        </div>
      </article>
      <nav aria-labelledby="store-pages-heading" className="text-sm">
        <h2 id="store-pages-heading" className="font-semibold text-stone-800">
          {t('page.others')}
        </h2>
        <ul className="mt-3 space-y-2">
          {CONTENT_PAGE_SLUGS.map((slug) => (
            <li key={slug}>
              <Link
                to={lp(`/pages/${slug}`)}
                aria-current={slug === page.slug ? 'page' : undefined}
                className="text-stone-600 hover:text-brand-700 hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-ink"
              >
                {tCommon(`footer.pages.${slug}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  )
}
