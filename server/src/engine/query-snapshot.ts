import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { Query, type Language } from 'web-tree-sitter';
import { patternGates, type PatternGate } from './gates';

/**
 * Compiled tree-sitter queries saved at build time and restored at run time.
 *
 * `new Query` parses the S-expressions and then analyses every pattern against the grammar's parse table
 * (ts_query__analyze_patterns): 1.8 ms per query for TypeScript before its first pattern, 2-3 ms per pattern with a
 * nested node. The catalogue's queries cost about 150 ms of every `genai4dfx check` and of the server's first
 * analysis. The result is plain data: a TSQuery is a handful of arrays of fixed-size records plus the language's
 * address. `npm run build` compiles every query the registry can ask for (scripts/snapshot-queries.ts), copies those
 * arrays out of WASM memory, and writes them beside the grammars (grammars/queries.snapshot.json). A restore
 * allocates the arrays, copies the bytes back and points the query at the loaded language: 30 TypeScript queries
 * restore in 1.4 ms where they compile in 197 ms, and match exactly as compiled (test/engine/query-snapshot.test.ts).
 *
 * The layout is that of struct TSQuery in tree-sitter's lib/src/query.c, as web-tree-sitter 0.27.2 builds it (wasm32):
 * thirteen `Array(T)` headers of 12 bytes ({ T *contents; uint32_t size; uint32_t capacity; }) in declaration order,
 * then `const TSLanguage *language` and `uint16_t wildcard_root_pattern_count`. It is checked, not trusted: a query
 * is saved only when the counts the WASM's own accessors read (patterns, captures, strings) sit where this layout
 * puts them, and a restore is kept only when those accessors read back what was saved. Anything else compiles.
 * The glue edits that make it possible (`Query.wasm()`, `Query.restoring`) are in scripts/tree-sitter-patches.cjs.
 */
export const SNAPSHOT_FORMAT = 1;

/** The file `npm run build` writes in the grammars folder. */
export const QUERY_SNAPSHOT_FILE = 'queries.snapshot.json';

/** Element sizes of the thirteen arrays of struct TSQuery, in order (bytes). */
const ARRAYS = [
  1, // captures.characters (char)
  8, // captures.slices (Slice)
  1, // predicate_values.characters
  8, // predicate_values.slices
  12, // capture_quantifiers: Array(CaptureQuantifiers), each an Array(uint8_t) of its own
  20, // steps (QueryStep)
  6, // pattern_map (PatternEntry)
  8, // predicate_steps (TSQueryPredicateStep)
  28, // patterns (QueryPattern)
  8, // step_offsets (StepOffset)
  2, // negated_fields (TSFieldId)
  1, // string_buffer (scratch: empty after a compile)
  2, // repeat_symbols_with_rootless_patterns (TSSymbol)
] as const;
const CAPTURE_QUANTIFIERS = 4;
const CAPTURE_SLICES = 1;
const STRING_SLICES = 3;
const PATTERNS = 8;
const LANGUAGE_OFFSET = ARRAYS.length * 12;
const WILDCARD_OFFSET = LANGUAGE_OFFSET + 4;
const STRUCT_SIZE = WILDCARD_OFFSET + 4;
const HEADER_WORDS = ARRAYS.length + 1;

/** The parts of the Emscripten module the snapshots use (scripts/tree-sitter-patches.cjs: `Query.wasm()`). */
interface Wasm {
  HEAPU8: Uint8Array;
  HEAPU32: Uint32Array;
  HEAPU16: Uint16Array;
  _malloc(n: number): number;
  _calloc(n: number, size: number): number;
  _free(p: number): void;
  _ts_query_delete(q: number): void;
  _ts_query_pattern_count(q: number): number;
  _ts_query_capture_count(q: number): number;
  _ts_query_string_count(q: number): number;
}

type Restorable = typeof Query & { wasm?: () => Wasm; restoring?: (language: number) => number };

