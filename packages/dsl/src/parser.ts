/**
 * The grammar of the policy language as a Chevrotain CstParser.
 *
 * Grammar only: no semantic actions. The parser recovers from errors (single token
 * insertion/deletion and re-sync); syntax-messages.ts turns its errors into
 * diagnostics and cst-to-ast.ts builds the AST from the (possibly partial) CST.
 *
 * A few alternatives are deliberately more permissive than the language so that a
 * common mistake gives one precise diagnostic instead of a cascade; cst-to-ast.ts
 * reports them:
 * - a reserved word where a name or a type is expected (`const count = 1`, `a: in`),
 * - any word as a rule's severity (`rule x critical "..." {`),
 * - `=` and chains as comparison operators (`a = b`, `a < b < c`),
 * - `import` anywhere among the declarations,
 * - a key type in a map (`map<string, number>`).
 *
 * GATEs are used where the decision depends on what follows in the calling rule
 * (Chevrotain's lookahead only sees the current rule):
 * - a soft keyword that starts a statement (`rule`, `when`, `hint`, ...) at the start
 *   of a line is not read as a name inside an expression, unless it follows
 *   `(`, `[`, `{`, `,` or `:`; so `require a ==` followed by a `hint` line reports
 *   the missing value instead of comparing with a field called `hint`;
 * - a statement keyword not followed by `:` ends a record's field list, so a record
 *   missing its `}` does not swallow the next `rule`;
 * - `from` after a field type starts aliases only when it is not itself a field `from:`.
 */
import { CstParser, tokenMatcher, type IOrAlt, type IToken, type TokenType } from 'chevrotain';
import { structuredErrorProvider } from './syntax-messages.js';
import {
  allTokens,
  Colon,
  Comma,
  DateLit,
  DatetimeLit,
  DurationLit,
  Dot,
  EqEq,
  Equals,
  Greater,
  GreaterEq,
  Identifier,
  kw,
  LBracket,
  LCurly,
  Less,
  LessEq,
  LParen,
  Minus,
  Name,
  NotEq,
  NumberLit,
  PercentLit,
  Plus,
  Question,
  RBracket,
  RCurly,
  Reserved,
  RParen,
  Slash,
  Star,
  STATEMENT_KEYWORDS,
  StringLit,
} from './tokens.js';

/** Tokens after which a statement keyword is still read as a name. */
const OPENERS: ReadonlySet<TokenType> = new Set([LParen, LBracket, LCurly, Comma, Colon]);

/**
 * Operators: a value must follow them, so a line break after one continues the
 * expression, and a field named like a line keyword (`source`, `hint`) on the next
 * line is read as that field when what follows it continues a value
 * (`and\n source != ""`); `==\n hint "..."` is still a `hint` line after a missing value.
 */
const CONTINUERS: ReadonlySet<TokenType> = new Set([
  kw.and, kw.or, kw.not, kw.in, kw.contains, kw.startsWith, kw.endsWith, kw.matches, kw.if, kw.then, kw.else,
  EqEq, NotEq, Less, LessEq, Greater, GreaterEq, Plus, Minus, Star, Slash, Dot,
]);

/** Tokens that can come right after a value: operators, postfix, separators, closers. */
const AFTER_VALUE: ReadonlySet<TokenType> = new Set([...CONTINUERS, LBracket, RParen, RBracket, RCurly, Comma, Colon, Equals]);

/** Tokens the parser may pretend were there when they are missing: they carry no meaning of their own. */
const INSERTABLE: ReadonlySet<TokenType> = new Set([RCurly, RParen, RBracket, Greater, LCurly, Colon, Equals, kw.from]);

export class PolicyParser extends CstParser {
  /*
   * The alternatives of the choices read most often, built on their first use and kept (Chevrotain's
   * performance guide: an OR given a new array on every call allocates an object and a closure per
   * alternative, for every value of a large policy). They capture nothing but the parser itself.
   */
  private topLevelAlts?: IOrAlt<unknown>[];
  private declarationAlts?: IOrAlt<unknown>[];
  private declNameAlts?: IOrAlt<unknown>[];
  private severityAlts?: IOrAlt<unknown>[];
  private ruleItemAlts?: IOrAlt<unknown>[];
  private logicOperatorAlts?: IOrAlt<unknown>[];
  private notExprAlts?: IOrAlt<unknown>[];
  private compOpAlts?: IOrAlt<unknown>[];
  private arithmeticOperatorAlts?: IOrAlt<unknown>[];
  private unaryAlts?: IOrAlt<unknown>[];
  private postfixOpAlts?: IOrAlt<unknown>[];
  private primaryAlts?: IOrAlt<unknown>[];
  private quantifierAlts?: IOrAlt<unknown>[];

