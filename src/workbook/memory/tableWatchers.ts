// Who changed the in-memory workbook's tables, and who is told: each session of the workbook (its own user, or a
// colleague co-authoring it) hears of a change as Excel tells of one (Table.onChanged): "Local" when it made it itself,
// "Remote" when another session did, a task after the change, as an event follows it.
import { sameName, TableChange } from "../port";

interface Watcher {
  readonly session: number;
  readonly tables: readonly string[];
  readonly listener: (change: TableChange) => void;
}

export class TableWatchers {
  /** The session changing the workbook now: 0, its own user's. */
  private origin = 0;
  private sessions = 0;
  private readonly watchers = new Set<Watcher>();

  /** A new session: a colleague with the workbook open. */
  newSession(): number {
    return ++this.sessions;
  }

  /** Runs `work` (which changes the workbook at once, or registers a watcher) as `session`. */
  as<T>(session: number, work: () => T): T {
    const before = this.origin;
    this.origin = session;
    try {
      return work();
    } finally {
      this.origin = before;
    }
  }

  /** Tells `listener` of changes to these tables by any session, until the function given is called. */
  watch(tables: readonly string[], listener: (change: TableChange) => void): () => Promise<void> {
    const watcher: Watcher = { session: this.origin, tables, listener };
    this.watchers.add(watcher);
    return () => {
      this.watchers.delete(watcher);
      return Promise.resolve();
    };
  }

  /** These tables were changed by the session changing the workbook now. */
  changed(tables: readonly string[]): void {
    const origin = this.origin;
    for (const watcher of this.watchers) {
      for (const table of tables.filter((name) => watcher.tables.some((watched) => sameName(watched, name)))) {
        const change: TableChange = { table, source: watcher.session === origin ? "Local" : "Remote" };
        setTimeout(() => {
          if (this.watchers.has(watcher)) watcher.listener(change);
        }, 0);
      }
    }
  }
}
