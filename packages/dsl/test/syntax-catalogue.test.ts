/** The syntax messages live in one catalogue: every code has messages, and no other file writes a code by hand. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogueEntries, SYNTAX_CODES } from '../src/catalogue.js';
import { SYNTAX_MESSAGES } from '../src/syntax-catalogue.js';

const srcDir = fileURLToPath(new URL('../src/', import.meta.url));

describe('the syntax catalogue', () => {
  it('has at least one message for every syntax code', () => {
    for (const entry of catalogueEntries(SYNTAX_CODES, SYNTAX_MESSAGES)) expect(entry.messages.length, entry.code).toBeGreaterThan(0);
  });

  it('is the only place outside the code table that names a syntax code', () => {
    const others = readdirSync(srcDir).filter((f) => f.endsWith('.ts') && f !== 'catalogue.ts' && f !== 'syntax-catalogue.ts');
    for (const f of others) expect(readFileSync(srcDir + f, 'utf8'), f).not.toMatch(/'SG1\d{3}'/);
  });

  it('writes messages in lowercase, as the other diagnostics are', () => {
    for (const [name, m] of Object.entries(SYNTAX_MESSAGES)) expect(m.message[0], name).not.toMatch(/[A-Z]/);
  });
});
