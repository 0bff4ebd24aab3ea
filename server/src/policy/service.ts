// Editor features for `.dfx.yaml` without LSP types: completion candidates, hover text, go-to-definition targets and
// the outline. The handlers turn these into LSP messages; tests can call them directly.
import { PILLARS, type RuleMeta, type Span } from '../engine/types';
import { getIn, type YValue } from '../engine/yaml-ast';
import { ruleText, t } from '../l10n';
import { cursorContext, nodeAt } from './cursor';
import { OPTION_MAPPINGS, SWITCH_MAPPINGS } from './mapping';
import { describeSchema, enumValues, propertiesOf, schemaAt, type ResolvedSchema } from './schema';
import { CHAOS_MESH_ACTIONS, LITMUS_EXPERIMENTS } from './validate';

/** One completion candidate. */
export interface PolicyCompletion {
  label: string;
  kind: 'key' | 'value' | 'rule' | 'pillar' | 'option' | 'reference';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text to insert instead of the label; `$0`-style snippet when `snippet` is set. */
  insertText?: string;
  snippet?: boolean;
  sortText?: string;
}

/** What completion replaces and offers. */
export interface CompletionResult {
  items: PolicyCompletion[];
  /** Offsets of the typed prefix the items replace. */
  replaceStart: number;
  replaceEnd: number;
}

/** An outline entry. */
export interface PolicySymbol {
  name: string;
  detail?: string;
  kind: 'section' | 'slo' | 'experiment' | 'scenario' | 'rule' | 'override' | 'key';
  span: Span;
  selectionSpan: Span;
  children: PolicySymbol[];
}

const LEVELS = ['off', 'hint', 'info', 'warning', 'error'] as const;

/** What a level does; a function so the text is translated in the locale in force when asked. */
function levelDoc(level: string): string | undefined {
  switch (level) {
    case 'off':
      return t('Not reported.');
    case 'hint':
      return t('Shown as a hint (faint dots, not counted in the Problems panel).');
    case 'info':
      return t('Shown as information.');
    case 'warning':
      return t('Shown as a warning.');
    case 'error':
      return t('Shown as an error (and fails `genai4dfx check` by default).');
    default:
      return undefined;
  }
}

/** The rule's documentation for hover and completion: title, pillar, default level, options, description, link. */
export function ruleDoc(meta: RuleMeta): string {
  const head = `**${ruleText(meta.id)?.title ?? meta.title}** — \`${meta.id}\` · ${t(meta.pillar)} · ${t('default {0}', t(meta.severity))}${meta.fixable ? t(' · quick fix available') : ''}`;
  const opts = Object.entries(meta.options);
  const options = opts.length
    ? `${t('**Options** (under `options:`)')}\n\n${opts.map(([k, o]) => `- \`${k}\` (${o.type}, ${t('default {0}', `\`${JSON.stringify(o.default)}\``)}): ${o.description}`).join('\n')}`
    : '';
  return [head, options, meta.description, `[${t('Rule documentation')}](${meta.docs})`].filter(Boolean).join('\n\n');
}

function pillarDoc(pillar: string, rules: readonly RuleMeta[]): string {
  const ids = rules.filter((r) => r.pillar === pillar).map((r) => `\`${r.id}\``);
  return `**${pillar}** — ${t('the level of every {0} rule (a rule\'s own entry wins): {1} rules', pillar, ids.length)}\n\n${ids.join(', ')}`;
}

/** True when `path` points at a rules map (top-level `rules` or an override's `rules`). */
function isRulesMap(path: readonly (string | number)[]): boolean {
  return (path.length === 1 && path[0] === 'rules') || (path.length === 3 && path[0] === 'overrides' && typeof path[1] === 'number' && path[2] === 'rules');
}

/** Where a path names an SLO (hypothesis.slos[i], perf scenario slos[i]) or a scenario (underLoad). */
function referenceKind(path: readonly (string | number)[]): 'slo' | 'scenario' | undefined {
  const s = path.map(String).join('.');
  if (/^chaos\.experiments\.\d+\.hypothesis\.slos\.\d+$/.test(s) || /^perf\.scenarios\.\d+\.slos\.\d+$/.test(s)) return 'slo';
  if (/^chaos\.experiments\.\d+\.underLoad$/.test(s)) return 'scenario';
  return undefined;
}

