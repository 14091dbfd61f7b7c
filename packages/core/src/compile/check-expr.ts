/**
 * Stage 2a: type-check one expression and lower it to IR.
 *
 * Every problem becomes a diagnostic; the offending expression then gets the
 * `unknown` type, which fits everywhere, so one mistake yields one message.
 */
import type { Diagnostic, Expr, Span, TemplateLit } from '@sellguard/dsl';
import { DETECTORS, FUNCTIONS, matchFields } from './builtins.js';
import { M, diag } from './codes.js';
import type { IrExpr, JsonValue } from './ir.js';
import type { Scope } from './resolve.js';
import type { SemanticDecl, SemanticRecorder } from './semantic-recorder.js';
import { closest, suggestionHelp } from './suggest.js';
import {
  T,
  assignable,
  comparable,
  describe,
  isNumeric,
  isStringy,
  isTemporal,
  nonNull,
  nullable,
  type Type,
} from './type-system.js';

/** What the checker knows while it looks at an expression. */
export interface ExprEnv {
  scope: Scope;
  /** Field types of the input record (names resolve to these first after locals). */
  recordFields: Map<string, Type>;
  /** Record types by name, for member access. */
  recordTypes: Map<string, Map<string, Type>>;
  /** Quantifier variables in scope. */
  locals: Map<string, { id: number; type: Type; decl?: SemanticDecl }>;
  /** Allocates quantifier variable ids. */
  nextVar: () => number;
  /** Metric lookup (rules only): index and value type; undefined when not a metric. */
  metric?: (name: string) => { index: number; type: Type } | undefined;
  /** A `let`'s checked value (rules, metrics and lets only); undefined when there is no such let. */
  letValue?: (name: string) => IrExpr | undefined;
  /** The names of the lets, for suggestions. */
  letNames?: string[];
  /** Constant lookup: index into the constants table and type; undefined when not a constant. */
  constant: (name: string) => { index: number; type: Type } | undefined;
  phraseList: (name: string) => number | undefined;
  regex: (source: string, span: Span) => number | undefined;
  /** Messages and hints may use `matched`. */
  inMessage: boolean;
  diagnostics: Diagnostic[];
  /** Told every name use, for editors' semantic model. */
  semantic?: SemanticRecorder;
}

const bool = T.boolean;

export function checkExpr(e: Expr, env: ExprEnv): IrExpr {
  const span = e.span;
  switch (e.kind) {
    case 'Number':
      return { op: 'lit', value: e.value, type: Number.isInteger(e.value) && !e.raw.includes('.') ? T.integer : T.number, span };
    case 'Percent':
      return { op: 'lit', value: e.value, type: T.percent, span };
    case 'Duration':
      return { op: 'lit', value: e.ms, type: T.duration, span };
    case 'Date':
      return { op: 'lit', value: e.ms, type: e.withTime ? T.datetime : T.date, span };
    case 'String':
      return { op: 'lit', value: e.value, type: T.string, span };
    case 'Template':
      return checkTemplate(e, env);
    case 'Bool':
      return { op: 'lit', value: e.value, type: bool, span };
    case 'Null':
      return { op: 'lit', value: null, type: T.null, span };
    case 'Paren':
      return checkExpr(e.expr, env);
    case 'List': {
      const items = e.items.map((i) => checkExpr(i, env));
      return { op: 'list', items, type: T.list(unify(items.map((i) => i.type))), span };
    }
    case 'Object': {
      const entries = e.entries.map((en) => ({ key: en.key.text, value: checkExpr(en.value, env) }));
      return { op: 'object', entries, type: { k: 'map', value: unify(entries.map((en) => en.value.type)) }, span };
    }
    case 'Ident':
      return checkIdent(e.name, span, env);
    case 'Member':
      return checkMember(e, env);
    case 'Index':
      return checkIndex(e, env);
    case 'Call':
      return checkCall(e, env);
    case 'Unary': {
      const operand = checkExpr(e.operand, env);
      if (e.op === 'not') {
        expectCondition(operand, env);
        return { op: 'not', operand: asCondition(operand), type: bool, span };
      }
      if (!isNumeric(operand.type) && operand.type.k !== 'duration' && operand.type.k !== 'unknown') {
        env.diagnostics.push(diag(M.cannotNegate, e.operand.span, { type: describe(operand.type) }));
        return { op: 'neg', operand, type: T.unknown, span };
      }
      return { op: 'neg', operand, type: operand.type, span };
    }
    case 'Binary':
      return checkBinary(e, env);
    case 'Quantifier':
      return checkQuantifier(e, env);
    case 'Conditional': {
      const test = checkExpr(e.test, env);
      expectCondition(test, env);
      const then = checkExpr(e.then, env);
      const otherwise = checkExpr(e.else, env);
      let type = unify([then.type, otherwise.type]);
      if (type.k === 'unknown' && then.type.k !== 'unknown' && otherwise.type.k !== 'unknown' && then.type.k !== 'null' && otherwise.type.k !== 'null')
        env.diagnostics.push(diag(M.ifKindsDiffer, e.span, { then: describe(then.type), otherwise: describe(otherwise.type) }));
      if (then.type.k === 'null' || otherwise.type.k === 'null') type = nullable(then.type.k === 'null' ? otherwise.type : then.type);
      return { op: 'cond', test: asCondition(test), then, else: otherwise, type, span };
    }
    case 'Error':
      return { op: 'lit', value: null, type: T.unknown, span };
  }
}

