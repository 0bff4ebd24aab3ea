import { join } from 'node:path';
import type { Tree } from 'web-tree-sitter';
import { isQueryRule, type RuleDefinition } from './define-rule';
import type { LanguageId } from './languages';
import { isPolicyPath } from './languages';
import { ParserPool, ParseTimeoutError } from './parser-pool';
import { QUERY_SNAPSHOT_FILE, QuerySnapshots, setLoadedSnapshots } from './query-snapshot';
import { RuleRegistry, type CompileError } from './registry';
import type { ChangedRange } from './document';
import { runRules, sortFindings, type LevelResolver, type OptionsResolver, type Region, type RuleFailure, type RunResult } from './runner';
import { t } from '../l10n';
import { LineIndex } from './span';
import { applySuppressions, findSuppressions } from './suppressions';
import type { Finding } from './types';

/** Rule id of the info finding for a file over the size cap. */
export const FILE_SKIPPED = 'dfx-file-skipped';
/** Rule id of the info finding for a file whose parse ran past its budget. */
export const PARSE_TIMEOUT = 'dfx-parse-timeout';

/** Limits and rule levels for one analysis. */
export interface AnalyzeOptions {
  /** Files larger than this (in UTF-16 code units, about bytes for source code) are skipped with one info finding. */
  maxFileSize: number;
  parseBudgetMs: number;
  queryBudgetMs: number;
  level: LevelResolver;
  /** The user's rule options (settings, policy); rules fall back to their defaults. */
  options?: OptionsResolver;
  /** Project roots (paths or URIs): rules see a path relative to the innermost root holding it, else the whole path. */
  roots?: readonly string[];
  /**
   * The text is an open document analysed after every edit: its active rule set is worth a compiled query of its own
   * (RuleRegistry.fusedFor). A scan leaves it unset.
   */
  editing?: boolean;
}

/** What an open document's analysis leaves for the next one: the local rules' findings, before suppressions. */
export interface IncrementalState {
  /** The caller's key (settings and policy generation) and the run's active local rules. */
  key: string;
  length: number;
  local: Finding[];
}

/** The previous analysis of an open document and what changed since. */
export interface Incremental {
  key: string;
  previous?: IncrementalState;
  changed?: ChangedRange;
}

/** The findings of one file and what went wrong while getting them. */
export interface Analysis {
  findings: Finding[];
  failures: RuleFailure[];
  durationMs: number;
  /** Set when the file was not analysed (size cap, parse budget). */
  skipped?: string;
  /** For the next analysis of the same document (analyzeTree with `incremental`). */
  state?: IncrementalState;
  /** The part of the text the local rules were re-run on; absent for a full analysis. */
  region?: Region;
}

/** Defaults shared by the server and the CLI. */
export const DEFAULT_ANALYZE_OPTIONS: AnalyzeOptions = {
  maxFileSize: 2 * 1024 * 1024,
  parseBudgetMs: 3000,
  queryBudgetMs: 5000,
  level: (m) => m.severity,
};

/** The analysis engine: grammars and compiled rules, loaded once. Used by the language server and the CLI alike. */
export class Engine {
  private readonly ruleIds: ReadonlySet<string>;

  private constructor(readonly pool: ParserPool, readonly registry: RuleRegistry) {
    this.ruleIds = new Set(registry.rules.map((r) => r.meta.id));
  }

  /**
   * Load the grammars and the rules (the built-in catalogue unless `rules` is given); each language's queries compile
   * when its first file is analysed, and a rule whose query does not compile is reported to `onCompileError` then.
   */
  static async create(opts: {
    grammarDir?: string;
    rules?: readonly RuleDefinition[];
    onCompileError?: (e: CompileError) => void;
    gates?: boolean;
    /** The queries compiled at build time (default: QUERY_SNAPSHOT_FILE beside the grammars, when there); false compiles every query. */
    snapshots?: QuerySnapshots | false;
  } = {}): Promise<Engine> {
    const pool = await ParserPool.create(opts.grammarDir);
    const rules = opts.rules ?? (await import('../rules/index')).RULES;
    let snapshots = opts.snapshots === false ? undefined : opts.snapshots;
    if (opts.snapshots === undefined) {
      snapshots = QuerySnapshots.load(join(pool.grammarDir, QUERY_SNAPSHOT_FILE));
      setLoadedSnapshots(snapshots);
    }
    return new Engine(pool, RuleRegistry.compile(rules, pool, opts.onCompileError, { gates: opts.gates ?? true, ...(snapshots ? { snapshots } : {}) }));
  }

