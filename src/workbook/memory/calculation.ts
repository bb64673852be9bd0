// The in-memory workbook's calculation: fast-formula-parser evaluates each formula (after references.ts has put
// its structured and spill references into A1 form); this file decides when. A formula is calculated when
// something reads it, and its result is kept with the cells and ranges it read. A write drops the results
// that read the cell written, and theirs in turn, and nothing else: reading People after a price edit
// recalculates the budgets, not the points.
//
// The parser is not re-entrant, so a formula never calculates another in the middle of its own evaluation:
// reading a formula cell not yet calculated stops the evaluation (Need), the cell is calculated, and the
// formula is evaluated again. An explicit stack keeps long chains off the call stack and finds circles.
import type { CellReference, Position, RangeReference, SheetFunction } from "fast-formula-parser";
import FormulaError from "fast-formula-parser/formulas/error";
import { a1, a1Range, CellAddress, CellRange, CellValue } from "../port";
import { FunctionLibrary } from "./customFunctions";
import { FormulaSite, TableShape, toA1, Translation, UnresolvedReference } from "./references";

/** What a cell holds as written: a value, or a formula ("=…", structured references and all). */
export type Entry = CellValue | { readonly formula: string };

/** A calculated value: what Excel's Range.values holds, with an error as an error (its code and message). */
export type Value = number | string | boolean | null | FormulaError;

export const isFormula = (entry: Entry | undefined): entry is { readonly formula: string } =>
  typeof entry === "object" && entry !== null;

/** The workbook's cells as the calculation sees them; sheets by index, cells 0-based. */
export interface CellSource {
  sheetIndex(name: string): number | undefined;
  sheetName(sheet: number): string;
  /** What a cell holds (a table's header cell holds its header); undefined when empty. */
  entry(sheet: number, row: number, column: number): Entry | undefined;
  /** The table whose header row or data rows hold this cell. */
  tableAt(sheet: number, row: number, column: number): TableShape | undefined;
  table(name: string): TableShape | undefined;
  /** Formula cells outside tables: the only ones whose results may spill. */
  spillCandidates(sheet: number): Iterable<CellAddress>;
  /** How far a sheet's used cells reach, for whole-column and whole-row references. */
  extent(sheet: number): { rows: number; columns: number };
}

const ROWS = 1_048_576;
const COLUMNS = 16_384;
/** Ranges wider than this many columns are checked against every write instead of filed by column. */
const WIDE = 256;
const keyOf = (sheet: number, row: number, column: number) => (sheet * ROWS + row) * COLUMNS + column;
const cellOfKey = (key: number) => ({
  sheet: Math.floor(key / (ROWS * COLUMNS)),
  row: Math.floor(key / COLUMNS) % ROWS,
  column: key % COLUMNS,
});

interface Area extends CellRange {
  readonly sheet: number;
}

const inArea = (area: Area, sheet: number, row: number, column: number) =>
  area.sheet === sheet &&
  row >= area.row &&
  row < area.row + area.rows &&
  column >= area.column &&
  column < area.column + area.columns;

/** A range some formulas read, with the formulas that read it. */
interface RangeReaders {
  readonly id: string;
  readonly area: Area;
  readonly readers: Set<number>;
}

/** A calculated formula cell. */
interface Calculated {
  readonly value: Value;
  /** The array it spilled, top-left first, when it did. */
  readonly array?: readonly (readonly Value[])[];
  /** The block its array needs (more than one cell), whether or not it could spill there. */
  readonly area?: Area;
  readonly cells: readonly number[];
  readonly ranges: readonly RangeReaders[];
  readonly tables: readonly string[];
  /** It referred to a table or sheet that did not exist yet. */
  readonly unresolved: boolean;
}

/** Evaluation stopped: these formula cells must be calculated first. */
class Need extends Error {
  constructor(readonly keys: readonly number[]) {
    super("These cells must be calculated first");
  }
}

/** Evaluates a formula's text in A1 form, reading cells and ranges through the hooks it was made with. */
export interface FormulaEvaluator {
  parse(text: string, position: Position, allowReturnArray: boolean): unknown;
}

