import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { adminTitle } from '~/http/admin.server.ts'
import { getLocale, getT } from '~/i18n/i18n.server.ts'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import { requireRole } from '~/services/accounts/auth.server.ts'
import { localName } from '~/services/catalog/localized.ts'
import { CONTENT_PAGE_SLUGS } from '~/services/pages/slugs.ts'
import { listContentPagesForAdmin } from '~/services/pages/content-pages.server.ts'
import { listSizeGuidesForAdmin } from '~/services/pages/size-guides.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'ADMIN')
  const locale = getLocale(request)
  const [rows, scales] = await Promise.all([listContentPagesForAdmin(), listSizeGuidesForAdmin()])
  const bySlug = new Map(rows.map((row) => [row.slug, row]))
  return {
    // Every page the footer links to, saved or not yet (an unseeded store).
    pages: CONTENT_PAGE_SLUGS.map((slug) => {
      const row = bySlug.get(slug)
      return {
        slug,
        title: row ? (locale === 'fa' ? row.titleFa : row.title) : null,
        updatedAt: row?.updatedAt ?? null,
      }
    }),
    scales: scales.map((scale) => ({
      code: scale.code,
      name: localName(locale, scale),
      measures: scale.measures,
    })),
    title: adminTitle(request, getT(request, 'admin')('pages.heading')),
  }
}

export default function AdminPages() {
  const { pages, scales } = useLoaderData<typeof loader>()
  const { t } = useTranslation('admin')
  const { t: tCommon } = useTranslation()
  const { t: tPages } = useTranslation('pages')
  const f = useFormat()
  const lp = useLocalePath()
  return (
    <div className="space-y-12">
      <section aria-labelledby="pages-heading">
        <h1 id="pages-heading" className="text-2xl font-bold tracking-tight">
          {t('pages.heading')}
        </h1>
        <p className="mt-1 text-sm text-stone-600">{t('pages.intro')}</p>
        <ul className="mt-6 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {pages.map((page) => {
            const title = page.title ?? tCommon(`footer.pages.${page.slug}`)
            return (
              <li
                key={page.slug}
                className="flex flex-wrap items-center justify-between gap-3 px-4 py-3"
                data-testid="admin-page-row"
              >
                <div className="min-w-0">
                  <p className="font-medium">{title}</p>
                  <p className="text-sm text-stone-500">
                    <bdi dir="ltr">{`/pages/${page.slug}`}</bdi>
                    {page.updatedAt ? (
                      <>
                        {t('common.separator')}
                        {t('pages.saved')} {f.dateTime(page.updatedAt)}
                      </>
                    ) : null}
                  </p>
                </div>
                <div className="flex gap-2">
                  <Link
                    to={lp(`/pages/${page.slug}`)}
                    className="btn-secondary"
                    aria-label={t('pages.viewLabel', { title })}
                  >
                    {t('pages.view')}
                  </Link>
                  <Link
                    to={lp(`/admin/pages/${page.slug}`)}
                    className="btn-primary"
                    aria-label={t('pages.editLabel', { title })}
                  >
                    {t('pages.edit')}
                  </Link>
                </div>
              </li>
            )
          })}
        </ul>
      </section>
      <section aria-labelledby="guides-heading">
        <h2 id="guides-heading" className="text-xl font-bold tracking-tight">
          {t('pages.sizeGuides')}
        </h2>
        <p className="mt-1 text-sm text-stone-600">{t('pages.sizeGuidesIntro')}</p>
        <ul className="mt-6 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {scales.map((scale) => (
            <li
              key={scale.code}
              className="flex flex-wrap items-center justify-between gap-3 px-4 py-3"
            >
              <div className="min-w-0">
                <p className="font-medium">{scale.name}</p>
                <p className="text-sm text-stone-500">
                  {scale.measures.length
                    ? scale.measures
                        .map((measure) => tPages(`sizeGuide.measures.${measure}`))
                        .join(t('audit.listSeparator'))
                    : t('pages.noGuide')}
                </p>
              </div>
              <Link
                to={lp(`/admin/size-guides/${scale.code}`)}
                className="btn-secondary"
                aria-label={t('pages.guideHeading', { scale: scale.name })}
              >
                {t('pages.edit')}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
