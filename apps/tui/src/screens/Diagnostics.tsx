/**
 * Problems in the policy itself, as code frames. Shown instead of the
 * results while the policy has errors; with --watch, saving a fixed policy
 * checks again and brings the results back.
 */
import { renderDiagnostic, type Diagnostic } from '@sellguard/dsl';
import { Lines } from '../components/Lines.js';
import { plural, wrapSegments, type Line, type Tone } from '../layout.js';

export interface DiagnosticsInput {
  diagnostics: Diagnostic[];
  source: string;
  fileName: string;
  width: number;
  watching: boolean;
}

export function diagnosticsLines({ diagnostics, source, fileName, width, watching }: DiagnosticsInput): Line[] {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const out: Line[] = [
    [{ text: `The policy has ${plural(errors, 'error')}, so nothing was checked`, tone: 'bad' }],
    ...wrapSegments(
      [{ text: watching ? 'Fix the policy and save it: the check runs again by itself.' : 'Fix the policy, then start again (or use --watch to check again on every save).', tone: 'dim' }],
      width,
    ),
  ];
  for (const d of diagnostics) {
    out.push([]);
    const frame = renderDiagnostic(d, source, { fileName, color: false }).split('\n');
    frame.forEach((text, i) => {
      const tone: Tone | undefined = i === 0 ? (d.severity === 'error' ? 'error' : 'warning') : undefined;
      // Code lines keep their columns (the carets must line up), so they are cut, not wrapped.
      if (/^\s*(\d+\s*)?\|/.test(text) || /^\s*-->/.test(text)) out.push([{ text, ...(tone ? { tone } : {}) }]);
      else out.push(...wrapSegments([{ text, ...(tone ? { tone } : {}) }], width));
    });
  }
  return out;
}

export function Diagnostics(props: DiagnosticsInput & { height: number; scroll: number }) {
  const lines = diagnosticsLines(props);
  const top = Math.max(0, Math.min(props.scroll, lines.length - props.height));
  return <Lines lines={lines.slice(top, top + props.height)} width={props.width} height={props.height} />;
}