/**
 * Makes the evaluator: formulaEngine.ts (fast-formula-parser with Excel's functions and operators). A separate
 * module, so the browser preview can download it while the pane starts.
 */
export type FormulaEngine = (hooks: {
  readonly functions: Record<string, SheetFunction>;
  readonly onCell: (reference: CellReference) => unknown;
  readonly onRange: (reference: RangeReference) => unknown[][];
}) => FormulaEvaluator;

/** What a formula shows until the engine has arrived, as Excel shows #BUSY! while it calculates. */
const LOADING = new FormulaError("#BUSY!", "The formula engine is still loading");

/**
 * What a formula reads from a cell whose result depends on the formula itself. Excel shows 0 and warns; a
 * silent 0 would be a wrong number here, so the preview shows this error and says why.
 */
const CIRCULAR = new FormulaError("#VALUE!", "Circular reference: this formula depends on its own result");

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What a failed evaluation shows: the library's own error, or #NAME? for a formula it cannot read. */
function failure(error: unknown): FormulaError {
  if (error instanceof UnresolvedReference) return new FormulaError(error.code, error.message);
  if (error instanceof FormulaError) {
    const details = error.details;
    if (details instanceof FormulaError) return details;
    if (details instanceof Error && /Exception$/.test(details.name)) {
      return new FormulaError("#NAME?", `The formula cannot be read: ${details.message}`);
    }
    if (error.error !== "#ERROR!") return error;
    return new FormulaError("#VALUE!", errorMessage(details ?? error));
  }
  return new FormulaError("#VALUE!", errorMessage(error));
}

const needIn = (error: unknown): Need | undefined =>
  error instanceof Need
    ? error
    : error instanceof FormulaError && error.details instanceof Need
      ? error.details
      : undefined;

/** A result as a grid of cells: a blank reached through a reference shows as 0, as in Excel. */
function gridOf(result: unknown): Value[][] {
  const rows = (Array.isArray(result) ? result : [[result]]) as unknown[][];
  const width = Math.max(0, ...rows.map((row) => (Array.isArray(row) ? row.length : 1)));
  if (rows.length === 0 || width === 0) return [[new FormulaError("#CALC!", "The formula gives an empty array")]];
  return rows.map((row) => {
    const cells = Array.isArray(row) ? row : [row];
    return Array.from({ length: width }, (_, at) =>
      at < cells.length ? ((cells[at] ?? 0) as Value) : FormulaError.NA,
    );
  });
}

export class Calculation {
  private engine: FormulaEngine | undefined;
  /** Made on the first formula: building the formula grammar is most of a page's start-up in the preview. */
  private evaluator: FormulaEvaluator | undefined;
  private readonly calculated = new Map<number, Calculated>();
  /** Cells filled by another cell's spilled array. */
  private readonly spilled = new Map<number, { readonly anchor: number; readonly value: Value }>();
  private readonly cellReaders = new Map<number, Set<number>>();
  private readonly ranges = new Map<string, RangeReaders>();
  /** Ranges by each sheet column they cover, to find a cell's readers without scanning them all. */
  private readonly rangesByColumn = new Map<number, Set<RangeReaders>>();
  /** Ranges too wide to file by column (whole rows). */
  private readonly wideRanges = new Set<RangeReaders>();
  private readonly tableReaders = new Map<string, Set<number>>();
  private readonly anchors = new Map<number, Area>();
  private readonly unresolved = new Set<number>();
  /** Formula cells being calculated, innermost last. */
  private readonly inProgress = new Set<number>();
  /**
   * Ranges read since the last change, by id: a column of formulas passing the same price table reads it once.
   * Only ranges whose formulas were all calculated are kept; any change forgets them all.
   */
  private readonly rangeValues = new Map<string, readonly (readonly unknown[])[]>();
  /** Formulas in A1 form, by cell; forgotten when a table or sheet changes shape. */
  private readonly translations = new Map<number, { readonly formula: string; readonly translation: Translation }>();
  /** What the formula being evaluated has read. */
  private reading = { cells: new Set<number>(), ranges: new Map<string, Area>(), unresolved: false };

  /** `engineWanted`: called when a formula meets no engine yet, so whoever holds it can fetch it. */
  constructor(
    private readonly source: CellSource,
    private readonly functions: FunctionLibrary = new Map(),
    private readonly engineWanted: () => void = () => undefined,
  ) {}

