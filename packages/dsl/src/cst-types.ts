/* eslint-disable */
// Generated from the grammar in parser.ts by scripts/generate-cst-types.ts; do not edit.
// After a grammar change run: npm run generate:cst -w @sellguard/dsl
import type { CstNode, ICstVisitor, IToken } from "chevrotain";

export interface FileCstNode extends CstNode {
  name: "file";
  children: FileCstChildren;
}

export type FileCstChildren = {
  header?: HeaderCstNode[];
  importDecl?: ImportDeclCstNode[];
  declaration?: DeclarationCstNode[];
};

export interface ExpressionOnlyCstNode extends CstNode {
  name: "expressionOnly";
  children: ExpressionOnlyCstChildren;
}

export type ExpressionOnlyCstChildren = {
  expression: ExpressionCstNode[];
};

export interface HeaderCstNode extends CstNode {
  name: "header";
  children: HeaderCstChildren;
}

export type HeaderCstChildren = {
  Policy: IToken[];
  name: DeclNameCstNode[];
  title?: IToken[];
  headerItem?: HeaderItemCstNode[];
};

export interface HeaderItemCstNode extends CstNode {
  name: "headerItem";
  children: HeaderItemCstChildren;
}

export type HeaderItemCstChildren = {
  Source?: IToken[];
  StringLit?: (IToken)[];
  Version?: IToken[];
  Input?: IToken[];
  name?: DeclNameCstNode[];
};

export interface ImportDeclCstNode extends CstNode {
  name: "importDecl";
  children: ImportDeclCstChildren;
}

export type ImportDeclCstChildren = {
  Import: IToken[];
  LCurly: IToken[];
  name: (DeclNameCstNode)[];
  Comma?: (IToken)[];
  RCurly: IToken[];
  From: IToken[];
  StringLit: IToken[];
};

export interface DeclarationCstNode extends CstNode {
  name: "declaration";
  children: DeclarationCstChildren;
}

export type DeclarationCstChildren = {
  recordDecl?: RecordDeclCstNode[];
  enumDecl?: EnumDeclCstNode[];
  constDecl?: ConstDeclCstNode[];
  letDecl?: LetDeclCstNode[];
  phrasesDecl?: PhrasesDeclCstNode[];
  metricDecl?: MetricDeclCstNode[];
  ruleDecl?: RuleDeclCstNode[];
  exampleDecl?: ExampleDeclCstNode[];
};

export interface DeclNameCstNode extends CstNode {
  name: "declName";
  children: DeclNameCstChildren;
}

export type DeclNameCstChildren = {
  Name?: IToken[];
  Reserved?: IToken[];
};

export interface RecordDeclCstNode extends CstNode {
  name: "recordDecl";
  children: RecordDeclCstChildren;
}

export type RecordDeclCstChildren = {
  Record: IToken[];
  name: DeclNameCstNode[];
  LCurly: IToken[];
  field?: FieldCstNode[];
  Comma?: IToken[];
  RCurly: IToken[];
};

export interface FieldCstNode extends CstNode {
  name: "field";
  children: FieldCstChildren;
}

export type FieldCstChildren = {
  name: DeclNameCstNode[];
  Colon: IToken[];
  typeRef: TypeRefCstNode[];
  Question?: IToken[];
  Equals?: IToken[];
  expression?: ExpressionCstNode[];
  From?: IToken[];
  StringLit?: (IToken)[];
  Comma?: IToken[];
};

export interface TypeRefCstNode extends CstNode {
  name: "typeRef";
  children: TypeRefCstChildren;
}

export type TypeRefCstChildren = {
  List?: IToken[];
  Less?: (IToken)[];
  typeRef?: (TypeRefCstNode)[];
  Greater?: (IToken)[];
  Map?: IToken[];
  Comma?: (IToken)[];
  Enum?: IToken[];
  LParen?: IToken[];
  member?: (DeclNameCstNode)[];
  RParen?: IToken[];
  Name?: IToken[];
  Reserved?: IToken[];
};

export interface EnumDeclCstNode extends CstNode {
  name: "enumDecl";
  children: EnumDeclCstChildren;
}

