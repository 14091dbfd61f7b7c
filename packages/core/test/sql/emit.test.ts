/**
 * The SQL a policy compiles to, per dialect: golden files (so a change to the
 * emitted SQL is seen in review), parsed by parsers that know Spark, Trino and
 * BigQuery (a syntax slip fails here, not in a customer's warehouse), and
 * hostile strings kept inert. DuckDB, PostgreSQL and ClickHouse run the SQL
 * for real in packages/engines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SparkSQL, TrinoSQL } from 'dt-sql-parser';
import NSP from 'node-sql-parser';
import { compile } from '@sellguard/core';
import { DIALECTS, dialect, policySql, type DialectName } from '@sellguard/core/sql';
import { HOSTILE_POLICY, HOSTILE_STRINGS, HOSTILE_TABLE } from './hostile.js';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const ordersSource = readFileSync(join(root, 'policies/account-health-orders.policy'), 'utf8');
const orders = compile(ordersSource).ir!;
const hostile = compile(HOSTILE_POLICY);

const sqlOf = (source: string, ir: typeof orders, d: DialectName, table = 'orders') => policySql(ir, d, { table, asOfDay: '2026-11-20', policySource: source });

/** Parse with the dialect's own grammar; the errors, and how many statements there are. */
function parse(d: 'spark' | 'trino' | 'bigquery', sql: string): { errors: string[]; statements: number } {
  if (d === 'bigquery') {
    try {
      const ast = new NSP.Parser().astify(sql, { database: 'BigQuery' });
      return { errors: [], statements: Array.isArray(ast) ? ast.length : 1 };
    } catch (e) {
      return { errors: [(e as Error).message], statements: 0 };
    }
  }
  const parser = d === 'spark' ? new SparkSQL() : new TrinoSQL();
  return { errors: parser.validate(sql).map((e) => `${e.startLine}:${e.startColumn} ${e.message}`), statements: parser.splitSQLByStatement(sql)?.length ?? 0 };
}

describe('golden SQL per dialect', () => {
  for (const d of DIALECTS) {
    it(`account-health-orders for ${d}`, async () => {
      await expect(sqlOf(ordersSource, orders, d)).toMatchFileSnapshot(`golden/account-health-orders.${d}.sql`);
    });
  }
});

describe('the Spark, Trino and BigQuery queries parse', () => {
  for (const d of ['spark', 'trino', 'bigquery'] as const) {
    it(`${d}: the shipped account-health policy is one valid statement`, () => {
      expect(parse(d, sqlOf(ordersSource, orders, d, 'sales.orders'))).toEqual({ errors: [], statements: 1 });
    }, 120_000);
  }
});

describe('hostile names and strings stay inert', () => {
  it('the hostile policy compiles', () => {
    expect(hostile.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  });

  for (const d of ['spark', 'trino'] as const) {
    it(`${d}: one valid statement, whatever the table name, aliases and constants hold`, () => {
      const sql = sqlOf(HOSTILE_POLICY, hostile.ir!, d, HOSTILE_TABLE);
      expect(parse(d, sql)).toEqual({ errors: [], statements: 1 });
    }, 120_000);
  }

  it('bigquery: one valid statement with quotes, semicolons and comment markers in names and constants', () => {
    // BigQuery names cannot hold backticks or backslashes; everything else hostile stays.
    const policy = compile(HOSTILE_POLICY.replace('da`y\\\\', 'da\\"y;--'));
    expect(policy.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    const sql = sqlOf(HOSTILE_POLICY, policy.ir!, 'bigquery', HOSTILE_TABLE.replace(/[`\\]/g, ''));
    expect(parse('bigquery', sql)).toEqual({ errors: [], statements: 1 });
  });

  it('bigquery: a name with a backtick is refused in plain words, not escaped', () => {
    expect(() => sqlOf(HOSTILE_POLICY, hostile.ir!, 'bigquery', 'orders`x')).toThrow(/the table name 'orders`x' cannot run as SQL: it uses the name 'orders`x' \(BigQuery names cannot hold a backtick or a backslash\)/);
  });

  for (const d of DIALECTS) {
    it(`${d}: every string literal reads back as the policy wrote it`, () => {
      const q = dialect(d);
      for (const s of HOSTILE_STRINGS) {
        const literal = q.str(s);
        expect(unquote(d, literal)).toBe(s);
        if (d === 'bigquery' && /[`\\]/.test(s)) {
          expect(() => q.ident(s)).toThrow(/BigQuery names cannot hold a backtick or a backslash/);
          continue;
        }
        expect(unquoteIdent(d, q.ident(s))).toBe(s);
      }
    });
  }
});

/** Read a quoted literal back the way the engine's lexer does (written independently of the dialect code). */
function unquote(d: DialectName, literal: string): string {
  expect(literal.startsWith("'") && literal.endsWith("'")).toBe(true);
  const body = literal.slice(1, -1);
  if (d === 'duckdb' || d === 'postgres' || d === 'trino') {
    // Standard SQL: a quote inside is doubled, nothing else is special; no lone quote may remain.
    expect(body.replace(/''/g, '')).not.toContain("'");
    return body.replace(/''/g, "'");
  }
  // Backslash escapes (ClickHouse, Spark, BigQuery): every quote inside is escaped.
  let out = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') {
      const n = body[++i];
      out += n === 'n' ? '\n' : n === 'r' ? '\r' : n === '0' ? '\0' : n;
    } else {
      expect(body[i]).not.toBe("'");
      out += body[i];
    }
  }
  return out;
}

function unquoteIdent(d: DialectName, ident: string): string {
  const q = d === 'clickhouse' || d === 'bigquery' || d === 'spark' ? '`' : '"';
  expect(ident.startsWith(q) && ident.endsWith(q)).toBe(true);
  const body = ident.slice(1, -1);
  if (d === 'clickhouse' || d === 'bigquery') {
    let out = '';
    for (let i = 0; i < body.length; i++) {
      if (body[i] === '\\') out += body[++i];
      else {
        expect(body[i]).not.toBe('`');
        out += body[i];
      }
    }
    return out;
  }
  expect(body.split(q + q).join('')).not.toContain(q);
  return body.split(q + q).join(q);
}
