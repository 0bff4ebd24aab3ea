/**
 * Text gates: the words a match of a query pattern must contain.
 *
 * web-tree-sitter checks `#eq?`, `#any-of?` and `#match?` in JavaScript, after the query engine has found a candidate
 * and unmarshalled its captures. A pattern rooted at every call (`(method_invocation name: (identifier) @fn
 * (#any-of? @fn "nextInt" ...))`) pays that for every call in the file, and most candidates are then rejected: on
 * generated service code, 77% of what the fused queries found. A capture lies inside the pattern's root node, so a
 * positive predicate on it means the root's text contains one of the predicate's words. Such a pattern only needs to
 * run where one of its words occurs in the file (a query over that byte range), not over the whole tree.
 */

/** The shortest word worth gating on: shorter ones occur everywhere. */
const MIN_WORD = 3;

/** One top-level pattern of a query source: its text and, when it has one, its gate. */
export interface PatternGate {
  text: string;
  /** Every match contains one of these words within its root node; absent when none can be derived. */
  words?: string[];
  /** The node type every match is rooted at (set with `words`). */
  root?: string;
  /**
   * True when the gating capture is an identifier below the root reached only through nodes of other explicit types.
   * Then a word occurrence that lets a match through lies in that identifier, and the match's root is the innermost
   * node of the root type around the occurrence: the pattern need run only there, not at every enclosing node of its
   * type (a call whose arguments hold the word: `client.send(HttpRequest.newBuilder(URI.create(u)).build())` ran
   * the `URI.create` pattern at four calls).
   */
  innermost?: boolean;
}

/**
 * The top-level patterns of a query source, in the order tree-sitter numbers them, each with its gate.
 * The gate comes from a positive text predicate: `#any-of?` and `#match?` fail when their capture matched nothing, so
 * they gate wherever their capture is; `#eq?` holds vacuously then, so it gates only a capture present in every match
 * (outside alternations and `?`/`*` quantifiers). A pattern with several roots (a sibling sequence, a quantified
 * top level) is not gated: its captures need not lie inside one node.
 */
export function patternGates(source: string): PatternGate[] {
  const tokens = tokenize(source);
  let pos = 0;
  const out: PatternGate[] = [];
  while (pos < tokens.length) {
    const start = tokens[pos]?.start ?? 0;
    const item = parseItem();
    if (!item) break;
    const text = source.slice(start, tokens[pos - 1]?.end ?? source.length);
    if (item.kind === 'pred' || item.kind === 'anchor' || item.kind === 'negfield') continue;
    const root = rootType(item);
    const gate = root ? best(gateWords(item)) : undefined;
    out.push(root && gate ? { text, words: gate.words, root, ...(pinned(item, gate.capture, root) ? { innermost: true } : {}) } : { text });
  }
  return out;

  function parseItem(): Item | undefined {
    const t = tokens[pos++];
    if (!t) return undefined;
    let item: Item;
    if (t.kind === 'field') {
      // `field: item` is the item under a field name.
      const inner = parseItem();
      if (!inner) throw new Error('field without an item');
      return inner;
    }
    if (t.value === '.') return { kind: 'anchor', children: [], captures: [] };
    if (t.value.startsWith('!')) return { kind: 'negfield', children: [], captures: [] };
    if (t.value === '(' && tokens[pos]?.value.startsWith('#')) {
      const op = (tokens[pos++] as Token).value.slice(1);
      const args: string[] = [];
      while (tokens[pos] && tokens[pos]?.value !== ')') {
        const a = tokens[pos++] as Token;
        args.push(a.kind === 'string' ? a.text : a.value);
      }
      pos++;
      return { kind: 'pred', children: [], captures: [], pred: { op, args } };
    }
    if (t.value === '(' || t.value === '[') {
      const close = t.value === '(' ? ')' : ']';
      const named = t.value === '(' && tokens[pos]?.kind === 'word';
      const type = named ? (tokens[pos++] as Token).value : undefined;
      const children: Item[] = [];
      while (tokens[pos] && tokens[pos]?.value !== close) {
        const c = parseItem();
        if (c) children.push(c);
      }
      if (tokens[pos]?.value !== close) throw new Error(`unclosed ${t.value}`);
      pos++;
      item = { kind: t.value === '[' ? 'alt' : named ? 'node' : 'group', children, captures: [], ...(type ? { type } : {}) };
    } else if (t.kind === 'string' || t.kind === 'word') item = { kind: 'node', children: [], captures: [] };
    else throw new Error(`unexpected ${t.value}`);
    // Quantifiers and captures follow the item, in any order.
    for (;;) {
      const n = tokens[pos];
      if (n && (n.value === '?' || n.value === '*' || n.value === '+')) {
        // `?` and `*` make the item optional, whatever else follows; `+` alone keeps it.
        if (n.value !== '+') item.quant = n.value as '?' | '*';
        else item.quant ??= '+';
        pos++;
      } else if (n?.value.startsWith('@')) {
        item.captures.push(n.value.slice(1));
        pos++;
      } else break;
    }
    return item;
  }
}