  /** Parse and analyse a whole text (the CLI's path); the tree is freed before returning. */
  analyzeText(path: string, language: LanguageId, text: string, opts: AnalyzeOptions = DEFAULT_ANALYZE_OPTIONS): Analysis {
    const t0 = performance.now();
    const skipped = this.precheck(text, opts);
    if (skipped) return { ...skipped, durationMs: performance.now() - t0 };
    let tree: Tree;
    try {
      tree = this.pool.parse(language, text, null, opts.parseBudgetMs);
    } catch (e) {
      return { ...this.parseFailed(e, text), durationMs: performance.now() - t0 };
    }
    try {
      return this.analyzeTree(path, language, text, tree, opts, t0);
    } finally {
      tree.delete();
    }
  }

  /**
   * Analyse an already parsed tree (the server's path, with its incrementally parsed trees). With `incremental` (an
   * open document), the rules marked local re-run only on the top-level declarations that changed since the previous
   * analysis, and keep their other findings; every other rule runs over the whole tree.
   */
  analyzeTree(path: string, language: LanguageId, text: string, tree: Tree, opts: AnalyzeOptions = DEFAULT_ANALYZE_OPTIONS, t0 = performance.now(), incremental?: Incremental): Analysis {
    const skipped = this.precheck(text, opts);
    if (skipped) return { ...skipped, durationMs: performance.now() - t0 };
    const lines = new LineIndex(text);
    const ctx = { language, text, lines, path, relativePath: relativeTo(opts.roots, path) };
    const runOpts = { budgetMs: opts.queryBudgetMs, kubernetes: !isPolicyPath(path), compile: opts.editing ?? false, ...(opts.options ? { options: opts.options } : {}) };
    const local = (f: Finding): boolean => {
      const spec = this.registry.byId.get(f.ruleId)?.spec;
      return !!spec && isQueryRule(spec) && !!spec.local;
    };
    let run: RunResult | undefined;
    let region: Region | undefined;
    const prev = incremental?.previous;
    const changed = incremental?.changed;
    if (prev && changed && changed !== 'all' && prev.length + changed.delta === text.length && prev.key.startsWith(`${incremental.key}|`)) {
      region = topLevelRegion(tree, changed.start, changed.end, lines);
      if (region.end - region.start > text.length / 2) region = undefined;
      else {
        const r = runRules(this.registry, tree, ctx, opts.level, { ...runOpts, region });
        if (prev.key === `${incremental.key}|${r.localKey}` && !r.truncated) {
          const oldEnd = region.end - changed.delta;
          const kept = prev.local.flatMap((f) => shiftFinding(f, region as Region, oldEnd, changed.delta, lines));
          run = { ...r, findings: sortFindings([...r.findings, ...kept]) };
        } else region = undefined;
      }
    }
    run ??= runRules(this.registry, tree, ctx, opts.level, runOpts);
    const findings = applySuppressions(run.findings, findSuppressions(text, tree, lines), lines, this.ruleIds);
    if (run.truncated) {
      findings.push(metaFinding(PARSE_TIMEOUT, t('analysis stopped after {0} ms: findings for this file may be incomplete', opts.queryBudgetMs), lines));
    }
    const state = incremental && !run.truncated ? { key: `${incremental.key}|${run.localKey}`, length: text.length, local: run.findings.filter(local) } : undefined;
    return { findings, failures: run.failures, durationMs: performance.now() - t0, ...(state ? { state } : {}), ...(region ? { region } : {}) };
  }

  /** Parse a text with the pool, throwing ParseTimeoutError past the budget. */
  parse(language: LanguageId, text: string, oldTree?: Tree | null, budgetMs = DEFAULT_ANALYZE_OPTIONS.parseBudgetMs): Tree {
    return this.pool.parse(language, text, oldTree, budgetMs);
  }

  /** The analysis of a text the server could not parse in time. */
  parseFailed(e: unknown, text: string): Omit<Analysis, 'durationMs'> {
    const lines = new LineIndex(text.slice(0, 2000));
    const message = e instanceof ParseTimeoutError
      ? t('genai4dfx skipped this file: {0} (setting genai4dfx.parseTimeoutMs)', e.message)
      : t('genai4dfx could not parse this file: {0}', (e as Error).message);
    return { findings: [metaFinding(PARSE_TIMEOUT, message, lines)], failures: [], skipped: message };
  }

