import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BackLink } from '~/components/direction-arrow.tsx'
import { SizeTable } from './size-table.tsx'
import { getLocale, getT } from '~/i18n/i18n.server.ts'
import { useLocalePath } from '~/i18n/use-locale.ts'
import { getSizeGuide } from '~/services/pages/size-guides.server.ts'
import { invariantResponse, safeRedirect } from '~/utils/http.ts'
import { pageMeta } from '~/utils/seo.ts'
import { rootMeta } from '~/components/search/grid-meta.ts'

// A size scale's guide, linked from the size picker on product pages (a plain link, so it works
// without JavaScript); `from` is the product page to go back to.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const guide = await getSizeGuide(params.code ?? '', getLocale(request))
  invariantResponse(guide, 'No such size guide')
  const t = getT(request, 'pages')
  const from = new URL(request.url).searchParams.get('from')
  const back = from && from.startsWith('/p/') ? safeRedirect(from, '') || null : null
  return {
    guide,
    back,
    meta: {
      title: t('sizeGuide.metaTitle', { scale: guide.name, store: getT(request)('store.name') }),
      description: t('sizeGuide.description', { scale: guide.name }),
    },
    social: {
      title: t('sizeGuide.heading', { scale: guide.name }),
      description: t('sizeGuide.description', { scale: guide.name }),
    },
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageMeta(data.meta) : rootMeta(matches)

export default function SizeGuidePage() {
  const { guide, back } = useLoaderData<typeof loader>()
  const { t } = useTranslation('pages')
  const lp = useLocalePath()
  return (
    <div className="max-w-4xl">
      {back ? <BackLink to={lp(back)}>{t('sizeGuide.back')}</BackLink> : null}
      <h1 className="mt-2 text-3xl font-bold tracking-tight">
        {t('sizeGuide.heading', { scale: guide.name })}
      </h1>
      <p className="mt-3 max-w-2xl text-stone-700">{t('sizeGuide.intro')}</p>
      <div className="mt-8">
        <SizeTable
          caption={t('sizeGuide.caption', { scale: guide.name })}
          measures={guide.measures}
          sizes={guide.sizes}
        />
      </div>
      <section aria-labelledby="how-to-measure" className="mt-10">
        <h2 id="how-to-measure" className="text-xl font-semibold tracking-tight">
          {t('sizeGuide.howTo')}
        </h2>
        <dl className="mt-4 space-y-3">
          {guide.measures.map((measure) => (
            <div key={measure}>
              <dt className="font-medium text-ink">{t(`sizeGuide.measures.${measure}`)}</dt>
              <dd className="text-stone-700">{t(`sizeGuide.measureHelp.${measure}`)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  )
}
