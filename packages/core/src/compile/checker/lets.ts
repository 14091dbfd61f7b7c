/**
 * Named values and conditions: `let sellerFulfilled = lower(trim(fulfillmentChannel)) in channels`.
 *
 * A let is an expression over the input record, written once at the top of a
 * policy and used by name in rules, metrics and other lets. It is checked once,
 * where it is declared (so its mistakes are reported once, there), and its IR is
 * copied into every place that names it: the emitter and the interpreter see an
 * ordinary expression and need to know nothing about lets.
 *
 * Checker stage 4 (after records, before metrics): the table is built and every
 * let checked here; metrics and rules read lets through `withLets`.
 */
import type { Diagnostic, LetDecl, PolicyFile } from '@sellguard/dsl';
import { checkExpr, type ExprEnv } from '../check-expr.js';
import { M, diag } from '../codes.js';
import type { IrExpr } from '../ir.js';
import type { Scope } from '../resolve.js';
import { T, type Type } from '../type-system.js';
import type { CheckerContext, EnvFactory } from './context.js';

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
          ...diag(M.declaredTwice, decl.name.span, { name }),
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
      this.diagnostics.push(diag(M.letCycle, decl.name.span, { name }));
      const unknown: IrExpr = { op: 'lit', value: null, type: T.unknown, span: decl.value.span };
      this.values.set(decl, unknown);
      return unknown;
    }
    if (known) return structuredClone(known);
    this.values.set(decl, 'busy');
    const env = this.envOf();
    const ir = checkExpr(decl.value, { ...env, letValue: this.valueOf });
    env.semantic?.typed(env.scope.file, decl.name, ir.type);
    // A cycle through this let has already replaced it with an unknown value: keep that.
    if (this.values.get(decl) === 'busy') this.values.set(decl, ir);
    return structuredClone(this.values.get(decl) as IrExpr);
  };

  /** Check every let, used or not, so each one's mistakes show. */
  checkAll(): void {
    for (const name of this.decls.keys()) this.valueOf(name);
  }
}

/** Stage: every let of the policy, checked once in the environment of a rule's condition. */
export function checkLets(cx: CheckerContext, envFor: EnvFactory, inputFields: Map<string, Type>): LetTable {
  const lets = new LetTable(cx.resolved.ast, cx.resolved.scope, () => envFor(cx.resolved.scope, inputFields, false), cx.diagnostics);
  lets.checkAll();
  return lets;
}

/** The environments of metrics and rules: names of lets read their checked values. */
export function withLets(envFor: EnvFactory, lets: LetTable): EnvFactory {
  return (scope, recordFields, inMessage) => ({ ...envFor(scope, recordFields, inMessage), letValue: lets.valueOf, letNames: lets.names });
}
