import { Query } from 'web-tree-sitter';
import { isQueryRule, type K8sRuleSpec, type QueryRuleSpec, type RuleDefinition } from './define-rule';
import { patternGates, type PatternGate } from './gates';
import { LANGUAGES, type LanguageId } from './languages';
import type { ParserPool } from './parser-pool';
import { compileQuery, type QuerySnapshots } from './query-snapshot';
import type { RuleMeta } from './types';

/**
 * A language's query rules fused into one Query, so one pass over the tree runs them all: every ungated pattern, and
 * in front, one index pattern `(T) @gate` per root type T of the gated patterns (their `patternRule` is undefined).
 */
export interface FusedQuery {
  query: Query;
  /** The rule of each pattern index; undefined for an index pattern. */
  patternRule: readonly (RuleDefinition | undefined)[];
  /** The node type an index pattern matches, by pattern index (undefined for a rule's pattern). */
  indexType: readonly (string | undefined)[];
  /** The rules with ungated patterns in this query. */
  rules: readonly RuleDefinition[];
  /** The root types its index patterns mark, in query order (empty: no index). */
  index: readonly string[];
}

/**
 * The gated patterns (gates.ts) of a language's rules. They are not in the fused query: the fused pass finds the nodes
 * of their root types (index patterns), and a rule's gated patterns run, as a query of their own (gatedQuery), at each
 * such node that holds one of the rule's words. Where nine calls in ten are rejected on their callee's name, the
 * rejected ones then cost an index match each instead of a match, unmarshalling and a predicate per pattern.
 */
export interface GatedPatterns {
  /** Per rule, the words its gated patterns need, by their root node type. */
  gates: ReadonlyMap<RuleDefinition, ReadonlyMap<string, readonly string[]>>;
  /** Per rule, its gated patterns' text. */
  sources: ReadonlyMap<RuleDefinition, string>;
  /** Per rule, the root types all of whose gated patterns are PatternGate.innermost (run at innermost nodes only). */
  innermost: ReadonlyMap<RuleDefinition, ReadonlySet<string>>;
}

/** One language's compiled rules. */
export interface CompiledLanguage {
  /** The ungated patterns and the index patterns, fused. */
  fused?: FusedQuery;
  gated?: GatedPatterns;
  /** Every query rule of the language that compiled, in catalogue order. */
  rules: readonly RuleDefinition[];
  /**
   * Finds, in one pass over a text, the longest trigger or gate word of the language's rules starting at each
   * position: a trigger or word is at a position when it is a prefix of the one reported there.
   */
  triggerScan?: RegExp;
  /** For each word the scan can report, the gate words that are its prefixes (so occur where it does). */
  gateWordsAt: ReadonlyMap<string, readonly string[]>;
  /** For each word the scan can report, the triggers that are its prefixes (so are present where it is). */
  triggersAt: ReadonlyMap<string, readonly string[]>;
}

/**
 * One regex for all of a language's triggers (about 170), longest alternative first, so the match at a position is
 * the longest trigger that starts there (scanWords reports every position, overlaps included, so every trigger present
 * is a prefix of one reported). Four times faster than a substring search per trigger (a miss scans the whole text).
 */