/** The module, or undefined where web-tree-sitter's glue was loaded without the edits. */
function wasm(): Wasm | undefined {
  const q = Query as Restorable;
  return typeof q.wasm === 'function' ? q.wasm() : undefined;
}

/** The text a Query was built from (web-tree-sitter keeps it; its types mark it internal). */
const sourceOf = (q: Query): string => (q as unknown as { source: string }).source;

const handle = (x: Query | Language): number => (x as unknown as Record<number, number>)[0] ?? 0;

/** True when the counts at this layout's offsets are the ones the WASM's accessors read, and the language is where it should be. */
function layoutHolds(m: Wasm, q: number, language: number): boolean {
  const size = (i: number): number => m.HEAPU32[(q + i * 12 + 4) >> 2] ?? -1;
  return size(PATTERNS) === m._ts_query_pattern_count(q)
    && size(CAPTURE_SLICES) === m._ts_query_capture_count(q)
    && size(STRING_SLICES) === m._ts_query_string_count(q)
    && m.HEAPU32[(q + LANGUAGE_OFFSET) >> 2] === language;
}

/**
 * A compiled query's arrays as bytes: the element count of each array and the wildcard count (HEADER_WORDS words),
 * then each array's elements (capture_quantifiers as a count and the bytes of each inner array). Undefined when the
 * glue has no `Query.wasm()` or the layout does not hold.
 */
export function saveQuery(query: Query, language: Language): Buffer | undefined {
  const m = wasm();
  const q = handle(query);
  if (!m || !q || !layoutHolds(m, q, handle(language))) return undefined;
  const u32 = (p: number): number => m.HEAPU32[p >> 2] as number;
  const header = new Uint32Array(HEADER_WORDS);
  const parts: Uint8Array[] = [new Uint8Array(header.buffer)];
  ARRAYS.forEach((size, i) => {
    const n = u32(q + i * 12 + 4);
    header[i] = n;
    if (i !== CAPTURE_QUANTIFIERS) parts.push(m.HEAPU8.slice(u32(q + i * 12), u32(q + i * 12) + n * size));
  });
  header[ARRAYS.length] = m.HEAPU16[(q + WILDCARD_OFFSET) >> 1] as number;
  const quantifiers = u32(q + CAPTURE_QUANTIFIERS * 12);
  for (let k = 0; k < (header[CAPTURE_QUANTIFIERS] as number); k++) {
    const inner = quantifiers + k * 12;
    const n = u32(inner + 4);
    parts.push(new Uint8Array(new Uint32Array([n]).buffer), m.HEAPU8.slice(u32(inner), u32(inner) + n));
  }
  return Buffer.concat(parts);
}