  /** Whether formulas calculate yet: until the engine arrives they show #BUSY!. */
  get ready(): boolean {
    return this.engine !== undefined;
  }

  /** The engine has arrived: what showed #BUSY! is calculated when next read. */
  useEngine(engine: FormulaEngine): void {
    this.engine = engine;
    this.invalidate([...this.unresolved]);
  }

  private get parser(): FormulaEvaluator {
    this.evaluator ??= this.engine!({
      functions: Object.fromEntries(this.functions),
      onCell: (reference) => this.onCell(reference),
      onRange: (reference) => this.onRange(reference),
    });
    return this.evaluator;
  }

  /** A cell's calculated value. */
  value(sheet: number, row: number, column: number): Value {
    const key = keyOf(sheet, row, column);
    const entry = this.source.entry(sheet, row, column);
    if (isFormula(entry)) {
      this.demand([key]);
      return this.calculated.get(key)!.value;
    }
    if (entry !== undefined && entry !== null) return entry;
    this.demand(this.pendingAnchors(sheet, row, column));
    return this.spilled.get(key)?.value ?? null;
  }

  /** Where the array shown in this cell was spilled from, if it was. */
  spilledFrom(sheet: number, row: number, column: number): CellAddress | undefined {
    const spill = this.spilled.get(keyOf(sheet, row, column));
    return spill && cellOfKey(spill.anchor);
  }

  /** The blocks filled by spilled arrays on a sheet (calculating its formulas first). */
  spills(sheet: number): CellRange[] {
    this.demand([...this.source.spillCandidates(sheet)].map(({ row, column }) => keyOf(sheet, row, column)));
    return [...this.anchors].flatMap(([anchor, area]) =>
      area.sheet === sheet && this.calculated.get(anchor)?.array ? [area] : [],
    );
  }

  /** A cell's content changed: what read it is calculated again when next read. */
  written(sheet: number, row: number, column: number): void {
    this.invalidate([keyOf(sheet, row, column)]);
  }

  /** Cells in this block moved or changed (rows inserted or deleted, a column added). */
  moved(area: Area): void {
    this.translations.clear();
    const keys: number[] = [];
    const within = (key: number) => {
      const { sheet, row, column } = cellOfKey(key);
      return inArea(area, sheet, row, column);
    };
    for (const key of [...this.calculated.keys(), ...this.cellReaders.keys(), ...this.spilled.keys()]) {
      if (within(key)) keys.push(key);
    }
    for (const range of this.ranges.values()) {
      if (range.area.sheet === area.sheet && overlaps(range.area, area)) keys.push(...range.readers);
    }
    this.invalidate(keys);
  }

  /** A table changed size: formulas that name it mean another block now (and a new column may resolve one). */
  tableResized(name: string): void {
    this.translations.clear();
    this.invalidate([...(this.tableReaders.get(name.toLowerCase()) ?? []), ...this.unresolved]);
  }

  /** A sheet or table was added: formulas that referred to it before it existed are calculated again. */
  namesAdded(): void {
    this.translations.clear();
    this.invalidate([...this.unresolved]);
  }

  private onCell(reference: CellReference): unknown {
    const sheet = this.source.sheetIndex(reference.sheet ?? "");
    if (sheet === undefined) return this.unknownSheet(reference.sheet);
    const key = keyOf(sheet, reference.row - 1, reference.col - 1);
    this.reading.cells.add(key);
    return this.read(sheet, reference.row - 1, reference.col - 1, key);
  }

