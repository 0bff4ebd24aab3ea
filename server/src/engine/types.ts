import type { LanguageId } from './languages';

/** The four DFX pillars every rule belongs to one of. */
export type Pillar = 'performance' | 'security' | 'reliability' | 'testability';
export const PILLARS: readonly Pillar[] = ['performance', 'security', 'reliability', 'testability'];

/** Severity of a finding, as a user can set it per rule. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
/** A rule level from settings or policy: a severity or `off`. */
export type RuleLevel = Severity | 'off';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** A zero-based line/character position; characters are UTF-16 code units, as in LSP and web-tree-sitter. */
export interface Pos {
  line: number;
  character: number;
}

/** A span of a document, as offsets (UTF-16 code units) and positions. */
export interface Span {
  start: number;
  end: number;
  startPos: Pos;
  endPos: Pos;
}

/** One replacement of text between two offsets. */
export interface TextChange {
  start: number;
  end: number;
  newText: string;
}

/** A certain fix: a title and the changes that make it. */
export interface Fix {
  title: string;
  changes: TextChange[];
}

/** What a rule found. Engine findings become LSP diagnostics, CLI lines and SARIF results. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  pillar?: Pillar;
  /** A fix that is certain; absent when the rule has none or it does not apply here. */
  fix?: Fix;
  /** Rule-specific facts a later fix or AI action needs. */
  data?: Record<string, unknown>;
  /** Marks findings that are about the analysis itself (skipped file, unused suppression) rather than a rule. */
  meta?: boolean;
  /** Unused suppressions are shown faded. */
  unnecessary?: boolean;
}

/** A rule option: a threshold or switch a user sets in settings or `.dfx.yaml` (`rules: { id: { options: {...} } }`). */
export interface RuleOptionSpec {
  type: 'number' | 'string' | 'boolean' | 'string[]';
  default: number | string | boolean | readonly string[];
  /** One sentence, shown in completion, hover and the rule's doc page. */
  description: string;
}

/** Read-only metadata of a rule: what the CLI lists, SARIF carries, hover shows and the client's views display. */
export interface RuleMeta {
  id: string;
  pillar: Pillar;
  languages: LanguageId[];
  /** True for rules that check Kubernetes manifests (they run on YAML). */
  kubernetes: boolean;
  severity: Severity;
  title: string;
  description: string;
  docs: string;
  fixable: boolean;
  tags: string[];
  /** The rule's options with their defaults (empty when it has none). */
  options: Readonly<Record<string, RuleOptionSpec>>;
}