function checkTemplate(e: TemplateLit, env: ExprEnv): IrExpr {
  const parts: Array<string | IrExpr> = e.parts.map((p) => (p.kind === 'Text' ? p.value : checkExpr(p.expr, env)));
  if (parts.every((p) => typeof p === 'string')) return { op: 'lit', value: parts.join(''), type: T.string, span: e.span };
  return { op: 'template', parts, type: T.string, span: e.span };
}

function checkIdent(name: string, span: Span, env: ExprEnv): IrExpr {
  const sem = env.semantic;
  const local = env.locals.get(name);
  if (local) {
    sem?.use(env.scope.file, span, local.decl, local.type);
    return { op: 'var', id: local.id, type: local.type, span };
  }
  const field = env.recordFields.get(name);
  if (field) {
    sem?.use(env.scope.file, span, sem.fieldOf(sem.inputRecord, name), field);
    return { op: 'field', object: { op: 'root', type: T.unknown, span }, name, type: field, span };
  }
  const named = env.letValue?.(name);
  if (named) {
    sem?.use(env.scope.file, span, sem.letOf(name), named.type);
    return named;
  }
  const constant = env.constant(name);
  if (constant) {
    const entry = env.scope.symbols.get(name);
    sem?.use(env.scope.file, span, entry && sem.declOf(entry.file, entry.decl.name), constant.type);
    return { op: 'const', index: constant.index, name, type: constant.type, span };
  }
  const metric = env.metric?.(name);
  if (metric) {
    sem?.use(env.scope.file, span, sem.metric(name), metric.type);
    return { op: 'metric', index: metric.index, name, type: metric.type, span };
  }
  if (name === 'matched') {
    if (!env.inMessage) {
      env.diagnostics.push(diag(M.matchedOutsideMessage, span, {}));
      return { op: 'lit', value: null, type: T.unknown, span };
    }
    return { op: 'matched', type: T.string, span };
  }
  if (env.phraseList(name) !== undefined) {
    env.diagnostics.push(diag(M.phraseListAsValue, span, { name }));
    return { op: 'lit', value: null, type: T.unknown, span };
  }
  if (name.includes('-')) {
    const parts = name.split('-');
    if (parts.some((p) => env.recordFields.has(p) || env.locals.has(p) || env.constant(p))) {
      env.diagnostics.push(diag(M.hyphenatedName, span, { name, spaced: parts.join(' - ') }));
      return { op: 'lit', value: null, type: T.unknown, span };
    }
  }
  // Constants are picked by their declaration, not looked up: looking one up checks it, and the
  // constant being checked would then be reported as defined in terms of itself.
  const constants = [...env.scope.symbols].filter(([, s]) => s.decl.kind === 'ConstDecl').map(([k]) => k);
  const candidates = [...env.locals.keys(), ...env.recordFields.keys(), ...constants, ...(env.letNames ?? [])];
  env.diagnostics.push(diag(M.unknownNameInExpr, span, { name }, { help: suggestionHelp(name, candidates, 'fields and constants') }));
  return { op: 'lit', value: null, type: T.unknown, span };
}

