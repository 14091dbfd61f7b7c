/**
 * Opening the policy in the analyst's editor at the line of a rule, with the
 * `+LINE FILE` convention that vi, vim, nano, emacs, micro and kakoune share
 * (and `code -g FILE:LINE` for Visual Studio Code, which does not read +LINE).
 * Pure parts here; the app suspends the screen around the editor.
 */
import { parse, type RuleDecl } from '@sellguard/dsl';

/** 1-based line of `rule <id>` in a policy's text, or undefined when the policy does not declare it (an imported rule). */
export function ruleLine(source: string, ruleId: string): number | undefined {
  const short = ruleId.slice(ruleId.lastIndexOf('/') + 1);
  const { ast } = parse(source);
  const decl = ast.declarations.find((d): d is RuleDecl => d.kind === 'RuleDecl' && d.id.text === short);
  if (!decl) return undefined;
  // The rule's name, not its doc comment above it: the editor lands on `rule <id>`.
  return lineAt(source, decl.id.span.start);
}

/** 1-based line of an offset. */
export function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

export interface EditorCommand {
  command: string;
  args: string[];
}

/**
 * The command to run: $VISUAL, else $EDITOR, else vi. The variable may carry
 * its own arguments ("code -w", "emacs -nw"), split on spaces as git does for
 * simple values.
 */
export function editorCommand(env: Record<string, string | undefined>, file: string, line: number | undefined): EditorCommand {
  const chosen = (env.VISUAL?.trim() || env.EDITOR?.trim() || 'vi').split(/\s+/);
  const [command, ...own] = chosen;
  const name = command.slice(command.lastIndexOf('/') + 1);
  if (line === undefined) return { command, args: [...own, file] };
  if (name === 'code' || name === 'codium' || name === 'code-insiders') return { command, args: [...own, '-g', `${file}:${line}`] };
  return { command, args: [...own, `+${line}`, file] };
}