  /**
   * `validate`: run Chevrotain's checks of the grammar itself (ambiguities, left recursion). They take most
   * of the parser's construction time, which every command pays at start-up, and the grammar is fixed once
   * built: the test suite runs them (see parser.test.ts), a user's run skips them.
   */
  constructor(opts: { validate?: boolean } = {}) {
    super(allTokens, {
      recoveryEnabled: true,
      maxLookahead: 3,
      // Spans come from the tokens (cst-to-ast.ts): locations on every CST node would only cost time and memory.
      nodeLocationTracking: 'none',
      errorMessageProvider: structuredErrorProvider,
      skipValidations: opts.validate !== true,
    });
    this.performSelfAnalysis();
  }

  /** The tokens that are first on their line, for the gates below (see `read`). */
  private lineStarts: ReadonlySet<IToken> = new Set();

  /** Parse these tokens next; `lineStarts` are those that are first on their line (the lexer's `lineStarts`). */
  read(tokens: IToken[], lineStarts: ReadonlySet<IToken>): void {
    this.input = tokens;
    this.lineStarts = lineStarts;
  }

  protected override canTokenTypeBeInsertedInRecovery(tokType: TokenType): boolean {
    return INSERTABLE.has(tokType);
  }

  /** A statement keyword at the start of a line begins a new statement, not a name. */
  private nameAllowed(k: number): boolean {
    const t = this.LA(k);
    if (!STATEMENT_KEYWORDS.has(t.tokenType)) return true;
    const prev = this.LA(k - 1);
    if (OPENERS.has(prev.tokenType)) return true;
    if (CONTINUERS.has(prev.tokenType) && AFTER_VALUE.has(this.LA(k + 1).tokenType)) return true;
    return !this.lineStarts.has(t);
  }

  /**
   * A name can start a value here: not a statement keyword starting a line, and not
   * `name:` starting a line (that is the next field or entry, e.g. after `a: integer =`).
   */
  private valueAllowed(): boolean {
    if (!this.nameAllowed(1)) return false;
    const t = this.LA(1);
    const prev = this.LA(0);
    return !(this.LA(2).tokenType === Colon && this.lineStarts.has(t) && !OPENERS.has(prev.tokenType) && prev.tokenType !== kw.in);
  }

  // file := header? (import | declaration)*
  public file = this.RULE('file', () => {
    this.OPTION(() => this.SUBRULE(this.header));
    this.MANY(() =>
      this.OR((this.topLevelAlts ??= [{ ALT: () => this.SUBRULE(this.importDecl) }, { ALT: () => this.SUBRULE(this.declaration) }])),
    );
  });

  /** Entry point of `parseExpression`. */
  public expressionOnly = this.RULE('expressionOnly', () => {
    this.SUBRULE(this.expression);
  });

  // header := 'policy' Name String? headerItem*
  private header = this.RULE('header', () => {
    this.CONSUME(kw.policy);
    this.SUBRULE(this.declName, { LABEL: 'name' });
    this.OPTION(() => this.CONSUME(StringLit, { LABEL: 'title' }));
    this.MANY(() => this.SUBRULE(this.headerItem));
  });