  /** The one info finding for a file of `size` over the cap, or undefined when it is within it. */
  oversize(size: number, opts: AnalyzeOptions, firstLine = ''): Omit<Analysis, 'durationMs'> | undefined {
    if (size <= opts.maxFileSize) return undefined;
    const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
    const message = t('genai4dfx skipped this file: it is {0} MB, over the {1} MB cap (setting genai4dfx.maxFileSizeKb)', mb(size), mb(opts.maxFileSize));
    return { findings: [metaFinding(FILE_SKIPPED, message, new LineIndex(firstLine))], failures: [], skipped: message };
  }

  private precheck(text: string, opts: AnalyzeOptions): Omit<Analysis, 'durationMs'> | undefined {
    if (text.length <= opts.maxFileSize) return undefined;
    const nl = text.indexOf('\n');
    return this.oversize(text.length, opts, text.slice(0, nl === -1 ? Math.min(text.length, 2000) : Math.min(nl, 2000)));
  }
}

/** `path` relative to the innermost of `roots` that holds it (paths and URIs alike), else `path` unchanged. */
export function relativeTo(roots: readonly string[] | undefined, path: string): string {
  let best: string | undefined;
  for (const root of roots ?? []) {
    const r = root.replace(/[\\/]+$/, '');
    if ((path.startsWith(`${r}/`) || path.startsWith(`${r}\\`)) && r.length > (best?.length ?? -1)) best = r;
  }
  return best === undefined ? path : path.slice(best.length + 1);
}

function metaFinding(ruleId: string, message: string, lines: LineIndex): Finding {
  const end = lines.lineText(0).length;
  return { ruleId, severity: 'info', message, span: lines.span(0, end), meta: true };
}

/**
 * The whole top-level declarations (children of the root) that touch [start, end], widened to whole lines (with
 * `lines`): a fix may copy its line's indentation, so a declaration sharing a line with a changed one is re-run too.
 */
export function topLevelRegion(tree: Tree, start: number, end: number, lines?: LineIndex): Region {
  let lo = start;
  let hi = end;
  const root = tree.rootNode;
  for (let pass = 0; pass < 4; pass++) {
    const before = [lo, hi];
    if (lines) {
      lo = lines.lineStart(lines.positionAt(lo).line);
      const last = lines.positionAt(hi).line;
      hi = last + 1 < lines.lineCount ? lines.lineStart(last + 1) - 1 : lines.text.length;
    }
    for (let i = 0, n = root.childCount; i < n; i++) {
      const c = root.child(i);
      if (!c) continue;
      if (c.startIndex > hi) break;
      if (c.endIndex < lo) continue;
      lo = Math.min(lo, c.startIndex);
      hi = Math.max(hi, c.endIndex);
    }
    if (!lines || (before[0] === lo && before[1] === hi)) break;
  }
  return { start: lo, end: hi };
}

/**
 * A previous finding carried over an edit outside its declaration: unchanged before the region, shifted by `delta`
 * after it (positions recomputed on the new text); dropped when it lay in the old region, which was re-run.
 */
function shiftFinding(f: Finding, region: Region, oldEnd: number, delta: number, lines: LineIndex): Finding[] {
  // A span is kept only when it lies wholly before the old region or wholly after it: one that starts at the region's
  // start and ends at (or past) its end covered a re-run declaration and must go too.
  const place = (start: number, end: number): 'before' | 'after' | undefined =>
    (end <= region.start ? 'before' : start >= oldEnd ? 'after' : undefined);
  const where = place(f.span.start, f.span.end);
  if (!where) return [];
  const before = where === 'before';
  // Before the region nothing moved; after it, offsets move by delta and lines may have been added or removed.
  if (before && !f.fix?.changes.some((c) => c.end > region.start)) return [f];
  const out: Finding = { ...f, span: before ? f.span : lines.span(f.span.start + delta, f.span.end + delta) };
  if (f.fix) {
    const changes = [];
    for (const c of f.fix.changes) {
      const at = place(c.start, c.end);
      if (!at) return [];
      changes.push(at === 'before' ? c : { ...c, start: c.start + delta, end: c.end + delta });
    }
    out.fix = { ...f.fix, changes };
  }
  return [out];
}
