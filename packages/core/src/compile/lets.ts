/**
 * Named values and conditions: `let sellerFulfilled = lower(trim(fulfillmentChannel)) in channels`.
 *
 * A let is an expression over the input record, written once at the top of a
 * policy and used by name in rules, metrics and other lets. It is checked once,
 * where it is declared (so its mistakes are reported once, there), and its IR is
 * copied into every place that names it: the emitter and the interpreter see an
 * ordinary expression and need to know nothing about lets.
 */
import type { Diagnostic, LetDecl, PolicyFile } from '@sellguard/dsl';
import { checkExpr, type ExprEnv } from './check-expr.js';
import { CODES, error } from './codes.js';
import type { IrExpr } from './ir.js';
import type { Scope } from './resolve.js';
import { T } from './type-system.js';

export class LetTable {
  private readonly decls = new Map<string, LetDecl>();
  /** A let's checked value; 'busy' while its own expression is being checked (to find cycles). */
  private readonly values = new Map<LetDecl, IrExpr | 'busy'>();

  /**
   * @param envOf the environment of rules about single records (input fields, constants,
   *   phrase lists); a let sees what a rule's condition sees, except quantifier variables.
   */
  constructor(
    ast: PolicyFile,
    scope: Scope,
    private readonly envOf: () => ExprEnv,
    private readonly diagnostics: Diagnostic[],
  ) {
    for (const decl of ast.declarations) {
      if (decl.kind !== 'LetDecl' || !decl.name.text) continue;
      const name = decl.name.text;
      const other = scope.symbols.get(name);
      // An imported name has its span in the other file: no "first declared here" for it.
      const earlier = this.decls.get(name)?.name.span ?? (other && !other.file ? other.decl.name.span : undefined);
      if (other || this.decls.has(name)) {
        diagnostics.push({
          ...error(CODES.duplicateDeclaration, `\`${name}\` is declared twice`, decl.name.span, 'give each declaration its own name'),
          ...(earlier ? { related: [{ message: 'first declared here', span: earlier }] } : {}),
        });
        continue;
      }
      this.decls.set(name, decl);
    }
  }

  get names(): string[] {
    return [...this.decls.keys()];
  }

  declaration(name: string): LetDecl | undefined {
    return this.decls.get(name);
  }

  /** The checked value of the let called `name` (a fresh copy), or undefined when there is none. */
  readonly valueOf = (name: string): IrExpr | undefined => {
    const decl = this.decls.get(name);
    if (!decl) return undefined;
    const known = this.values.get(decl);
    if (known === 'busy') {
      this.diagnostics.push(
        error(CODES.letCycle, `\`${name}\` is defined in terms of itself`, decl.name.span, 'write its value without naming it, directly or through another let'),
      );
      const unknown: IrExpr = { op: 'lit', value: null, type: T.unknown, span: decl.value.span };
      this.values.set(decl, unknown);
      return unknown;
    }
    if (known) return structuredClone(known);
    this.values.set(decl, 'busy');
    const ir = checkExpr(decl.value, { ...this.envOf(), letValue: this.valueOf });
    // A cycle through this let has already replaced it with an unknown value: keep that.
    if (this.values.get(decl) === 'busy') this.values.set(decl, ir);
    return structuredClone(this.values.get(decl) as IrExpr);
  };

  /** Check every let, used or not, so each one's mistakes show. */
  checkAll(): void {
    for (const name of this.decls.keys()) this.valueOf(name);
  }
}
