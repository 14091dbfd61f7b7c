/**
 * What a check run will do: which policies, which inputs, which input each
 * policy checks, the config's settings, the baseline and the reports. Built
 * from the command line and the project config (the command line wins).
 */
import type { EngineFlags } from './engine.js';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import {
  checkInput,
  formatOf,
  headerProblem,
  InputError,
  missingFields,
  parseBaseline,
  readRecords,
  type BaselineFile,
  type InputFormat,
  type ProjectConfig,
  type Severity,
} from '@sellguard/core/node';
import { s } from '@sellguard/core/runtime';
import { CliError, DOCS_URL, EXIT } from '../io.js';
import { packageRoot } from '../package-root.js';
import { fromConfig, loadConfig, type LoadedConfig } from '../options/config.js';
import { expandInputs, expandPolicies } from '../options/files.js';
import { parseFormats, type FormatTarget } from '../options/formats.js';
import { loadPolicyForRun, type RunPolicy } from '../policy-cache/load-policy.js';

export interface CheckFlags extends EngineFlags {
  policy?: string[];
  pair?: string[];
  config?: string;
  format?: string[];
  output?: string;
  quiet?: boolean;
  failOn?: Severity | 'never';
  color?: boolean;
  inputFormat?: InputFormat;
  maxRecords?: number;
  /** The day to check as of (UTC midnight, ms); default today. */
  asOf?: number;
  baseline?: string;
  updateBaseline?: boolean;
  watch?: boolean;
  /** Worker threads that read and check pieces of each file; default by file size (see check-jobs.ts). */
  jobs?: number;
  /** false (--no-cache): compile the policies, neither reading nor writing the cache of compiled policies. */
  cache?: boolean;
}

export interface PolicyRun {
  file: string;
  loaded: RunPolicy;
  inputs: string[];
}

export interface CheckPlan {
  runs: PolicyRun[];
  /** Policies that could not be compiled (their diagnostics are printed by the caller). */
  broken: RunPolicy[];
  targets: FormatTarget[];
  config?: LoadedConfig;
  failOn: Severity | 'never';
  asOf?: number;
  baselineFile?: string;
  baseline?: BaselineFile;
  inputFormat?: InputFormat;
}


/** The repository's policies folder, two levels above this package's root (apps/cli). */
function shippedPoliciesDir(): string {
  return resolve(packageRoot(), '../../policies');
}
const SHIPPED = shippedPoliciesDir();

/** A link to a rule's entry in docs/policies.md, for the shipped policies (the only ones documented there). */
export function ruleDocs(policyFile: string): ((fullId: string) => string | undefined) | undefined {
  let real: string;
  try {
    real = realpathSync(policyFile);
  } catch {
    return undefined;
  }
  if (!existsSync(SHIPPED) || !real.startsWith(realpathSync(SHIPPED) + sep)) return undefined;
  return (fullId) => `${DOCS_URL}/policies.md#rule-${fullId.replace(/[^a-z0-9-]/gi, '-')}`;
}

function day(value: string, where: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value) ? s.parseTimestamp(value) : undefined;
  if (ms === undefined) throw new CliError(`${where}: '${value}' is not a date such as 2026-11-20`);
  return ms;
}

/** The first record of an input, to see its columns or keys (undefined when it has none that could be read). */
async function firstKeys(input: string, format: InputFormat | undefined): Promise<string[] | undefined> {
  let seen = 0;
  for await (const r of readRecords(input, format ? { format } : {})) {
    if (r.raw !== null && typeof r.raw === 'object' && !Array.isArray(r.raw)) return Object.keys(r.raw);
    if (++seen > 20) break;
  }
  return undefined;
}

function splitPair(spec: string, where: string): { policy: string; input: string } {
  const eq = spec.indexOf('=');
  if (eq <= 0 || eq === spec.length - 1) throw new CliError(`${where} '${spec}': write it as POLICY=INPUT, e.g. --pair policies/offers.policy=offers.csv (see sellguard check --help)`);
  return { policy: spec.slice(0, eq), input: spec.slice(eq + 1) };
}

