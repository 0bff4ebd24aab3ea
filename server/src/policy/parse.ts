// Parsing a `.dfx.yaml` with positions: the tree-sitter-yaml tree becomes the positioned YAML model (engine/yaml-ast)
// and a plain value for the schema, plus the problems YAML itself has (syntax errors, tabs, duplicate keys, aliases,
// several documents), each at its exact place. Nothing here throws on bad input.
import type { Node, Query, Tree } from 'web-tree-sitter';
import { compileQuery } from '../engine/query-snapshot';
import { LineIndex, spanOf } from '../engine/span';
import type { Span } from '../engine/types';
import type { YPair, YValue } from '../engine/yaml-ast';
import { t } from '../l10n';
import { yamlDocumentsFast, type YamlReuse } from './yaml-fast';

/** Severity of a policy problem, as the editor shows it. */
export type ProblemSeverity = 'error' | 'warning' | 'info';

/** What kind of problem: YAML (syntax…), the schema, or a check the schema cannot express. */
export type ProblemCode =
  | 'syntax'
  | 'tab'
  | 'duplicate-key'
  | 'alias'
  | 'multi-document'
  | 'empty'
  | 'schema'
  | 'unit'
  | 'unknown-rule'
  | 'unknown-option'
  | 'reference'
  | 'duplicate-name'
  | 'guardrails'
  | 'chaos'
  | 'perf';

/** One problem of a policy, at the key or value it is about. */
export interface PolicyProblem {
  severity: ProblemSeverity;
  code: ProblemCode;
  message: string;
  span: Span;
}

/** Where a value of the plain data came from, keyed by JSON pointer (`/chaos/experiments/0/target`). */
export interface Located {
  value: YValue;
  /** The `key: value` pair holding it, when it is a mapping value (for errors about the key). */
  pair?: YPair;
}

/** A parsed policy document: the positioned tree, the plain data and YAML-level problems. */
export interface ParsedPolicy {
  text: string;
  lines: LineIndex;
  /** The first document's root. */
  root: YValue | undefined;
  /** The plain value the schema validates (undefined for an empty document). */
  data: unknown;
  /** JSON pointer → positioned value. */
  locations: Map<string, Located>;
  problems: PolicyProblem[];
  /** True when the YAML itself is broken (syntax errors, tabs): schema and semantic checks are skipped. */
  broken: boolean;
}

const MAX_SYNTAX_ERRORS = 20;
/** Aliases can make a small file expand exponentially ("billion laughs"): stop converting past this many values. */
const MAX_VALUES = 200_000;

/** Parse a policy from its tree-sitter-yaml tree (`reuse`: the previous version's conversions, for an open document). */
export function parsePolicyTree(tree: Tree, text: string, reuse?: YamlReuse): ParsedPolicy {
  const lines = new LineIndex(text);
  const problems: PolicyProblem[] = [];
  const tabLines = findTabs(text, lines, problems);
  findSyntaxErrors(tree.rootNode, lines, problems, tabLines);
  const broken = problems.length > 0;
  findAliasProblems(tree, text, problems);

  const docs = yamlDocumentsFast(tree, text, lines, reuse).filter((d) => d.root !== undefined);
  for (const extra of docs.slice(1)) {
    const line = extra.span.startPos.line;
    problems.push({
      severity: 'error',
      code: 'multi-document',
      message: t('a policy is a single YAML document: this second document (after ---) is ignored; merge it into the first or move it to its own .dfx.yaml'),
      span: lines.span(lines.lineStart(line), lines.lineStart(line) + lines.lineText(line).length),
    });
  }
  const root = docs[0]?.root;
  const locations = new Map<string, Located>();
  let data: unknown;
  if (root) {
    const conv = new Converter(locations, problems);
    data = conv.convert(root, '');
    if (conv.exhausted) {
      problems.push({ severity: 'error', code: 'alias', message: t('aliases expand this policy past {0} values; write the values out instead of nesting aliases', MAX_VALUES.toLocaleString('en')), span: root.span });
    }
  } else if (!broken) {
    problems.push({ severity: 'error', code: 'empty', message: t('the policy is empty: start with `version: 1` (the "DFX: Create Policy" command writes a starter)'), span: lines.span(0, Math.min(text.length, lines.lineText(0).length)) });
  }
  return { text, lines, root, data, locations, problems, broken };
}

