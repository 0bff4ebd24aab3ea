import type { Node } from 'web-tree-sitter';
import type { K8sObject, K8sWorkload } from './kubernetes';
import type { LanguageId } from './languages';
import type { LineIndex } from './span';
import type { Fix, Pillar, RuleMeta, RuleOptionSpec, Severity, Span } from './types';

/** Documentation site for rule pages; a rule's docs link is `${DOCS_BASE}/<id>.md`. */
export const DOCS_BASE = 'https://github.com/genai4dfx/genai4dfx/blob/main/docs/rules';

/** One match of a rule's query: the `@match` node and every named capture. */
export interface RuleMatch {
  /** The node captured as `@match`. */
  node: Node;
  captures: ReadonlyMap<string, readonly Node[]>;
  /** First node of a capture. */
  get(name: string): Node | undefined;
  /** Text of the first node of a capture ('' when absent). */
  text(name: string): string;
}

/** What a rule sees besides its match. */
export interface RuleContext {
  language: LanguageId;
  text: string;
  lines: LineIndex;
  /** Path or URI of the document. */
  path: string;
  /**
   * The path relative to the project root (workspace folder, or the folder the CLI scans), for rules that care about
   * file kind (tests, generated code): a project that happens to live under a folder named `test` is not all tests.
   */
  relativePath: string;
  /** This rule's options: its declared defaults overlaid by the user's (settings, `.dfx.yaml`); values are type-checked. */
  options: Readonly<Record<string, unknown>>;
}

/** What a Kubernetes rule sees: every object and workload of one YAML file. */
export interface K8sContext extends RuleContext {
  objects: readonly K8sObject[];
  workloads: readonly K8sWorkload[];
}

/** A finding as a rule reports it; the runner adds rule id, severity and pillar. */
export interface Report {
  span: Span;
  message?: string;
  fix?: Fix;
  data?: Record<string, unknown>;
}

interface RuleBase {
  /** Kebab-case; equals the file name and `Diagnostic.code`. */
  id: string;
  pillar: Pillar;
  severity: Severity;
  /** One line, shown in lists and SARIF `shortDescription`. */
  title: string;
  /** Markdown: what, why it matters in production, how to fix. Shown on hover and in SARIF help. */
  description: string;
  tags?: string[];
  /** Thresholds and switches users can set; read them from `ctx.options`. */
  options?: Record<string, RuleOptionSpec>;
}

/** A rule written as a tree-sitter query with a `@match` capture (and `@report` to narrow the range). */
export interface QueryRuleSpec extends RuleBase {
  languages: LanguageId[];
  /** One query for all its languages, or one per language. */
  query: string | Partial<Record<LanguageId, string>>;
  /** What is wrong and what to do; `{{capture}}` is replaced by that capture's text. */
  message: string | ((m: RuleMatch, ctx: RuleContext) => string);
  /**
   * Substrings of which at least one must occur in the file for the rule to run: a substring check is far
   * cheaper than a tree walk.
   */
  triggers?: string[];
  /**
   * Checked after `triggers`, once per file: false skips the rule for the file. For what a substring cannot say: an
   * option that turns the rule off, a file-level regex, the kind of file (a rule about tests skips the rest). Must be
   * sound: false only when no match could be reported.
   */
  when?: (text: string, options: Readonly<Record<string, unknown>>, file: { path: string; relativePath: string }) => boolean;
  /**
   * Set when every match lies inside one top-level declaration (a child of the file's root node) and its finding,
   * message and fix depend only on that declaration, the path and the options: no imports, no other functions, no
   * text outside it. After an edit the server then re-runs the rule on the changed declarations only and keeps the
   * rest of its findings. Leave unset when in doubt: a rule that is not local is re-run over the whole file.
   * test/engine/regional.test.ts checks every local rule against a full analysis after random edits.
   */
  local?: boolean;
  /**
   * For a local rule that also reads one fact of the whole file (a file-wide setting such as axios.defaults.timeout,
   * a minified file): that fact, as a short string, computed on every analysis; when it changes, the rule re-runs
   * over the whole file instead of the changed region.
   */
  fileFacts?: (text: string) => string;
  /** Predicate for what a query cannot express; false drops the match. */
  filter?: (m: RuleMatch, ctx: RuleContext) => boolean;
  /** A certain fix for this match, if there is one. */
  fix?: (m: RuleMatch, ctx: RuleContext) => Fix | undefined;
  /** Facts a fix or AI action needs later (kept in `Diagnostic.data`). */
  data?: (m: RuleMatch, ctx: RuleContext) => Record<string, unknown>;
  /** Set when the rule can produce a fix (for the catalogue and the fixture harness). */
  fixable?: boolean;
}

/** A rule over the Kubernetes objects of a YAML file. */
export interface K8sRuleSpec extends RuleBase {
  kubernetes: true;
  check: (ctx: K8sContext) => Report[];
  fixable?: boolean;
}

export type RuleSpec = QueryRuleSpec | K8sRuleSpec;

/** A rule as the registry holds it: the spec and its metadata. */
export interface RuleDefinition {
  readonly spec: RuleSpec;
  readonly meta: RuleMeta;
}

/** Declare a rule. Queries are compiled when the registry loads the grammars (a broken query fails a test, never a user's editor). */
export function defineRule(spec: RuleSpec): RuleDefinition {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(spec.id)) throw new Error(`rule id "${spec.id}" must be kebab-case`);
  const kubernetes = 'kubernetes' in spec;
  const meta: RuleMeta = {
    id: spec.id,
    pillar: spec.pillar,
    languages: kubernetes ? ['yaml'] : [...spec.languages],
    kubernetes,
    severity: spec.severity,
    title: spec.title,
    description: spec.description.trim(),
    docs: `${DOCS_BASE}/${spec.id}.md`,
    fixable: Boolean(spec.fixable ?? ('fix' in spec && spec.fix)),
    tags: [spec.pillar, ...(spec.tags ?? [])],
    options: Object.freeze({ ...(spec.options ?? {}) }),
  };
  return Object.freeze({ spec: Object.freeze(spec), meta: Object.freeze(meta) });
}

/** A rule's effective options: its defaults, overlaid by the user's values that have the declared type (others are ignored). */
export function resolveOptions(meta: RuleMeta, user: Readonly<Record<string, unknown>> | undefined): Readonly<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [key, o] of Object.entries(meta.options)) {
    const v = user?.[key];
    out[key] = v !== undefined && optionTypeOk(o, v) ? v : o.default;
  }
  return out;
}

/** True when `v` has the type option `o` declares. */
export function optionTypeOk(o: RuleOptionSpec, v: unknown): boolean {
  if (o.type === 'string[]') return Array.isArray(v) && v.every((x) => typeof x === 'string');
  return typeof v === o.type && (o.type !== 'number' || Number.isFinite(v));
}

/** True for query rules. */
export function isQueryRule(spec: RuleSpec): spec is QueryRuleSpec {
  return !('kubernetes' in spec);
}