export async function planCheck(args: readonly string[], flags: CheckFlags): Promise<CheckPlan> {
  const config = loadConfig(flags.config);
  const cfg: ProjectConfig = config?.config ?? {};
  const inConfig = (p: string) => (config ? fromConfig(config, p) : p);

  // `check POLICY INPUT…` still works: .policy files among the arguments are policies.
  const argPolicies = args.filter((a) => a.endsWith('.policy'));
  const argInputs = args.filter((a) => !a.endsWith('.policy'));
  const pairs = [
    ...(flags.pair ?? []).map((p) => splitPair(p, '--pair')),
    ...(cfg.pairs ?? []).flatMap((p) => p.inputs.map((input) => ({ policy: inConfig(p.policy), input: inConfig(input) }))),
  ];
  const policySpecs = [...(flags.policy ?? []), ...argPolicies];
  const policyFiles = expandPolicies(policySpecs.length > 0 ? policySpecs : (cfg.policies ?? []).map(inConfig));
  const pairPolicies = expandPolicies([...new Set(pairs.map((p) => p.policy))]);
  const allPolicies = [...new Set([...policyFiles, ...pairPolicies])];
  if (allPolicies.length === 0) {
    throw new CliError('no policy to check against: name one, e.g. sellguard check --policy policies/buyer-messaging.policy messages.jsonl, or list "policies" in sellguard.config.json (see sellguard check --help)');
  }
  const inputSpecs = argInputs.length > 0 ? argInputs : pairs.length > 0 && (flags.pair?.length ?? 0) > 0 ? [] : (cfg.inputs ?? []).map(inConfig);
  const inputs = expandInputs(inputSpecs);
  // With --db the records are read from a database table, not from files.
  if (inputs.length === 0 && pairs.length === 0 && !flags.db) {
    throw new CliError('no input to check: name the data files, e.g. sellguard check --policy policies/buyer-messaging.policy messages.jsonl, list "inputs" in sellguard.config.json, or read a database table with --db URL (see sellguard check --help)');
  }
  if ([...inputs, ...pairs.map((p) => p.input)].filter((i) => i === '-').length > 1) throw new CliError('standard input (-) can be read only once (see sellguard check --help)');
  for (const input of [...inputs, ...pairs.map((p) => p.input)]) {
    try {
      checkInput(input);
    } catch (e) {
      if (e instanceof InputError) throw new CliError(e.message);
      throw e;
    }
  }

  const loaded = new Map<string, RunPolicy>();
  for (const file of allPolicies) loaded.set(file, await loadPolicyForRun(file, { cache: flags.cache !== false }));
  const broken = [...loaded.values()].filter((l) => !l.policy);

  const targets = parseFormats(flags.format && flags.format.length > 0 ? flags.format : (cfg.format ?? []).map((f) => (f.includes('=') ? `${f.split('=')[0]}=${inConfig(f.slice(f.indexOf('=') + 1))}` : f)), flags.output);
  const failOn = flags.failOn ?? cfg.failOn ?? 'error';
  const asOf = flags.asOf ?? (cfg.asOf ? day(cfg.asOf, `${config!.name}: asOf`) : undefined);
  const plan: CheckPlan = { runs: [], broken, targets, failOn, ...(config ? { config } : {}), ...(asOf !== undefined ? { asOf } : {}), ...(flags.inputFormat ? { inputFormat: flags.inputFormat } : {}) };
  if (broken.length > 0) return plan;

  // Inputs to policies: explicit pairs first; the others go to the one policy, or to every policy whose record they fit.
  const runs = new Map<string, Set<string>>();
  const add = (policy: string, input: string) => {
    if (!runs.has(policy)) runs.set(policy, new Set());
    runs.get(policy)!.add(input);
  };
  for (const p of pairs) for (const input of expandInputs([p.input])) for (const policy of expandPolicies([p.policy])) add(policy, input);
  const paired = new Set(pairs.map((p) => p.input));
  const formatFor = (input: string) => flags.inputFormat ?? (input === '-' ? undefined : formatOf(input));
  for (const input of inputs.filter((i) => !paired.has(i))) {
    if (policyFiles.length === 1) {
      add(policyFiles[0], input);
      continue;
    }
    if (input === '-') throw new CliError('with several policies, standard input must be paired with one: --pair POLICY=- (see sellguard check --help)');
    const keys = await firstKeys(input, formatFor(input));
    const fitting = keys === undefined ? [] : policyFiles.filter((f) => missingFields(loaded.get(f)!.policy!, keys).length === 0);
    if (fitting.length === 0) {
      const why = policyFiles.map((f) => {
        const p = loaded.get(f)!.policy!;
        const missing = keys ? missingFields(p, keys).map((m) => m.name) : [];
        return `  ${p.id} (${f}) needs ${missing.length ? `the fields ${missing.join(', ')}` : 'records it could read'}`;
      });
      throw new CliError(`'${input}' fits none of the policies${keys ? ` (its fields: ${keys.join(', ')})` : ''}:\n${why.join('\n')}\nPair it explicitly with --pair POLICY=${input}, or fix its columns (see sellguard check --help)`);
    }
    for (const f of fitting) add(f, input);
  }

  // A delimited file whose header lacks a required column: one message up front, not one per row.
  const problems: string[] = [];
  for (const [file, ins] of runs) {
    const policy = loaded.get(file)!.policy!;
    for (const input of ins) {
      const format = formatFor(input);
      if (input === '-' || (format !== 'csv' && format !== 'tsv')) continue;
      const keys = await firstKeys(input, format);
      const problem = keys && headerProblem(policy, keys, input);
      if (problem) problems.push(problem);
    }
  }
  if (problems.length > 0) throw new CliError(problems.join('\n\n'), EXIT.usage);

  plan.runs = [...runs].map(([file, ins]) => ({ file, loaded: loaded.get(file)!, inputs: [...ins] }));
  // --db alone: each policy counts its metrics in the database (engine.ts says when files are given too).
  if (flags.db && runs.size === 0) plan.runs = policyFiles.map((file) => ({ file, loaded: loaded.get(file)!, inputs: [] }));

  const baselineFile = flags.baseline ?? (cfg.baseline ? inConfig(cfg.baseline) : undefined);
  if (flags.updateBaseline && baselineFile === undefined) {
    throw new CliError('--update-baseline needs a baseline file: add --baseline FILE, or "baseline" in sellguard.config.json (see sellguard check --help)');
  }
  if (baselineFile !== undefined) {
    plan.baselineFile = baselineFile;
    if (existsSync(baselineFile) && statSync(baselineFile).isFile()) {
      const parsed = parseBaseline(readFileSync(baselineFile, 'utf8'), baselineFile);
      if ('error' in parsed) throw new CliError(parsed.error);
      plan.baseline = parsed.baseline;
    } else if (!flags.updateBaseline) {
      throw new CliError(`the baseline '${baselineFile}' does not exist yet; write it with --update-baseline (see sellguard check --help)`);
    }
  }
  return plan;
}

/** A path as shown in messages: relative to the current folder. */
export function shown(path: string): string {
  return path === '-' ? path : relative(process.cwd(), resolve(path)) || path;
}
