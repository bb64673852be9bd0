// Every order in which two panes' reads and writes of one workbook can happen. Each pane reaches the workbook through
// a gate: a call waits there until the driver lets it run, and the driver, whenever both panes wait, lets one or the
// other go first. Runs are replayed from the start with each choice taken in turn (a depth-first search over the
// choices), so every interleaving of the panes' workbook calls is run exactly once.
import { sameName, Workbook } from "../../src/workbook/port";

/** One workbook call, as the log of a run shows it: which pane made it, what it was, and whether it was done. */
export interface Step {
  readonly pane: number;
  readonly call: string;
  /** False for a call the workbook refused (a write whose rows changed since they were read, say). */
  readonly done: boolean;
}

/** The calls of two panes, made one at a time in the order the driver chooses. */
export class Gates {
  readonly log: Step[] = [];
  private readonly waiting = new Map<number, { call: string; go: () => void }>();

  /**
   * The workbook as pane `pane` reaches it: every call waits its turn, and is logged as it ends. With `only`, just the
   * calls on those tables do; the rest go straight to the workbook (each done before the next turn is chosen).
   */
  gate(pane: number, workbook: Workbook, only?: readonly string[]): Workbook {
    const turn = async <T>(call: string, tables: readonly string[], work: () => Promise<T>): Promise<T> => {
      if (only && !tables.some((table) => only.some((name) => sameName(name, table)))) return work();
      await new Promise<void>((go) => this.waiting.set(pane, { call, go }));
      try {
        const result = await work();
        this.log.push({ pane, call, done: true });
        return result;
      } catch (error) {
        this.log.push({ pane, call, done: false });
        throw error;
      }
    };
    return {
      names: () => turn("names", [], () => workbook.names()),
      readTable: (name, read) => turn(`read ${name}`, [name], () => workbook.readTable(name, read)),
      readCells: (sheet, range) => turn(`read ${sheet}`, [], () => workbook.readCells(sheet, range)),
      addTables: (tables) =>
        turn(
          "add tables",
          tables.map((table) => table.name),
          () => workbook.addTables(tables),
        ),
      addSheet: (sheet) => turn(`add ${sheet.name}`, [], () => workbook.addSheet(sheet)),
      editTables: (edits) => {
        const tables = edits.map((edit) => edit.table);
        return turn(`write ${tables.join(", ")}`, tables, () => workbook.editTables(edits));
      },
    };
  }

  /** The panes waiting, lowest first. */
  panesWaiting(): number[] {
    return [...this.waiting.keys()].sort((a, b) => a - b);
  }

  /** Whether the call pane `pane` waits to make reads the workbook only. */
  readsOnly(pane: number): boolean {
    return /^(read|names)/.test(this.waiting.get(pane)!.call);
  }

  /** Lets pane `pane`'s waiting call run. */
  release(pane: number): void {
    const waiting = this.waiting.get(pane)!;
    this.waiting.delete(pane);
    waiting.go();
  }
}

/** Lets every promise that can settle, settle (the in-memory workbook does its work without timers). */
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One run: the panes' scripts, started over a workbook set up for it, and what must hold once they are done. */
export interface Run {
  readonly scripts: readonly Promise<unknown>[];
  readonly check: (log: readonly Step[]) => Promise<void> | void;
}

/** Sets up a run: a fresh workbook, and panes that reach it through the gates. */
export type Scenario = (gates: Gates) => Promise<Run>;

/**
 * Runs the panes' scripts, letting their workbook calls through one at a time: where more than one may go,
 * `choices[k]` says which (0: the lowest), the lowest once the choices run out. Two reads give the same whichever goes
 * first, so orders differing only in that are run once (sleep sets, Godefroid 1996): a pane passed over for a
 * read-only call while another reads sleeps, not chosen, until a write wakes it; a run where only sleeping panes wait
 * repeats one already run, and stops (`repeat`). Returns how many panes could go at each choice, with the run's check.
 */
async function runOnce(choices: readonly number[], scenario: Scenario, everyOrder: boolean) {
  const gates = new Gates();
  const run = await scenario(gates);
  let finished = 0;
  let failure: unknown = null;
  for (const script of run.scripts) {
    script.then(
      () => finished++,
      (error: unknown) => {
        failure ??= error;
        finished++;
      },
    );
  }
  const options: number[] = [];
  let asleep = new Set<number>();
  while (finished < run.scripts.length) {
    await settled();
    const waiting = gates.panesWaiting();
    if (waiting.length === 0) {
      if (finished < run.scripts.length) throw new Error("A pane neither finished nor reached the workbook.");
      break;
    }
    const awake = everyOrder ? waiting : waiting.filter((pane) => !asleep.has(pane));
    if (awake.length === 0) return { options, repeat: true, log: gates.log, check: run.check };
    let pick = 0;
    if (awake.length > 1) {
      pick = choices[options.length] ?? 0;
      options.push(awake.length);
    }
    const chosen = awake[pick];
    const reads = !everyOrder && gates.readsOnly(chosen);
    // Panes already tried first here, whose reads the chosen read leaves as they were, sleep.
    asleep = new Set([...asleep, ...awake.slice(0, pick).filter((pane) => reads && gates.readsOnly(pane))]);
    // A write wakes every sleeper; a read, those waiting to write.
    asleep = new Set([...asleep].filter((pane) => reads && gates.readsOnly(pane)));
    gates.release(chosen);
  }
  if (failure) throw failure as Error;
  return { options, repeat: false, log: gates.log, check: run.check };
}

/**
 * Runs every interleaving of the panes' workbook calls (but for the order of two reads, unless `everyOrder`), checking
 * each. Returns how many runs it took.
 */
export async function everyInterleaving(scenario: Scenario, { everyOrder = false } = {}): Promise<number> {
  let choices: number[] = [];
  let runs = 0;
  for (;;) {
    const { options, repeat, log, check } = await runOnce(choices, scenario, everyOrder);
    runs++;
    try {
      if (!repeat) await check(log);
    } catch (error) {
      const order = log.map((step) => `${step.pane}: ${step.call}${step.done ? "" : " (refused)"}`).join("\n  ");
      // The same error, saying in which order it happened.
      if (error instanceof Error) error.message = `In the order\n  ${order}\n${error.message}`;
      throw error;
    }
    // The next: the last choice with another way to go, taken that way; the defaults after it.
    const taken = options.map((_, at) => choices[at] ?? 0);
    let at = taken.length - 1;
    while (at >= 0 && taken[at] === options[at] - 1) at--;
    if (at < 0) return runs;
    choices = [...taken.slice(0, at), taken[at] + 1];
  }
}
