// The audit record of every run in `<root>/.dfx/runs/<id>.json`: written before anything is created and after every
// change (atomically: temp file + rename), so a crash or a closed editor still leaves a record that the next start
// finds as an orphan and offers to clean up. It is also the history the Runs view and `genai4dfx runs list` show.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RunRecord, RunState, RunSummary } from './api';

const TERMINAL: ReadonlySet<RunState> = new Set(['passed', 'failed', 'aborted', 'error']);

/** True for passed, failed, aborted, error. */
export function isTerminal(state: RunState): boolean {
  return TERMINAL.has(state);
}

/** Folder holding the records. */
export function runsDir(root: string): string {
  return path.join(root, '.dfx', 'runs');
}

/** A new run id: sortable by time, valid as a Kubernetes label value and a file name ("20261124-213501-3fa9c2"). */
export function newRunId(now = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  const d = `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}-${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
  return `${d}-${randomBytes(3).toString('hex')}`;
}

const ID_RE = /^[0-9]{8}-[0-9]{6}-[0-9a-f]{6}$/;

/** Whether a string is a run id (guards file access from user input). */
export function isRunId(id: string): boolean {
  return ID_RE.test(id);
}

/** Write a record atomically. */
export function writeRecord(root: string, rec: RunRecord): void {
  const dir = runsDir(root);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${rec.id}.json`);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(rec, null, 2)}\n`);
  fs.renameSync(tmp, file);
}

/** Read one record; undefined when missing or unreadable. */
export function readRecord(root: string, id: string): RunRecord | undefined {
  if (!isRunId(id)) return undefined;
  try {
    const rec = JSON.parse(fs.readFileSync(path.join(runsDir(root), `${id}.json`), 'utf8')) as RunRecord;
    return rec.version === 1 && rec.id === id ? rec : undefined;
  } catch {
    return undefined;
  }
}

/** Every readable record, newest first. */
export function readAll(root: string): RunRecord[] {
  let names: string[];
  try {
    names = fs.readdirSync(runsDir(root));
  } catch {
    return [];
  }
  const out: RunRecord[] = [];
  for (const n of names) {
    const m = /^(.+)\.json$/.exec(n);
    if (!m?.[1]) continue;
    const r = readRecord(root, m[1]);
    if (r) out.push(r);
  }
  return out.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** Whether a process with this pid is alive on this machine. */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A record is orphaned when it finished with leftovers, or it is not terminal and the process that ran it is gone: on this host its pid is dead; on
 * another host (a shared folder) we cannot tell, so it counts as orphaned once it is older than a day.
 */
export function isOrphan(rec: RunRecord, live: ReadonlySet<string> = new Set(), now = Date.now()): boolean {
  if (live.has(rec.id)) return false;
  // Finished, but cleanup could not verify everything gone (API server lost, stuck finalizer): still needs cleanup.
  if (isTerminal(rec.state)) return rec.leftovers.length > 0;
  if (rec.host === os.hostname()) return rec.pid === process.pid ? !live.has(rec.id) : !pidAlive(rec.pid);
  return now - Date.parse(rec.createdAt) > 86_400_000;
}

/** The history line of a record. */
export function summarize(rec: RunRecord, live: ReadonlySet<string> = new Set()): RunSummary {
  return {
    id: rec.id,
    kind: rec.kind,
    name: rec.name,
    engine: rec.engine,
    state: rec.state,
    verdict: rec.verdict,
    reason: rec.reason,
    context: rec.context,
    namespace: rec.namespace,
    createdAt: rec.createdAt,
    finishedAt: rec.finishedAt,
    who: rec.who,
    dryRun: rec.dryRun,
    orphaned: isOrphan(rec, live),
  };
}
