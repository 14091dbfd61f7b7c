/**
 * A group's score from Stryker's JSON report (mutation-testing-report-schema):
 * a killed or timed-out mutant counts as caught; mutants that do not compile
 * or that Stryker ignores count nowhere.
 */
export function scoreOf(report) {
  const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 };
  for (const file of Object.values(report.files ?? {}))
    for (const mutant of file.mutants ?? []) if (mutant.status in counts) counts[mutant.status] += 1;
  const killed = counts.Killed + counts.Timeout;
  const total = killed + counts.Survived + counts.NoCoverage;
  const covered = killed + counts.Survived;
  const percent = (part, whole) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);
  return { total, killed, timeout: counts.Timeout, survived: counts.Survived, noCoverage: counts.NoCoverage, all: percent(killed, total), covered: percent(killed, covered) };
}

/** The surviving and uncovered mutants of a report, one line each: file:line mutator "replacement". */
export function survivorsOf(report) {
  const lines = [];
  for (const [path, file] of Object.entries(report.files ?? {}))
    for (const m of file.mutants ?? [])
      if (m.status === 'Survived' || m.status === 'NoCoverage')
        lines.push(`${path}:${m.location.start.line} ${m.status} ${m.mutatorName} ${JSON.stringify(m.replacement ?? '')}`);
  return lines;
}
