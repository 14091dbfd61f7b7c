/**
 * `sellguard check [--policy FILE|DIR]... INPUT...`: check records against
 * policies and write one or more reports. The work is core's (ProjectRun and
 * the report writers); this file wires files, flags and output together.
 */
import { statSync, writeFileSync } from 'node:fs';
import {
  BaselineMatcher,
  contextFor,
  InputError,
  policyErrorsJson,
  ProjectRun,
  readRecords,
  runMeta,
  settingsFor,
  allSettings,
  failsAt,
  fitsRecord,
  type ProjectResult,
  type ReportChunk,
  type ReportWriter,
  type RunEnd,
  DEFAULT_SUPPRESSION_FIELD,
} from '@sellguard/core/node';
import { today } from '@sellguard/core/runtime';
import { CliError, EXIT, printDiagnostics, useColor } from '../io.js';
import { Sink, fileSpools } from '../options/sink.js';
import { Progress, progressWanted } from '../options/progress.js';
import { planCheck, ruleDocs, shown, type CheckFlags, type CheckPlan } from './check-plan.js';
import { checkWithEngine } from './engine.js';
import { checkPool, cuttable, DEFAULT_JOBS, earlyThreads, type CheckPool, type EarlyThreads } from './check-jobs.js';
import { errorsOnly, writerFor } from './check-writers.js';

export type { CheckFlags } from './check-plan.js';

/** Policy errors: code frames on stderr, and the JSON form for each JSON report (so programs see them too). */
async function reportBroken(plan: CheckPlan, color: boolean): Promise<never> {
  // Loaded here only: a check of policies without errors never needs the syntax package.
  const { LineIndex } = await import('@sellguard/dsl');
  const errors = plan.broken.flatMap((l) => {
    printDiagnostics(l.diagnostics, l.source, l.fileName, color, l.sources);
    const index = new LineIndex(l.source);
    return l.diagnostics.map((d) => {
      const own = d.file === undefined || d.file === l.fileName;
      const at = own ? index.locate(d.span.start) : { line: 1, column: 1 };
      return { file: own ? l.fileName : d.file!, line: at.line, column: at.column, code: d.code, severity: d.severity === 'error' ? ('error' as const) : ('warning' as const), message: d.message, ...(d.help ? { help: d.help } : {}) };
    });
  });
  for (const t of plan.targets.filter((x) => x.format === 'json')) {
    const sink = new Sink(t.file);
    await sink.write([policyErrorsJson(errors)]);
    await sink.close();
  }
  const names = plan.broken.map((l) => `'${l.fileName}'`).join(', ');
  throw new CliError(`the ${plan.broken.length === 1 ? 'policy' : 'policies'} ${names} ${plan.broken.length === 1 ? 'has' : 'have'} errors; fix them and run again`);
}

export async function checkCommand(args: string[], flags: CheckFlags): Promise<number> {
  const stderrColor = useColor(process.stderr, flags.color);
  // With --jobs, the threads start loading the program now, while the policy is loaded here (see check-handoff.ts).
  const jobs = flags.jobs ?? DEFAULT_JOBS;
  const early = jobs > 1 && !flags.db ? earlyThreads(jobs) : undefined;
  try {
    const plan = await planCheck(args, flags);
    if (plan.broken.length > 0) await reportBroken(plan, stderrColor);
    // Warnings do not stop a check, but they are worth seeing.
    if (!flags.quiet) for (const r of plan.runs) printDiagnostics(r.loaded.diagnostics, r.loaded.source, r.file, stderrColor, r.loaded.sources);
    return await runPlan(plan, flags, early);
  } finally {
    await early?.dispose();
  }
}