interface Item {
  kind: 'node' | 'group' | 'alt' | 'pred' | 'anchor' | 'negfield';
  /** A named node's type (`_` for the wildcard). */
  type?: string;
  children: Item[];
  captures: string[];
  quant?: '?' | '*' | '+';
  pred?: { op: string; args: string[] };
}

/**
 * The named node type at the top of a pattern with one root (a node, or groups around one node); undefined for a
 * wildcard, an alternation, an anonymous node, a quantified top or several top-level items.
 */
function rootType(item: Item): string | undefined {
  const type = rootNode(item)?.type;
  return type && type !== '_' ? type : undefined;
}

/** The node item at the top of a pattern with one root (a node, or groups around one node), unquantified. */
function rootNode(item: Item): Item | undefined {
  if (item.quant) return undefined;
  if (item.kind === 'node') return item;
  const items = item.children.filter((c) => c.kind !== 'pred');
  return item.kind === 'group' && items.length === 1 ? rootNode(items[0] as Item) : undefined;
}

/**
 * True when every item capturing `capture` is an identifier strictly below the pattern's root node, and every node
 * between the root and it has an explicit type other than `type` (PatternGate.innermost). Query child steps are
 * direct visible children, so the identifier's visible ancestors up to the root are exactly those nodes: none is of
 * the root type, and the root is the innermost node of its type around the identifier.
 */
function pinned(pattern: Item, capture: string, type: string): boolean {
  const root = rootNode(pattern);
  if (!root || root.captures.includes(capture)) return false;
  let found = false;
  let ok = true;
  const visit = (item: Item, clean: boolean): void => {
    if (item.kind === 'pred' || item.kind === 'anchor' || item.kind === 'negfield') return;
    const here = item.kind === 'node' ? clean && !!item.type && item.type !== '_' && item.type !== type : clean;
    if (item.captures.includes(capture)) {
      found = true;
      if (item.kind !== 'node' || !here || !/identifier$/.test(item.type ?? '')) ok = false;
    }
    for (const c of item.children) visit(c, here);
  };
  for (const c of root.children) visit(c, true);
  return ok && found;
}

/** The candidate word sets of a rooted pattern's positive text predicates, each with the capture it tests. */
function gateWords(root: Item): { words: string[]; capture: string }[] {
  const required = new Set<string>();
  const preds: { op: string; args: string[] }[] = [];
  const walk = (item: Item, sure: boolean): void => {
    const here = sure && item.quant !== '?' && item.quant !== '*';
    if (here) for (const c of item.captures) required.add(c);
    if (item.pred) preds.push(item.pred);
    for (const c of item.children) walk(c, here && item.kind !== 'alt');
  };
  walk(root, true);
  const sets: { words: string[]; capture: string }[] = [];
  for (const { op, args } of preds) {
    const [capture, ...values] = args;
    if (!capture?.startsWith('@') || !values.length || values.some((v) => v.startsWith('@'))) continue;
    const name = capture.slice(1);
    if (op === 'eq?' && values.length === 1 && required.has(name)) sets.push({ words: values, capture: name });
    else if (op === 'any-of?') sets.push({ words: values, capture: name });
    else if (op === 'match?' && values.length === 1) {
      const w = requiredWords(values[0] as string);
      if (w) sets.push({ words: w, capture: name });
    }
  }
  return sets;
}