  private onRange(reference: RangeReference): unknown[][] {
    const sheet = this.source.sheetIndex(reference.sheet ?? "");
    if (sheet === undefined) return [[this.unknownSheet(reference.sheet)]];
    const extent = reference.to.row === null || reference.to.col === null ? this.source.extent(sheet) : undefined;
    const first = { row: (reference.from.row ?? 1) - 1, column: (reference.from.col ?? 1) - 1 };
    const last = {
      row: reference.to.row === null ? Math.max(extent!.rows, first.row + 1) - 1 : reference.to.row - 1,
      column: reference.to.col === null ? Math.max(extent!.columns, first.column + 1) - 1 : reference.to.col - 1,
    };
    const area: Area = {
      sheet,
      row: first.row,
      column: first.column,
      rows: (reference.to.row === null ? ROWS : last.row + 1) - first.row,
      columns: (reference.to.col === null ? COLUMNS : last.column + 1) - first.column,
    };
    const id = `${sheet}:${area.row}:${area.column}:${area.rows}:${area.columns}`;
    this.reading.ranges.set(id, area);
    const known = this.rangeValues.get(id);
    // A copy: a function may change the arrays it is given.
    if (known) return known.map((row) => [...row]);
    const needed: number[] = [];
    // The empty cells no array has spilled into yet, as far down and right as they go: a formula above and left
    // of them might spill there. A cell already spilled into (a spill reference's whole block) waits for nothing.
    const open = { row: -1, column: -1 };
    const cells: unknown[][] = [];
    for (let row = first.row; row <= last.row; row++) {
      const values: unknown[] = [];
      for (let column = first.column; column <= last.column; column++) {
        const key = keyOf(sheet, row, column);
        const entry = this.source.entry(sheet, row, column);
        if (!isFormula(entry)) {
          const spilled = entry ?? this.spilled.get(key)?.value;
          if (spilled === undefined) [open.row, open.column] = [row, Math.max(open.column, column)];
          values.push(spilled ?? null);
          continue;
        }
        const calculated = this.calculated.get(key);
        if (calculated) values.push(calculated.value);
        else if (this.inProgress.has(key)) values.push(CIRCULAR);
        else needed.push(key);
      }
      cells.push(values);
    }
    if (open.row >= 0) needed.push(...this.pendingAnchors(sheet, open.row, open.column));
    if (needed.length > 0) throw new Need(needed);
    const settled = !cells.some((row) => row.includes(CIRCULAR));
    if (settled)
      this.rangeValues.set(
        id,
        cells.map((row) => [...row]),
      );
    return cells;
  }

  private unknownSheet(sheet: string | undefined): FormulaError {
    this.reading.unresolved = true;
    return new FormulaError("#REF!", `There is no sheet called ${sheet ?? ""}`);
  }

  /** A cell's value during an evaluation; stops it (Need) if the cell's formula has not been calculated. */
  private read(sheet: number, row: number, column: number, key: number): Value {
    const entry = this.source.entry(sheet, row, column);
    if (isFormula(entry)) {
      const calculated = this.calculated.get(key);
      if (calculated) return calculated.value;
      if (this.inProgress.has(key)) return CIRCULAR;
      throw new Need([key]);
    }
    if (entry !== undefined && entry !== null) return entry;
    const spill = this.spilled.get(key);
    if (spill) return spill.value;
    const pending = this.pendingAnchors(sheet, row, column);
    if (pending.length > 0) throw new Need(pending);
    return null;
  }

  /** Formula cells above and left of a cell not yet calculated: their arrays might spill into it. */
  private pendingAnchors(sheet: number, row: number, column: number): number[] {
    const pending: number[] = [];
    for (const candidate of this.source.spillCandidates(sheet)) {
      const key = keyOf(sheet, candidate.row, candidate.column);
      if (
        candidate.row <= row &&
        candidate.column <= column &&
        !this.calculated.has(key) &&
        !this.inProgress.has(key)
      ) {
        pending.push(key);
      }
    }
    return pending;
  }

  /** Calculates these formula cells, and first whatever they need. */
  private demand(keys: readonly number[]): void {
    for (const wanted of keys) {
      if (this.calculated.has(wanted)) continue;
      const stack = [wanted];
      while (stack.length > 0) {
        const key = stack[stack.length - 1];
        if (this.calculated.has(key)) {
          stack.pop();
          this.inProgress.delete(key);
          continue;
        }
        this.inProgress.add(key);
        const need = this.calculate(key);
        if (need) {
          const fresh = need.keys.filter((needed) => !this.calculated.has(needed) && !this.inProgress.has(needed));
          if (fresh.length === 0) throw new Error("The calculation made no progress");
          stack.push(...fresh);
        } else {
          stack.pop();
          this.inProgress.delete(key);
        }
      }
    }
  }