export type EnumDeclCstChildren = {
  Enum: IToken[];
  name: DeclNameCstNode[];
  LCurly: IToken[];
  member?: DeclNameCstNode[];
  Comma?: IToken[];
  RCurly: IToken[];
};

export interface ConstDeclCstNode extends CstNode {
  name: "constDecl";
  children: ConstDeclCstChildren;
}

export type ConstDeclCstChildren = {
  Const: IToken[];
  name: DeclNameCstNode[];
  Colon?: IToken[];
  typeRef?: TypeRefCstNode[];
  Equals: IToken[];
  expression: ExpressionCstNode[];
};

export interface LetDeclCstNode extends CstNode {
  name: "letDecl";
  children: LetDeclCstChildren;
}

export type LetDeclCstChildren = {
  Let: IToken[];
  name: DeclNameCstNode[];
  Equals: IToken[];
  expression: ExpressionCstNode[];
};

export interface PhrasesDeclCstNode extends CstNode {
  name: "phrasesDecl";
  children: PhrasesDeclCstChildren;
}

export type PhrasesDeclCstChildren = {
  Phrases: IToken[];
  name: DeclNameCstNode[];
  Equals: IToken[];
  LBracket: IToken[];
  StringLit?: IToken[];
  Comma?: IToken[];
  RBracket: IToken[];
};

export interface MetricDeclCstNode extends CstNode {
  name: "metricDecl";
  children: MetricDeclCstChildren;
}

export type MetricDeclCstChildren = {
  Metric: IToken[];
  name: DeclNameCstNode[];
  StringLit?: IToken[];
  LCurly: IToken[];
  metricItem?: MetricItemCstNode[];
  RCurly: IToken[];
};

export interface MetricItemCstNode extends CstNode {
  name: "metricItem";
  children: MetricItemCstChildren;
}

export type MetricItemCstChildren = {
  Count?: IToken[];
  Rate?: IToken[];
  Total?: IToken[];
  Average?: IToken[];
  Minimum?: IToken[];
  Maximum?: IToken[];
  aggregateExpr?: ExpressionCstNode[];
  Where?: IToken[];
  whereExpr?: ExpressionCstNode[];
  Over?: IToken[];
  DurationLit?: IToken[];
  By?: (IToken)[];
  byExpr?: ExpressionCstNode[];
  Group?: IToken[];
  groupExpr?: (ExpressionCstNode)[];
  Comma?: IToken[];
};

export interface RuleDeclCstNode extends CstNode {
  name: "ruleDecl";
  children: RuleDeclCstChildren;
}

export type RuleDeclCstChildren = {
  Rule: IToken[];
  name: DeclNameCstNode[];
  severity?: SeverityCstNode[];
  StringLit?: IToken[];
  LCurly: IToken[];
  ruleItem?: RuleItemCstNode[];
  RCurly: IToken[];
};

export interface SeverityCstNode extends CstNode {
  name: "severity";
  children: SeverityCstChildren;
}

export type SeverityCstChildren = {
  Error?: IToken[];
  Warning?: IToken[];
  Info?: IToken[];
  Identifier?: IToken[];
};

export interface RuleItemCstNode extends CstNode {
  name: "ruleItem";
  children: RuleItemCstChildren;
}

export type RuleItemCstChildren = {
  Each?: IToken[];
  variable?: IToken[];
  In?: IToken[];
  collection?: ExpressionCstNode[];
  When?: IToken[];
  expression?: (ExpressionCstNode)[];
  Require?: IToken[];
  StringLit?: (IToken)[];
  Forbid?: IToken[];
  Hint?: IToken[];
  Source?: IToken[];
  Fix?: IToken[];
  fixAction?: FixActionCstNode[];
};

export interface FixActionCstNode extends CstNode {
  name: "fixAction";
  children: FixActionCstChildren;
}

export type FixActionCstChildren = {
  Remove?: IToken[];
  Replace?: IToken[];
  expression?: ExpressionCstNode[];
  Insert?: IToken[];
  text?: ExpressionCstNode[];
  Into?: IToken[];
  target?: ExpressionCstNode[];
  At?: IToken[];
  Start?: IToken[];
  End?: IToken[];
};

