import { useEffect, useRef } from 'react'
import { useHydrated } from '~/utils/use-hydrated.ts'

// Keyboard shortcuts for the moderation queue: j/k move between reviews, a approves the current
// one, r goes to its rejection reason. Progressive: the page is complete without them (every
// action is a plain form), so this only finds the rows and buttons the page already has.

const ROW = '[data-queue-row]'

function isTyping(target: EventTarget | null) {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
}

export function QueueShortcuts() {
  const hydrated = useHydrated()
  const active = useRef(-1)
  useEffect(() => {
    function rows() {
      return [...document.querySelectorAll<HTMLElement>(ROW)]
    }
    function focusRow(index: number) {
      const all = rows()
      if (!all.length) return
      active.current = Math.max(0, Math.min(index, all.length - 1))
      all.forEach((row, i) => row.toggleAttribute('data-active', i === active.current))
      all[active.current]!.focus()
    }
    function current() {
      const all = rows()
      const focused = all.findIndex((row) => row.contains(document.activeElement))
      if (focused >= 0) active.current = focused
      return all[active.current]
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return
      if (event.key === 'j') focusRow(rows().findIndex((row) => row === current()) + 1)
      else if (event.key === 'k') focusRow(Math.max(0, rows().findIndex((row) => row === current()) - 1))
      else if (event.key === 'a') current()?.querySelector<HTMLButtonElement>('[data-shortcut="approve"]')?.click()
      else if (event.key === 'r') current()?.querySelector<HTMLInputElement>('[data-shortcut="reject-reason"]')?.focus()
      else return
      event.preventDefault()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])
  if (!hydrated) return null
  return (
    <p className="text-xs text-stone-500" data-testid="queue-shortcuts">
      Keyboard: <kbd className="rounded border px-1">j</kbd>/<kbd className="rounded border px-1">k</kbd> next/previous, <kbd className="rounded border px-1">a</kbd> approve,{' '}
      <kbd className="rounded border px-1">r</kbd> reject (type the reason, then Enter).
    </p>
  )
}