  /** Evaluates one formula cell and keeps its result, or says what it needs first. */
  private calculate(key: number): Need | undefined {
    const { sheet, row, column } = cellOfKey(key);
    const entry = this.source.entry(sheet, row, column);
    if (!isFormula(entry)) return undefined;
    const sheetName = this.source.sheetName(sheet);
    const site: FormulaSite = { sheet: sheetName, row, column, table: this.source.tableAt(sheet, row, column) };
    this.reading = { cells: new Set(), ranges: new Map(), unresolved: false };
    let result: unknown;
    let tables: readonly string[] = [];
    // A formula calculated before the engine arrived is calculated again once it has (useEngine).
    let unresolved = !this.ready;
    if (unresolved) this.engineWanted();
    try {
      const translation = this.translate(key, entry.formula, site);
      tables = translation.tables;
      result = this.ready
        ? this.parser.parse(translation.text, { sheet: sheetName, row: row + 1, col: column + 1 }, true)
        : LOADING;
    } catch (error) {
      const need = needIn(error);
      if (need) return need;
      unresolved ||= error instanceof UnresolvedReference;
      result = failure(error);
    }
    unresolved ||= this.reading.unresolved;
    this.keep(key, site, gridOf(result), tables, unresolved);
    return undefined;
  }

  private translate(key: number, formula: string, site: FormulaSite): Translation {
    const known = this.translations.get(key);
    if (known?.formula === formula) return known.translation;
    const translation = toA1(formula.replace(/^=/, ""), site, {
      table: (name) => this.source.table(name),
      spill: (sheet, anchor) => this.spillArea(sheet, anchor),
    });
    if (!translation.spills) this.translations.set(key, { formula, translation });
    return translation;
  }

  /** The block a spilled array fills from an anchor, calculating the anchor first. */
  private spillArea(sheetName: string, anchor: CellAddress): CellRange | undefined {
    const sheet = this.source.sheetIndex(sheetName);
    if (sheet === undefined) return undefined;
    const key = keyOf(sheet, anchor.row, anchor.column);
    this.reading.cells.add(key);
    if (!this.calculated.has(key) && isFormula(this.source.entry(sheet, anchor.row, anchor.column))) {
      if (!this.inProgress.has(key)) throw new Need([key]);
    }
    const calculated = this.calculated.get(key);
    if (calculated?.array) return calculated.area;
    // Excel refers to a dynamic-array formula whose array has one cell (FILTER finding one row, a table of one row)
    // as that cell. The library cannot always tell such an array from a single value, so a formula cell outside a
    // table that gave no larger array (one that could not spill is no block at all) is taken so.
    const single =
      calculated && !this.anchors.has(key) && this.source.tableAt(sheet, anchor.row, anchor.column) === undefined;
    return single ? { ...anchor, rows: 1, columns: 1 } : undefined;
  }

  private keep(key: number, site: FormulaSite, grid: Value[][], tables: readonly string[], unresolved: boolean): void {
    const { sheet, row, column } = cellOfKey(key);
    let value = grid[0][0];
    let array: Value[][] | undefined;
    let area: Area | undefined;
    if (grid.length > 1 || grid[0].length > 1) {
      if (site.table) {
        value = new FormulaError("#SPILL!", `A formula in table ${site.table.name} cannot spill its array`);
      } else {
        area = { sheet, row, column, rows: grid.length, columns: grid[0].length };
        const blocker = this.blocker(area, key);
        if (blocker) {
          value = new FormulaError(
            "#SPILL!",
            `The spill range ${a1Range(area)} isn't blank: ${blocker} holds something`,
          );
        } else {
          array = grid;
          grid.forEach((cells, r) =>
            cells.forEach((cell, c) => {
              if (r > 0 || c > 0) this.spilled.set(keyOf(sheet, row + r, column + c), { anchor: key, value: cell });
            }),
          );
        }
        this.anchors.set(key, area);
      }
    }
    const ranges = [...this.reading.ranges].map(([id, rangeArea]) => this.rangeReaders(id, rangeArea));
    const cells = [...this.reading.cells];
    this.calculated.set(key, { value, array, area, cells, ranges, tables, unresolved });
    for (const cell of cells) getOrAdd(this.cellReaders, cell, () => new Set()).add(key);
    for (const range of ranges) range.readers.add(key);
    for (const table of tables) getOrAdd(this.tableReaders, table, () => new Set()).add(key);
    if (unresolved) this.unresolved.add(key);
  }

