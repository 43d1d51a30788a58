import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { Linter } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, test } from 'vitest'
import physicalDirection, {
  findPhysicalClasses,
  PHYSICAL_CSS,
} from '../../lint/physical-direction.js'

function lint(code: string) {
  const linter = new Linter({ configType: 'flat' })
  return linter
    .verify(
      code,
      [
        {
          files: ['**/*.tsx'],
          languageOptions: {
            parser: tseslint.parser,
            parserOptions: { ecmaFeatures: { jsx: true } },
          },
          plugins: { shikposh: physicalDirection },
          rules: { 'shikposh/physical-direction': 'error' },
        },
      ],
      'probe.tsx',
    )
    .map((message) => message.message)
}

describe('physical direction lint rule', () => {
  test('refuses physical classes in className, constants and template literals', () => {
    const messages = lint(`
      const STYLES = { end: 'absolute right-0 top-2' }
      export function A({ on }: { on: boolean }) {
        return (
          <div className="ml-4 pl-2 text-left sm:-mr-1 hover:border-l-2 rounded-tl-md">
            <span className={\`float-right \${on ? 'md:left-1/2' : 'pr-[3px]'}\`} />
            <p style={{ paddingLeft: 4, marginInlineStart: 2 }} />
          </div>
        )
      }
    `)
    expect(messages).toEqual([
      expect.stringContaining('"right-0"'),
      expect.stringContaining('"ml-4"'),
      expect.stringContaining('"pl-2"'),
      expect.stringContaining('"text-left"'),
      expect.stringContaining('"sm:-mr-1"'),
      expect.stringContaining('"hover:border-l-2"'),
      expect.stringContaining('"rounded-tl-md"'),
      expect.stringContaining('"float-right"'),
      expect.stringContaining('"md:left-1/2"'),
      expect.stringContaining('"pr-[3px]"'),
      expect.stringContaining('style.paddingLeft'),
    ])
  })

  test('accepts logical classes and ordinary words', () => {
    expect(
      lint(`
        export const copy = 'Turn right-click off; the left column; margin of error'
        export function A() {
          return <div className="ms-4 pe-2 text-start -me-1 border-s-2 rounded-ss-md start-1/2 space-x-2 px-3 inset-x-0" />
        }
      `),
    ).toEqual([])
  })
})

describe('the code base', () => {
  test('stylesheets use logical properties only', async () => {
    const files = (await readdir('app', { recursive: true })).filter((file) =>
      file.endsWith('.css'),
    )
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) {
      const css = await readFile(path.join('app', file), 'utf8')
      expect(
        [...css.matchAll(PHYSICAL_CSS)].map((match) => match[1]),
        file,
      ).toEqual([])
      const applied = [...css.matchAll(/@apply([^;]+);/g)].flatMap((match) =>
        findPhysicalClasses(match[1] ?? '').map((found) => found.className),
      )
      expect(applied, file).toEqual([])
    }
  })
})
