import { Form, useLocation } from '@remix-run/react'
import { directionOf, type Locale } from '~/i18n/locales.ts'

export type LocaleSuggestionText = { locale: Locale; text: string; switch: string; dismiss: string }

/**
 * "This page is also in English": told in the suggested language (the visitor's browser prefers
 * it), with a button to switch (POST /locale) and one to dismiss (POST /locale/dismiss). Both are
 * forms, so they work without JavaScript and keep the page and its query.
 */
export function LocaleSuggestion({ suggestion }: { suggestion: LocaleSuggestionText }) {
  const location = useLocation()
  const here = `${location.pathname}${location.search}`
  return (
    <aside
      lang={suggestion.locale}
      dir={directionOf(suggestion.locale)}
      aria-label={suggestion.text}
      data-testid="locale-suggestion"
      className="border-b border-brand-200 bg-brand-50 text-sm text-brand-900 print:hidden"
    >
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 sm:px-6 lg:px-8">
        <p className="font-medium">{suggestion.text}</p>
        <form method="post" action="/locale">
          <input type="hidden" name="redirectTo" value={here} />
          <button type="submit" name="locale" value={suggestion.locale} className="link">
            {suggestion.switch}
          </button>
        </form>
        <Form method="post" action="/locale/dismiss" preventScrollReset className="ms-auto">
          <input type="hidden" name="redirectTo" value={here} />
          <button type="submit" className="text-brand-900 underline-offset-2 hover:underline">
            {suggestion.dismiss}
          </button>
        </Form>
      </div>
    </aside>
  )
}