/** A TSQuery rebuilt in WASM memory from saveQuery's bytes for the language at `language`; 0 when the bytes do not add up. */
function restore(m: Wasm, bytes: Uint8Array, language: number): number {
  if (bytes.length < HEADER_WORDS * 4) return 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const word = (at: number): number => view.getUint32(at, true);
  // Counts that the bytes cannot hold are refused before anything is allocated (a damaged file must not make WASM
  // allocate gigabytes, nor write past an allocation).
  const need = ARRAYS.reduce((sum, size, i) => sum + word(i * 4) * (i === CAPTURE_QUANTIFIERS ? 4 : size), HEADER_WORDS * 4);
  if (need > bytes.length) return 0;
  const allocated: number[] = [];
  const alloc = (n: number): number => {
    const p = n ? m._calloc(n, 1) : 0;
    if (p) allocated.push(p);
    return p;
  };
  const q = alloc(STRUCT_SIZE);
  const setArray = (at: number, contents: number, n: number): void => {
    m.HEAPU32[at >> 2] = contents;
    m.HEAPU32[(at + 4) >> 2] = n;
    m.HEAPU32[(at + 8) >> 2] = n;
  };
  let off = HEADER_WORDS * 4;
  const take = (n: number): Uint8Array | undefined => {
    if (off + n > bytes.length) return undefined;
    const part = bytes.subarray(off, off + n);
    off += n;
    return part;
  };
  let ok = !!q;
  ARRAYS.forEach((size, i) => {
    if (!ok) return;
    const n = word(i * 4);
    if (i === CAPTURE_QUANTIFIERS) return setArray(q + i * 12, alloc(n * size), n);
    const part = take(n * size);
    if (!part) return void (ok = false);
    const p = alloc(part.length);
    m.HEAPU8.set(part, p);
    setArray(q + i * 12, p, n);
  });
  const quantifiers = ok ? (m.HEAPU32[(q + CAPTURE_QUANTIFIERS * 12) >> 2] as number) : 0;
  for (let k = 0; ok && k < word(CAPTURE_QUANTIFIERS * 4); k++) {
    const count = take(4);
    const n = count ? new DataView(count.buffer, count.byteOffset, 4).getUint32(0, true) : 0;
    const part = count && take(n);
    if (!part) {
      ok = false;
      break;
    }
    const p = alloc(n);
    m.HEAPU8.set(part, p);
    setArray(quantifiers + k * 12, p, n);
  }
  if (!ok || off !== bytes.length) {
    // Nothing points at these yet: free them one by one (ts_query_delete would follow garbage).
    for (const p of allocated) m._free(p);
    return 0;
  }
  m.HEAPU32[(q + LANGUAGE_OFFSET) >> 2] = language;
  m.HEAPU16[(q + WILDCARD_OFFSET) >> 1] = word(ARRAYS.length * 4);
  return q;
}

/** What a language's grammar must be for its saved queries to hold: its symbol ids come from these tables. */
export interface GrammarStamp {
  nodeTypes: number;
  fields: number;
  states: number;
  abi: number;
}

export function grammarStamp(language: Language): GrammarStamp {
  return { nodeTypes: language.nodeTypeCount, fields: language.fieldCount, states: language.stateCount, abi: language.abiVersion };
}

/** The file written by `npm run build`. */
export interface SnapshotFile {
  format: number;
  /** By language id: the grammar the queries were compiled for. */
  grammars: Record<string, GrammarStamp>;
  /** By language id, by sha256 of the query's source: saveQuery's bytes, base64. */
  queries: Record<string, Record<string, string>>;
  /** The build that wrote the file (GENAI4DFX_BUILD, defined in every bundle by scripts/build.mjs). */
  build?: string;
  /**
   * By sha256 of a rule's query text: gates.ts's reading of it (patternGates), 25 ms of a CLI run's start otherwise.
   * It depends on gates.ts as much as on the text, so only the bundles of the build that wrote it use it.
   */
  gates?: Record<string, PatternGate[]>;
}

export const sourceKey = (source: string): string => createHash('sha256').update(source).digest('base64');

/** Saved queries, looked up by language and source text; those of a grammar that changed since are never offered. */
export class QuerySnapshots {
  private restored = 0;
  private gateReads = 0;

  private constructor(private readonly file: SnapshotFile) {}

  /** The snapshots in `file`, or undefined when it is missing, unreadable, of another format, or the glue cannot restore. */
  static load(file: string): QuerySnapshots | undefined {
    if (!wasm() || !fs.existsSync(file)) return undefined;
    try {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as SnapshotFile;
      return data?.format === SNAPSHOT_FORMAT && data.queries && data.grammars ? new QuerySnapshots(data) : undefined;
    } catch {
      return undefined;
    }
  }

  static of(file: SnapshotFile): QuerySnapshots | undefined {
    return wasm() ? new QuerySnapshots(file) : undefined;
  }

  /** patternGates(source) as the build computed it, when this file comes from the build of the running bundle. */
  gates(source: string): PatternGate[] | undefined {
    const build = process.env.GENAI4DFX_BUILD;
    const gates = build && this.file.build === build ? this.file.gates?.[sourceKey(source)] : undefined;
    if (gates) this.gateReads++;
    return gates;
  }

  /** How many rule texts' gates came from the snapshots. */
  get gatesRead(): number {
    return this.gateReads;
  }