function triggerScan(triggers: readonly string[]): RegExp {
  const alternatives = [...triggers].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(${alternatives.join('|')})`, 'g');
}

/**
 * Every position of `text` where a word of `scan` (triggerScan) starts, with the longest word there. After a match the
 * search goes on one character later, so overlapping words are found too. The same hits as a zero-width lookahead
 * `(?=(...))` tried at every position, 16% faster: irregexp can skip ahead to where an alternative may start.
 */
export function scanWords(scan: RegExp, text: string): [number, string][] {
  const out: [number, string][] = [];
  scan.lastIndex = 0;
  for (let m = scan.exec(text); m; m = scan.exec(text)) {
    out.push([m.index, m[1] as string]);
    scan.lastIndex = m.index + 1;
  }
  return out;
}

/** A rule query that did not compile: the rule is left out for that language, and a test fails. */
export interface CompileError {
  ruleId: string;
  language: LanguageId;
  message: string;
}

/** The compiled rule catalogue: fused queries per language, the Kubernetes rules, and the metadata. */
export class RuleRegistry {
  readonly byId: ReadonlyMap<string, RuleDefinition>;

  /**
   * Fused queries for the rules actually active in a file (enabled, triggers present), by language and rule set.
   * A pattern that cannot apply still costs its matching and the marshalling of its matches: over the spec corpus the
   * full queries produced 133,000 matches (of 333,000) for rules and index types the file did not need, most from
   * broad patterns (every string literal, every object pair) of rules whose library the file never names. A set's
   * query is a copy of the full one with the other patterns disabled (copyWithout): no compile, so every set gets its
   * own, the least recently used dropped past MAX_SUBSETS.
   */
  private readonly subsets = new Map<string, FusedQuery>();
  private static readonly MAX_SUBSETS = 64;

  /** Per language, compiled the first time a file of that language is analysed (start-up pays only for what it uses). */
  private readonly compiled = new Map<LanguageId, CompiledLanguage>();
  /**
   * Each rule's gated query, by language and rule (null: none, or it did not compile). Asked once per gated run (100,000
   * on the bench corpus): keyed by objects, not by a `language:id` string built for every run.
   */
  private readonly ruleQueries = new Map<LanguageId, Map<RuleDefinition, Query | null>>();
  private readonly compileErrors: CompileError[] = [];
  readonly kubernetesRules: readonly RuleDefinition[];

  private constructor(
    readonly rules: readonly RuleDefinition[],
    private readonly pool: ParserPool,
    private readonly onError?: (e: CompileError) => void,
    /** False runs every pattern in the fused pass (the equivalence test and the bench compare both ways). */
    private readonly gates = true,
    /** Queries compiled at build time (query-snapshot.ts): restored instead of compiled where they match. */
    private readonly snapshots?: QuerySnapshots,
  ) {
    const ids = new Set<string>();
    for (const d of rules) {
      if (ids.has(d.meta.id)) throw new Error(`duplicate rule id ${d.meta.id}`);
      ids.add(d.meta.id);
    }
    this.byId = new Map(rules.map((r) => [r.meta.id, r]));
    this.kubernetesRules = rules.filter((d) => !isQueryRule(d.spec));
  }

  /** A language's query rules fused into one query, compiled on first use. */
  forLanguage(lang: LanguageId): CompiledLanguage {
    let c = this.compiled.get(lang);
    if (!c) this.compiled.set(lang, (c = this.compileLanguage(lang)));
    return c;
  }

  /** Every language's fused query (compiles those not compiled yet). */
  get fused(): ReadonlyMap<LanguageId, FusedQuery> {
    const out = new Map<LanguageId, FusedQuery>();
    for (const { id } of LANGUAGES) {
      const f = this.forLanguage(id).fused;
      if (f) out.set(id, f);
    }
    return out;
  }

  /** Rules whose query does not compile, for every language (compiles those not compiled yet). */
  get errors(): readonly CompileError[] {
    for (const { id } of LANGUAGES) {
      for (const d of this.forLanguage(id).gated?.sources.keys() ?? []) this.gatedQuery(id, d);
    }
    return this.compileErrors;
  }

  /**
   * The fused query of `active` (rules of `lang`'s fused query, in its order); the full one when all are active.
   * `compile` is true for texts analysed again and again (an open editor), whose sets come from the whole query
   * (editsWhole). `index`: the root types whose index patterns the caller needs (those of the full query's are kept).
   * An index pattern marks every node of its type: Java's `argument_list` one, there for a rule of test files only,
   * matched 87,000 times over the bench corpus in files where no rule needed it.
   * Where Query cannot be copied (a web-tree-sitter without the glue edit) this is the full query, and the caller
   * skips the other rules' matches.
   */
  fusedFor(lang: LanguageId, active: readonly RuleDefinition[], compile = true, index: readonly string[] = []): FusedQuery | undefined {
    const whole = this.editsWhole(lang, compile);
    const all = whole ? this.wholeQuery(lang) : this.forLanguage(lang).fused;
    if (!all) return undefined;
    const types = all.index.filter((t) => index.includes(t));
    if (!active.length && !types.length) return undefined;
    if (active.length === all.rules.length && types.length === all.index.length) return all;
    const key = subsetKey(lang, active, types, whole);
    let f = this.subsets.get(key);
    if (f) {
      // Most recently used last: the oldest goes first when the map is full.
      this.subsets.delete(key);
      this.subsets.set(key, f);
      return f;
    }
    f = copyWithout(all, active, types);
    if (!f) return all;
    if (this.subsets.size >= RuleRegistry.MAX_SUBSETS) {
      const [oldest, q] = this.subsets.entries().next().value as [string, FusedQuery];
      this.subsets.delete(oldest);
      q.query.delete();
    }
    this.subsets.set(key, f);
    return f;
  }

  /**
   * True when an analysis that compiles its sets (an open editor) runs every pattern of the language in its fused
   * pass, gated ones included. A keystroke re-runs one file's compiled set, and there the per-node runs of the gated
   * patterns cost more than the patterns themselves (TypeScript edit p50 7.3 -> 9.6 ms); gates pay on scans, where
   * each file's set would otherwise run the whole catalogue's patterns.
   */
  editsWhole(lang: LanguageId, compile: boolean): boolean {
    return compile && !!this.forLanguage(lang).gated;
  }

  /**
   * Every pattern of the language's rules in one query, gated ones included (for editsWhole), compiled on first use.
   * A gated pattern that does not compile leaves out its rule only, as at start-up (fuseOneByOne).
   */
  private wholeQuery(lang: LanguageId): FusedQuery | undefined {
    let q = this.wholes.get(lang);
    if (q === undefined) {
      const language = this.pool.language(lang);
      const rules = this.forLanguage(lang).rules;
      const errors: CompileError[] = [];
      const compile = this.compiler(lang);
      q = fuseAll(compile, lang, rules) ?? fuseOneByOne(compile, lang, rules, errors) ?? null;
      for (const e of errors) this.reportCompileError(e);
      this.wholes.set(lang, q);
    }
    return q ?? undefined;
  }

  /** Keep a compile error for `errors` and tell onError, once per rule and language. */
  private reportCompileError(e: CompileError): void {
    if (this.compileErrors.some((x) => x.ruleId === e.ruleId && x.language === e.language)) return;
    this.compileErrors.push(e);
    this.onError?.(e);
  }

  private readonly wholes = new Map<LanguageId, FusedQuery | null>();

  /**
   * A rule's gated patterns as a query of their own, compiled on first use: run at one node at a time, a query
   * holding only them finds no candidates of other rules there. A query that does not compile is reported once (a
   * test compiles them all) and the rule's gated patterns are skipped.
   * `batch`: other rules likely to be asked for next (the file's active gated rules whose words occur), asked only on
   * a miss. Those neither compiled yet nor in the build's snapshots compile with `d` as one query, and each rule gets a
   * copy with the others' patterns disabled: a query pays a fixed cost for its analysis of the grammar's parse states
   * whatever its size (1.8 ms for TypeScript).
   */
  gatedQuery(lang: LanguageId, d: RuleDefinition, batch: () => Iterable<RuleDefinition> = () => []): Query | undefined {
    let byRule = this.ruleQueries.get(lang);
    if (!byRule) this.ruleQueries.set(lang, (byRule = new Map()));
    let q = byRule.get(d);
    if (q === undefined) {
      const sources = this.forLanguage(lang).gated?.sources;
      const src = sources?.get(d);
      const language = this.pool.language(lang);
      const saved = (r: RuleDefinition): boolean => !!this.snapshots?.has(lang, language, sources?.get(r) ?? '');
      if (src && !saved(d)) {
        const rules = [d, ...[...batch()].filter((r) => r !== d && !byRule.has(r) && sources?.has(r) && !saved(r))];
        if (rules.length > 1 && this.compileBatch(lang, rules, byRule)) return byRule.get(d) ?? undefined;
      }
      q = null;
      try {
        if (src) q = compileQuery(lang, language, src, this.snapshots);
      } catch (e) {
        this.reportCompileError({ ruleId: d.meta.id, language: lang, message: (e as Error).message });
      }
      byRule.set(d, q);
    }
    return q ?? undefined;
  }

  /**
   * The gated queries of `rules` from one compile: a copy each of the query of all their gated patterns, with the
   * other rules' patterns disabled. False (nothing stored) when Query cannot be copied or the joined text does not
   * compile; the caller then compiles rule by rule, which reports the culprit.
   */
  private compileBatch(lang: LanguageId, rules: readonly RuleDefinition[], into: Map<RuleDefinition, Query | null>): boolean {
    const sources = this.forLanguage(lang).gated?.sources;
    if (!sources || typeof (Query.prototype as Copyable).copy !== 'function') return false;
    const joined = compileJoined(this.compiler(lang), rules.map((r) => sources.get(r) ?? ''));
    if (!joined) return false;
    const all = joined.query as Copyable;
    try {
      rules.forEach((d, r) => {
        const q = (all.copy as () => Query).call(all);
        joined.owner.forEach((o, i) => {
          if (o !== r) q.disablePattern(i);
        });
        into.set(d, q);
      });
      return true;
    } finally {
      all.delete();
    }
  }

  /** The registry of `defs` over the loaded grammars; queries compile per language on first use. */
  static compile(defs: readonly RuleDefinition[], pool: ParserPool, onError?: (e: CompileError) => void, opts: { gates?: boolean; snapshots?: QuerySnapshots } = {}): RuleRegistry {
    return new RuleRegistry(defs, pool, onError, opts.gates ?? true, opts.snapshots);
  }

  /** `new Query` for a language, restored from the snapshots when they hold the same text for the same grammar. */
  private compiler(lang: LanguageId): Compile {
    const language = this.pool.language(lang);
    return (source) => compileQuery(lang, language, source, this.snapshots);
  }

  /**
   * Every query the registry can compile for its rules, compiled now: each language's fused query, each rule's gated
   * query and the editor's whole query (scripts/snapshot-queries.ts saves them at build time).
   */
  everyQuery(): [LanguageId, Query][] {
    const out: [LanguageId, Query][] = [];
    for (const { id } of LANGUAGES) {
      const c = this.forLanguage(id);
      if (c.fused) out.push([id, c.fused.query]);
      for (const d of c.gated?.sources.keys() ?? []) {
        const q = this.gatedQuery(id, d);
        if (q) out.push([id, q]);
      }
      const whole = this.wholeQuery(id);
      if (whole && whole.query !== c.fused?.query) out.push([id, whole.query]);
    }
    return out;
  }

  private compileLanguage(lang: LanguageId): CompiledLanguage {
    const errors: CompileError[] = [];
    const language = this.pool.language(lang);
    const candidates = this.rules.filter((d) => isQueryRule(d.spec) && d.spec.languages.includes(lang) && querySource(d.spec, lang));
    // Compile the fused query first and map its patterns back to rules: one compile per language (start-up was a
    // second per catalogue); gated patterns compile per rule on first use. Only when that fails are the rules compiled
    // one by one, to find the culprit, and then nothing is gated.
    const compile = this.compiler(lang);
    const split = this.gates ? gatedSplit(compile, lang, candidates, (src) => this.snapshots?.gates(src) ?? patternGates(src)) : undefined;
    const whole = split ? undefined : fuseAll(compile, lang, candidates) ?? fuseOneByOne(compile, lang, candidates, errors);
    const fused = split ? split.fused : whole;
    const gated = split?.gated;
    const triggers = candidates.flatMap((d) => (d.spec as QueryRuleSpec).triggers ?? []);
    const words = [...new Set([...(gated?.gates.values() ?? [])].flatMap((byType) => [...byType.values()].flat()))];
    const scanned = [...new Set([...triggers, ...words])];
    for (const e of errors) this.reportCompileError(e);
    return {
      ...(fused ? { fused } : {}),
      ...(gated ? { gated } : {}),
      rules: split ? candidates : (whole?.rules ?? []),
      gateWordsAt: new Map(scanned.map((w) => [w, words.filter((g) => w.startsWith(g))])),
      triggersAt: new Map(scanned.map((w) => [w, triggers.filter((t) => w.startsWith(t))])),
      ...(scanned.length ? { triggerScan: triggerScan(scanned) } : {}),
    };
  }

  /** Every rule's query text for every language it lists (the texts gates.ts reads). */
  ruleSources(): string[] {
    return LANGUAGES.flatMap(({ id }) =>
      this.rules.flatMap((d) => (isQueryRule(d.spec) && d.spec.languages.includes(id) ? [querySource(d.spec, id)] : [])).filter(Boolean));
  }

  /** Metadata of every rule, sorted by id. */
  metas(): RuleMeta[] {
    return this.rules.map((r) => r.meta).sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Free the WASM memory of the compiled queries. */
  dispose(): void {
    for (const c of this.compiled.values()) c.fused?.query.delete();
    for (const byRule of this.ruleQueries.values()) for (const q of byRule.values()) q?.delete();
    this.ruleQueries.clear();
    for (const q of this.wholes.values()) q?.query.delete();
    this.wholes.clear();
    this.compiled.clear();
    for (const f of this.subsets.values()) f.query.delete();
    this.subsets.clear();
  }
}

/** Compiles (or restores) one query text for a language. */
type Compile = (source: string) => Query;

/** A Query with the copy() that scripts/tree-sitter-patches.cjs adds over ts_query_copy (bundles and unit tests have it). */
type Copyable = Query & { copy?: () => Query };

/**
 * The full query with every pattern outside the set disabled, on a copy: same pattern indexes, no compile (ts_query_copy
 * copies the analysed steps; ts_query_disable_pattern takes a pattern out of the copy's start map). Undefined where
 * Query has no copy (web-tree-sitter's glue loaded without scripts/tree-sitter-patches.cjs).
 */
function copyWithout(all: FusedQuery, active: readonly RuleDefinition[], types: readonly string[]): FusedQuery | undefined {
  const full = all.query as Copyable;
  if (typeof full.copy !== 'function') return undefined;
  const query = full.copy();
  const wanted = new Set(active);
  all.patternRule.forEach((d, i) => {
    if (d ? !wanted.has(d) : !types.includes(all.indexType[i] ?? '')) query.disablePattern(i);
  });
  return { query, patternRule: all.patternRule, indexType: all.indexType, rules: active, index: types };
}

function subsetKey(lang: LanguageId, active: readonly RuleDefinition[], index: readonly string[], whole: boolean): string {
  return `${lang}:${whole ? '*' : ''}${index.map((t) => `+${t}`).join('')};${active.map((d) => d.meta.id).join(',')}`;
}

/** The index pattern of a root type: every node of that type, captured. */
const indexPattern = (type: string): string => `(${type}) @gate`;

/**
 * The rules' patterns split by gates.ts: the ungated ones fused behind one index pattern per root type of the gated
 * ones, and each rule's gated ones as source for its own query (RuleRegistry.gatedQuery). Undefined when the fused
 * query does not compile or splits differently from what tree-sitter counts (then the caller fuses whole rules,
 * ungated).
 */
function gatedSplit(
  compile: Compile,
  lang: LanguageId,
  rules: readonly RuleDefinition[],
  gatesOf: (source: string) => PatternGate[],
): { fused?: FusedQuery; gated?: GatedPatterns } | undefined {
  const mainRules: RuleDefinition[] = [];
  const mainRule: RuleDefinition[] = [];
  const mainParts: string[] = [];
  const gatedSource = new Map<RuleDefinition, string>();
  const gates = new Map<RuleDefinition, Map<string, string[]>>();
  const innermost = new Map<RuleDefinition, Set<string>>();
  for (const d of rules) {
    const src = querySource(d.spec as QueryRuleSpec, lang);
    if (!/@match\b/.test(src)) return undefined;
    let patterns: PatternGate[];
    try {
      patterns = gatesOf(src);
    } catch {
      return undefined;
    }
    if (!patterns.length) return undefined;
    const main = patterns.filter((p) => !p.words || !p.root).map((p) => p.text);
    const gated = patterns.filter((p) => p.words && p.root);
    if (main.length) {
      mainRules.push(d);
      mainParts.push(...main);
      for (let i = 0; i < main.length; i++) mainRule.push(d);
    }
    if (gated.length) {
      gatedSource.set(d, gated.map((p) => p.text).join('\n'));
      const byType = new Map<string, string[]>();
      for (const p of gated) byType.set(p.root as string, [...new Set([...(byType.get(p.root as string) ?? []), ...(p.words ?? [])])]);
      gates.set(d, byType);
      const inner = [...byType.keys()].filter((t) => gated.every((p) => p.root !== t || p.innermost));
      if (inner.length) innermost.set(d, new Set(inner));
    }
  }
  const types = [...new Set([...gates.values()].flatMap((byType) => [...byType.keys()]))];
  const indexSource = types.map(indexPattern).join('\n');
  let fused: FusedQuery | undefined;
  if (mainParts.length || types.length) {
    const count = types.length + mainParts.length;
    let query: Query | undefined;
    try {
      query = compile([indexSource, ...mainParts].filter(Boolean).join('\n'));
    } catch {
      return undefined;
    }
    if (query.patternCount() !== count) {
      query.delete();
      return undefined;
    }
    fused = { query, patternRule: [...types.map(() => undefined), ...mainRule], indexType: [...types, ...mainRule.map(() => undefined)], rules: mainRules, index: types };
  }
  return { ...(fused ? { fused } : {}), ...(gatedSource.size ? { gated: { gates, sources: gatedSource, innermost } } : {}) };
}

/** All rules' queries as one Query, or undefined when it does not compile or a rule lacks its @match capture. */
function fuseAll(compile: Compile, lang: LanguageId, rules: readonly RuleDefinition[]): FusedQuery | undefined {
  if (!rules.length) return undefined;
  const parts = rules.map((d) => querySource(d.spec as QueryRuleSpec, lang));
  if (parts.some((src) => !/@match\b/.test(src))) return undefined;
  const joined = compileJoined(compile, parts);
  if (!joined) return undefined;
  const { query, owner } = joined;
  const patternRule = owner.map((r) => rules[r] as RuleDefinition);
  // A rule whose text holds no pattern (all comments) would silently do nothing: let the slow path report it.
  if (new Set(patternRule).size !== rules.length) {
    query.delete();
    return undefined;
  }
  return { query, patternRule, indexType: patternRule.map(() => undefined), rules, index: [] };
}

/**
 * `texts` joined by newlines as one query, with the index of the text each pattern comes from (the last text starting
 * at or before the pattern); undefined when the joined text does not compile.
 */
function compileJoined(compile: Compile, texts: readonly string[]): { query: Query; owner: number[] } | undefined {
  const starts: number[] = [];
  let offset = 0;
  for (const t of texts) {
    starts.push(offset);
    offset += Buffer.byteLength(t, 'utf8') + 1;
  }
  let query: Query;
  try {
    query = compile(texts.join('\n'));
  } catch {
    return undefined;
  }
  const owner: number[] = [];
  for (let i = 0, r = 0; i < query.patternCount(); i++) {
    const at = query.startIndexForPattern(i);
    while (r + 1 < starts.length && (starts[r + 1] as number) <= at) r++;
    owner.push(r);
  }
  return { query, owner };
}

/** Compile rule by rule, reporting those that fail, and fuse the rest. */
function fuseOneByOne(compile: Compile, lang: LanguageId, defs: readonly RuleDefinition[], errors: CompileError[]): FusedQuery | undefined {
  const sources: string[] = [];
  const patternRule: RuleDefinition[] = [];
  const rules: RuleDefinition[] = [];
  for (const d of defs) {
    const src = querySource(d.spec as QueryRuleSpec, lang);
    let q: Query | undefined;
    try {
      q = compile(src);
      if (!q.captureNames.includes('match')) throw new Error('the query has no @match capture');
      if (!q.patternCount()) throw new Error('the query has no pattern');
      for (let i = 0; i < q.patternCount(); i++) patternRule.push(d);
      sources.push(src);
      rules.push(d);
    } catch (e) {
      errors.push({ ruleId: d.meta.id, language: lang, message: (e as Error).message });
    } finally {
      q?.delete();
    }
  }
  return sources.length ? { query: compile(sources.join('\n')), patternRule, indexType: patternRule.map(() => undefined), rules, index: [] } : undefined;
}

/** The query text of a rule for a language ('' when the rule has none for it). */
export function querySource(spec: QueryRuleSpec, lang: LanguageId): string {
  return typeof spec.query === 'string' ? spec.query : (spec.query[lang] ?? '');
}

export type { K8sRuleSpec };