  /** The first cell of a spill block that holds something (other than the anchor), as "B3". */
  private blocker(area: Area, anchor: number): string | undefined {
    for (let row = area.row; row < area.row + area.rows; row++) {
      for (let column = area.column; column < area.column + area.columns; column++) {
        const key = keyOf(area.sheet, row, column);
        if (key === anchor) continue;
        const entry = this.source.entry(area.sheet, row, column);
        const taken = this.spilled.get(key);
        const occupied =
          (entry !== undefined && entry !== null) ||
          this.source.tableAt(area.sheet, row, column) !== undefined ||
          (taken !== undefined && taken.anchor !== anchor);
        if (occupied) return a1({ row, column });
      }
    }
    return undefined;
  }

  private rangeReaders(id: string, area: Area): RangeReaders {
    let range = this.ranges.get(id);
    if (!range) {
      range = { id, area, readers: new Set() };
      this.ranges.set(id, range);
      if (area.columns > WIDE) {
        this.wideRanges.add(range);
        return range;
      }
      const last = Math.min(area.column + area.columns, COLUMNS);
      for (let column = area.column; column < last; column++) {
        getOrAdd(this.rangesByColumn, area.sheet * COLUMNS + column, () => new Set()).add(range);
      }
    }
    return range;
  }

  /** Drops the results that depend on these cells, and theirs in turn. */
  private invalidate(keys: readonly number[]): void {
    this.rangeValues.clear();
    const queue = [...keys];
    const seen = new Set<number>();
    while (queue.length > 0) {
      const key = queue.pop()!;
      if (seen.has(key)) continue;
      seen.add(key);
      this.drop(key, queue);
      queue.push(...(this.cellReaders.get(key) ?? []));
      const { sheet, row, column } = cellOfKey(key);
      for (const range of [...(this.rangesByColumn.get(sheet * COLUMNS + column) ?? []), ...this.wideRanges]) {
        if (inArea(range.area, sheet, row, column)) queue.push(...range.readers);
      }
      for (const [anchor, area] of this.anchors) {
        if (anchor !== key && inArea(area, sheet, row, column)) queue.push(anchor);
      }
    }
  }

  /** Forgets one cell's result and what it read; its spilled cells are emptied (and their readers queued). */
  private drop(key: number, queue: number[]): void {
    const calculated = this.calculated.get(key);
    if (!calculated) return;
    this.calculated.delete(key);
    this.unresolved.delete(key);
    this.anchors.delete(key);
    for (const cell of calculated.cells) removeFrom(this.cellReaders, cell, key);
    for (const table of calculated.tables) removeFrom(this.tableReaders, table, key);
    for (const range of calculated.ranges) {
      range.readers.delete(key);
      if (range.readers.size === 0) this.forgetRange(range);
    }
    if (calculated.array && calculated.area) {
      const { sheet, row, column, rows, columns } = calculated.area;
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < columns; c++) {
          const spilledKey = keyOf(sheet, row + r, column + c);
          if (spilledKey !== key && this.spilled.get(spilledKey)?.anchor === key) {
            this.spilled.delete(spilledKey);
            queue.push(spilledKey);
          }
        }
      }
    }
  }

  private forgetRange(range: RangeReaders): void {
    this.ranges.delete(range.id);
    if (this.wideRanges.delete(range)) return;
    const last = Math.min(range.area.column + range.area.columns, COLUMNS);
    for (let column = range.area.column; column < last; column++) {
      const bucket = range.area.sheet * COLUMNS + column;
      this.rangesByColumn.get(bucket)?.delete(range);
      if (this.rangesByColumn.get(bucket)?.size === 0) this.rangesByColumn.delete(bucket);
    }
  }
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns
  );
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

function removeFrom<K>(map: Map<K, Set<number>>, key: K, member: number): void {
  const set = map.get(key);
  set?.delete(member);
  if (set?.size === 0) map.delete(key);
}
