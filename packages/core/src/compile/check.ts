/**
 * Stage 2: check types and lower the resolved policy to IR.
 *
 * Walks the declarations in dependency order (types, constants, phrase
 * lists, rules, examples); expressions are handled by check-expr.ts.
 */
import type {
  MetricDecl,
  ConstDecl,
  Diagnostic,
  EnumDecl,
  ExampleDecl,
  Expr,
  PhrasesDecl,
  RecordDecl,
  RuleDecl,
  Span,
  TypeRef,
} from '@sellguard/dsl';
import { asCondition, checkExpr, expectCondition, fold, type ExprEnv } from './check-expr.js';
import { LetTable } from './lets.js';
import { reportNameClashes } from './name-clashes.js';
import { CODES, error, warning } from './codes.js';
import type { IrClause, IrExample, IrExpr, IrFix, IrMetric, IrPolicy, IrRecord, IrRule, JsonValue } from './ir.js';
import { compileUserRegex } from './regex.js';
import { compilePhrases } from '../runtime/detectors/phrases.js';
import { contains, findAll, primarySubject, ruleConditions, staticPath } from './ir-walk.js';
import type { ResolvedPolicy, Scope, SymbolEntry } from './resolve.js';
import type { SemanticRecorder } from './semantic-recorder.js';
import { suggestionHelp } from './suggest.js';
import { PRIMITIVES, T, assignable, describe, isNumeric, isTemporal, nullable, type PrimitiveKind, type Type } from './type-system.js';

