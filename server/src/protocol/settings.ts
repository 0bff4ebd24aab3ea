import type { RuleLevel } from '../engine/types';

/** How much the server logs to its output channel. */
export type TraceLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/**
 * Settings of one resource (the `genai4dfx.*` section), as the server pulls them per document.
 * package.json contributes exactly these keys with these defaults (test/engine/settings.test.ts checks).
 */
export interface Settings {
  /** Master switch: no diagnostics when false. */
  enable: boolean;
  /** Per rule id or per pillar: off | hint | info | warning | error. A rule id wins over its pillar. */
  rules: Record<string, RuleLevel>;
  /** Files larger than this many KiB get one info diagnostic instead of an analysis. */
  maxFileSizeKb: number;
  /** A parse or query that runs longer than this is stopped, so pathological input cannot hang the server. */
  parseTimeoutMs: number;
  /** Globs (relative to the workspace folder) left out of workspace diagnostics, on top of .gitignore. */
  exclude: string[];
  /** Report findings for files that are not open (workspace diagnostics). */
  workspaceDiagnostics: boolean;
  trace: TraceLevel;
}

/** Defaults for every setting. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enable: true,
  rules: {},
  maxFileSizeKb: 2048,
  parseTimeoutMs: 3000,
  exclude: ['**/node_modules/**', '**/vendor/**', '**/dist/**', '**/build/**', '**/.git/**', '**/*.min.js', '**/*.pb.go', '**/*_generated.go'],
  workspaceDiagnostics: true,
  trace: 'warn',
});

const LEVELS = new Set(['off', 'hint', 'info', 'warning', 'error']);
const TRACES = new Set(['off', 'error', 'warn', 'info', 'debug']);

/** Turn whatever the client sent into Settings; never throws, falls back per field to the default. */
export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const num = (v: unknown, d: number, min: number, max: number): number =>
    typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : d;
  const rules: Record<string, RuleLevel> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [k, v] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof v === 'string' && LEVELS.has(v)) rules[k] = v as RuleLevel;
    }
  }
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    rules,
    maxFileSizeKb: num(r.maxFileSizeKb, DEFAULT_SETTINGS.maxFileSizeKb, 1, 1024 * 1024),
    parseTimeoutMs: num(r.parseTimeoutMs, DEFAULT_SETTINGS.parseTimeoutMs, 50, 600_000),
    exclude: Array.isArray(r.exclude) ? r.exclude.filter((x): x is string => typeof x === 'string') : [...DEFAULT_SETTINGS.exclude],
    workspaceDiagnostics: typeof r.workspaceDiagnostics === 'boolean' ? r.workspaceDiagnostics : DEFAULT_SETTINGS.workspaceDiagnostics,
    trace: typeof r.trace === 'string' && TRACES.has(r.trace) ? (r.trace as TraceLevel) : DEFAULT_SETTINGS.trace,
  };
}

/** Which provider answers AI actions; `auto` takes the first available: OpenAI-compatible → editor models → offline. */
export type AiProviderSetting = 'auto' | 'openai' | 'editor' | 'offline';

/**
 * The `genai4dfx.ai.*` settings (package.json contributes them as `genai4dfx.ai.<key>`; test/ai/settings.test.ts checks).
 * The API key is not a setting: it lives in the editor's secret storage ("DFX: Set AI API Key").
 */
export interface AiSettings {
  provider: AiProviderSetting;
  /** OpenAI-compatible base URL (empty: api.openai.com). Ollama: http://localhost:11434/v1 */
  baseUrl: string;
  model: string;
  organization: string;
  /** Preferred editor model family (vscode.lm), empty for any. */
  editorModelFamily: string;
  /** Per-attempt timeout of a model request. */
  timeoutMs: number;
  /** Retries on 429, 5xx and timeouts. */
  maxRetries: number;
  /** Threat notes as a comment above the function or a section of THREATS.md. */
  threatNotes: 'comment' | 'file';
}

/** Defaults of the AI settings. */
export const DEFAULT_AI_SETTINGS: Readonly<AiSettings> = Object.freeze({
  provider: 'auto',
  baseUrl: '',
  model: 'gpt-4o-mini',
  organization: '',
  editorModelFamily: '',
  timeoutMs: 60_000,
  maxRetries: 2,
  threatNotes: 'comment',
});

/** The `ai` section of `genai4dfx` as the client sent it, normalised; never throws. */
export function normalizeAiSettings(raw: unknown): AiSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_AI_SETTINGS;
  const str = (v: unknown, def: string): string => (typeof v === 'string' ? v.trim() : def);
  const num = (v: unknown, def: number, min: number, max: number): number => (typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, Math.floor(v))) : def);
  return {
    provider: typeof r.provider === 'string' && ['auto', 'openai', 'editor', 'offline'].includes(r.provider) ? (r.provider as AiProviderSetting) : d.provider,
    baseUrl: str(r.baseUrl, d.baseUrl),
    model: str(r.model, d.model) || d.model,
    organization: str(r.organization, d.organization),
    editorModelFamily: str(r.editorModelFamily, d.editorModelFamily),
    timeoutMs: num(r.timeoutMs, d.timeoutMs, 1000, 600_000),
    maxRetries: num(r.maxRetries, d.maxRetries, 0, 5),
    threatNotes: r.threatNotes === 'file' ? 'file' : d.threatNotes,
  };
}
