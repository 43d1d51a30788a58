import type { SubmissionResult } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { BackToProducts } from '~/components/catalog/product-form.tsx'
import { useFormat, useLocalePath } from '~/i18n/use-locale.ts'
import type { PromoFormOptions, PromoFormValues } from '~/services/promos/form.ts'
import { PromoForm, type PromoTargets } from './promo-form.tsx'

// The new and edit pages of a promo code, the seller's and the admin's alike: a link back to the
// list, the heading (with the uses so far when editing), and the form. The routes differ only in
// who acts (their loaders) and in what is passed here.

export type PromoFormPageData = {
  options: PromoFormOptions
  targets: PromoTargets
  defaults: PromoFormValues
  /** The saved code being edited; null on the new-code page. */
  code: { id: string; code: string; usedCount: number } | null
}

export function PromoFormPage({
  page,
  lastResult,
  listPath,
  newHeading,
}: {
  page: PromoFormPageData
  lastResult?: SubmissionResult<string[]> | null
  /** The code list this page returns to (`/sell/promos`, `/admin/promos`). */
  listPath: string
  /** The new-code page's heading (a shop code or a platform code); an edit page's names the code. */
  newHeading?: string
}) {
  const { t } = useTranslation('seller')
  const lp = useLocalePath()
  const f = useFormat()
  const { code } = page
  return (
    <div>
      <BackToProducts to={lp(listPath)} label={t('promos.title')} />
      {code ? (
        <>
          <h1 className="mt-2 text-2xl font-bold tracking-tight">
            {t('promos.editTitle', { code: code.code })}
          </h1>
          <p className="mt-1 mb-6 text-sm text-stone-600">
            {t('promos.usedSoFar', { count: code.usedCount, formatted: f.number(code.usedCount) })}
          </p>
        </>
      ) : (
        <h1 className="mt-2 mb-6 text-2xl font-bold tracking-tight">{newHeading}</h1>
      )}
      <PromoForm
        id="promo-form"
        defaults={page.defaults}
        lastResult={lastResult}
        options={page.options}
        targets={page.targets}
        submitLabel={t(code ? 'promos.save' : 'promos.create')}
      />
    </div>
  )
}
