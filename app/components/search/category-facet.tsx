import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DirectionArrow } from '~/components/direction-arrow.tsx'
import type { CategoryFacet as CategoryFacetData } from '~/services/search/facets.server.ts'
import {
  searchHref,
  updateState,
  type SearchState,
  type PriceUnit,
} from '~/services/search/state.ts'
import { Count } from './filter-form.tsx'

export function CategoryFacet({
  facet,
  state,
  priceUnit,
  action,
}: {
  facet: CategoryFacetData
  state: SearchState
  priceUnit: PriceUnit
  action: string
}) {
  const { t } = useTranslation('search')
  const href = (category: string | null) =>
    searchHref(updateState(state, { category }), priceUnit, action)
  const current = facet.trail.at(-1)
  const link = 'flex items-center rounded px-1 py-1 text-sm hover:bg-stone-100'
  return (
    <nav aria-label={t('category.nav')}>
      <ul className="space-y-0.5">
        {facet.trail.length ? (
          <li>
            <Link to={href(null)} className={`${link} text-stone-600`} preventScrollReset>
              <span className="me-1">
                <DirectionArrow to="back" />
              </span>
              {facet.root ? t('category.allOf', { name: facet.root.name }) : t('category.all')}
            </Link>
          </li>
        ) : null}
        {facet.trail.map((node, depth) => (
          <li key={node.slug} style={{ paddingInlineStart: `${depth * 0.75}rem` }}>
            {node === current ? (
              <span className={`${link} font-semibold text-stone-900`} aria-current="true">
                {node.name}
                <Count count={node.count} />
              </span>
            ) : (
              <Link to={href(node.slug)} className={`${link} text-stone-700`} preventScrollReset>
                {node.name}
                <Count count={node.count} />
              </Link>
            )}
          </li>
        ))}
        {facet.options.map((option) => (
          <li key={option.slug} style={{ paddingInlineStart: `${facet.trail.length * 0.75}rem` }}>
            {option.count > 0 ? (
              <Link to={href(option.slug)} className={`${link} text-stone-700`} preventScrollReset>
                {option.name}
                <Count count={option.count} />
              </Link>
            ) : (
              <span className={`${link} cursor-not-allowed text-stone-400`} aria-disabled="true">
                {option.name}
                <Count count={0} />
              </span>
            )}
          </li>
        ))}
      </ul>
      {!facet.options.length && !facet.trail.length ? (
        <p className="text-sm text-stone-500">{t('category.none')}</p>
      ) : null}
    </nav>
  )
}
