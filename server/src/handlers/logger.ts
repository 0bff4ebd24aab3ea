import type { Connection } from 'vscode-languageserver/node';
import type { TraceLevel } from '../protocol/settings';

const ORDER: Record<TraceLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

/** Logs to the client's output channel at or above a level; `once` keys keep repeated problems to one line. */
export class Logger {
  private readonly seen = new Set<string>();

  constructor(private readonly connection: Connection, public level: TraceLevel = 'warn') {}

  error(msg: string): void {
    if (ORDER[this.level] >= 1) this.connection.console.error(msg);
  }
  warn(msg: string): void {
    if (ORDER[this.level] >= 2) this.connection.console.warn(msg);
  }
  info(msg: string): void {
    if (ORDER[this.level] >= 3) this.connection.console.info(msg);
  }
  debug(msg: string): void {
    if (ORDER[this.level] >= 4) this.connection.console.log(msg);
  }
  /** Log a warning the first time `key` is seen. */
  warnOnce(key: string, msg: string): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (this.seen.size > 10_000) this.seen.clear();
    this.warn(msg);
  }
}