function fieldsOf(t: Type, env: ExprEnv): Map<string, Type> | undefined {
  if (t.k === 'record') return env.recordTypes.get(t.name);
  if (t.k === 'match') return new Map(Object.entries(matchFields(t.detector)));
  return undefined;
}

function checkMember(e: Extract<Expr, { kind: 'Member' }>, env: ExprEnv): IrExpr {
  const object = checkExpr(e.object, env);
  const name = e.property.text;
  // Told even for a name the record lacks: completion after `x.` reads the object's type from here.
  const told = { objectType: object.type };
  if (object.type.k === 'unknown') return { op: 'field', object, name, type: T.unknown, span: e.span };
  if (object.type.k === 'map') return { op: 'field', object, name, type: nullable(object.type.value), span: e.span };
  const fields = fieldsOf(object.type, env);
  if (!fields) {
    env.diagnostics.push(
      diag(M.notARecord, e.property.span, { type: describe(object.type), name }),
    );
    return { op: 'field', object, name, type: T.unknown, span: e.span };
  }
  const type = fields.get(name);
  if (!type) {
    env.semantic?.use(env.scope.file, e.property.span, undefined, undefined, told);
    env.diagnostics.push(
      diag(M.unknownField, e.property.span, { type: describe(object.type), name }, { help: suggestionHelp(name, [...fields.keys()], 'fields') }),
    );
    return { op: 'field', object, name, type: T.unknown, span: e.span };
  }
  env.semantic?.use(env.scope.file, e.property.span, object.type.k === 'record' ? env.semantic.fieldOf(object.type.name, name) : undefined, type, told);
  return { op: 'field', object, name, type: nullable(type, !!object.type.nullable), span: e.span };
}

function checkIndex(e: Extract<Expr, { kind: 'Index' }>, env: ExprEnv): IrExpr {
  const object = checkExpr(e.object, env);
  const index = checkExpr(e.index, env);
  const t = object.type;
  if (t.k === 'map') {
    if (!isStringy(index.type) && index.type.k !== 'unknown')
      env.diagnostics.push(diag(M.mapIndex, e.index.span, { type: describe(index.type) }));
    return { op: 'index', object, index, type: nullable(t.value), span: e.span };
  }
  if (t.k === 'list') {
    if (!isNumeric(index.type) && index.type.k !== 'unknown')
      env.diagnostics.push(diag(M.listIndex, e.index.span, { type: describe(index.type) }));
    return { op: 'index', object, index, type: nullable(t.element), span: e.span };
  }
  if (t.k !== 'unknown')
    env.diagnostics.push(diag(M.notIndexable, e.span, { type: describe(t) }));
  return { op: 'index', object, index, type: T.unknown, span: e.span };
}

