import { describe, expect, test } from 'vitest'
import { splitSqlStatements } from '~/infra/sql-split.server.ts'

describe('splitSqlStatements', () => {
  test('splits on semicolons outside strings, identifiers, comments and dollar quotes', () => {
    const sql = `
      -- CreateTable; not a statement
      CREATE TABLE "a;b" ("x" TEXT DEFAULT 'it''s; fine');
      /* block; /* nested; */ still comment; */
      INSERT INTO "a;b" VALUES (E'back\\'slash; ok');
      CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;
      DO $$ BEGIN PERFORM 1; END $$;
      SELECT 1`
    expect(splitSqlStatements(sql)).toEqual([
      `-- CreateTable; not a statement\n      CREATE TABLE "a;b" ("x" TEXT DEFAULT 'it''s; fine')`,
      `/* block; /* nested; */ still comment; */\n      INSERT INTO "a;b" VALUES (E'back\\'slash; ok')`,
      'CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql',
      'DO $$ BEGIN PERFORM 1; END $$',
      'SELECT 1',
    ])
  })

  test('drops empty and comment-only pieces', () => {
    expect(splitSqlStatements(';;\n-- only a comment\n;  ')).toEqual([])
  })
})
