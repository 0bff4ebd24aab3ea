// Building and updating a run record while it runs: every change is written through (so a crash leaves the latest
// state on disk) and reported as a live event.
import * as os from 'node:os';
import type { RunEvent, RunKind, RunEngine, RunRecord, RunState, TimelineEntry } from './api';
import { writeRecord } from './store';

/** The record of a run and the event sink, written through on every change. */
export class RunJournal {
  constructor(
    readonly root: string,
    readonly rec: RunRecord,
    private readonly onEvent: (e: RunEvent) => void,
  ) {}

  /** Persist the record now. */
  save(): void {
    writeRecord(this.root, this.rec);
  }

  emit(e: RunEvent): void {
    try {
      this.onEvent(e);
    } catch {
      // A listener that throws must not break the run.
    }
  }

  note(type: TimelineEntry['type'], message: string): void {
    const entry: TimelineEntry = { at: new Date().toISOString(), type, message };
    this.rec.timeline.push(entry);
    this.save();
    this.emit({ type: 'timeline', runId: this.rec.id, entry });
  }

  state(state: RunState, message: string): void {
    this.rec.state = state;
    this.note('phase', `${state}: ${message}`);
    this.emit({ type: 'state', runId: this.rec.id, state, at: new Date().toISOString(), message });
  }

  log(level: 'info' | 'warn' | 'error', message: string): void {
    this.emit({ type: 'log', runId: this.rec.id, level, message });
  }
}

/** A fresh record in state pending. */
export function newRecord(init: {
  id: string;
  kind: RunKind;
  name: string;
  experiment?: string | undefined;
  scenario?: string | undefined;
  engine: RunEngine;
  loadEngine?: RunEngine | undefined;
  who?: string | undefined;
  policyPath?: string | undefined;
  context?: string | undefined;
  server?: string | undefined;
  namespace?: string | undefined;
  dryRun: boolean;
}): RunRecord {
  let who = init.who;
  if (who === undefined) {
    try {
      who = os.userInfo().username;
    } catch {
      who = process.env.USER ?? 'unknown';
    }
  }
  return {
    version: 1,
    id: init.id,
    kind: init.kind,
    name: init.name,
    experiment: init.experiment,
    scenario: init.scenario,
    engine: init.engine,
    loadEngine: init.loadEngine,
    state: 'pending',
    verdict: undefined,
    reason: undefined,
    who,
    host: os.hostname(),
    pid: process.pid,
    policyPath: init.policyPath,
    context: init.context,
    server: init.server,
    namespace: init.namespace,
    dryRun: init.dryRun,
    createdAt: new Date().toISOString(),
    startedAt: undefined,
    finishedAt: undefined,
    created: [],
    deleted: [],
    leftovers: [],
    targets: [],
    timeline: [],
    samples: [],
    load: undefined,
    slos: [],
    evidence: [],
    preflight: [],
    stoppedEarly: false,
  };
}