function best(sets: { words: string[]; capture: string }[]): { words: string[]; capture: string } | undefined {
  let b: { words: string[]; capture: string } | undefined;
  for (const s of sets) if (!b || score(s.words) > score(b.words)) b = s;
  return b && score(b.words) >= MIN_WORD ? { words: [...new Set(b.words)], capture: b.capture } : undefined;
}

interface Token {
  kind: 'punct' | 'word' | 'field' | 'string' | 'capture';
  /** The token as written (a string keeps its quotes). */
  value: string;
  /** A string's content, unescaped. */
  text: string;
  start: number;
  end: number;
}

/** Query source to tokens; comments dropped. */
function tokenize(source: string): Token[] {
  const out: Token[] = [];
  const re = /\s+|;[^\n]*|"((?:[^"\\]|\\.)*)"|([()[\]?*+.])|(@[\w.-]+)|(![\w]+)|([\w/.-]+:(?!:))|(#[\w-]+\??)|([\w/-]+)|(\S)/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source)) && m[0]) {
    const [all, str, punct, capture, neg, field, op, word, other] = m;
    const base = { value: all, text: '', start: m.index, end: m.index + all.length };
    if (str !== undefined) out.push({ ...base, kind: 'string', text: unescape(str) });
    else if (punct) out.push({ ...base, kind: 'punct' });
    else if (capture) out.push({ ...base, kind: 'capture' });
    else if (neg) out.push({ ...base, kind: 'punct' });
    else if (field) out.push({ ...base, kind: 'field' });
    else if (op) out.push({ ...base, kind: 'punct' });
    else if (word) out.push({ ...base, kind: 'word' });
    else if (other) throw new Error(`unexpected ${other} in a query`);
  }
  return out;
}

/** How selective a word set is: its shortest word's length (one short word lets every occurrence through). */
function score(words: readonly string[]): number {
  return words.length ? Math.min(...words.map((w) => w.length)) : 0;
}

