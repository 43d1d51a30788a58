import { describe, expect, test } from 'vitest'
import { NAMESPACES } from '~/i18n/config.ts'
import en from '~/i18n/resources/en.ts'
import fa from '~/i18n/resources/fa.ts'

// Plural forms are keyed `_one`, `_other` …; both languages use the same two categories.
function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix]
  if (!value || typeof value !== 'object') throw new Error(`${prefix} is neither text nor a group`)
  return Object.entries(value).flatMap(([key, child]) =>
    keysOf(child, prefix ? `${prefix}.${key}` : key),
  )
}

function valuesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  return Object.values(value as object).flatMap(valuesOf)
}

describe('message catalogues', () => {
  test('every namespace is loaded in both languages', () => {
    expect(Object.keys(en).sort()).toEqual([...NAMESPACES].sort())
    expect(Object.keys(fa).sort()).toEqual([...NAMESPACES].sort())
  })

  test.each(NAMESPACES)('%s has the same keys in English and Persian', (ns) => {
    expect(keysOf(fa[ns]).sort()).toEqual(keysOf(en[ns]).sort())
  })

  test.each(NAMESPACES)('%s has no empty message', (ns) => {
    for (const catalogue of [en[ns], fa[ns]]) {
      expect(valuesOf(catalogue).filter((text) => text.trim() === '')).toEqual([])
    }
  })

  test('Persian messages are written in Persian script', () => {
    // A Persian message with no Persian letter is an untranslated English one (brand names and
    // placeholders aside, every message has at least one word).
    const untranslated = NAMESPACES.flatMap((ns) =>
      keysOf(fa[ns]).filter((key) => {
        const text = key.split('.').reduce<unknown>((node, part) => (node as never)[part], fa[ns])
        const words = String(text).replace(/\{\{[^}]*\}\}|<[^>]*>|Shikposh|SKU|URL|PDF/g, '')
        return /[A-Za-z]{3,}/.test(words) && !/[\u0600-\u06FF]/.test(words)
      }),
    )
    expect(untranslated).toEqual([])
  })
})