function checkCall(e: Extract<Expr, { kind: 'Call' }>, env: ExprEnv): IrExpr {
  const name = e.callee.text;
  const span = e.span;
  if (Object.hasOwn(FUNCTIONS, name) || Object.hasOwn(DETECTORS, name)) env.semantic?.use(env.scope.file, e.callee.span, undefined, undefined, { builtin: name });
  if (name === 'phrases') return checkPhrases(e, env);
  if (name === 'find') return checkFind(e, env);
  const detector = DETECTORS[name];
  if (detector) {
    if (e.args.length !== 1) {
      env.diagnostics.push(diag(M.detectorArgumentCount, span, { name, count: e.args.length }));
      return { op: 'lit', value: [], type: T.list(T.match(name)), span };
    }
    const arg = checkExpr(e.args[0], env);
    if (!scannable(arg.type))
      env.diagnostics.push(diag(M.searchesText, e.args[0].span, { name, type: describe(arg.type) }));
    return { op: 'detect', detector: name, arg, type: T.list(T.match(name)), span };
  }
  const fn = FUNCTIONS[name];
  if (!fn) {
    env.diagnostics.push(
      diag(M.unknownFunction, e.callee.span, { name }, { help: suggestionHelp(name, [...Object.keys(FUNCTIONS), ...Object.keys(DETECTORS)], 'functions') }),
    );
    return { op: 'lit', value: null, type: T.unknown, span };
  }
  const args = e.args.map((a) => checkExpr(a, env));
  const min = fn.params.length - (fn.optional ?? 0);
  if (args.length < min || args.length > fn.params.length) {
    const expected = min === fn.params.length ? `${min}` : `${min} to ${fn.params.length}`;
    env.diagnostics.push(
      diag(M.argumentCount, span, { name, expected, arguments: fn.params.length === 1 ? 'argument' : 'arguments', count: args.length, params: fn.params.map((p) => p.name).join(', ') }),
    );
    return { op: 'call', fn: name, args, type: T.unknown, span };
  }
  let ok = true;
  args.forEach((a, i) => {
    const p = fn.params[i];
    if (!p.accepts(a.type)) {
      ok = false;
      const which = fn.params.length === 1 ? '' : ` as its ${p.name}`;
      env.diagnostics.push(diag(M.argumentType, e.args[i].span, { name, expected: p.expected, which, type: describe(a.type) }));
    }
  });
  const anyNullable = args.some((a) => a.type.nullable) && name !== 'empty' && name !== 'exists' && name !== 'count' && name !== 'length';
  return { op: 'call', fn: name, args, type: ok ? nullable(fn.result(args.map((a) => a.type)), anyNullable) : T.unknown, span };
}

function checkPhrases(e: Extract<Expr, { kind: 'Call' }>, env: ExprEnv): IrExpr {
  const type = T.list(T.match('phrases'));
  const listArg = e.args[1];
  if (e.args.length !== 2 || !listArg) {
    env.diagnostics.push(diag(M.phrasesArguments, e.span, {}));
    return { op: 'lit', value: [], type, span: e.span };
  }
  const arg = checkExpr(e.args[0], env);
  if (!scannable(arg.type)) env.diagnostics.push(diag(M.searchesText, e.args[0].span, { name: 'phrases', type: describe(arg.type) }));
  if (listArg.kind !== 'Ident' || env.phraseList(listArg.name) === undefined) {
    const known = [...env.scope.symbols.entries()].filter(([, s]) => s.decl.kind === 'PhrasesDecl').map(([n]) => n);
    const help = suggestionHelp(listArg.kind === 'Ident' ? listArg.name : '', known, 'phrase lists');
    env.diagnostics.push(listArg.kind === 'Ident' ? diag(M.notAPhraseList, listArg.span, { name: listArg.name }, { help }) : diag(M.phrasesNeedsList, listArg.span, {}, { help }));
    return { op: 'lit', value: [], type, span: e.span };
  }
  const listEntry = env.scope.symbols.get(listArg.name);
  env.semantic?.use(env.scope.file, listArg.span, listEntry && env.semantic.declOf(listEntry.file, listEntry.decl.name), { k: 'phrases' });
  return { op: 'detect', detector: 'phrases', arg, phrases: env.phraseList(listArg.name), type, span: e.span };
}

/** Detectors scan text fields, or an earlier match (a sentence) keeping its place in the field. */
function scannable(t: Type): boolean {
  return isStringy(t) || t.k === 'match' || t.k === 'unknown' || t.k === 'null';
}

