// Splits a migration file into single statements so a failure can name the one that failed.
// It understands what can hide a semicolon in PostgreSQL: quoted strings and identifiers,
// dollar-quoted bodies, line and (nested) block comments.
export function splitSqlStatements(sql: string): string[] {
  const statements: string[] = []
  let start = 0
  let i = 0
  const push = (end: number) => {
    const text = sql.slice(start, end).trim()
    if (text && !isOnlyComments(text)) statements.push(text)
  }
  while (i < sql.length) {
    const ch = sql[i]!
    const next = sql[i + 1]
    if (ch === '-' && next === '-') {
      const end = sql.indexOf('\n', i)
      i = end === -1 ? sql.length : end + 1
    } else if (ch === '/' && next === '*') {
      let depth = 1
      i += 2
      while (i < sql.length && depth > 0) {
        if (sql[i] === '/' && sql[i + 1] === '*') {
          depth++
          i += 2
        } else if (sql[i] === '*' && sql[i + 1] === '/') {
          depth--
          i += 2
        } else i++
      }
    } else if (ch === "'" || ch === '"') {
      const backslashEscapes =
        ch === "'" && /(^|[^A-Za-z0-9_])[Ee]$/.test(sql.slice(Math.max(0, i - 2), i))
      i++
      while (i < sql.length) {
        if (backslashEscapes && sql[i] === '\\')
          i += 2 // E'...' strings escape with a backslash
        else if (sql[i] === ch && sql[i + 1] === ch)
          i += 2 // doubled quote inside the literal
        else if (sql[i] === ch) break
        else i++
      }
      i++
    } else if (ch === '$') {
      const tag = /^\$[A-Za-z_][A-Za-z0-9_]*\$|^\$\$/.exec(sql.slice(i))?.[0]
      if (tag) {
        const end = sql.indexOf(tag, i + tag.length)
        i = end === -1 ? sql.length : end + tag.length
      } else i++
    } else if (ch === ';') {
      push(i)
      start = ++i
    } else i++
  }
  push(sql.length)
  return statements
}

function isOnlyComments(text: string) {
  return (
    text
      .replace(/--[^\n]*(\n|$)/g, '')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .trim() === ''
  )
}