export interface ExampleDeclCstNode extends CstNode {
  name: "exampleDecl";
  children: ExampleDeclCstChildren;
}

export type ExampleDeclCstChildren = {
  Example: IToken[];
  StringLit: IToken[];
  LCurly: IToken[];
  exampleItem?: ExampleItemCstNode[];
  RCurly: IToken[];
};

export interface ExampleItemCstNode extends CstNode {
  name: "exampleItem";
  children: ExampleItemCstChildren;
}

export type ExampleItemCstChildren = {
  As?: IToken[];
  Of?: IToken[];
  DateLit?: IToken[];
  DatetimeLit?: IToken[];
  Given?: IToken[];
  expression?: ExpressionCstNode[];
  Expect?: IToken[];
  expectation?: ExpectationCstNode[];
};

export interface ExpectationCstNode extends CstNode {
  name: "expectation";
  children: ExpectationCstChildren;
}

export type ExpectationCstChildren = {
  Nothing?: IToken[];
  Not?: IToken[];
  nameList?: (NameListCstNode)[];
};

export interface NameListCstNode extends CstNode {
  name: "nameList";
  children: NameListCstChildren;
}

export type NameListCstChildren = {
  name: (DeclNameCstNode)[];
  Comma?: IToken[];
};

export interface ExpressionCstNode extends CstNode {
  name: "expression";
  children: ExpressionCstChildren;
}

export type ExpressionCstChildren = {
  notExpr: (NotExprCstNode)[];
  And?: IToken[];
  Or?: IToken[];
};

export interface NotExprCstNode extends CstNode {
  name: "notExpr";
  children: NotExprCstChildren;
}

export type NotExprCstChildren = {
  Not?: IToken[];
  notExpr?: NotExprCstNode[];
  comparison?: ComparisonCstNode[];
};

export interface ComparisonCstNode extends CstNode {
  name: "comparison";
  children: ComparisonCstChildren;
}

export type ComparisonCstChildren = {
  arithmetic: (ArithmeticCstNode)[];
  compOp?: CompOpCstNode[];
};

export interface CompOpCstNode extends CstNode {
  name: "compOp";
  children: CompOpCstChildren;
}

export type CompOpCstChildren = {
  EqEq?: IToken[];
  NotEq?: IToken[];
  LessEq?: IToken[];
  GreaterEq?: IToken[];
  Less?: IToken[];
  Greater?: IToken[];
  Equals?: IToken[];
  In?: (IToken)[];
  Not?: IToken[];
  Contains?: IToken[];
  StartsWith?: IToken[];
  EndsWith?: IToken[];
  Matches?: IToken[];
};

export interface ArithmeticCstNode extends CstNode {
  name: "arithmetic";
  children: ArithmeticCstChildren;
}

export type ArithmeticCstChildren = {
  unary: (UnaryCstNode)[];
  Plus?: IToken[];
  Minus?: IToken[];
  Star?: IToken[];
  Slash?: IToken[];
};

export interface UnaryCstNode extends CstNode {
  name: "unary";
  children: UnaryCstChildren;
}

export type UnaryCstChildren = {
  Minus?: IToken[];
  unary?: UnaryCstNode[];
  postfix?: PostfixCstNode[];
};

export interface PostfixCstNode extends CstNode {
  name: "postfix";
  children: PostfixCstChildren;
}

export type PostfixCstChildren = {
  primary: PrimaryCstNode[];
  postfixOp?: PostfixOpCstNode[];
};

export interface PostfixOpCstNode extends CstNode {
  name: "postfixOp";
  children: PostfixOpCstChildren;
}

export type PostfixOpCstChildren = {
  Dot?: IToken[];
  Name?: IToken[];
  LBracket?: IToken[];
  expression?: ExpressionCstNode[];
  RBracket?: IToken[];
};

export interface PrimaryCstNode extends CstNode {
  name: "primary";
  children: PrimaryCstChildren;
}