function checkFind(e: Extract<Expr, { kind: 'Call' }>, env: ExprEnv): IrExpr {
  const type = T.list(T.match('find'));
  const pattern = e.args[1];
  if (e.args.length !== 2 || !pattern) {
    env.diagnostics.push(diag(M.findArguments, e.span, {}));
    return { op: 'lit', value: [], type, span: e.span };
  }
  const arg = checkExpr(e.args[0], env);
  if (!scannable(arg.type)) env.diagnostics.push(diag(M.searchesText, e.args[0].span, { name: 'find', type: describe(arg.type) }));
  if (pattern.kind !== 'String') {
    env.diagnostics.push(diag(M.findPatternNotWritten, pattern.span, {}));
    return { op: 'lit', value: [], type, span: e.span };
  }
  const regex = env.regex(pattern.value, pattern.span);
  if (regex === undefined) return { op: 'lit', value: [], type, span: e.span };
  return { op: 'detect', detector: 'find', arg, regex, type, span: e.span };
}

function checkQuantifier(e: Extract<Expr, { kind: 'Quantifier' }>, env: ExprEnv): IrExpr {
  const collection = checkExpr(e.collection, env);
  let element: Type = T.unknown;
  if (collection.type.k === 'list') element = collection.type.element;
  else if (collection.type.k !== 'unknown')
    env.diagnostics.push(
      diag(M.quantifierNotAList, e.collection.span, { quantifier: e.quantifier, type: describe(collection.type) }),
    );
  const id = env.nextVar();
  const locals = new Map(env.locals);
  const variable = env.semantic?.declareVariable(env.scope.file, e.variable, e.span, element);
  locals.set(e.variable.text, { id, type: element, ...(variable ? { decl: variable } : {}) });
  const body = checkExpr(e.body, { ...env, locals });
  expectCondition(body, env);
  return { op: 'quant', q: e.quantifier, varId: id, collection, body: asCondition(body), type: e.quantifier === 'count' ? T.integer : bool, span: e.span };
}

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

function checkBinary(e: Extract<Expr, { kind: 'Binary' }>, env: ExprEnv): IrExpr {
  const span = e.span;
  if (e.op === 'and' || e.op === 'or') {
    const left = checkExpr(e.left, env);
    const right = checkExpr(e.right, env);
    expectCondition(left, env);
    expectCondition(right, env);
    return { op: e.op, left: asCondition(left), right: asCondition(right), type: bool, span };
  }
  const left = checkExpr(e.left, env);
  const right = checkExpr(e.right, env);
  const lt = left.type;
  const rt = right.type;
  const eitherNullable = !!(lt.nullable || rt.nullable);
  if (COMPARISONS.has(e.op)) {
    const cmp = e.op as '==' | '!=' | '<' | '<=' | '>' | '>=';
    if (!comparable(lt, rt)) {
      env.diagnostics.push(
        diag(M.cannotCompare, e.opSpan, { left: describe(lt), right: describe(rt) }, { help: comparisonHelp(lt, rt) }),
      );
    } else if (cmp !== '==' && cmp !== '!=' && (lt.k === 'boolean' || lt.k === 'list' || lt.k === 'map' || lt.k === 'record' || lt.k === 'match')) {
      env.diagnostics.push(diag(M.noOrder, e.opSpan, { type: describe(lt), op: cmp }));
    }
    checkEnumLiteral(lt, right, env, left);
    checkEnumLiteral(rt, left, env, right);
    return { op: 'cmp', cmp, left, right, type: bool, span };
  }
  if (e.op === 'in' || e.op === 'not in') {
    const negated = e.op === 'not in';
    if (rt.k === 'list') {
      if (!comparable(lt, rt.element))
        env.diagnostics.push(diag(M.notInList, e.opSpan, { item: describe(lt), element: describe(rt.element) }));
      if (right.op === 'list') for (const item of right.items) checkEnumLiteral(lt, item, env, left);
    } else if (rt.k === 'map') {
      if (!isStringy(lt) && lt.k !== 'unknown') env.diagnostics.push(diag(M.mapKeyNotText, e.opSpan, { type: describe(lt) }));
    } else if (isStringy(rt)) {
      if (!isStringy(lt) && lt.k !== 'unknown') env.diagnostics.push(diag(M.notInText, e.opSpan, { type: describe(lt) }));
    } else if (rt.k !== 'unknown') {
      env.diagnostics.push(diag(M.needsCollection, e.right.span, { op: e.op, type: describe(rt) }));
    }
    return { op: 'in', negated, item: left, collection: right, type: bool, span };
  }
  if (e.op === 'contains' || e.op === 'startsWith' || e.op === 'endsWith') {
    if (e.op === 'contains' && lt.k === 'list') {
      if (!comparable(lt.element, rt)) env.diagnostics.push(diag(M.listCannotContain, e.opSpan, { element: describe(lt.element), item: describe(rt) }));
      return { op: 'listContains', list: left, item: right, type: bool, span };
    }
    for (const [side, t] of [[e.left, lt], [e.right, rt]] as const)
      if (!isStringy(t) && t.k !== 'unknown' && t.k !== 'null')
        env.diagnostics.push(diag(M.needsText, side.span, { op: e.op, type: describe(t) }));
    return { op: 'strop', strop: e.op, left, right, type: bool, span };
  }
  if (e.op === 'matches') {
    if (!isStringy(lt) && lt.k !== 'unknown') env.diagnostics.push(diag(M.needsText, e.left.span, { op: 'matches', type: describe(lt) }));
    const source = right.op === 'lit' && typeof right.value === 'string' ? right.value : undefined;
    if (source === undefined) {
      env.diagnostics.push(diag(M.matchesPatternNotWritten, e.right.span, {}));
      return { op: 'lit', value: false, type: bool, span };
    }
    const index = env.regex(source, e.right.span);
    if (index === undefined) return { op: 'lit', value: false, type: bool, span };
    return { op: 'matches', subject: left, regex: index, type: bool, span };
  }
  return checkArithmetic(e, left, right, eitherNullable, env);
}