/** `semantic`, when given, is told every name use with its declaration and type (editors build their model from it). */
export function check(resolved: ResolvedPolicy, diagnostics: Diagnostic[], source = '', semantic?: SemanticRecorder): IrPolicy {
  const sourceOf = (e: { span: Span }) => source.slice(e.span.start, e.span.end);
  const header = resolved.ast.header;
  if (!header) {
    diagnostics.push(
      error(CODES.missingHeader, 'the file does not start with a policy header', { start: 0, end: 0 }, 'start the file with: policy my-policy "My policy title"'),
    );
  }
  const policyId = header?.id.text || 'policy';

  const constants: JsonValue[] = [];
  const constIndex = new Map<ConstDecl, { index: number; type: Type } | 'busy' | 'failed'>();
  const phrases: IrPolicy['phrases'] = [];
  const phraseIndex = new Map<PhrasesDecl, number>();
  const regexes: IrPolicy['regexes'] = [];
  const regexIndex = new Map<string, number>();
  const recordTypes = new Map<string, Map<string, Type>>();
  let varCounter = 0;

  // ------------------------------------------------------------------ types
  const resolveType = (ref: TypeRef, scope: Scope, file: string | undefined): Type => {
    switch (ref.kind) {
      case 'ListType':
        return T.list(resolveType(ref.element, scope, file));
      case 'MapType':
        return { k: 'map', value: resolveType(ref.value, scope, file) };
      case 'InlineEnumType':
        return { k: 'enum', members: uniqueMembers(ref.members, file) };
      case 'Error':
        return T.unknown;
      case 'NamedType': {
        const name = ref.name.text;
        if ((PRIMITIVES as readonly string[]).includes(name)) return { k: name as PrimitiveKind };
        const entry = scope.symbols.get(name);
        const named: Type | undefined =
          entry?.decl.kind === 'RecordDecl' ? { k: 'record', name } : entry?.decl.kind === 'EnumDecl' ? { k: 'enum', name, members: entry.decl.members.map((m) => m.text) } : undefined;
        if (named) {
          semantic?.use(scope.file, ref.name.span, semantic.declOf(entry!.file, entry!.decl.name), named);
          return named;
        }
        const candidates = [
          ...PRIMITIVES,
          ...[...scope.symbols.entries()].filter(([, s]) => s.decl.kind === 'RecordDecl' || s.decl.kind === 'EnumDecl').map(([n]) => n),
        ];
        diagnostics.push(
          inFile(
            error(
              CODES.unknownType,
              `there is no type called \`${name}\``,
              ref.name.span,
              `${suggestionHelp(name, candidates, 'types')}${name === 'list' || name === 'map' ? ` (write ${name}<string>)` : ''}`,
            ),
            file,
          ),
        );
        return T.unknown;
      }
    }
  };

  const uniqueMembers = (members: { text: string; span: Span }[], file: string | undefined): string[] => {
    const seen = new Set<string>();
    for (const m of members) {
      if (seen.has(m.text)) diagnostics.push(inFile(error(CODES.duplicateMember, `\`${m.text}\` is listed twice`, m.span, 'remove the repeated value'), file));
      seen.add(m.text);
    }
    return [...seen];
  };

  // Field types first, so rules and defaults can refer to any record.
  const recordEntries = [...resolved.records.values()];
  for (const entry of recordEntries) {
    const decl = entry.decl as RecordDecl;
    const fields = new Map<string, Type>();
    for (const f of decl.fields) {
      if (fields.has(f.name.text)) {
        diagnostics.push(inFile(error(CODES.duplicateField, `${decl.name.text} has two fields called \`${f.name.text}\``, f.name.span, 'rename or remove one of them'), entry.file));
        continue;
      }
      const type = resolveType(f.type, entry.scope, entry.file);
      fields.set(f.name.text, f.optional && !f.default ? { ...type, nullable: true } : type);
      const fieldDecl = semantic?.declOf(entry.file, f.name);
      if (fieldDecl) fieldDecl.type = fields.get(f.name.text);
    }
    recordTypes.set(decl.name.text, fields);
  }
  for (const entry of resolved.enums.values()) uniqueMembers((entry.decl as EnumDecl).members, entry.file);
  reportRecursion(recordEntries, recordTypes, diagnostics);

  // -------------------------------------------------------------- constants
  const envFor = (scope: Scope, recordFields: Map<string, Type>, inMessage: boolean): ExprEnv => ({
    scope,
    recordFields,
    recordTypes,
    locals: new Map(),
    nextVar: () => ++varCounter,
    constant: (name) => {
      const entry = scope.symbols.get(name);
      if (entry?.decl.kind !== 'ConstDecl') return undefined;
      const c = constantOf(entry);
      return c === 'failed' ? { index: -1, type: T.unknown } : c;
    },
    phraseList: (name) => {
      const entry = scope.symbols.get(name);
      return entry?.decl.kind === 'PhrasesDecl' ? phraseOf(entry.decl, entry.file) : undefined;
    },
    regex: (source, span) => {
      const key = source;
      const known = regexIndex.get(key);
      if (known !== undefined) return known;
      const problem = compileUserRegex(source);
      if (problem) {
        diagnostics.push(error(CODES.badRegex, `this pattern is not a valid regular expression: ${problem}`, span, 'check brackets and backslashes; patterns use RE2 syntax (no look-behind or back-references)'));
        return undefined;
      }
      regexes.push({ source, flags: '' });
      regexIndex.set(key, regexes.length - 1);
      return regexes.length - 1;
    },
    inMessage,
    diagnostics,
    ...(semantic ? { semantic } : {}),
  });

  const constantOf = (entry: SymbolEntry): { index: number; type: Type } | 'failed' => {
    const decl = entry.decl as ConstDecl;
    const known = constIndex.get(decl);
    if (known === 'busy') {
      diagnostics.push(inFile(error(CODES.notConstant, `the constant \`${decl.name.text}\` is defined in terms of itself`, decl.name.span, 'give it a value that does not refer back to it'), entry.file));
      constIndex.set(decl, 'failed');
      return 'failed';
    }
    if (known) return known;
    constIndex.set(decl, 'busy');
    const ir = checkExpr(decl.value, envFor(entry.scope, new Map(), false));
    const value = fold(ir, constants);
    if (value === undefined) {
      diagnostics.push(
        inFile(error(CODES.notConstant, `the value of \`${decl.name.text}\` must be written out, not computed`, decl.value.span, 'use literal values: numbers, texts, dates, durations, lists and { key: value } tables'), entry.file),
      );
      constIndex.set(decl, 'failed');
      return 'failed';
    }
    let type = ir.type;
    if (decl.type) {
      const declared = resolveType(decl.type, entry.scope, entry.file);
      if (!assignable(ir.type, declared) && !emptyCollection(ir, declared))
        diagnostics.push(inFile(error(CODES.constType, `\`${decl.name.text}\` is declared as ${describe(declared)} but its value is ${describe(ir.type)}`, decl.value.span), entry.file));
      type = declared;
    }
    constants.push(value);
    const result = { index: constants.length - 1, type };
    constIndex.set(decl, result);
    return result;
  };

  const phraseOf = (decl: PhrasesDecl, file: string | undefined): number => {
    const known = phraseIndex.get(decl);
    if (known !== undefined) return known;
    const list = decl.phrases.map((p) => p.value);
    // Built once here too, so that a list the regex engine cannot take is a diagnostic, not a failure at run time.
    try {
      compilePhrases(list);
    } catch (e) {
      diagnostics.push(inFile(error(CODES.phraseListTooLarge, e instanceof Error ? e.message : String(e), decl.name.span, 'split it into several smaller phrase lists'), file));
    }
    phrases.push({ name: decl.name.text, phrases: list });
    phraseIndex.set(decl, phrases.length - 1);
    return phrases.length - 1;
  };

  // Check every constant of the main file, even unused ones, so their mistakes show.
  for (const entry of resolved.scope.symbols.values()) if (entry.decl.kind === 'ConstDecl' && !entry.file) constantOf(entry);

  // ---------------------------------------------------------------- records
  const records: IrRecord[] = recordEntries.map((entry) => {
    const decl = entry.decl as RecordDecl;
    const types = recordTypes.get(decl.name.text)!;
    const seen = new Set<string>();
    return {
      name: decl.name.text,
      ...(decl.doc ? { doc: decl.doc } : {}),
      fields: decl.fields
        .filter((f) => !seen.has(f.name.text) && seen.add(f.name.text))
        .map((f) => {
          const type = types.get(f.name.text) ?? T.unknown;
          let def: JsonValue | undefined;
          if (f.default) {
            const ir = checkExpr(f.default, envFor(entry.scope, new Map(), false));
            def = fold(ir, constants);
            if (def === undefined)
              diagnostics.push(inFile(error(CODES.notConstant, `the default of \`${f.name.text}\` must be a written-out value`, f.default.span), entry.file));
            else if (!assignable(ir.type, type) && !emptyCollection(ir, type))
              diagnostics.push(inFile(error(CODES.defaultMismatch, `the default of \`${f.name.text}\` is ${describe(ir.type)}, but the field is ${describe(type)}`, f.default.span), entry.file));
            else if (type.k === 'enum' && typeof def === 'string' && !type.members.includes(def))
              diagnostics.push(
                inFile(error(CODES.unknownEnumValue, `"${def}" is not one of the values of \`${f.name.text}\``, f.default.span, `the values are ${type.members.join(', ')}`), entry.file),
              );
          }
          return {
            name: f.name.text,
            type,
            optional: f.optional,
            default: def,
            aliases: f.aliases.map((a) => a.value),
            ...(f.doc ? { doc: f.doc } : {}),
          };
        }),
    };
  });

  // ------------------------------------------------------------ input record
  let inputRecord = '';
  if (header?.input) {
    const entry = resolved.scope.symbols.get(header.input.text);
    if (entry?.decl.kind === 'RecordDecl') inputRecord = header.input.text;
    else {
      const recordNames = [...resolved.scope.symbols.entries()].filter(([, s]) => s.decl.kind === 'RecordDecl').map(([n]) => n);
      diagnostics.push(error(CODES.noInputRecord, `the input \`${header.input.text}\` is not a record declared or imported here`, header.input.span, suggestionHelp(header.input.text, recordNames, 'records')));
    }
  } else {
    const last = [...resolved.ast.declarations].reverse().find((d): d is RecordDecl => d.kind === 'RecordDecl');
    if (last) inputRecord = last.name.text;
    else if (resolved.rules.length > 0)
      diagnostics.push(error(CODES.noInputRecord, 'the policy has rules but no record type to check', header?.span ?? { start: 0, end: 0 }, 'declare the shape of the input, e.g. record Message { body: text }, and name it with `input Message` in the header'));
  }
  // The input record first: forms and .d.ts start from it.
  records.sort((a, b) => (a.name === inputRecord ? -1 : b.name === inputRecord ? 1 : 0));
  const inputFields = recordTypes.get(inputRecord) ?? new Map<string, Type>();
  if (semantic) semantic.inputRecord = inputRecord;
  const lets = new LetTable(resolved.ast, resolved.scope, () => envFor(resolved.scope, inputFields, false), diagnostics);
  const withLets = (env: ExprEnv): ExprEnv => ({ ...env, letValue: lets.valueOf, letNames: lets.names });
  lets.checkAll();

  // ---------------------------------------------------------------- metrics
  const metrics: IrMetric[] = resolved.metrics.map((decl) => checkMetric(decl));
  const metricIndex = new Map(metrics.map((m, i) => [m.name, { index: i, type: m.type }]));

  function checkMetric(decl: MetricDecl): IrMetric {
    const env = withLets(envFor(resolved.scope, inputFields, false));
    const agg = decl.aggregate;
    let kind: IrMetric['kind'] = 'count';
    let expr: IrExpr | null = null;
    let type: Type = T.integer;
    if (!agg) {
      diagnostics.push(
        error(CODES.metricWithoutAggregate, `the metric \`${decl.name.text}\` does not say what it measures`, decl.name.span, 'add a line such as `count`, `rate <condition>`, `total <value>` or `average <value>`'),
      );
    } else {
      kind = agg.aggregate;
      if (agg.expr) expr = checkExpr(agg.expr, env);
      if (kind === 'rate') {
        if (expr) {
          expectCondition(expr, env);
          expr = asCondition(expr);
        }
        type = T.percent;
      } else if (kind !== 'count') {
        const t = expr?.type ?? T.unknown;
        const ok = isNumeric(t) || t.k === 'duration' || t.k === 'unknown' || ((kind === 'minimum' || kind === 'maximum') && isTemporal(t));
        if (!ok)
          diagnostics.push(error(CODES.metricValueType, `a ${kind} needs numbers, but this is ${describe(t)}`, agg.expr?.span ?? agg.span, 'measure a number field, e.g. `total itemPrice`'));
        type = kind === 'average' && t.k === 'integer' ? T.number : { ...t, nullable: false };
      }
    }
    let where: IrExpr | null = null;
    if (decl.where) {
      where = checkExpr(decl.where, env);
      expectCondition(where, env);
      where = asCondition(where);
    }
    let window: IrMetric['window'] = null;
    if (decl.window) {
      const by = checkExpr(decl.window.by, env);
      if (!isTemporal(by.type) && by.type.k !== 'unknown')
        diagnostics.push(error(CODES.windowNotADate, `a time window goes by a date, but this is ${describe(by.type)}`, decl.window.by.span, 'name a date or datetime field, e.g. `over 60 days by purchaseDate`'));
      const days = decl.window.length.ms / 86_400_000;
      if (!Number.isInteger(days) || days < 1)
        diagnostics.push(error(CODES.windowNotADate, 'a time window is a whole number of days', decl.window.length.span, 'write it in days or weeks, e.g. `over 30 days`'));
      window = { days: Math.max(1, Math.round(days)), by, byText: sourceOf(decl.window.by) };
    }
    const groupBy = decl.groupBy.map((g) => ({ expr: checkExpr(g, env), text: sourceOf(g) }));
    return {
      name: decl.name.text,
      title: decl.title?.value ?? decl.name.text,
      kind,
      expr,
      where,
      window,
      groupBy,
      type: nullable(type),
      span: decl.span,
    };
  }

  // ------------------------------------------------------------------ rules
  const rules: IrRule[] = resolved.rules.map((decl) => checkRule(decl));

  function checkRule(decl: RuleDecl): IrRule {
    const metric = (name: string) => metricIndex.get(name);
    let env: ExprEnv = { ...withLets(envFor(resolved.scope, inputFields, false)), metric };
    let messageEnv: ExprEnv = { ...withLets(envFor(resolved.scope, inputFields, true)), metric };
    let each: IrRule['each'] = null;
    if (decl.each) {
      const collection = checkExpr(decl.each.collection, env);
      let element: Type = T.unknown;
      if (collection.type.k === 'list') element = collection.type.element;
      else if (collection.type.k !== 'unknown')
        diagnostics.push(error(CODES.notAList, `\`each\` goes over a list, but this is ${describe(collection.type)}`, decl.each.collection.span, 'write each item in someList'));
      const varId = ++varCounter;
      const variable = semantic?.declareVariable(resolved.scope.file, decl.each.variable, decl.span, element);
      const locals = new Map([[decl.each.variable.text, { id: varId, type: element, ...(variable ? { decl: variable } : {}) }]]);
      env = { ...env, locals };
      messageEnv = { ...messageEnv, locals };
      each = { varId, collection };
    }
    const when = decl.when ? conditionOf(decl.when, env) : null;
    const clauses: IrClause[] = decl.clauses.map((c) => ({
      mode: c.mode,
      condition: conditionOf(c.condition, env),
      message: c.message ? checkExpr(c.message, messageEnv) : null,
      path: '',
      subject: null,
      span: c.span,
    }));
    for (const c of clauses) {
      c.subject = primarySubject(c.condition);
      c.path = (c.subject && staticPath(c.subject)) ?? '';
    }
    if (clauses.length === 0)
      diagnostics.push(error(CODES.ruleWithoutClause, `the rule \`${decl.id.text}\` checks nothing`, decl.id.span, 'add a line such as `require <condition>` or `forbid <condition>`'));
    if (!decl.message)
      diagnostics.push(error(CODES.missingMessage, `the rule \`${decl.id.text}\` has no message`, decl.id.span, 'write the message after the severity: rule my-rule error "What is wrong, in plain words" { ... }'));
    const fix = decl.fix ? checkFix(decl, env, messageEnv, clauses) : null;
    const parts = ruleConditions({ when, clauses });
    const dataset = parts.some((p) => contains(p, 'metric'));
    if (dataset && (parts.some((p) => contains(p, 'root') || contains(p, 'var')) || decl.each || decl.fix))
      diagnostics.push(
        error(
          CODES.metricMixedWithFields,
          `the rule \`${decl.id.text}\` uses a metric and also reads the fields of single records`,
          decl.id.span,
          'a rule about metrics runs once for the whole input; put checks of single records in a rule of their own',
        ),
      );
    return {
      id: decl.id.text,
      fullId: `${policyId}/${decl.id.text}`,
      severity: decl.severity?.value ?? 'error',
      message: decl.message ? checkExpr(decl.message, messageEnv) : { op: 'lit', value: decl.id.text, type: T.string, span: decl.id.span },
      messageText: decl.message?.raw ?? decl.id.text,
      each,
      when,
      clauses,
      hint: decl.hint ? checkExpr(decl.hint, messageEnv) : null,
      ...(decl.hint ? { hintText: decl.hint.raw } : {}),
      ...(decl.source ? { source: decl.source.value } : {}),
      fix,
      dataset,
      ...(decl.doc ? { doc: decl.doc } : {}),
      span: decl.span,
    };
  }

  function checkFix(decl: RuleDecl, env: ExprEnv, messageEnv: ExprEnv, clauses: IrClause[]): IrFix | null {
    const fix = decl.fix!;
    if (fix.kind === 'InsertFix') {
      const into = checkExpr(fix.into, env);
      if (into.op !== 'field' || into.object.op !== 'root' || !['string', 'text'].includes(into.type.k))
        diagnostics.push(error(CODES.badInsertTarget, 'text can only be inserted into a text field of the record', fix.into.span, 'name a field of the input record, e.g. `into subject`'));
      return { kind: 'insert', text: checkExpr(fix.text, messageEnv), into, at: fix.at };
    }
    const detectors = clauses.flatMap((c) => findAll<Extract<IrExpr, { op: 'detect' }>>(c.condition, (x) => x.op === 'detect'));
    if (detectors.length === 0)
      diagnostics.push(
        warning(CODES.fixWithoutMatches, `\`fix ${fix.kind === 'RemoveFix' ? 'remove' : 'replace'}\` acts on matched text, but this rule's conditions find none`, fix.span, 'use a detector such as links(body) in a forbid line, or remove the fix'),
      );
    if (fix.kind === 'RemoveFix') return { kind: 'remove' };
    const matchVar = ++varCounter;
    const locals = new Map(messageEnv.locals);
    locals.set('match', { id: matchVar, type: T.match(detectors[0]?.detector ?? 'links') });
    return { kind: 'replace', with: checkExpr(fix.with, { ...messageEnv, locals }), matchVar };
  }

  function conditionOf(e: Expr, env: ExprEnv): IrExpr {
    const ir = checkExpr(e, env);
    expectCondition(ir, env);
    return asCondition(ir);
  }

  // --------------------------------------------------------------- examples
  const ruleIds = new Set(rules.map((r) => r.id));
  const examples: IrExample[] = resolved.examples.map((decl) => checkExample(decl));
  reportNameClashes({ ast: resolved.ast, scope: resolved.scope, inputRecord, inputFields, lets, rules, ruleDecls: resolved.rules, metricDecls: resolved.metrics, diagnostics });

  function checkExample(decl: ExampleDecl): IrExample {
    const fires: string[] = [];
    const absent: string[] = [];
    let nothing = false;
    for (const ex of decl.expectations) {
      if (ex.mode === 'nothing') nothing = true;
      for (const r of ex.rules) {
        if (!ruleIds.has(r.text)) {
          diagnostics.push(error(CODES.unknownRuleInExample, `this policy has no rule \`${r.text}\``, r.span, suggestionHelp(r.text, [...ruleIds], 'rules')));
          continue;
        }
        (ex.mode === 'absent' ? absent : fires).push(r.text);
      }
    }
    if (decl.expectations.length === 0)
      diagnostics.push(warning(CODES.exampleNoExpectation, `the example "${decl.name.value}" expects nothing`, decl.name.span, 'add `expect <rule-id>` or `expect nothing`'));
    let given: JsonValue = {};
    if (decl.given) {
      given = exampleValue(decl.given);
      const records = Array.isArray(given) && metrics.length > 0 ? given : [given];
      for (const one of records) checkGiven(one, decl);
    }
    return { name: decl.name.value, given, asOf: decl.asOf ? decl.asOf.ms : null, fires, absent, nothing, span: decl.span };
  }

  function checkGiven(given: JsonValue, decl: ExampleDecl): void {
    if (!decl.given) return;
    {
      if (given === null || typeof given !== 'object' || Array.isArray(given))
        diagnostics.push(
          error(
            CODES.exampleShape,
            metrics.length > 0 ? 'an example is given records, written as { field: value, ... } or a list of them' : 'an example is given one record, written as { field: value, ... }',
            decl.given.span,
          ),
        );
      else {
        const known = new Set(records.find((r) => r.name === inputRecord)?.fields.flatMap((f) => [f.name, ...f.aliases]) ?? []);
        const written = decl.given.kind === 'Object' ? decl.given.entries : [];
        for (const key of Object.keys(given)) {
          if (known.has(key)) continue;
          const at = written.find((en) => en.key.text === key)?.key.span ?? decl.given.span;
          diagnostics.push(warning(CODES.exampleShape, `${inputRecord} has no field \`${key}\`; the example's value for it is ignored`, at, suggestionHelp(key, [...known], 'fields')));
        }
      }
    }
  }

  /** Example inputs are written like data: dates become ISO text, durations and percents keep their written form. */
  function exampleValue(e: Expr): JsonValue {
    switch (e.kind) {
      case 'Date':
      case 'Duration':
      case 'Percent':
        return e.raw;
      case 'Number':
        return e.value;
      case 'String':
        return e.value;
      case 'Template':
        return e.raw;
      case 'Bool':
        return e.value;
      case 'Null':
        return null;
      case 'Paren':
        return exampleValue(e.expr);
      case 'List':
        return e.items.map(exampleValue);
      case 'Object':
        return Object.fromEntries(e.entries.map((en) => [en.key.text, exampleValue(en.value)]));
      case 'Unary':
        if (e.op === '-' && e.operand.kind === 'Number') return -e.operand.value;
        break;
      case 'Binary': {
        // `given baseMessage + { body: "..." }`: a shared record with some fields changed.
        if (e.op !== '+') break;
        const left = exampleValue(e.left);
        const right = exampleValue(e.right);
        if (isObject(left) && isObject(right)) return { ...left, ...right };
        break;
      }
      case 'Ident': {
        const entry = resolved.scope.symbols.get(e.name);
        if (entry?.decl.kind === 'ConstDecl') return exampleValue(entry.decl.value);
        break;
      }
    }
    diagnostics.push(
      error(CODES.exampleShape, 'example data must be written out: texts, numbers, dates, lists and { field: value }', e.span, 'to reuse a record, name a constant and change fields with +: given baseMessage + { body: "..." }'),
    );
    return null;
  }

  return {
    id: policyId,
    title: header?.title?.value ?? policyId,
    ...(header?.source ? { source: header.source.value } : {}),
    ...(header?.version ? { version: header.version.value } : {}),
    inputRecord,
    records,
    enums: [...resolved.enums.values()].map((e) => ({ name: (e.decl as EnumDecl).name.text, members: (e.decl as EnumDecl).members.map((m) => m.text) })),
    constants,
    phrases,
    regexes,
    metrics,
    rules,
    examples,
  };
}

