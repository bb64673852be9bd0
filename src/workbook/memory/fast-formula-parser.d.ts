// Types for the parts of fast-formula-parser (MIT, https://github.com/LesterLyu/fast-formula-parser) the
// in-memory workbook uses; the package ships none. Rows and columns are 1-based, as in the library.
declare module "fast-formula-parser" {
  export interface CellReference {
    sheet?: string;
    row: number;
    col: number;
  }
  /** A block of cells; a whole column has null rows, a whole row null columns. */
  export interface RangeReference {
    sheet?: string;
    from: { row: number | null; col: number | null };
    to: { row: number | null; col: number | null };
  }
  export interface Position {
    sheet: string;
    row: number;
    col: number;
  }
  /** An argument as the library passes it to a function: its value, with what it came from. */
  export interface Argument {
    value: unknown;
    isArray: boolean;
    isRangeRef?: boolean;
    isCellRef?: boolean;
    omitted?: boolean;
  }
  export type SheetFunction = (...args: Argument[]) => unknown;

  export class FormulaError extends Error {
    constructor(error: string, message?: string, details?: unknown);
    readonly error: string;
    readonly details: unknown;
    static readonly DIV0: FormulaError;
    static readonly NA: FormulaError;
    static readonly NAME: FormulaError;
    static readonly NULL: FormulaError;
    static readonly NUM: FormulaError;
    static readonly REF: FormulaError;
    static readonly VALUE: FormulaError;
  }

  /** An operand as the library's operators receive it. */
  export interface Operand {
    val: unknown;
    isArray: boolean;
  }

  export interface ParserUtils {
    _applyInfix(left: Operand, infix: string, right: Operand): unknown;
    _applyPrefix(prefixes: string[], value: unknown, isArray: boolean): unknown;
    _applyPostfix(value: unknown, isArray: boolean, postfix: string): unknown;
  }

  export default class FormulaParser {
    constructor(config?: {
      functions?: Record<string, SheetFunction>;
      onCell?: (reference: CellReference) => unknown;
      onRange?: (reference: RangeReference) => unknown[][];
      onVariable?: (name: string, sheet: string) => unknown;
    });
    readonly utils: ParserUtils;
    retrieveRef(valueOrReference: unknown): unknown;
    checkFormulaResult(result: unknown, allowReturnArray?: boolean): unknown;
    parse(formula: string, position: Position, allowReturnArray?: boolean): unknown;
  }

  export class DepParser {
    constructor(config?: { onVariable?: (name: string, sheet: string) => unknown });
    parse(formula: string, position: Position): (CellReference | RangeReference)[];
  }

  export const SSF: { format(format: string, value: unknown): string };
}

declare module "fast-formula-parser/formulas/operators" {
  type Operator = (
    left: unknown,
    infix: string,
    right: unknown,
    leftIsArray: boolean,
    rightIsArray: boolean,
  ) => unknown;
  export const Infix: { compareOp: Operator; concatOp: Operator; mathOp: Operator };
  export const Prefix: { unaryOp(prefixes: string[], value: unknown, isArray: boolean): unknown };
  export const Postfix: { percentOp(value: unknown, postfix: string, isArray: boolean): unknown };
}

declare module "fast-formula-parser/formulas/functions/reference" {
  /** Functions that get the parser (their context) first and their arguments as references. */
  const ReferenceFunctions: {
    INDEX(context: unknown, ...args: unknown[]): unknown;
    ROWS(context: unknown, reference: unknown): unknown;
  };
  export default ReferenceFunctions;
}

// The error class and the number formatter alone, so the workbook and its grids need not load the parser.
declare module "fast-formula-parser/formulas/error" {
  import { FormulaError } from "fast-formula-parser";
  export default FormulaError;
}

declare module "fast-formula-parser/ssf/ssf" {
  import { SSF } from "fast-formula-parser";
  export default SSF;
}