  private headerItem = this.RULE('headerItem', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(kw.source);
          this.CONSUME(StringLit);
        },
      },
      {
        ALT: () => {
          this.CONSUME(kw.version);
          this.CONSUME2(StringLit);
        },
      },
      {
        ALT: () => {
          this.CONSUME(kw.input);
          this.SUBRULE(this.declName, { LABEL: 'name' });
        },
      },
    ]);
  });

  // import := 'import' '{' Name (',' Name)* ','? '}' 'from' String
  private importDecl = this.RULE('importDecl', () => {
    this.CONSUME(kw.import);
    this.CONSUME(LCurly);
    this.SUBRULE(this.declName, { LABEL: 'name' });
    this.MANY(() => {
      this.CONSUME(Comma);
      this.SUBRULE2(this.declName, { LABEL: 'name' });
    });
    this.OPTION(() => this.CONSUME2(Comma));
    this.CONSUME(RCurly);
    this.CONSUME(kw.from);
    this.CONSUME(StringLit);
  });

  private declaration = this.RULE('declaration', () => {
    this.OR((this.declarationAlts ??= [
      { ALT: () => this.SUBRULE(this.recordDecl) },
      { ALT: () => this.SUBRULE(this.enumDecl) },
      { ALT: () => this.SUBRULE(this.constDecl) },
      { ALT: () => this.SUBRULE(this.letDecl) },
      { ALT: () => this.SUBRULE(this.phrasesDecl) },
      { ALT: () => this.SUBRULE(this.metricDecl) },
      { ALT: () => this.SUBRULE(this.ruleDecl) },
      { ALT: () => this.SUBRULE(this.exampleDecl) },
    ]));
  });

  /** A name being declared or referred to; a reserved word is accepted here only to be reported. */
  private declName = this.RULE('declName', () => {
    this.OR((this.declNameAlts ??= [{ ALT: () => this.CONSUME(Name) }, { ALT: () => this.CONSUME(Reserved) }]));
  });

  // record := 'record' Name '{' (field ','?)* '}'
  private recordDecl = this.RULE('recordDecl', () => {
    this.CONSUME(kw.record);
    this.SUBRULE(this.declName, { LABEL: 'name' });
    this.CONSUME(LCurly);
    this.MANY({
      GATE: () => this.LA(2).tokenType === Colon || !STATEMENT_KEYWORDS.has(this.LA(1).tokenType),
      DEF: () => {
        this.SUBRULE(this.field);
        this.OPTION(() => this.CONSUME(Comma));
      },
    });
    this.CONSUME(RCurly);
  });

  // field := Name ':' type '?'? ('=' expr)? ('from' String (',' String)*)?
  private field = this.RULE('field', () => {
    this.SUBRULE(this.declName, { LABEL: 'name' });
    this.CONSUME(Colon);
    this.SUBRULE(this.typeRef);
    this.OPTION(() => this.CONSUME(Question));
    this.OPTION2(() => {
      this.CONSUME(Equals);
      this.SUBRULE(this.expression);
    });
    this.OPTION3({
      GATE: () => this.LA(2).tokenType !== Colon,
      DEF: () => {
        this.CONSUME(kw.from);
        this.CONSUME(StringLit);
        this.MANY({
          GATE: () => tokenMatcher(this.LA(2), StringLit),
          DEF: () => {
            this.CONSUME(Comma);
            this.CONSUME2(StringLit);
          },
        });
      },
    });
  });

  // type := 'list' '<' type '>' | 'map' '<' type '>' | 'enum' '(' Name (',' Name)* ','? ')' | Name
  private typeRef = this.RULE('typeRef', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(kw.list);
          this.CONSUME(Less);
          this.SUBRULE(this.typeRef);
          this.CONSUME(Greater);
        },
      },
      {
        ALT: () => {
          this.CONSUME(kw.map);
          this.CONSUME2(Less);
          this.SUBRULE2(this.typeRef);
          // `map<string, number>`: a key type is read here and reported, so the rest of the field still reads
          this.OPTION2(() => {
            this.CONSUME3(Comma);
            this.SUBRULE3(this.typeRef);
          });
          this.CONSUME2(Greater);
        },
      },
      {
        ALT: () => {
          this.CONSUME(kw.enum);
          this.CONSUME(LParen);
          this.SUBRULE(this.declName, { LABEL: 'member' });
          this.MANY(() => {
            this.CONSUME(Comma);
            this.SUBRULE2(this.declName, { LABEL: 'member' });
          });
          this.OPTION(() => this.CONSUME2(Comma));
          this.CONSUME(RParen);
        },
      },
      {
        // `orderId:` followed by the next field `body: text` is a missing type, not a type `body`.
        GATE: () => this.LA(2).tokenType !== Colon && this.nameAllowed(1),
        ALT: () => this.CONSUME(Name),
      },
      // a reserved word is not a type: read here and reported, so it does not start a new field
      { GATE: () => this.LA(2).tokenType !== Colon, ALT: () => this.CONSUME(Reserved) },
    ]);
  });

  // enum := 'enum' Name '{' (Name ','?)* '}'
  private enumDecl = this.RULE('enumDecl', () => {
    this.CONSUME(kw.enum);
    this.SUBRULE(this.declName, { LABEL: 'name' });
    this.CONSUME(LCurly);
    this.MANY({
      GATE: () => this.nameAllowed(1),
      DEF: () => {
        this.SUBRULE2(this.declName, { LABEL: 'member' });
        this.OPTION(() => this.CONSUME(Comma));
      },
    });
    this.CONSUME(RCurly);
  });

  // const := 'const' Name (':' type)? '=' expr
  private constDecl = this.RULE('constDecl', () => {
    this.CONSUME(kw.const);
    this.SUBRULE(this.declName, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME(Colon);
      this.SUBRULE(this.typeRef);
    });
    this.CONSUME(Equals);
    this.SUBRULE(this.expression);
  });

  // let := 'let' Name '=' expr   (a named value or condition, computed for each record)
  private letDecl = this.RULE('letDecl', () => {
    this.CONSUME(kw.let);
    this.SUBRULE(this.declName, { LABEL: 'name' });
    this.CONSUME(Equals);
    this.SUBRULE(this.expression);
  });

  // phrases := 'phrases' Name '=' '[' (String ','?)* ']'
  private phrasesDecl = this.RULE('phrasesDecl', () => {
    this.CONSUME(kw.phrases);
    this.SUBRULE(this.declName, { LABEL: 'name' });
    this.CONSUME(Equals);
    this.CONSUME(LBracket);
    this.MANY(() => {
      this.CONSUME(StringLit);
      this.OPTION(() => this.CONSUME(Comma));
    });
    this.CONSUME(RBracket);
  });

  // metric := 'metric' Name String? '{' metricItem* '}'
  private metricDecl = this.RULE('metricDecl', () => {
    this.CONSUME(kw.metric);
    this.SUBRULE(this.declName, { LABEL: 'name' });
    this.OPTION(() => this.CONSUME(StringLit));
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.metricItem));
    this.CONSUME(RCurly);
  });

  // metricItem := 'count' | ('rate'|'total'|'average'|'minimum'|'maximum') expr | 'where' expr
  //             | 'over' Duration 'by' expr | 'group' 'by' expr (',' expr)*
  private metricItem = this.RULE('metricItem', () => {
    this.OR([
      { ALT: () => this.CONSUME(kw.count) },
      {
        ALT: () => {
          this.OR2([
            { ALT: () => this.CONSUME(kw.rate) },
            { ALT: () => this.CONSUME(kw.total) },
            { ALT: () => this.CONSUME(kw.average) },
            { ALT: () => this.CONSUME(kw.minimum) },
            { ALT: () => this.CONSUME(kw.maximum) },
          ]);
          this.SUBRULE(this.expression, { LABEL: 'aggregateExpr' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(kw.where);
          this.SUBRULE2(this.expression, { LABEL: 'whereExpr' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(kw.over);
          this.CONSUME(DurationLit);
          this.CONSUME(kw.by);
          this.SUBRULE3(this.expression, { LABEL: 'byExpr' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(kw.group);
          this.CONSUME2(kw.by);
          this.SUBRULE4(this.expression, { LABEL: 'groupExpr' });
          this.MANY(() => {
            this.CONSUME(Comma);
            this.SUBRULE5(this.expression, { LABEL: 'groupExpr' });
          });
        },
      },
    ]);
  });

  // rule := 'rule' Name severity? String? '{' ruleItem* '}'
  private ruleDecl = this.RULE('ruleDecl', () => {
    this.CONSUME(kw.rule);
    this.SUBRULE(this.declName, { LABEL: 'name' });
    this.OPTION(() => this.SUBRULE(this.severity));
    this.OPTION2(() => this.CONSUME(StringLit));
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.ruleItem));
    this.CONSUME(RCurly);
  });

  /** `error`, `warning` or `info`; any other plain word is read here and reported. */
  private severity = this.RULE('severity', () => {
    this.OR((this.severityAlts ??= [
      { ALT: () => this.CONSUME(kw.error) },
      { ALT: () => this.CONSUME(kw.warning) },
      { ALT: () => this.CONSUME(kw.info) },
      { ALT: () => this.CONSUME(Identifier) },
    ]));
  });

  // ruleItem := 'each' Name 'in' expr | 'when' expr | ('require'|'forbid') expr String? | 'hint' String | 'source' String | 'fix' fix
  private ruleItem = this.RULE('ruleItem', () => {
    this.OR((this.ruleItemAlts ??= [
      {
        ALT: () => {
          this.CONSUME(kw.each);
          this.CONSUME(Name, { LABEL: 'variable' });
          this.CONSUME(kw.in);
          this.SUBRULE4(this.expression, { LABEL: 'collection' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(kw.when);
          this.SUBRULE(this.expression);
        },
      },
      {
        ALT: () => {
          this.CONSUME(kw.require);
          this.SUBRULE2(this.expression);
          this.OPTION(() => this.CONSUME(StringLit));
        },
      },
      {
        ALT: () => {
          this.CONSUME(kw.forbid);
          this.SUBRULE3(this.expression);
          this.OPTION2(() => this.CONSUME2(StringLit));
        },
      },
      {
        ALT: () => {
          this.CONSUME(kw.hint);
          this.CONSUME3(StringLit);
        },
      },
      {
        ALT: () => {
          this.CONSUME(kw.source);
          this.CONSUME4(StringLit);
        },
      },
      {
        ALT: () => {
          this.CONSUME(kw.fix);
          this.SUBRULE(this.fixAction);
        },
      },
    ]));
  });

  // fix := 'remove' | 'replace' expr | 'insert' expr 'into' expr 'at' ('start'|'end')
  private fixAction = this.RULE('fixAction', () => {
    this.OR([
      { ALT: () => this.CONSUME(kw.remove) },
      {
        ALT: () => {
          this.CONSUME(kw.replace);
          this.SUBRULE(this.expression);
        },
      },
      {
        ALT: () => {
          this.CONSUME(kw.insert);
          this.SUBRULE2(this.expression, { LABEL: 'text' });
          this.CONSUME(kw.into);
          this.SUBRULE3(this.expression, { LABEL: 'target' });
          this.CONSUME(kw.at);
          this.OR2([{ ALT: () => this.CONSUME(kw.start) }, { ALT: () => this.CONSUME(kw.end) }]);
        },
      },
    ]);
  });

  // example := 'example' String '{' ('given' expr | 'expect' expectation)* '}'
  private exampleDecl = this.RULE('exampleDecl', () => {
    this.CONSUME(kw.example);
    this.CONSUME(StringLit);
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.exampleItem));
    this.CONSUME(RCurly);
  });

  private exampleItem = this.RULE('exampleItem', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(kw.as);
          this.CONSUME(kw.of);
          this.OR2([{ ALT: () => this.CONSUME(DateLit) }, { ALT: () => this.CONSUME(DatetimeLit) }]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(kw.given);
          this.SUBRULE(this.expression);
        },
      },
      {
        ALT: () => {
          this.CONSUME(kw.expect);
          this.SUBRULE(this.expectation);
        },
      },
    ]);
  });

  // expectation := 'nothing' | 'not' Name (',' Name)* | Name (',' Name)*
  private expectation = this.RULE('expectation', () => {
    this.OR([
      { ALT: () => this.CONSUME(kw.nothing) },
      {
        ALT: () => {
          this.CONSUME(kw.not);
          this.SUBRULE(this.nameList);
        },
      },
      { GATE: () => this.nameAllowed(1), ALT: () => this.SUBRULE2(this.nameList) },
    ]);
  });

  private nameList = this.RULE('nameList', () => {
    this.SUBRULE(this.declName, { LABEL: 'name' });
    this.MANY(() => {
      this.CONSUME(Comma);
      this.SUBRULE2(this.declName, { LABEL: 'name' });
    });
  });

  // ------------------------------------------------------------ expressions

  /*
   * Operators of neighbouring precedence share one level ('and' with 'or'; '+' and '-' with '*' and '/'):
   * the AST builder groups them by precedence. Every level is a CST node for every value written, so
   * fewer levels make parsing a large policy markedly cheaper.
   */

  // expression := notExpr (('and' | 'or') notExpr)*   ('and' binds tighter than 'or')
  private expression = this.RULE('expression', () => {
    this.SUBRULE(this.notExpr);
    this.MANY(() => {
      this.OR((this.logicOperatorAlts ??= [{ ALT: () => this.CONSUME(kw.and) }, { ALT: () => this.CONSUME(kw.or) }]));
      this.SUBRULE2(this.notExpr);
    });
  });

  private notExpr = this.RULE('notExpr', () => {
    this.OR((this.notExprAlts ??= [
      {
        ALT: () => {
          this.CONSUME(kw.not);
          this.SUBRULE(this.notExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]));
  });

  /** Comparisons do not chain; a chain is read here and reported. */
  private comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.arithmetic);
    this.MANY({
      GATE: () => !tokenMatcher(this.LA(1), kw.not) || this.LA(2).tokenType === kw.in,
      DEF: () => {
        this.SUBRULE(this.compOp);
        this.SUBRULE2(this.arithmetic);
      },
    });
  });

  private compOp = this.RULE('compOp', () => {
    this.OR((this.compOpAlts ??= [
      { ALT: () => this.CONSUME(EqEq) },
      { ALT: () => this.CONSUME(NotEq) },
      { ALT: () => this.CONSUME(LessEq) },
      { ALT: () => this.CONSUME(GreaterEq) },
      { ALT: () => this.CONSUME(Less) },
      { ALT: () => this.CONSUME(Greater) },
      { ALT: () => this.CONSUME(Equals) }, // a mistake for '==', reported
      { ALT: () => this.CONSUME(kw.in) },
      {
        ALT: () => {
          this.CONSUME(kw.not);
          this.CONSUME2(kw.in);
        },
      },
      { ALT: () => this.CONSUME(kw.contains) },
      { ALT: () => this.CONSUME(kw.startsWith) },
      { ALT: () => this.CONSUME(kw.endsWith) },
      { ALT: () => this.CONSUME(kw.matches) },
    ]));
  });

  // arithmetic := unary (('+' | '-' | '*' | '/') unary)*   ('*' and '/' bind tighter than '+' and '-')
  private arithmetic = this.RULE('arithmetic', () => {
    this.SUBRULE(this.unary);
    this.MANY(() => {
      this.OR((this.arithmeticOperatorAlts ??= [{ ALT: () => this.CONSUME(Plus) }, { ALT: () => this.CONSUME(Minus) }, { ALT: () => this.CONSUME(Star) }, { ALT: () => this.CONSUME(Slash) }]));
      this.SUBRULE2(this.unary);
    });
  });

  private unary = this.RULE('unary', () => {
    this.OR((this.unaryAlts ??= [
      {
        ALT: () => {
          this.CONSUME(Minus);
          this.SUBRULE(this.unary);
        },
      },
      { ALT: () => this.SUBRULE(this.postfix) },
    ]));
  });

  private postfix = this.RULE('postfix', () => {
    this.SUBRULE(this.primary);
    this.MANY(() => this.SUBRULE(this.postfixOp));
  });

  private postfixOp = this.RULE('postfixOp', () => {
    this.OR((this.postfixOpAlts ??= [
      {
        ALT: () => {
          this.CONSUME(Dot);
          this.CONSUME(Name);
        },
      },
      {
        ALT: () => {
          this.CONSUME(LBracket);
          this.SUBRULE(this.expression);
          this.CONSUME(RBracket);
        },
      },
    ]));
  });

  private primary = this.RULE('primary', () => {
    this.OR((this.primaryAlts ??= [
      { ALT: () => this.CONSUME(NumberLit) },
      { ALT: () => this.CONSUME(PercentLit) },
      { ALT: () => this.CONSUME(DurationLit) },
      { ALT: () => this.CONSUME(DateLit) },
      { ALT: () => this.CONSUME(DatetimeLit) },
      { ALT: () => this.CONSUME(StringLit) },
      { ALT: () => this.CONSUME(kw.true) },
      { ALT: () => this.CONSUME(kw.false) },
      { ALT: () => this.CONSUME(kw.null) },
      { ALT: () => this.SUBRULE(this.quantifier) },
      { ALT: () => this.SUBRULE(this.conditional) },
      { ALT: () => this.SUBRULE(this.countCall) },
      { GATE: () => this.valueAllowed(), ALT: () => this.SUBRULE(this.nameOrCall) },
      { ALT: () => this.SUBRULE(this.parenExpr) },
      { ALT: () => this.SUBRULE(this.listLit) },
      { ALT: () => this.SUBRULE(this.objectLit) },
    ]));
  });

  // quantifier := ('any'|'all'|'count') Name 'in' or ':' expr
  private quantifier = this.RULE('quantifier', () => {
    this.OR((this.quantifierAlts ??= [
      { ALT: () => this.CONSUME(kw.any) },
      { ALT: () => this.CONSUME(kw.all) },
      { ALT: () => this.CONSUME(kw.count) },
    ]));
    this.CONSUME(Name);
    this.CONSUME(kw.in);
    this.SUBRULE(this.expression, { LABEL: 'collection' });
    this.CONSUME(Colon);
    this.SUBRULE2(this.expression, { LABEL: 'body' });
  });

  // conditional := 'if' expr 'then' expr 'else' expr
  private conditional = this.RULE('conditional', () => {
    this.CONSUME(kw.if);
    this.SUBRULE(this.expression, { LABEL: 'test' });
    this.CONSUME(kw.then);
    this.SUBRULE2(this.expression, { LABEL: 'then' });
    this.CONSUME(kw.else);
    this.SUBRULE3(this.expression, { LABEL: 'else' });
  });

  /** `count(list)`: a call whose callee is the keyword `count`. */
  private countCall = this.RULE('countCall', () => {
    this.CONSUME(kw.count);
    this.SUBRULE(this.callArgs);
  });

  private nameOrCall = this.RULE('nameOrCall', () => {
    this.CONSUME(Name);
    this.OPTION(() => this.SUBRULE(this.callArgs));
  });

  // callArgs := '(' (expr (',' expr)* ','?)? ')'
  private callArgs = this.RULE('callArgs', () => {
    this.CONSUME(LParen);
    this.OPTION(() => {
      this.SUBRULE(this.expression);
      this.MANY({
        GATE: () => this.LA(2).tokenType !== RParen,
        DEF: () => {
          this.CONSUME(Comma);
          this.SUBRULE2(this.expression);
        },
      });
      this.OPTION2(() => this.CONSUME2(Comma));
    });
    this.CONSUME(RParen);
  });

  private parenExpr = this.RULE('parenExpr', () => {
    this.CONSUME(LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(RParen);
  });

  private listLit = this.RULE('listLit', () => {
    this.CONSUME(LBracket);
    this.MANY({
      GATE: () => this.valueAllowed(),
      DEF: () => {
        this.SUBRULE(this.expression);
        this.OPTION(() => this.CONSUME(Comma));
      },
    });
    this.CONSUME(RBracket);
  });

  private objectLit = this.RULE('objectLit', () => {
    this.CONSUME(LCurly);
    this.MANY({
      GATE: () => this.LA(2).tokenType === Colon || !STATEMENT_KEYWORDS.has(this.LA(1).tokenType),
      DEF: () => {
        this.SUBRULE(this.entry);
        this.OPTION(() => this.CONSUME(Comma));
      },
    });
    this.CONSUME(RCurly);
  });

  // entry := (Name | String) ':' expr   (a reserved word as key is read and reported)
  private entry = this.RULE('entry', () => {
    this.OR([
      { ALT: () => this.CONSUME(Name, { LABEL: 'key' }) },
      { ALT: () => this.CONSUME(StringLit, { LABEL: 'key' }) },
      { ALT: () => this.CONSUME(Reserved, { LABEL: 'key' }) },
    ]);
    this.CONSUME(Colon);
    this.SUBRULE(this.expression);
  });
}

/** One parser for the process: building it analyses the grammar, which is slow. */
let instance: PolicyParser | undefined;
export function policyParser(): PolicyParser {
  return (instance ??= new PolicyParser());
}

/** Drop the shared parser, e.g. after an unexpected internal failure left it in a bad state. */
export function resetPolicyParser(): void {
  instance = undefined;
}