  /** How many queries came from the snapshots (the tests and the bench check they are used). */
  get restoredCount(): number {
    return this.restored;
  }

  /** True when a query of `source` was saved for this very grammar (restore may still refuse bytes that do not read back). */
  has(lang: string, language: Language, source: string): boolean {
    return !!this.file.queries[lang]?.[sourceKey(source)] && this.sameGrammar(lang, language);
  }

  private sameGrammar(lang: string, language: Language): boolean {
    const stamp = this.file.grammars[lang];
    const now = grammarStamp(language);
    return !!stamp && now.nodeTypes === stamp.nodeTypes && now.fields === stamp.fields && now.states === stamp.states && now.abi === stamp.abi;
  }

  /**
   * The query of `source` for `language` (id `lang`), restored when it was saved for this very grammar and reads back
   * as saved; undefined otherwise (the caller compiles).
   */
  restore(lang: string, language: Language, source: string): Query | undefined {
    const saved = this.file.queries[lang]?.[sourceKey(source)];
    const m = wasm();
    if (!saved || !m || !this.sameGrammar(lang, language)) return undefined;
    const bytes = Buffer.from(saved, 'base64');
    const address = restore(m, bytes, handle(language));
    if (!address) return undefined;
    if (!layoutHolds(m, address, handle(language))) {
      m._ts_query_delete(address);
      return undefined;
    }
    const Q = Query as Restorable;
    Q.restoring = () => address;
    try {
      const query = new Query(language, source);
      this.restored++;
      return query;
    } catch {
      m._ts_query_delete(address);
      return undefined;
    } finally {
      Q.restoring = undefined;
    }
  }
}

/** The snapshots the process loaded from the build's file (Engine.create), for queries outside the registry. */
let loaded: QuerySnapshots | undefined;

export function setLoadedSnapshots(s: QuerySnapshots | undefined): void {
  loaded = s;
}

/** `new Query(language, source)`, restored from `snapshots` (default: those the process loaded) when they hold it. */
export function compileQuery(lang: string, language: Language, source: string, snapshots: QuerySnapshots | undefined = loaded): Query {
  return snapshots?.restore(lang, language, source) ?? new Query(language, source);
}

/**
 * The snapshot file of `queries` (RuleRegistry.everyQuery), checked: every query must save, restore and save again to
 * the same bytes. Throws with the reason otherwise (the build then ships no snapshots, and every query compiles).
 */
export function snapshotFile(queries: readonly (readonly [string, Query])[], languageOf: (lang: string) => Language, ruleSources: readonly string[] = []): SnapshotFile {
  const file: SnapshotFile = { format: SNAPSHOT_FORMAT, grammars: {}, queries: {} };
  const build = process.env.GENAI4DFX_BUILD;
  if (build) {
    file.build = build;
    file.gates = {};
    for (const src of ruleSources) {
      try {
        file.gates[sourceKey(src)] = patternGates(src);
      } catch {
        // A text gates.ts cannot read: the registry reads it again at run time and fuses that rule whole.
      }
    }
  }
  for (const [lang, query] of queries) {
    const language = languageOf(lang);
    const bytes = saveQuery(query, language);
    if (!bytes) throw new Error(`cannot save a ${lang} query: web-tree-sitter's glue lacks Query.wasm() or struct TSQuery changed`);
    file.grammars[lang] = grammarStamp(language);
    (file.queries[lang] ??= {})[sourceKey(sourceOf(query))] = bytes.toString('base64');
  }
  const snapshots = QuerySnapshots.of(file);
  for (const [lang, query] of queries) {
    const language = languageOf(lang);
    const restored = snapshots?.restore(lang, language, sourceOf(query));
    const again = restored && saveQuery(restored, language);
    restored?.delete();
    if (!again || again.toString('base64') !== file.queries[lang]?.[sourceKey(sourceOf(query))]) {
      throw new Error(`a ${lang} query does not restore to what was saved: struct TSQuery changed`);
    }
  }
  return file;
}