function checkArithmetic(e: Extract<Expr, { kind: 'Binary' }>, left: IrExpr, right: IrExpr, maybeNull: boolean, env: ExprEnv): IrExpr {
  const op = e.op as '+' | '-' | '*' | '/';
  const lt = nonNull(left.type);
  const rt = nonNull(right.type);
  const span = e.span;
  const result = (type: Type): IrExpr => ({ op: 'arith', arith: op, left, right, type: nullable(type, maybeNull), span });
  if (lt.k === 'unknown' || rt.k === 'unknown') return result(T.unknown);
  if (op === '+' && isStringy(lt) && isStringy(rt)) return { op: 'concat', left, right, type: T.string, span };
  if (op === '+' && lt.k === 'list' && rt.k === 'list') return { op: 'concat', left, right, type: T.list(unify([lt.element, rt.element])), span };
  if (isNumeric(lt) && isNumeric(rt)) {
    if (lt.k === 'integer' && rt.k === 'integer' && op !== '/') return result(T.integer);
    if (lt.k === 'percent' && rt.k === 'percent' && (op === '+' || op === '-')) return result(T.percent);
    return result(T.number);
  }
  if (isTemporal(lt) && isTemporal(rt) && op === '-') return result(T.duration);
  if (isTemporal(lt) && rt.k === 'duration' && (op === '+' || op === '-')) return result(lt);
  if (lt.k === 'duration' && isTemporal(rt) && op === '+') return result(rt);
  if (lt.k === 'duration' && rt.k === 'duration') {
    if (op === '+' || op === '-') return result(T.duration);
    if (op === '/') return result(T.number);
  }
  if (lt.k === 'duration' && isNumeric(rt) && (op === '*' || op === '/')) return result(T.duration);
  if (isNumeric(lt) && rt.k === 'duration' && op === '*') return result(T.duration);
  env.diagnostics.push(diag(M.arithmetic, e.opSpan, { op, left: describe(lt), right: describe(rt) }, { help: arithmeticHelp(lt, rt, op) }));
  return result(T.unknown);
}