/** Names defined in a list of mappings with `name`, with the span of each name. */
function namesIn(root: YValue | undefined, ...path: string[]): Map<string, { span: Span; item: YValue }> {
  const out = new Map<string, { span: Span; item: YValue }>();
  const seq = getIn(root, ...path);
  if (seq?.kind !== 'seq') return out;
  for (const it of seq.items) {
    const n = getIn(it, 'name');
    if (n?.kind === 'scalar' && typeof n.value === 'string' && !out.has(n.value)) out.set(n.value, { span: n.span, item: it });
  }
  return out;
}

function sloSummary(item: YValue): string {
  const parts: string[] = [];
  for (const k of ['endpoint', 'errorRate', 'throughput', 'availability', 'window']) {
    const v = getIn(item, k);
    if (v?.kind === 'scalar') parts.push(`${k}: ${String(v.value)}`);
  }
  const lat = getIn(item, 'latency');
  if (lat?.kind === 'map') for (const p of lat.pairs) if (p.value?.kind === 'scalar') parts.push(`latency ${p.key} ≤ ${String(p.value.value)}`);
  return parts.join(' · ');
}

function keyDoc(key: string, r: ResolvedSchema, path: readonly (string | number)[]): string {
  const section = [...path.filter((p): p is string => typeof p === 'string' && !/^\d+$/.test(p))].join('.');
  const feeds = [
    ...OPTION_MAPPINGS.filter((m) => m.section === section).map((m) => `Sets the \`${m.option}\` option of ${typeof m.rule === 'string' ? `\`${m.rule}\`` : 'every timeout rule'}.`),
    ...SWITCH_MAPPINGS.filter((m) => m.section === section).map((m) => `\`false\` turns \`${m.rule}\` off.`),
  ];
  return [`**${key}** — ${describeSchema(r)}`, r.description ?? '', ...feeds].filter(Boolean).join('\n\n');
}