export async function runPlan(plan: CheckPlan, flags: CheckFlags, early?: EarlyThreads): Promise<number> {
  // One context for the run: the as-of day, and a speller built once if any policy checks spelling.
  const ctx = contextFor(plan.runs.map((r) => r.loaded.policy), { asOf: plan.asOf ?? null });
  const spools = fileSpools();
  const several = plan.runs.length > 1;
  const outputs = plan.targets.map((t) => {
    const color = t.file === undefined && useColor(process.stdout, flags.color);
    return {
      target: t,
      color,
      sink: new Sink(t.file),
      writer: writerFor(t.format, { color, ...(flags.maxRecords !== undefined ? { maxRecords: flags.maxRecords } : {}), several, spool: spools.spool, ...(flags.inputFormat ? { inputFormat: flags.inputFormat } : {}) }),
    };
  });
  const each = async (f: (w: ReportWriter) => Iterable<ReportChunk>) => {
    for (const o of outputs) await o.sink.write(f(o.writer));
  };
  // Without a baseline to read or write, no matcher: nothing is kept or hashed per record.
  const matcher = flags.updateBaseline ? new BaselineMatcher(undefined, true) : plan.baseline ? new BaselineMatcher(plan.baseline) : undefined;
  // Only SARIF reports name records by key (their fingerprints).
  const recordKeys = plan.targets.some((t) => t.format === 'sarif');
  // With --jobs, the threads render the reports themselves when every format allows it and no baseline needs the
  // records in order (see check-worker.ts).
  const threadsRender = matcher === undefined && outputs.every((o) => o.writer.pieces !== undefined);
  const config = plan.config;
  const usedSettings = new Set<string>();
  let failed = false;
  const inputsNeedStdin = plan.runs.some((r) => r.inputs.includes('-'));
  if (inputsNeedStdin && process.stdin.isTTY) process.stderr.write('sellguard: reading records from standard input (end with Ctrl-D)\n');
  try {
    await each((w) => w.begin());
    for (const run of plan.runs) {
      const policy = run.loaded.policy!;
      const help = ruleDocs(run.file);
      await each((w) => w.beginRun(runMeta(policy, run.inputs.map(shown), { policyFile: run.file, ...(help ? { ruleHelpUri: help } : {}) })));
      // A SQL engine (DuckDB on files, or --db) counts the metrics when asked or when it is faster.
      const counted = await checkWithEngine(run.loaded, run.inputs, { ...flags, ...(plan.asOf !== undefined ? { asOf: plan.asOf } : {}), ...(plan.inputFormat ? { inputFormat: plan.inputFormat } : {}) });
      if (counted) {
        for (const result of counted.results) {
          const kept = flags.quiet ? errorsOnly(result) : result;
          if (kept) await each((w) => w.result({ ...kept, ...(kept.file !== undefined ? { file: shown(kept.file) } : {}) }, {}));
        }
        const end: RunEnd = {
          summary: counted.summary,
          ...(counted.metrics ? { metrics: counted.metrics } : {}),
          ...(counted.datasetViolations ? { datasetViolations: flags.quiet ? counted.datasetViolations.filter((v) => v.severity === 'error') : counted.datasetViolations } : {}),
          counts: { suppressed: 0, baselined: 0, baselineGone: 0, notices: [] },
          failOn: plan.failOn,
        };
        await each((w) => w.endRun(end));
        if (failsAt(end.summary, plan.failOn)) failed = true;
        continue;
      }
      const pending: Array<{ result: ProjectResult; source: { raw?: unknown; decoded?: unknown } }> = [];
      // Each input's path as shown, worked out once per input rather than once per result.
      const shownPaths = new Map(run.inputs.map((i) => [i, shown(i)]));
      const shownInput = (file: string) => shownPaths.get(file) ?? shown(file);
      const projectRun = new ProjectRun(policy, {
        ...(config ? { settings: (file) => settingsFor(config.config, file, config.name) } : {}),
        ...(matcher ? { baseline: matcher } : {}),
        recordKeys,
        ...(config?.config.suppressionField ? { suppressionField: config.config.suppressionField } : {}),
        ctx,
        onResult: (result, source) => {
          const kept = flags.quiet ? errorsOnly(result) : result;
          if (kept) pending.push({ result: { ...kept, ...(kept.file !== undefined ? { file: shownInput(kept.file) } : {}) }, source });
        },
      });
      const sizes = run.inputs.map((i) => (i === '-' ? undefined : statSync(i).size));
      const progress = new Progress(progressWanted(flags.quiet), sizes.includes(undefined) ? undefined : sizes.reduce((a, b) => a! + b!, 0), `checking ${policy.id}`);
      let next = 0;
      // Results are written as they come: a writer keeps only what its format needs.
      const writePending = async () => {
        for (const p of pending.splice(0)) await each((w) => w.result(p.result, p.source));
      };
      // With --jobs, files are cut into pieces that worker threads read and check (see check-jobs.ts).
      let pool: CheckPool | undefined;
      const poolOf = (jobs: number) =>
        (pool ??= checkPool(
          {
            policyFile: run.file,
            cache: flags.cache !== false,
            asOf: today(ctx),
            spans: plan.targets.some((t) => t.format === 'text' || t.format === 'html'),
            suppressionField: config?.config.suppressionField ?? DEFAULT_SUPPRESSION_FIELD,
            keys: recordKeys || matcher !== undefined,
            ...(threadsRender
              ? {
                  render: {
                    targets: outputs.map((o) => ({ format: o.target.format, color: o.color })),
                    ...(flags.maxRecords !== undefined ? { maxRecords: flags.maxRecords } : {}),
                    several,
                    inputs: run.inputs.map(shown),
                    quiet: flags.quiet === true,
                    ...(config ? { config: { rules: config.config.rules, overrides: config.config.overrides, name: config.name } } : {}),
                  },
                }
              : {}),
          },
          jobs,
          early,
        ));
      const wrappers: Array<{ file: string; key: string }> = [];
      // A JSON object that fits the policy's input record is a record, not a holder of records.
      const fits = fitsRecord(policy);
      try {
        for (const [k, input] of run.inputs.entries()) {
          const jobs = flags.jobs ?? DEFAULT_JOBS;
          const layout = jobs > 1 ? await cuttable(input, sizes[k], plan.inputFormat) : undefined;
          if (layout) {
            next += await poolOf(jobs).checkFile(input, layout, next, {
              record: async (rec, sent) => {
                projectRun.addChecked(rec, { result: sent.result, ...(sent.decoded !== undefined ? { decoded: sent.decoded } : {}), ...(sent.key !== undefined ? { key: sent.key } : {}) }, true);
                await writePending();
              },
              clean: (count, tallies) => {
                projectRun.addClean(count);
                if (tallies) projectRun.mergeTallies(tallies);
              },
              rendered: async (piece, tallies) => {
                projectRun.mergePiece(piece.counts);
                if (tallies) projectRun.mergeTallies(tallies);
                for (const [i, o] of outputs.entries()) await o.sink.write(o.writer.pieces!.add(piece.pieces[i]));
              },
              shownFile: shownInput(input),
              progress: (bytes, records) => {
                progress.read(bytes);
                progress.record(records);
              },
            });
            continue;
          }
          const onWrapper = (key: string) => wrappers.push({ file: shown(input), key });
          for await (const rec of readRecords(input, { startIndex: next, onBytes: (n) => progress.read(n), fits, onWrapper, ...(plan.inputFormat ? { format: plan.inputFormat } : {}) })) {
            next = rec.index + 1;
            progress.record();
            projectRun.add(rec);
            await writePending();
          }
        }
      } catch (e) {
        if (e instanceof InputError) throw new CliError(e.message);
        throw e;
      } finally {
        progress.stop();
        await (pool as CheckPool | undefined)?.close();
      }
      const end: RunEnd = projectRun.finish(plan.failOn);
      if (wrappers.length > 0) end.wrappers = wrappers;
      if (flags.quiet) end.counts.notices = [];
      for (const w of projectRun.usedSettings) usedSettings.add(w);
      if (flags.quiet && end.datasetViolations) end.datasetViolations = end.datasetViolations.filter((v) => v.severity === 'error');
      await each((w) => w.endRun(end));
      if (failsAt(end.summary, plan.failOn)) failed = true;
    }
    await each((w) => w.end());
  } finally {
    for (const o of outputs) await o.sink.close();
    spools.dispose();
  }

  // Config settings that never applied are worth knowing about: they may name a rule that was renamed.
  if (config && !flags.quiet) {
    for (const s of allSettings(config.config)) {
      if (!usedSettings.has(`${config.name} ${s.where}`)) process.stderr.write(`sellguard: ${config.name} ${s.where} is unused: ${s.rule} did not fire on any input it applies to; remove it if it is no longer needed\n`);
    }
  }
  if (flags.updateBaseline && plan.baselineFile && matcher) {
    const snapshot = matcher.snapshot();
    try {
      writeFileSync(plan.baselineFile, `${JSON.stringify(snapshot, null, 2)}\n`);
    } catch (e) {
      throw new CliError(`cannot write the baseline '${plan.baselineFile}': ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!flags.quiet) process.stderr.write(`sellguard: wrote ${snapshot.entries.reduce((n, e) => n + e.count, 0)} violations to the baseline ${plan.baselineFile}\n`);
  }
  if (!flags.quiet) for (const o of outputs) if (o.target.file !== undefined) process.stderr.write(`sellguard: wrote the ${o.target.format} report to ${o.target.file}\n`);
  return failed ? EXIT.failed : EXIT.ok;
}
