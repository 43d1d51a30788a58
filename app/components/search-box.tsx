import { Form, useLocation, useNavigate, useSearchParams } from '@remix-run/react'
import { useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { splitLocale } from '~/i18n/locales.ts'
import { useFormat, useLocale, useLocalePath } from '~/i18n/use-locale.ts'
import type { SuggestionsData } from '~/routes/search_.suggest.ts'
import { Highlighted } from './search/highlighted.tsx'
import { GLYPH } from './search/glyphs.ts'

// The header search box: a plain GET form to /search (which is all it is without JavaScript),
// enhanced into a combobox (WAI-ARIA 1.2 pattern) that offers categories and products while
// the shopper types, fetched from /search/suggest after a short pause. The suggestions are a
// plain fetch, not a router fetcher: a fetcher still loading (or about to) when Enter navigates
// made the router look for the resource route mid-navigation and show a 404 page instead.

const DEBOUNCE_MS = 150
const MIN_CHARS = 2

type Option = { id: string; href: string; kind: 'category' | 'product' | 'search' }

export function SearchBox() {
  const [searchParams] = useSearchParams()
  const location = useLocation()
  const navigate = useNavigate()
  const [suggestions, setSuggestions] = useState<SuggestionsData>()
  const request = useRef<AbortController>(undefined)
  const locale = useLocale()
  const lp = useLocalePath()
  const { t } = useTranslation('search')
  const f = useFormat()
  const searchPath = lp('/search')
  // The query stays in the box on /search (in either language), not on other pages.
  const onSearchPage = splitLocale(location.pathname).rest === '/search'
  const urlQuery = onSearchPage ? (searchParams.get('q') ?? '') : ''
  const [query, setQuery] = useState(urlQuery)
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const baseId = useId()
  const listboxId = `${baseId}-listbox`

  // Follow the URL (back button, a search from elsewhere) and close after any navigation.
  const [seenLocation, setSeenLocation] = useState(location.key)
  if (seenLocation !== location.key) {
    setSeenLocation(location.key)
    setQuery(urlQuery)
    setOpen(false)
    setActive(-1)
  }
  // A navigation (or leaving) drops any suggestion still pending.
  useEffect(() => stopSuggesting, [location.key])
  // Text typed before the page's script ran stays in the box without React hearing of it: take
  // it up once hydrated, so its suggestions come without another keystroke.
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    const typedEarly = input.current?.value ?? ''
    if (typedEarly === query) return
    onChange(typedEarly)
    if (document.activeElement !== input.current) setOpen(false)
    // Once, at hydration: later text always comes through onChange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  function stopSuggesting() {
    clearTimeout(timer.current)
    request.current?.abort()
  }

  async function suggest(q: string) {
    const controller = new AbortController()
    request.current = controller
    try {
      const response = await fetch(`/search/suggest?q=${encodeURIComponent(q)}&lang=${locale}`, {
        signal: controller.signal,
        headers: { Accept: 'application/json' },
      })
      const body = (await response.json()) as SuggestionsData
      if (!controller.signal.aborted) setSuggestions(body)
    } catch {
      // Aborted, offline or not JSON: no suggestions; the form still searches.
    }
  }

  const typed = query.trim()
  const data = suggestions && typed.length >= MIN_CHARS ? suggestions : undefined
  const categories = data?.categories ?? []
  const products = data?.products ?? []
  const options: Option[] = data
    ? [
        ...categories.map((category) => ({
          id: `${baseId}-c-${category.slug}`,
          href: `${searchPath}?category=${encodeURIComponent(category.slug)}`,
          kind: 'category' as const,
        })),
        ...products.map((product) => ({
          id: `${baseId}-p-${product.id}`,
          href: lp(`/p/${product.slug}`),
          kind: 'product' as const,
        })),
        {
          id: `${baseId}-all`,
          href: `${searchPath}?q=${encodeURIComponent(typed)}`,
          kind: 'search' as const,
        },
      ]
    : []
  const expanded = open && options.length > 0

  function onChange(value: string) {
    setQuery(value)
    setActive(-1)
    setOpen(true)
    stopSuggesting()
    const next = value.trim()
    if (next.length < MIN_CHARS) return
    timer.current = setTimeout(() => void suggest(next), DEBOUNCE_MS)
  }

  function go(option: Option) {
    setOpen(false)
    setActive(-1)
    navigate(option.href)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        if (!options.length) return
        event.preventDefault()
        setOpen(true)
        setActive((index) => (!expanded ? 0 : (index + 1) % options.length))
        break
      case 'ArrowUp':
        if (!options.length) return
        event.preventDefault()
        setOpen(true)
        setActive((index) => (!expanded || index <= 0 ? options.length - 1 : index - 1))
        break
      case 'Enter': {
        const option = expanded ? options[active] : undefined
        if (option) {
          event.preventDefault()
          go(option)
        } else {
          // The form searches: no suggestion may arrive after it.
          stopSuggesting()
          setOpen(false)
        }
        break
      }
      case 'Escape':
        if (expanded) {
          event.preventDefault()
          setOpen(false)
          setActive(-1)
        }
        break
      case 'Tab':
        setOpen(false)
        break
    }
  }

  const activeId = expanded ? options[active]?.id : undefined
  const optionClass = (id: string) =>
    `flex cursor-pointer items-center gap-3 px-3 py-2 text-sm ${id === activeId ? 'bg-brand-50 text-brand-900' : 'text-stone-800 hover:bg-stone-50'}`
  const optionProps = (option: Option) => ({
    id: option.id,
    role: 'option' as const,
    'aria-selected': option.id === activeId,
    className: optionClass(option.id),
    // Keep the focus in the input, so the keyboard and screen readers stay in the combobox.
    onMouseDown: (event: MouseEvent) => event.preventDefault(),
    onClick: () => go(option),
  })
  let index = 0
  const optionFor = () => options[index++]!

  return (
    <Form
      method="get"
      action={searchPath}
      role="search"
      className="relative order-last w-full sm:order-none sm:flex-1"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false)
      }}
    >
      <label htmlFor="site-search" className="sr-only">
        {t('box.label')}
      </label>
      <input
        ref={input}
        id="site-search"
        type="search"
        name="q"
        value={query}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        placeholder={t('box.placeholder')}
        className="input"
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-activedescendant={activeId}
        maxLength={200}
      />
      <div role="status" className="sr-only">
        {expanded ? t('box.status', { count: categories.length + products.length }) : ''}
      </div>
      <ul
        id={listboxId}
        role="listbox"
        aria-label={t('box.suggestions')}
        hidden={!expanded}
        className="absolute inset-x-0 top-full z-30 mt-1 max-h-[70vh] overflow-y-auto rounded-md border border-stone-200 bg-white py-1 shadow-lg"
      >
        {categories.length ? (
          <li role="presentation">
            <p
              className="px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-stone-500 uppercase"
              id={`${baseId}-categories`}
            >
              {t('box.categories')}
            </p>
            <ul role="group" aria-labelledby={`${baseId}-categories`}>
              {categories.map((category) => (
                <li key={category.slug} {...optionProps(optionFor())}>
                  <span aria-hidden className="text-stone-400">
                    {GLYPH.search}
                  </span>
                  <span className="flex-1">
                    {category.name}
                    {category.parentName ? (
                      <span className="text-stone-500">
                        {' '}
                        {t('box.inParent', { name: category.parentName })}
                      </span>
                    ) : null}
                  </span>
                  <span className="text-xs text-stone-500">{f.number(category.count)}</span>
                </li>
              ))}
            </ul>
          </li>
        ) : null}
        {products.length ? (
          <li role="presentation">
            <p
              className="px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-stone-500 uppercase"
              id={`${baseId}-products`}
            >
              {t('box.products')}
            </p>
            <ul role="group" aria-labelledby={`${baseId}-products`}>
              {products.map((product) => (
                <li key={product.id} {...optionProps(optionFor())}>
                  <span className="flex-1">
                    <span className="block">
                      <Highlighted text={product.highlightedTitle} />
                    </span>
                    {product.brandName ? (
                      <span className="block text-xs text-stone-500">{product.brandName}</span>
                    ) : null}
                  </span>
                  <span className="text-end text-sm">
                    <span
                      className={
                        product.regularPrice ? 'font-semibold text-brand-700' : 'font-semibold'
                      }
                    >
                      {product.price}
                    </span>
                    {product.regularPrice ? (
                      <s className="block text-xs text-stone-500">{product.regularPrice}</s>
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ) : null}
        {options.length ? (
          <li {...optionProps(optionFor())}>
            <span aria-hidden className="text-stone-400 rtl:-scale-x-100">
              {GLYPH.enter}
            </span>
            <span>
              <Trans
                t={t}
                i18nKey="box.searchFor"
                values={{ q: typed }}
                components={{ q: <strong /> }}
              />
            </span>
          </li>
        ) : null}
        {data && !categories.length && !products.length ? (
          <li role="presentation" className="px-3 py-2 text-sm text-stone-500">
            {data.unavailable ? t('box.unavailable') : t('box.none')}
          </li>
        ) : null}
      </ul>
    </Form>
  )
}