/** A tree-sitter query string's escapes: \n \r \t \0, and a backslash before anything else is that thing. */
function unescape(s: string): string {
  return s.replace(/\\(.)/gs, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', '0': '\0' })[c] ?? c);
}

/**
 * Literal words of which every string matching `source` (a JavaScript regex, no flags) contains at least one;
 * undefined when none can be derived. Understands literals, escapes, groups, alternation and quantifiers; a class,
 * a dot or a backreference is a gap. Conservative: when in doubt, a part yields nothing.
 */
export function requiredWords(source: string): string[] | undefined {
  let pos = 0;
  // The words a part requires, one of which is in every match of it; [] when it requires none.
  type Alt = string[];
  // An alternation up to `)` or the end requires the union of its alternatives' words, or nothing if one requires none.
  const alternation = (): Alt => {
    const alts: Alt[] = [sequence()];
    while (source[pos] === '|') {
      pos++;
      alts.push(sequence());
    }
    return alts.some((a) => !a.length) ? [] : alts.flat();
  };
  // A sequence of atoms: literal runs, and groups that themselves require words. The best single requirement wins.
  const sequence = (): Alt => {
    let run = '';
    let best: Alt | undefined;
    const consider = (w: Alt | undefined): void => {
      if (w && w.length && (!best || score(w) > score(best))) best = w;
    };
    const endRun = (): void => {
      if (run) consider([run]);
      run = '';
    };
    while (pos < source.length && source[pos] !== '|' && source[pos] !== ')') {
      const c = source[pos] as string;
      let atom: { literal?: string; words?: Alt } = {};
      if (c === '(') {
        pos++;
        if (source[pos] === '?') {
          // (?: ...) groups like a plain one; lookarounds and named groups are not literal text of the match.
          if (source[pos + 1] === ':') pos += 2;
          else {
            skipGroup();
            endRun();
            continue;
          }
        }
        const inner = alternation();
        if (source[pos] !== ')') throw new Error('unbalanced group');
        pos++;
        atom = { words: inner };
      } else if (c === '[') {
        skipClass();
        atom = {};
      } else if (c === '\\') {
        const e = source[pos + 1] ?? '';
        pos += 2;
        if (/[.*+?^${}()|[\]\\/\-]/.test(e)) atom = { literal: e };
        else atom = {}; // \d \w \s \b \1 \n ...: not one literal character
        if (e === 'b' || e === 'B') {
          // A word boundary matches no text: the run goes on.
          continue;
        }
      } else if (c === '^' || c === '$') {
        pos++;
        continue;
      } else if (c === '.') {
        pos++;
        atom = {};
      } else {
        pos++;
        atom = { literal: c };
      }
      // A quantifier after the atom: ? * {0,...} make it optional; + and {n,} (n ≥ 1) keep one copy but end the run.
      const q = quantifier();
      if (q === 'optional') {
        endRun();
        continue;
      }
      if (atom.literal !== undefined) {
        run += atom.literal;
        if (q === 'repeat') endRun();
      } else {
        endRun();
        consider(atom.words);
      }
    }
    endRun();
    return best ?? [];
  };
  const quantifier = (): 'none' | 'optional' | 'repeat' => {
    const c = source[pos];
    let q: 'none' | 'optional' | 'repeat' = 'none';
    if (c === '?' || c === '*') {
      pos++;
      q = 'optional';
    } else if (c === '+') {
      pos++;
      q = 'repeat';
    } else if (c === '{') {
      const m = /^\{(\d+)(,\d*)?\}/.exec(source.slice(pos));
      if (m) {
        pos += m[0].length;
        q = Number(m[1]) === 0 ? 'optional' : m[2] || Number(m[1]) !== 1 ? 'repeat' : 'none';
      }
    }
    if (q !== 'none' && source[pos] === '?') pos++; // lazy
    return q;
  };
  const skipClass = (): void => {
    pos++;
    if (source[pos] === '^') pos++;
    if (source[pos] === ']') pos++;
    while (pos < source.length && source[pos] !== ']') pos += source[pos] === '\\' ? 2 : 1;
    pos++;
  };
  const skipGroup = (): void => {
    let depth = 1;
    pos++;
    while (pos < source.length && depth) {
      const c = source[pos];
      if (c === '\\') pos++;
      else if (c === '[') {
        skipClass();
        continue;
      } else if (c === '(') depth++;
      else if (c === ')') depth--;
      pos++;
    }
  };
  try {
    const words = alternation();
    return pos === source.length && words.length && words.every((w) => w) ? words : undefined;
  } catch {
    return undefined;
  }
}

/** Where words occur for one root type: parallel arrays in text order. */
interface Occurrences<R> {
  starts: number[];
  ends: number[];
  rules: (readonly R[])[];
}

/**
 * One file's gate occurrences: where the active rules' gate words occur, kept per root type, so that a node of that
 * type can be asked which rules have one of their words inside it (and so must run their gated patterns there).
 * A rule whose patterns rooted at a type are all PatternGate.innermost is kept apart for that type: it runs only at
 * the innermost node of the type around each of its occurrences (innermost).
 */
/** What rulesIn returns for a node that holds no word: one shared, empty array. */
const NO_RULES: readonly never[] = [];

export class GateOccurrences<R> {
  private readonly at = new Map<string, Occurrences<R>>();
  private readonly inner = new Map<string, Occurrences<R>>();
  private readonly typeRules = new Map<string, number>();

  /**
   * `hits`: the scan's [position, longest word there] pairs in text order; `wordsAt`: the gate words that are
   * prefixes of a scanned word; `gates`: each active rule's words by root type, and the root types where it runs at
   * innermost nodes only.
   */
  constructor(hits: readonly (readonly [number, string])[], wordsAt: ReadonlyMap<string, readonly string[]>, gates: Iterable<readonly [R, ReadonlyMap<string, readonly string[]>, ReadonlySet<string>?]>) {
    const rulesOf = new Map<string, Map<string, { anywhere: R[]; innermost: R[] }>>();
    for (const [rule, byType, innermost] of gates) {
      for (const [type, words] of byType) {
        const inner = !!innermost?.has(type);
        if (!inner) this.typeRules.set(type, (this.typeRules.get(type) ?? 0) + 1);
        for (const w of words) {
          let types = rulesOf.get(w);
          if (!types) rulesOf.set(w, (types = new Map()));
          let rules = types.get(type);
          if (!rules) types.set(type, (rules = { anywhere: [], innermost: [] }));
          (inner ? rules.innermost : rules.anywhere).push(rule);
        }
      }
    }
    const add = (to: Map<string, Occurrences<R>>, type: string, o: number, end: number, rules: readonly R[]): void => {
      if (!rules.length) return;
      let list = to.get(type);
      if (!list) to.set(type, (list = { starts: [], ends: [], rules: [] }));
      list.starts.push(o);
      list.ends.push(end);
      list.rules.push(rules);
    };
    for (const [o, w] of hits) {
      for (const g of wordsAt.get(w) ?? []) {
        for (const [type, rules] of rulesOf.get(g) ?? []) {
          add(this.at, type, o, o + g.length, rules.anywhere);
          add(this.inner, type, o, o + g.length, rules.innermost);
        }
      }
    }
  }

  /** The rules with a word in the text (for any of their root types). */
  rules(): Set<R> {
    const out = new Set<R>();
    for (const m of [this.at, this.inner]) for (const list of m.values()) for (const rules of list.rules) for (const r of rules) out.add(r);
    return out;
  }

  /** True when no word of an active rule gating on `type` occurs in the text. */
  none(type: string): boolean {
    return !this.at.has(type) && !this.inner.has(type);
  }

  /** The root types some word of an active rule occurs for: the nodes worth finding. */
  types(): string[] {
    return [...new Set([...this.at.keys(), ...this.inner.keys()])];
  }

  /**
   * The rules with a word inside [start, end()) of a node of `type` (`end` is asked only when needed: a WASM call).
   * Allocates nothing for a node that holds none (most index nodes): the shared empty array.
   */
  rulesIn(type: string, start: number, end: () => number): readonly R[] {
    const list = this.at.get(type);
    if (!list) return NO_RULES;
    let k = lowerBound(list.starts, start);
    if (k >= list.starts.length) return NO_RULES;
    const e = end();
    const all = this.typeRules.get(type) ?? 0;
    let out: R[] | undefined;
    for (; k < list.starts.length && (list.starts[k] as number) < e && (out?.length ?? 0) < all; k++) {
      if ((list.ends[k] as number) > e) continue;
      for (const r of list.rules[k] as readonly R[]) {
        if (!out) out = [r];
        else if (!out.includes(r)) out.push(r);
      }
    }
    return out ?? NO_RULES;
  }

  /**
   * The innermost-only rules to run at each of `nodes` (by index), the index nodes of the file in any order: each
   * occurrence goes to the innermost node of its type that holds it. `end(i)` is node i's end (a WASM call, asked
   * only for nodes of a type with such occurrences).
   */
  innermost(nodes: readonly (readonly [{ startIndex: number }, string])[], end: (i: number) => number): Map<number, Set<R>> {
    const out = new Map<number, Set<R>>();
    for (const [type, list] of this.inner) {
      const idx: number[] = [];
      nodes.forEach(([, t], i) => {
        if (t === type) idx.push(i);
      });
      if (!idx.length) continue;
      const start = (i: number): number => (nodes[i] as readonly [{ startIndex: number }, string])[0].startIndex;
      // Outer before inner: by start, then the longer first.
      idx.sort((a, b) => start(a) - start(b) || end(b) - end(a));
      const stack: number[] = [];
      let k = 0;
      for (let j = 0; j < list.starts.length; j++) {
        const o = list.starts[j] as number;
        const e = list.ends[j] as number;
        // Open every node starting at or before the occurrence; a node closed before the next one starts is no
        // ancestor of it, so the stack holds a chain of nested nodes, innermost on top.
        for (; k < idx.length && start(idx[k] as number) <= o; k++) {
          const n = idx[k] as number;
          while (stack.length && end(stack[stack.length - 1] as number) <= start(n)) stack.pop();
          stack.push(n);
        }
        while (stack.length && end(stack[stack.length - 1] as number) <= o) stack.pop();
        // The innermost open node that reaches past the occurrence holds it (those above it end inside it).
        for (let s = stack.length - 1; s >= 0; s--) {
          const n = stack[s] as number;
          if (end(n) >= e) {
            let set = out.get(n);
            if (!set) out.set(n, (set = new Set()));
            for (const r of list.rules[j] as readonly R[]) set.add(r);
            break;
          }
        }
      }
    }
    return out;
  }
}

/** The first index of sorted `xs` whose value is at least `x`. */
function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