/** Completion at `offset`. `root` is the current parse (possibly partial), for names defined elsewhere in the file. */
export function completePolicy(text: string, offset: number, root: YValue | undefined, rules: readonly RuleMeta[]): CompletionResult {
  const ctx = cursorContext(text, offset);
  const items: PolicyCompletion[] = [];
  const result = (): CompletionResult => ({ items, replaceStart: ctx.prefixStart, replaceEnd: offset });
  const existing = (path: readonly (string | number)[]): Set<string> => {
    const v = getIn(root, ...path);
    return new Set(v?.kind === 'map' ? v.pairs.map((p) => p.key) : []);
  };
  const indent = ' '.repeat(ctx.column + 2);
  const keyItems = (path: readonly (string | number)[]): void => {
    const parentPath = path;
    if (isRulesMap(parentPath)) {
      for (const p of PILLARS) items.push({ label: p, kind: 'pillar', detail: t('pillar'), documentation: pillarDoc(p, rules), insertText: `${p}: `, sortText: `0${p}` });
      for (const m of rules) items.push({ label: m.id, kind: 'rule', detail: `${t(m.pillar)} · ${m.title}`, documentation: ruleDoc(m), insertText: `${m.id}: `, sortText: `1${m.id}` });
      return;
    }
    // rules.<id>.options: the rule's declared options.
    const s = parentPath.map(String);
    const last = s[s.length - 1];
    const ruleId = s[s.length - 2];
    if (last === 'options' && ruleId && isRulesMap(parentPath.slice(0, -2))) {
      const meta = rules.find((r) => r.id === ruleId);
      for (const [k, o] of Object.entries(meta?.options ?? {})) {
        items.push({ label: k, kind: 'option', detail: `${o.type} · ${t('default {0}', JSON.stringify(o.default))}`, documentation: o.description, insertText: `${k}: ` });
      }
      return;
    }
    const schema = schemaAt(parentPath);
    if (!schema) return;
    const have = existing(parentPath);
    for (const [k, r] of propertiesOf(schema)) {
      if (have.has(k)) continue;
      const t = r.schema.type;
      const block = t === 'object' || (r.schema.properties !== undefined) || r.schema.additionalProperties !== undefined;
      const insertText = t === 'array' ? `${k}:\n${indent}- ` : block ? `${k}:\n${indent}` : `${k}: `;
      items.push({ label: k, kind: 'key', detail: describeSchema(r), documentation: keyDoc(k, r, [...parentPath, k]), insertText });
    }
  };
  const valueItems = (path: readonly (string | number)[]): void => {
    const ref = referenceKind(path);
    if (ref) {
      const defs = ref === 'slo' ? namesIn(root, 'slos') : namesIn(root, 'perf', 'scenarios');
      for (const [name, d] of defs) items.push({ label: name, kind: 'reference', detail: ref === 'slo' ? 'SLO' : t('perf scenario'), documentation: ref === 'slo' ? sloSummary(d.item) : '' });
      return;
    }
    const s = path.map(String);
    // A rule's level: `rules.<id>: |` or `rules.<id>.level: |`.
    if ((s.length >= 2 && isRulesMap(path.slice(0, -1))) || (s[s.length - 1] === 'level' && isRulesMap(path.slice(0, -2)))) {
      for (const l of LEVELS) items.push({ label: l, kind: 'value', documentation: levelDoc(l) ?? '' });
      return;
    }
    const last = s[s.length - 1];
    if (s[0] === 'chaos' && s[1] === 'experiments' && (last === 'kind' || last === 'action') && s.length === 4) {
      const exp = getIn(root, 'chaos', 'experiments', Number(s[2]));
      const engine = getIn(exp, 'engine');
      const kind = getIn(exp, 'kind');
      const isLitmus = engine?.kind === 'scalar' && engine.value === 'litmus';
      if (last === 'kind') {
        for (const k of isLitmus ? LITMUS_EXPERIMENTS : Object.keys(CHAOS_MESH_ACTIONS)) items.push({ label: k, kind: 'value', detail: isLitmus ? t('Litmus experiment') : t('Chaos Mesh kind') });
      } else {
        const actions = kind?.kind === 'scalar' ? CHAOS_MESH_ACTIONS[String(kind.value)] : undefined;
        for (const a of actions ?? [...new Set(Object.values(CHAOS_MESH_ACTIONS).flat())]) items.push({ label: a, kind: 'value', detail: t('Chaos Mesh action') });
      }
      return;
    }
    const schema = schemaAt(path);
    if (!schema) return;
    for (const v of enumValues(schema)) items.push({ label: String(v), kind: 'value', ...(schema.description ? { documentation: schema.description } : {}) });
  };

  if (ctx.kind === 'key') keyItems(ctx.path);
  else if (ctx.kind === 'value') valueItems(ctx.path);
  else {
    // A list item: a scalar, or the first key of a mapping item.
    const item = schemaAt(ctx.path);
    if (item && (item.schema.type === 'object' || item.schema.properties)) keyItems(ctx.path);
    else valueItems(ctx.path);
  }
  return result();
}

