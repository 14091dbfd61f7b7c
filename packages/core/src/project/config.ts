/**
 * The project config: `sellguard.config.json`, or the `"sellguard"` key of
 * package.json. It lists the policies and inputs, pairs them when matching by
 * header is not wanted, sets rule severities (globally or for a glob of
 * inputs), the baseline file, the default as-of day, the failing severity
 * and the report formats. Validated here, with messages that name the file,
 * the place in it and what to do. Browser-safe.
 */
import { z } from 'zod';
import picomatch from 'picomatch/posix.js';
import type { RuleSetting } from './suppress.js';

const severity = z.enum(['error', 'warning', 'info', 'off'], { error: 'expected "error", "warning", "info" or "off"' });
const ruleSetting = z.strictObject({
  severity,
  reason: z.string({ error: 'every change to a rule needs a reason: add "reason": "why"' }).trim().min(1, 'the reason is empty: say why'),
});
const stringList = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

export const FORMATS = ['text', 'json', 'sarif', 'junit', 'github', 'markdown', 'html'] as const;
export type ReportFormat = (typeof FORMATS)[number];

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  policies: stringList.optional(),
  inputs: stringList.optional(),
  pairs: z.array(z.strictObject({ policy: z.string(), inputs: stringList })).optional(),
  rules: z.record(z.string(), ruleSetting).optional(),
  overrides: z.array(z.strictObject({ files: stringList, rules: z.record(z.string(), ruleSetting) })).optional(),
  baseline: z.string().optional(),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date such as 2026-11-20').optional(),
  failOn: z.enum(['error', 'warning', 'info', 'never']).optional(),
  format: stringList.optional(),
  suppressionField: z.string().min(1).optional(),
});

export type ProjectConfig = z.infer<typeof configSchema>;

/** `rules."buyer-messaging/emoji".severity` */
function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(String(p)) ? `${out ? '.' : ''}${String(p)}` : `${out ? '.' : ''}${JSON.stringify(String(p))}`;
  return out;
}

/**
 * Validate a parsed config. `fileName` is how errors name it, e.g.
 * `sellguard.config.json` or `package.json ("sellguard")`.
 */
export function parseConfig(json: unknown, fileName: string): { config: ProjectConfig } | { errors: string[] } {
  const parsed = configSchema.safeParse(json);
  if (parsed.success) {
    for (const f of parsed.data.format ?? []) {
      const name = f.split('=')[0];
      if (!(FORMATS as readonly string[]).includes(name)) return { errors: [`${fileName}: format: "${f}" is not a report format; use one of ${FORMATS.join(', ')}, optionally with =FILE (e.g. "sarif=reports/sellguard.sarif")`] };
    }
    return { config: parsed.data };
  }
  return {
    errors: parsed.error.issues.map((issue) => {
      const where = pathText(issue.path) || 'the top level';
      let message = issue.message;
      if (issue.code === 'unrecognized_keys') message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}; the keys are ${Object.keys(configSchema.shape).filter((k) => k !== '$schema').join(', ')}`;
      return `${fileName}: ${where}: ${message}`;
    }),
  };
}

/** Parse a config file's text (JSON), with a plain error when it is not JSON. */
export function parseConfigText(text: string, fileName: string, key?: string): { config: ProjectConfig } | { errors: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { errors: [`${fileName}: is not valid JSON (${e instanceof Error ? e.message : String(e)}); fix it or delete it`] };
  }
  if (key !== undefined) json = (json as Record<string, unknown> | null)?.[key];
  return parseConfig(json, key !== undefined ? `${fileName} ("${key}")` : fileName);
}

/** The rule settings that apply to one input file: the global ones, then each matching override in order. */
export function settingsFor(config: Pick<ProjectConfig, 'rules' | 'overrides'>, file: string | undefined, fileName = 'the config'): Map<string, RuleSetting> {
  const out = new Map<string, RuleSetting>();
  for (const [rule, s] of Object.entries(config.rules ?? {})) out.set(rule, { ...s, where: `${fileName} rules.${JSON.stringify(rule)}` });
  const path = file?.replace(/\\/g, '/').replace(/^\.\//, '');
  (config.overrides ?? []).forEach((o, i) => {
    if (path === undefined || !picomatch(o.files, { dot: true })(path)) return;
    for (const [rule, s] of Object.entries(o.rules)) out.set(rule, { ...s, where: `${fileName} overrides[${i}].rules.${JSON.stringify(rule)}` });
  });
  return out;
}

/** Every setting the config writes, to tell at the end of a run which were never used. */
export function allSettings(config: Pick<ProjectConfig, 'rules' | 'overrides'>): Array<{ rule: string; where: string }> {
  const out: Array<{ rule: string; where: string }> = [];
  for (const rule of Object.keys(config.rules ?? {})) out.push({ rule, where: `rules.${JSON.stringify(rule)}` });
  (config.overrides ?? []).forEach((o, i) => {
    for (const rule of Object.keys(o.rules)) out.push({ rule, where: `overrides[${i}].rules.${JSON.stringify(rule)}` });
  });
  return out;
}
