import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { BackArrowIcon } from '~/components/direction-arrow.tsx'
import { useHydrated } from '~/utils/use-hydrated.ts'

// The frame of a printable document (invoice, packing slip): a bar with the way back and a
// print button on screen only, and a white sheet that prints edge to edge without the site's
// header, footer or the dashboard's navigation (those carry `print:hidden`).

export function DocumentSheet({
  back,
  children,
  label,
}: {
  back: { to: string; label: string }
  /** The document's name, for the sheet's landmark. */
  label: string
  children: ReactNode
}) {
  const { t } = useTranslation('orders')
  const hydrated = useHydrated()
  return (
    <div className="mx-auto max-w-3xl space-y-4 print:max-w-none print:space-y-0">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link to={back.to} className="inline-flex items-center gap-1 text-sm link">
          <BackArrowIcon />
          {back.label}
        </Link>
        {/* Without JavaScript the browser's own Print command does the same; the hint says so. */}
        {hydrated ? (
          <button type="button" className="btn-primary" onClick={() => window.print()}>
            {t('document.print')}
          </button>
        ) : (
          <p className="text-sm text-stone-600">{t('document.printHint')}</p>
        )}
      </div>
      <article
        aria-label={label}
        className="rounded-lg border border-stone-200 bg-white p-5 text-sm sm:p-8 print:rounded-none print:border-0 print:p-0 print:text-[11pt] print:text-black"
      >
        {children}
      </article>
    </div>
  )
}

/** A labelled block of the document's head (billed to, sold by …). */
export function DocumentParty({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="break-inside-avoid">
      <h2 className="text-xs font-semibold tracking-wide text-stone-500 uppercase print:text-stone-700">
        {title}
      </h2>
      <div className="mt-1">{children}</div>
    </section>
  )
}