function arithmeticHelp(lt: Type, rt: Type, op: string): string | undefined {
  if (isTemporal(lt) && isNumeric(rt)) return `add a duration instead of a number: \`${op} 30 days\``;
  if (isTemporal(lt) && isTemporal(rt)) return 'dates can only be subtracted from each other; the result is a duration';
  if (isStringy(lt) || isStringy(rt)) return op === '+' ? 'only two texts can be joined with +' : 'arithmetic works on numbers, dates and durations';
  return undefined;
}

function comparisonHelp(lt: Type, rt: Type): string | undefined {
  const pair = [lt.k, rt.k];
  if ((isTemporal(lt) && isNumeric(rt)) || (isNumeric(lt) && isTemporal(rt)))
    return 'compare a date with another date, or a difference of dates with a duration such as `30 days`';
  if (pair.includes('duration') && (isNumeric(lt) || isNumeric(rt)))
    return 'write the number with a unit, e.g. `30 days`, or convert the duration with days(...)';
  if (lt.k === 'list' || rt.k === 'list') return 'to test membership write `x in list`; to count write count(list)';
  return undefined;
}

/** A string literal compared with an enum must be one of its members. */
function checkEnumLiteral(target: Type, e: IrExpr, env: ExprEnv, subject: IrExpr): void {
  if (target.k !== 'enum' || e.op !== 'lit' || typeof e.value !== 'string') return;
  const members = target.members;
  const exact = members.find((m) => m.toLowerCase() === (e.value as string).toLowerCase());
  if (exact) {
    e.value = exact;
    return;
  }
  const near = closest(e.value, members);
  const owner = subject.op === 'field' ? `\`${subject.name}\`` : (target.name ?? 'this enum');
  const help = near ? `did you mean "${near}"? The values are ${members.join(', ')}` : undefined;
  env.diagnostics.push(diag(M.notAnEnumValue, e.span, { value: e.value, owner, members: members.join(', ') }, { help }));
}

/** Conditions are booleans, or lists used as "is there any?" (a detector's matches). */
export function expectCondition(e: IrExpr, env: ExprEnv): void {
  const t = e.type;
  if (t.k === 'boolean' || t.k === 'unknown' || t.k === 'list') return;
  env.diagnostics.push(diag(M.notCondition, e.span, { type: describe(t), example: isNumeric(t) ? '> 0' : '== "value"' }));
}

/** Lists in condition position mean "is not empty"; their items become the witnesses. */
export function asCondition(e: IrExpr): IrExpr {
  if (e.type.k === 'list') return { op: 'nonEmpty', list: e, type: bool, span: e.span };
  return e;
}

/** The most specific common type of list items (for literals and constants). */
export function unify(types: Type[]): Type {
  const known = types.filter((t) => t.k !== 'unknown' && t.k !== 'null');
  if (known.length === 0) return T.unknown;
  let acc: Type = known[0];
  for (const t of known.slice(1)) {
    if (assignable(t, acc)) continue;
    if (assignable(acc, t)) acc = t;
    else if (isNumeric(acc) && isNumeric(t)) acc = T.number;
    else if (isStringy(acc) && isStringy(t)) acc = T.string;
    else return T.unknown;
  }
  return acc;
}

/** Fold a checked expression made only of literals into a JSON value (for constants, defaults and examples). */
export function fold(e: IrExpr, constants: JsonValue[]): JsonValue | undefined {
  switch (e.op) {
    case 'lit':
      return e.value;
    case 'const':
      return constants[e.index];
    case 'list': {
      const out: JsonValue[] = [];
      for (const i of e.items) {
        const v = fold(i, constants);
        if (v === undefined) return undefined;
        out.push(v);
      }
      return out;
    }
    case 'object': {
      const out: Record<string, JsonValue> = {};
      for (const en of e.entries) {
        const v = fold(en.value, constants);
        if (v === undefined) return undefined;
        // An own property even for the key `__proto__`.
        Object.defineProperty(out, en.key, { value: v, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'neg': {
      const v = fold(e.operand, constants);
      return typeof v === 'number' ? -v : undefined;
    }
    default:
      return undefined;
  }
}
