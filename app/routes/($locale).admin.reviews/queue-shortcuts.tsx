import { useEffect } from 'react'
import { Trans } from 'react-i18next'
import { useHydrated } from '~/utils/use-hydrated.ts'

// Keyboard shortcuts for the moderation queue: j/k move between reviews, a approves the current
// one, r goes to its rejection reason. Progressive: the page is complete without them (every
// action is a plain form), so this only finds the rows and buttons the page already has.

const ROW = '[data-queue-row]'

function isTyping(target: EventTarget | null) {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  )
}

export function QueueShortcuts() {
  const hydrated = useHydrated()
  useEffect(() => {
    const rows = () => [...document.querySelectorAll<HTMLElement>(ROW)]
    // The row holding the focus, or -1: after a decision the page is new and nothing is.
    const focused = () => rows().findIndex((row) => row.contains(document.activeElement))
    function focusRow(index: number) {
      const all = rows()
      all[Math.max(0, Math.min(index, all.length - 1))]?.focus()
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return
      const at = focused()
      const row = rows()[Math.max(at, 0)]
      if (event.key === 'j') focusRow(at < 0 ? 0 : at + 1)
      else if (event.key === 'k') focusRow(at < 0 ? 0 : at - 1)
      else if (event.key === 'a')
        row?.querySelector<HTMLButtonElement>('[data-shortcut="approve"]')?.click()
      else if (event.key === 'r')
        row?.querySelector<HTMLInputElement>('[data-shortcut="reject-reason"]')?.focus()
      else return
      event.preventDefault()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])
  if (!hydrated) return null
  return (
    <p className="text-xs text-stone-500" data-testid="queue-shortcuts">
      <Trans
        ns="admin"
        i18nKey="reviews.shortcuts"
        components={{ kbd: <kbd className="rounded border px-1" /> }}
      />
    </p>
  )
}