function isObject(v: JsonValue): v is { [key: string]: JsonValue } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function inFile(d: Diagnostic, file: string | undefined): Diagnostic {
  return file ? { ...d, file } : d;
}

function emptyCollection(ir: IrExpr, declared: Type): boolean {
  return (ir.op === 'list' && ir.items.length === 0 && declared.k === 'list') || (ir.op === 'object' && ir.entries.length === 0 && declared.k === 'map');
}

function reportRecursion(entries: SymbolEntry[], types: Map<string, Map<string, Type>>, diagnostics: Diagnostic[]): void {
  const refs = (t: Type): string[] => (t.k === 'record' ? [t.name] : t.k === 'list' ? refs(t.element) : t.k === 'map' ? refs(t.value) : []);
  for (const entry of entries) {
    const decl = entry.decl as RecordDecl;
    const seen = new Set<string>();
    const stack = [...(types.get(decl.name.text)?.values() ?? [])].flatMap(refs);
    while (stack.length) {
      const name = stack.pop()!;
      if (name === decl.name.text) {
        diagnostics.push(inFile(error(CODES.recursiveRecord, `the record \`${name}\` contains itself`, decl.name.span, 'records cannot nest themselves; use a list of ids instead'), entry.file));
        break;
      }
      if (seen.has(name)) continue;
      seen.add(name);
      stack.push(...[...(types.get(name)?.values() ?? [])].flatMap(refs));
    }
  }
}