/** JSON pointer of a child: `/a/b/0` (with `~` and `/` escaped as in RFC 6901). */
export function childPointer(parent: string, key: string | number): string {
  return `${parent}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

class Converter {
  exhausted = false;
  private count = 0;
  private readonly reported = new Set<number>();

  constructor(private readonly locations: Map<string, Located>, private readonly problems: PolicyProblem[]) {}

  convert(v: YValue, ptr: string, pair?: YPair): unknown {
    if (++this.count > MAX_VALUES) {
      this.exhausted = true;
      return null;
    }
    this.locations.set(ptr, pair ? { value: v, pair } : { value: v });
    switch (v.kind) {
      case 'scalar':
        return v.value;
      case 'seq':
        return v.items.map((it, i) => (this.exhausted ? null : this.convert(it, childPointer(ptr, i))));
      case 'map': {
        const out: Record<string, unknown> = {};
        const first = new Map<string, YPair>();
        for (const p of v.pairs) {
          const seen = first.get(p.key);
          if (seen) {
            // Reported once, at the first conversion (an aliased map is converted again wherever it is used).
            if (!this.reported.has(p.keySpan.start)) {
              this.reported.add(p.keySpan.start);
              this.problems.push({
                severity: 'error',
                code: 'duplicate-key',
                message: t('duplicate key "{0}": it is already set on line {1}, and YAML keeps only one of them; remove one', p.key, seen.keySpan.startPos.line + 1),
                span: p.keySpan,
              });
            }
            continue;
          }
          first.set(p.key, p);
          if (p.key === '<<') {
            this.problems.push({ severity: 'error', code: 'alias', message: t('merge keys (<<) are not part of YAML 1.2 and are not supported in a policy: write the keys out'), span: p.keySpan });
            continue;
          }
          // defineProperty: a key named __proto__ must stay data, not change the object's prototype.
          Object.defineProperty(out, p.key, {
            value: p.value ? this.convert(p.value, childPointer(ptr, p.key), p) : null,
            enumerable: true,
            writable: true,
            configurable: true,
          });
          if (!p.value) this.locations.set(childPointer(ptr, p.key), { value: { kind: 'scalar', value: null, raw: '', span: p.keySpan }, pair: p });
        }
        return out;
      }
    }
  }
}

/** Tabs in indentation are not YAML: report each line's first one (tree-sitter's own error there is vaguer). */
function findTabs(text: string, lines: LineIndex, problems: PolicyProblem[]): Set<number> {
  const out = new Set<number>();
  if (!text.includes('\t')) return out;
  for (let line = 0; line < lines.lineCount; line++) {
    const lineText = lines.lineText(line);
    const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
    const tab = indent.indexOf('\t');
    if (tab === -1 || indent.length === lineText.length) continue;
    out.add(line);
    const start = lines.lineStart(line) + tab;
    problems.push({ severity: 'error', code: 'tab', message: t('tab character in indentation: YAML indents with spaces only; replace the tab with spaces'), span: lines.span(start, start + 1) });
  }
  return out;
}

/** ERROR and MISSING nodes, outermost only, each trimmed to its first line so the squiggle is where the problem starts. */
function findSyntaxErrors(root: Node, lines: LineIndex, problems: PolicyProblem[], tabLines: ReadonlySet<number>): void {
  let found = 0;
  const visit = (n: Node): void => {
    if (found >= MAX_SYNTAX_ERRORS) return;
    if (n.isMissing) {
      found++;
      const s = spanOf(n);
      problems.push({ severity: 'error', code: 'syntax', message: t('YAML syntax error: missing "{0}" here', n.type), span: s });
      return;
    }
    if (n.type === 'ERROR') {
      // tree-sitter-yaml often opens an ERROR at the start of the document; the problem is where the well-formed
      // entries inside it stop.
      const culprit = firstBadChild(n) ?? n;
      const s = spanOf(culprit);
      // A tab breaks the structure around it; the tab's own error says what to do.
      if (tabLines.has(s.startPos.line) || tabLines.has(s.startPos.line + 1) || tabLines.has(spanOf(n).startPos.line)) return;
      found++;
      const lineEnd = lines.lineStart(s.startPos.line) + lines.lineText(s.startPos.line).length;
      const end = Math.max(s.start + 1, Math.min(Math.max(s.end, lineEnd), lineEnd));
      const snippet = lines.text.slice(s.start, end).trim();
      const hint = /^[{[]/.test(snippet) || (/[{[]/.test(snippet) && !/[}\]]/.test(snippet))
        ? t('an opening bracket or brace is not closed')
        : t('check the indentation and the `key: value` form of this line');
      problems.push({ severity: 'error', code: 'syntax', message: t('YAML syntax error at "{0}": {1}', truncate(snippet, 40), hint), span: lines.span(s.start, end) });
      return;
    }
    if (!n.hasError) return;
    for (const c of n.children) if (c) visit(c);
  };
  visit(root);
  if (found >= MAX_SYNTAX_ERRORS) {
    problems.push({ severity: 'error', code: 'syntax', message: t('more than {0} YAML syntax errors; only the first ones are shown', MAX_SYNTAX_ERRORS), span: lines.span(0, 0) });
  }
}

const ALIAS_QUERIES = new WeakMap<object, Query>();
/** Anchors and aliases (findAliasProblems); the build saves it with the rule queries (scripts/snapshot-queries.ts). */
export const ALIAS_QUERY = '(anchor (anchor_name) @anchor) (alias (alias_name) @alias)';

/** An alias must name an anchor defined before it. Aliases themselves are fine (they are resolved). A query finds them
 * without walking the whole tree in JavaScript. */
function findAliasProblems(tree: Tree, text: string, problems: PolicyProblem[]): void {
  if (!text.includes('*')) return;
  let q = ALIAS_QUERIES.get(tree.language);
  if (!q) ALIAS_QUERIES.set(tree.language, (q = compileQuery('yaml', tree.language, ALIAS_QUERY)));
  const defined = new Set<string>();
  for (const c of q.captures(tree.rootNode)) {
    if (c.name === 'anchor') defined.add(c.node.text);
    else if (!defined.has(c.node.text)) {
      const n = c.node.parent ?? c.node;
      problems.push({ severity: 'error', code: 'alias', message: t('alias *{0} refers to no anchor: define &{0} before this line, or write the value out', c.node.text), span: spanOf(n) });
    }
  }
}

/** The first child of an ERROR node that is not a well-formed entry (or a key whose value follows), or undefined. */
function firstBadChild(error: Node, top = true): Node | undefined {
  const kids = error.children.filter((c): c is Node => c !== null);
  for (let i = 0; i < kids.length; i++) {
    const c = kids[i]!;
    const next = kids[i + 1];
    if (c.type === 'comment' || c.type === ':' || c.type === '---') continue;
    if (!c.hasError && (c.type === 'block_sequence_item' || c.type === 'flow_pair')) continue;
    if (!c.hasError && c.type === 'block_mapping_pair' && (c.childForFieldName('value') || next)) continue;
    if (c.type === 'flow_node' && next?.type === ':') continue;
    if (c.type === 'ERROR') {
      const inner = firstBadChild(c, false);
      if (inner) return inner;
      continue;
    }
    return c;
  }
  return top ? kids[kids.length - 1] : undefined;
}

function truncate(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}