/** Hover markdown and the span it is about, or undefined. */
export function hoverPolicy(root: YValue | undefined, offset: number, rules: readonly RuleMeta[]): { markdown: string; span: Span } | undefined {
  const at = nodeAt(root, offset);
  if (!at) return undefined;
  const path = at.path;
  if (at.onKey && at.pair) {
    const parent = path.slice(0, -1);
    if (isRulesMap(parent)) {
      const meta = rules.find((r) => r.id === at.pair!.key);
      if (meta) return { markdown: ruleDoc(meta), span: at.pair.keySpan };
      if ((PILLARS as readonly string[]).includes(at.pair.key)) return { markdown: pillarDoc(at.pair.key, rules), span: at.pair.keySpan };
      return undefined;
    }
    const s = parent.map(String);
    if (s[s.length - 1] === 'options' && isRulesMap(parent.slice(0, -2))) {
      const o = rules.find((r) => r.id === s[s.length - 2])?.options[at.pair.key];
      return o ? { markdown: `**${at.pair.key}** — ${o.type}, ${t('default {0}', `\`${JSON.stringify(o.default)}\``)}\n\n${o.description}`, span: at.pair.keySpan } : undefined;
    }
    const schema = schemaAt(path);
    return schema ? { markdown: keyDoc(at.pair.key, schema, path), span: at.pair.keySpan } : undefined;
  }
  const v = at.value;
  if (v?.kind !== 'scalar') return undefined;
  const ref = referenceKind(path);
  if (ref) {
    const defs = ref === 'slo' ? namesIn(root, 'slos') : namesIn(root, 'perf', 'scenarios');
    const d = defs.get(String(v.value));
    if (!d) return undefined;
    return { markdown: `**${ref === 'slo' ? 'SLO' : t('perf scenario')} ${String(v.value)}**${ref === 'slo' ? ` — ${sloSummary(d.item)}` : ''}`, span: v.span };
  }
  const s = path.map(String);
  if ((isRulesMap(path.slice(0, -1)) || (s[s.length - 1] === 'level' && isRulesMap(path.slice(0, -2)))) && typeof v.value === 'string' && levelDoc(v.value)) {
    return { markdown: `**${v.value}** — ${levelDoc(v.value) ?? ''}`, span: v.span };
  }
  const schema = schemaAt(path);
  const key = s[s.length - 1] ?? '';
  return schema?.description ? { markdown: keyDoc(key, schema, path), span: v.span } : undefined;
}

/** The span an SLO or scenario reference at `offset` points to (its `name:` value), or undefined. */
export function definitionInPolicy(root: YValue | undefined, offset: number): Span | undefined {
  const at = nodeAt(root, offset);
  if (!at || at.onKey || at.value?.kind !== 'scalar') return undefined;
  const ref = referenceKind(at.path);
  if (!ref) return undefined;
  const defs = ref === 'slo' ? namesIn(root, 'slos') : namesIn(root, 'perf', 'scenarios');
  return defs.get(String(at.value.value))?.span;
}

/** The outline: sections, with SLOs, experiments, scenarios, rules and overrides under them. */
export function policySymbols(root: YValue | undefined): PolicySymbol[] {
  if (root?.kind !== 'map') return [];
  const named = (seq: YValue | undefined, kind: PolicySymbol['kind'], fallback: string): PolicySymbol[] => {
    if (seq?.kind !== 'seq') return [];
    return seq.items.map((it, i) => {
      const n = getIn(it, 'name');
      const name = n?.kind === 'scalar' && n.value !== null && String(n.value) ? String(n.value) : `${fallback} ${i + 1}`;
      const detail = kind === 'slo' ? sloSummary(it) : kind === 'experiment' ? [getIn(it, 'engine'), getIn(it, 'kind'), getIn(it, 'action')].filter((x) => x?.kind === 'scalar').map((x) => String((x as { value: unknown }).value)).join(' ') : undefined;
      return { name, ...(detail ? { detail } : {}), kind, span: it.span, selectionSpan: n?.span ?? it.span, children: [] };
    });
  };
  return root.pairs.map((p): PolicySymbol => {
    const span = p.span;
    let children: PolicySymbol[] = [];
    if (p.key === 'slos') children = named(p.value, 'slo', 'SLO');
    else if (p.key === 'chaos') children = named(getIn(p.value, 'experiments'), 'experiment', 'experiment');
    else if (p.key === 'perf') children = named(getIn(p.value, 'scenarios'), 'scenario', 'scenario');
    else if (p.key === 'rules' && p.value?.kind === 'map') {
      children = p.value.pairs.map((r) => ({ name: r.key, ...(r.value?.kind === 'scalar' ? { detail: String(r.value.value) } : {}), kind: 'rule' as const, span: r.span, selectionSpan: r.keySpan, children: [] }));
    } else if (p.key === 'overrides' && p.value?.kind === 'seq') {
      children = p.value.items.map((it, i) => {
        const files = getIn(it, 'files');
        const name = files?.kind === 'seq' ? files.items.map((f) => (f.kind === 'scalar' ? String(f.value) : '…')).join(', ') : `override ${i + 1}`;
        return { name: name || `override ${i + 1}`, kind: 'override' as const, span: it.span, selectionSpan: files?.span ?? it.span, children: [] };
      });
    } else if (p.value?.kind === 'map') {
      children = p.value.pairs.map((c) => ({ name: c.key, kind: 'key' as const, span: c.span, selectionSpan: c.keySpan, children: [] }));
    }
    const detail = p.value?.kind === 'scalar' ? String(p.value.value) : undefined;
    return { name: p.key, ...(detail ? { detail } : {}), kind: 'section', span, selectionSpan: p.keySpan, children };
  });
}