export type PrimaryCstChildren = {
  NumberLit?: IToken[];
  PercentLit?: IToken[];
  DurationLit?: IToken[];
  DateLit?: IToken[];
  DatetimeLit?: IToken[];
  StringLit?: IToken[];
  True?: IToken[];
  False?: IToken[];
  Null?: IToken[];
  quantifier?: QuantifierCstNode[];
  conditional?: ConditionalCstNode[];
  countCall?: CountCallCstNode[];
  nameOrCall?: NameOrCallCstNode[];
  parenExpr?: ParenExprCstNode[];
  listLit?: ListLitCstNode[];
  objectLit?: ObjectLitCstNode[];
};

export interface QuantifierCstNode extends CstNode {
  name: "quantifier";
  children: QuantifierCstChildren;
}

export type QuantifierCstChildren = {
  Any?: IToken[];
  All?: IToken[];
  Count?: IToken[];
  Name: IToken[];
  In: IToken[];
  collection: ExpressionCstNode[];
  Colon: IToken[];
  body: ExpressionCstNode[];
};

export interface ConditionalCstNode extends CstNode {
  name: "conditional";
  children: ConditionalCstChildren;
}

export type ConditionalCstChildren = {
  If: IToken[];
  test: ExpressionCstNode[];
  Then: IToken[];
  then: ExpressionCstNode[];
  Else: IToken[];
  else: ExpressionCstNode[];
};

export interface CountCallCstNode extends CstNode {
  name: "countCall";
  children: CountCallCstChildren;
}

export type CountCallCstChildren = {
  Count: IToken[];
  callArgs: CallArgsCstNode[];
};

export interface NameOrCallCstNode extends CstNode {
  name: "nameOrCall";
  children: NameOrCallCstChildren;
}

export type NameOrCallCstChildren = {
  Name: IToken[];
  callArgs?: CallArgsCstNode[];
};

export interface CallArgsCstNode extends CstNode {
  name: "callArgs";
  children: CallArgsCstChildren;
}

export type CallArgsCstChildren = {
  LParen: IToken[];
  expression?: (ExpressionCstNode)[];
  Comma?: (IToken)[];
  RParen: IToken[];
};

export interface ParenExprCstNode extends CstNode {
  name: "parenExpr";
  children: ParenExprCstChildren;
}

export type ParenExprCstChildren = {
  LParen: IToken[];
  expression: ExpressionCstNode[];
  RParen: IToken[];
};

export interface ListLitCstNode extends CstNode {
  name: "listLit";
  children: ListLitCstChildren;
}

export type ListLitCstChildren = {
  LBracket: IToken[];
  expression?: ExpressionCstNode[];
  Comma?: IToken[];
  RBracket: IToken[];
};

export interface ObjectLitCstNode extends CstNode {
  name: "objectLit";
  children: ObjectLitCstChildren;
}

export type ObjectLitCstChildren = {
  LCurly: IToken[];
  entry?: EntryCstNode[];
  Comma?: IToken[];
  RCurly: IToken[];
};

export interface EntryCstNode extends CstNode {
  name: "entry";
  children: EntryCstChildren;
}

export type EntryCstChildren = {
  key?: (IToken)[];
  Colon: IToken[];
  expression: ExpressionCstNode[];
};

/** The name of every grammar rule: what error messages see in a parser error's rule stack. */
export type CstRuleName = "file" | "expressionOnly" | "header" | "headerItem" | "importDecl" | "declaration" | "declName" | "recordDecl" | "field" | "typeRef" | "enumDecl" | "constDecl" | "letDecl" | "phrasesDecl" | "metricDecl" | "metricItem" | "ruleDecl" | "severity" | "ruleItem" | "fixAction" | "exampleDecl" | "exampleItem" | "expectation" | "nameList" | "expression" | "notExpr" | "comparison" | "compOp" | "arithmetic" | "unary" | "postfix" | "postfixOp" | "primary" | "quantifier" | "conditional" | "countCall" | "nameOrCall" | "callArgs" | "parenExpr" | "listLit" | "objectLit" | "entry";
