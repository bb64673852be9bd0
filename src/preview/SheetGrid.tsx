import { makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { FocusEvent, KeyboardEvent, useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import { CellContent, CellView, SheetView } from "../workbook/memory/memoryWorkbook";
import { a1 } from "../workbook/port";
import { columnPixels, displayed, editText, overflowWidth, typedContent } from "./cells";

/** Rows drawn at most; a sheet of 5,000 people is calculated, but only its first rows are drawn. */
const MAX_ROWS = 500;
/** Widths of the two frozen columns (an id and a name) of a wide table. */
const FROZEN = ["6em", "11em"];

const useStyles = makeStyles({
  bar: { display: "flex", gap: "8px", alignItems: "baseline", padding: "4px 0", minHeight: "24px" },
  address: {
    fontFamily: tokens.fontFamilyMonospace,
    minWidth: "4em",
    padding: "1px 6px",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  contents: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  problem: { color: tokens.colorPaletteRedForeground1 },
  scroller: {
    overflow: "auto",
    maxHeight: "60vh",
    width: "fit-content",
    maxWidth: "100%",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  grid: {
    borderCollapse: "separate",
    borderSpacing: 0,
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      padding: "2px 6px",
      whiteSpace: "nowrap",
      height: "20px",
      backgroundColor: tokens.colorNeutralBackground1,
    },
    "& th": {
      backgroundColor: tokens.colorNeutralBackground3,
      textAlign: "left",
      position: "sticky",
      top: 0,
      zIndex: 2,
    },
    "& td:focus, & th:focus": { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  },
  number: { textAlign: "right" },
  error: { color: tokens.colorPaletteRedForeground1 },
  spilled: { color: tokens.colorNeutralForeground2 },
  bold: { fontWeight: tokens.fontWeightSemibold },
  // A column of one-letter answers under a long question: the header reads upwards, the column stays narrow.
  compact: { textAlign: "center", verticalAlign: "bottom" },
  upwards: {
    writingMode: "vertical-rl",
    transform: "rotate(180deg)",
    maxHeight: "9em",
    overflow: "hidden",
    textOverflow: "ellipsis",
    fontWeight: tokens.fontWeightRegular,
  },
  frozen: { position: "sticky", zIndex: 1, overflow: "hidden", textOverflow: "ellipsis" },
  editor: { width: "100%", minWidth: "6em", font: "inherit", boxSizing: "border-box" },
  // Text running on over the blank cells to its right, as in Excel: it does not widen its own column.
  overflow: { display: "block", width: 0 },
  overflowText: { display: "inline-block", overflow: "hidden", textOverflow: "ellipsis", verticalAlign: "top" },
});

interface Props {
  readonly sheet: SheetView;
  /** Writes a cell as typed; returns why it could not, or null. */
  readonly write: (row: number, column: number, content: CellContent) => string | null;
}

/** The table holding the whole sheet from A1, if there is one: its columns can be frozen and made compact. */
function wholeSheetTable(sheet: SheetView) {
  const [table] = sheet.tables;
  const whole =
    sheet.tables.length === 1 &&
    table.range.row === 0 &&
    table.range.column === 0 &&
    table.range.rows === sheet.rows &&
    table.range.columns === sheet.columns;
  return whole ? table : undefined;
}

/**
 * A sheet as a grid of cells, as Excel shows it: values in their number formats, errors with their messages
 * (as a tooltip, and in the bar above when the cell is selected). A click or the arrow keys select a cell; typing
 * replaces what it holds; F2, Enter or a double-click edit it in place, the caret at the end; Enter commits (Tab
 * commits and moves right), Escape cancels; Delete clears.
 */
export function SheetGrid({ sheet, write }: Props) {
  const styles = useStyles();
  const [active, setActive] = useState({ row: 0, column: 0 });
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const cellElements = useRef(new Map<string, HTMLTableCellElement>());
  const focusWanted = useRef(false);
  /** The editor is closing (committed or cancelled): its blur must not commit again. */
  const closing = useRef(false);
  // The cell's editor takes focus as it appears (a ref, not autoFocus: Preact only sets the attribute, which a
  // browser honours once per page).
  const focusWhenShown = useCallback((editor: HTMLInputElement | null) => editor?.focus(), []);
  const shownRows = Math.min(sheet.rows, MAX_ROWS);
  const cells = useMemo(
    () =>
      Array.from({ length: shownRows }, (_, row) =>
        Array.from({ length: sheet.columns }, (_, column) => sheet.cell(row, column)),
      ),
    [sheet, shownRows],
  );
  const table = wholeSheetTable(sheet);
  const frozen = table && table.range.columns >= 8 ? FROZEN.length : 0;
  const compact = useMemo(
    () =>
      Array.from(
        { length: sheet.columns },
        (_, column) =>
          table !== undefined &&
          cells.length > 1 &&
          String(cells[0][column].value).length > 4 &&
          cells.slice(1).every((row) => displayed(row[column]).length <= 2),
      ),
    [cells, sheet.columns, table],
  );
  const current: CellView | undefined = cells[active.row]?.[active.column];

  // A layout effect: the cell has focus before the next key arrives, whichever library renders.
  useLayoutEffect(() => {
    if (!focusWanted.current || editing !== null) return;
    focusWanted.current = false;
    cellElements.current.get(`${active.row}:${active.column}`)?.focus();
  }, [active, editing]);

  const move = (row: number, column: number) => {
    focusWanted.current = true;
    setActive({
      row: Math.max(0, Math.min(row, shownRows - 1)),
      column: Math.max(0, Math.min(column, sheet.columns - 1)),
    });
  };
  const editable = (cell: CellView | undefined) => cell !== undefined && !cell.header;
  const startEditing = (text: string) => {
    if (!editable(current)) return;
    closing.current = false;
    setProblem(null);
    setEditing(text);
  };
  const commit = (text: string, then: { row: number; column: number }) => {
    const refused = write(active.row, active.column, typedContent(text, current?.numberFormat ?? "General"));
    if (refused) {
      setProblem(refused);
      return;
    }
    closing.current = true;
    setEditing(null);
    move(then.row, then.column);
  };
  const cancel = () => {
    closing.current = true;
    setEditing(null);
    setProblem(null);
    move(active.row, active.column);
  };

  const onGridKey = (event: KeyboardEvent<HTMLTableElement>) => {
    if (editing !== null) return;
    const { row, column } = active;
    const steps: Record<string, [number, number]> = {
      ArrowUp: [row - 1, column],
      ArrowDown: [row + 1, column],
      ArrowLeft: [row, column - 1],
      ArrowRight: [row, column + 1],
      Home: [row, 0],
      End: [row, sheet.columns - 1],
    };
    if (steps[event.key]) {
      event.preventDefault();
      move(...steps[event.key]);
    } else if ((event.key === "Enter" || event.key === "F2") && current) {
      event.preventDefault();
      startEditing(editText(current));
    } else if ((event.key === "Delete" || event.key === "Backspace") && editable(current)) {
      event.preventDefault();
      setProblem(write(row, column, null));
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      startEditing(event.key);
    }
  };
  const onEditorKey = (event: KeyboardEvent<HTMLInputElement>) => {
    // The editor's keys are its own: the grid's handler must not see them (after Enter commits, it would
    // start editing the next cell).
    event.stopPropagation();
    const text = event.currentTarget.value;
    if (event.key === "Enter") {
      event.preventDefault();
      commit(text, { row: active.row + 1, column: active.column });
    } else if (event.key === "Tab") {
      event.preventDefault();
      commit(text, { row: active.row, column: active.column + 1 });
    } else if (event.key === "Escape") {
      event.preventDefault();
      cancel();
    }
  };
  const onEditorBlur = (event: FocusEvent<HTMLInputElement>) => {
    // Clicking elsewhere commits, as in Excel; a refusal keeps the text for another try.
    if (editing !== null && !closing.current) commit(event.currentTarget.value, active);
  };

  const columnStyle = (column: number) =>
    column < frozen
      ? {
          left: column === 0 ? 0 : FROZEN[0],
          width: FROZEN[column],
          minWidth: FROZEN[column],
          maxWidth: FROZEN[column],
        }
      : sheet.columnWidths[column]
        ? { minWidth: `${columnPixels(sheet.columnWidths[column])}px` }
        : undefined;

  return (
    <div>
      <div className={styles.bar}>
        <output className={styles.address} aria-label="Selected cell">
          {a1(active)}
        </output>
        <output className={styles.contents} aria-label="Cell contents">
          {current ? editText(current) : ""}
        </output>
        {current?.error && (
          <Text size={200} className={styles.error}>
            {current.error.message}
          </Text>
        )}
      </div>
      {problem && (
        <Text as="p" role="alert" className={styles.problem}>
          {problem}
        </Text>
      )}
      <div className={styles.scroller}>
        <table
          role="grid"
          aria-label={`Sheet ${sheet.name}`}
          aria-rowcount={sheet.rows}
          aria-colcount={sheet.columns}
          data-sheet={sheet.name}
          data-table={table?.name}
          className={styles.grid}
          onKeyDown={onGridKey}
        >
          <tbody>
            {cells.map((row, rowIndex) => (
              <tr key={rowIndex} aria-rowindex={rowIndex + 1}>
                {row.map((cell, column) => {
                  const isActive = rowIndex === active.row && column === active.column;
                  const Cell = cell.header ? "th" : "td";
                  const overflow = column < frozen ? undefined : overflowWidth(row, column, sheet.columnWidths);
                  const className = mergeClasses(
                    typeof cell.value === "number" && !cell.error && styles.number,
                    cell.error && styles.error,
                    cell.spilled && styles.spilled,
                    cell.bold && styles.bold,
                    compact[column] && styles.compact,
                    column < frozen && styles.frozen,
                  );
                  return (
                    <Cell
                      key={column}
                      ref={(element: HTMLTableCellElement | null) => {
                        const key = `${rowIndex}:${column}`;
                        if (element) cellElements.current.set(key, element);
                        else cellElements.current.delete(key);
                      }}
                      scope={cell.header ? "col" : undefined}
                      aria-colindex={column + 1}
                      aria-selected={isActive}
                      aria-readonly={!editable(cell) || undefined}
                      tabIndex={isActive && editing === null ? 0 : -1}
                      title={
                        cell.error
                          ? `${cell.error.code}: ${cell.error.message}`
                          : cell.header && compact[column]
                            ? displayed(cell)
                            : undefined
                      }
                      className={className}
                      style={columnStyle(column)}
                      // A click selects, as in Excel: typing then replaces the cell; a double-click edits it.
                      onClick={() => {
                        if (isActive && editing !== null) return;
                        setProblem(null);
                        move(rowIndex, column);
                      }}
                      onDoubleClick={() => {
                        if (editing !== null) return;
                        setActive({ row: rowIndex, column });
                        if (editable(cell)) {
                          closing.current = false;
                          setProblem(null);
                          setEditing(editText(cell));
                        }
                      }}
                    >
                      {isActive && editing !== null ? (
                        <input
                          aria-label={`Edit ${a1({ row: rowIndex, column })}`}
                          className={styles.editor}
                          value={editing}
                          ref={focusWhenShown}
                          onFocus={(event) => event.currentTarget.setSelectionRange(editing.length, editing.length)}
                          onChange={(event) => setEditing(event.target.value)}
                          onKeyDown={onEditorKey}
                          onBlur={onEditorBlur}
                        />
                      ) : cell.header && compact[column] ? (
                        <span className={styles.upwards}>{displayed(cell)}</span>
                      ) : overflow !== undefined ? (
                        <span className={styles.overflow}>
                          <span className={styles.overflowText} style={{ maxWidth: `${overflow}px` }}>
                            {displayed(cell)}
                          </span>
                        </span>
                      ) : (
                        displayed(cell)
                      )}
                    </Cell>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sheet.rows > shownRows && (
        <Text as="p" size={200}>
          Showing the first {shownRows} of {sheet.rows} rows.
        </Text>
      )}
    </div>
  );
}
