/** Hover: core's description of the name under the cursor (type, documentation, rule metadata, built-in signature and example), as markdown. */
import { describeAt, type SemanticAnalysis } from '@sellguard/core';
import type { Hover } from 'vscode-languageserver';
import type { Workspace } from './workspace.js';

export function hover(path: string, offset: number, analysis: SemanticAnalysis, ws: Workspace): Hover | undefined {
  const about = describeAt(analysis, path, offset);
  if (!about) return undefined;
  const parts = [code(about.title), ...about.details, ...(about.example ? [`Example:\n\n${code(about.example)}`] : [])];
  return { contents: { kind: 'markdown', value: parts.join('\n\n') }, range: ws.range(path, about.span) };
}

function code(s: string): string {
  return '```sellguard\n' + s + '\n```';
}
