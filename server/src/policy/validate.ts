// Validation of a parsed policy: the JSON Schema (through ajv), with each error moved to the exact key or value it is
// about and reworded, then the checks the schema cannot express (rule ids and options, quantities, references between
// sections, guardrails that allow nothing or forbid the policy's own experiments).
import type { ErrorObject } from 'ajv';
import { optionTypeOk } from '../engine/define-rule';
import { didYouMean } from '../engine/suppressions';
import { PILLARS, type RuleMeta, type Span } from '../engine/types';
import { t } from '../l10n';
import { childPointer, type Located, type ParsedPolicy, type PolicyProblem, type ProblemSeverity } from './parse';
import { childSchema, describeSchema, policyValidator, propertiesOf, resolveSchema, schemaAt, type JsonSchema, type ResolvedSchema } from './schema';
import type { Policy, RulesConfig } from './types';
import { globMatch, parseBlastRadius, parseDuration, parsePercent, parseRate, type Parsed } from './units';

const LEVELS = ['off', 'hint', 'info', 'warning', 'error'];

/** Chaos Mesh kinds and the actions each takes (those with no `action` field have an empty list). */
export const CHAOS_MESH_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  PodChaos: ['pod-kill', 'pod-failure', 'container-kill'],
  NetworkChaos: ['delay', 'loss', 'duplicate', 'corrupt', 'partition', 'bandwidth'],
  StressChaos: [],
  IOChaos: ['latency', 'fault', 'attrOverride', 'mistake'],
  HTTPChaos: ['abort', 'delay', 'replace', 'patch'],
  TimeChaos: [],
  DNSChaos: ['error', 'random'],
};

/** Litmus experiments of the generic hub, for completion and a did-you-mean (others are accepted: hubs can add more). */
export const LITMUS_EXPERIMENTS: readonly string[] = [
  'pod-delete', 'container-kill', 'pod-cpu-hog', 'pod-memory-hog', 'pod-network-latency', 'pod-network-loss',
  'pod-network-corruption', 'pod-network-duplication', 'pod-network-partition', 'pod-io-stress', 'pod-dns-error',
  'pod-dns-spoof', 'pod-http-latency', 'pod-http-status-code', 'pod-autoscaler', 'disk-fill', 'node-drain',
  'node-cpu-hog', 'node-memory-hog', 'node-taint', 'kubelet-service-kill',
];

/** The result of validating: every problem, and the policy when nothing is an error. */
export interface Validation {
  problems: PolicyProblem[];
  policy: Policy | undefined;
}

/** Validate a parsed policy against the schema and the rule catalogue. */
export function validatePolicy(parsed: ParsedPolicy, rules: readonly RuleMeta[]): Validation {
  const problems = [...parsed.problems];
  if (!parsed.broken && parsed.data !== undefined) {
    const v = new Checker(parsed, rules, problems);
    v.schema();
    if (parsed.data && typeof parsed.data === 'object' && !Array.isArray(parsed.data)) v.semantics(parsed.data as Policy);
  }
  problems.sort((a, b) => a.span.start - b.span.start);
  const policy = problems.some((p) => p.severity === 'error') ? undefined : (parsed.data as Policy);
  return { problems, policy };
}

/** `chaos.experiments[0].target` for a pointer `/chaos/experiments/0/target`. */
export function displayPath(ptr: string): string {
  return ptr.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '');
}

class Checker {
  private readonly ruleById: ReadonlyMap<string, RuleMeta>;

  constructor(private readonly parsed: ParsedPolicy, rules: readonly RuleMeta[], private readonly problems: PolicyProblem[]) {
    this.ruleById = new Map(rules.map((r) => [r.id, r]));
  }

  private add(severity: ProblemSeverity, code: PolicyProblem['code'], message: string, span: Span): void {
    this.problems.push({ severity, code, message, span });
  }

  private loc(ptr: string): Located | undefined {
    return this.parsed.locations.get(ptr);
  }

  /** The span of a value, or of the nearest ancestor that exists. */
  private valueSpan(ptr: string): Span {
    for (let p = ptr; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const l = this.loc(p);
      if (l) return l.value.span;
      if (!p) return this.parsed.lines.span(0, 0);
    }
  }

  /** The span of the key holding a value (for "missing key" and "unknown key" errors), else the value's first line. */
  private keySpan(ptr: string): Span {
    const l = this.loc(ptr);
    if (l?.pair) return l.pair.keySpan;
    const s = this.valueSpan(ptr);
    const lines = this.parsed.lines;
    const end = Math.min(s.end, lines.lineStart(s.startPos.line) + lines.lineText(s.startPos.line).length);
    return lines.span(s.start, Math.max(end, s.start));
  }

  schema(): void {
    const validate = policyValidator();
    if (validate(this.parsed.data)) return;
    const errors = (validate.errors ?? []).filter((e) => !this.handledElsewhere(e));
    // An anyOf failure explains itself; drop the failures of its branches at the same place.
    const anyOfAt = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
    // A value of the wrong type fails its enum too: the type error says more.
    const typeAt = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
    // A value already reported by the YAML checks (an alias to nothing) is not reported again.
    const yamlAt = new Set(this.problems.map((p) => p.span.start));
    const seen = new Set<string>();
    for (const e of errors) {
      if (e.keyword !== 'anyOf' && anyOfAt.has(e.instancePath) && /\/anyOf\/\d+\//.test(e.schemaPath)) continue;
      if (e.keyword === 'enum' && typeAt.has(e.instancePath)) continue;
      const p = this.schemaProblem(e);
      if (!p || yamlAt.has(p.span.start)) continue;
      const key = `${p.span.start}:${p.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      this.problems.push(p);
    }
  }

  /** Rule entries are checked against the live catalogue, quantities by their parsers: skip the schema's take on them. */
  private handledElsewhere(e: ErrorObject): boolean {
    if (/^\/rules\/|^\/overrides\/\d+\/rules\//.test(e.instancePath)) return true;
    return (e.keyword === 'pattern' || e.keyword === 'type') && /DurationText|PercentText|RateText/.test(e.schemaPath);
  }

  private schemaProblem(e: ErrorObject): PolicyProblem | undefined {
    const ptr = e.instancePath;
    const where = displayPath(ptr) || 'the top level';
    const schema = schemaAt(pointerPath(ptr));
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String((e.params as { additionalProperty: string }).additionalProperty);
        const allowed = schema ? propertiesOf(schema).map(([k]) => k) : [];
        const childPtr = childPointer(ptr, key);
        return {
          severity: 'error',
          code: 'schema',
          message: t('unknown key "{0}" in {1}', key, where) + (didYouMean(key, allowed) || (allowed.length ? t('; expected one of {0}', allowed.join(', ')) : '')),
          span: this.keySpan(childPtr),
        };
      }
      case 'required': {
        const missing = String((e.params as { missingProperty: string }).missingProperty);
        const hint = missing === 'version' ? t(': add `version: 1` as the first line') : '';
        return { severity: 'error', code: 'schema', message: t('{0} is missing the required key "{1}"', where, missing) + hint, span: this.keySpan(ptr) };
      }
      case 'const':
        return { severity: 'error', code: 'schema', message: t('{0} must be {1}', where, JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)), span: this.valueSpan(ptr) };
      case 'enum':
      case 'anyOf': {
        const got = this.loc(ptr)?.value;
        const text = got?.kind === 'scalar' ? String(got.value) : undefined;
        const values = schema ? enumStrings(schema) : [];
        const what = schema ? describeSchema(schema) : t('another value');
        return { severity: 'error', code: 'schema', message: t('{0} is not valid for {1}: expected {2}', text !== undefined ? `"${text}"` : t('this value'), where, what) + (text !== undefined ? didYouMean(text, values) : ''), span: this.valueSpan(ptr) };
      }
      case 'type': {
        const got = this.loc(ptr)?.value;
        const gotText = !got ? t('nothing') : got.kind === 'map' ? t('a mapping') : got.kind === 'seq' ? t('a list') : got.value === null ? t('an empty value') : `${typeof got.value} ${JSON.stringify(got.value)}`;
        return { severity: 'error', code: 'schema', message: t('{0} must be {1}, not {2}', where, schema ? describeSchema(schema) : String((e.params as { type: string }).type), gotText), span: this.valueSpan(ptr) };
      }
      case 'minimum':
        return { severity: 'error', code: 'schema', message: t('{0} must be at least {1}', where, String((e.params as { limit: number }).limit)), span: this.valueSpan(ptr) };
      default:
        return { severity: 'error', code: 'schema', message: `${where} ${e.message ?? t('is not valid')}`, span: this.valueSpan(ptr) };
    }
  }

  semantics(p: Policy): void {
    this.quantities(this.parsed.data, '', resolveSchema(schemaRoot()));
    this.rulesConfig(p.rules, '/rules');
    (p.overrides ?? []).forEach((o, i) => this.rulesConfig(o?.rules, `/overrides/${i}/rules`));
    const slos = this.uniqueNames(p.slos, '/slos', 'SLO');
    const scenarios = this.uniqueNames(p.perf?.scenarios, '/perf/scenarios', 'perf scenario');
    this.uniqueNames(p.chaos?.experiments, '/chaos/experiments', 'chaos experiment');
    (p.slos ?? []).forEach((s, i) => {
      if (!s || typeof s !== 'object') return;
      const kinds = (['latency', 'errorRate', 'throughput', 'availability'] as const).filter((k) => s[k] !== undefined);
      if (kinds.length === 0) this.add('error', 'schema', t('SLO "{0}" has no objective: add one of latency, errorRate, throughput or availability', String(s.name)), this.keySpan(`/slos/${i}`));
      else if (kinds.length > 1) this.add('error', 'schema', t('SLO "{0}" has {1}: an SLO has exactly one objective; split it into {2} SLOs', String(s.name), kinds.join(' and '), kinds.length), this.keySpan(`/slos/${i}/${kinds[1]}`));
      if (s.latency && typeof s.latency === 'object' && !Object.keys(s.latency).length) this.add('error', 'schema', t('latency names no percentile: add p95: 200ms or similar'), this.valueSpan(`/slos/${i}/latency`));
    });
    this.chaos(p, slos, scenarios);
    this.perf(p, slos);
  }

  /** Durations, percentages and rates anywhere in the document, checked with the same parsers the runs use. */
  private quantities(v: unknown, ptr: string, r: ResolvedSchema | undefined): void {
    if (!r || v === null || v === undefined) return;
    const parser = ({ DurationText: parseDuration, PercentText: parsePercent, RateText: parseRate } as Record<string, (x: unknown) => Parsed<number>>)[r.name ?? ''];
    if (parser) {
      const res = parser(v);
      if (!res.ok) this.add('error', 'unit', `${displayPath(ptr)}: ${res.error}`, this.valueSpan(ptr));
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((x, i) => this.quantities(x, childPointer(ptr, i), childSchema(r, i)));
    } else if (typeof v === 'object') {
      if (/^\/rules$|^\/overrides\/\d+\/rules$/.test(ptr)) return;
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) this.quantities(x, childPointer(ptr, k), childSchema(r, k));
    }
  }

  private rulesConfig(cfg: RulesConfig | undefined, ptr: string): void {
    if (!cfg || typeof cfg !== 'object') return;
    const known = [...this.ruleById.keys(), ...PILLARS];
    for (const [key, setting] of Object.entries(cfg)) {
      const at = childPointer(ptr, key);
      const meta = this.ruleById.get(key);
      const pillar = (PILLARS as readonly string[]).includes(key);
      if (!meta && !pillar) {
        this.add('warning', 'unknown-rule', t('no rule or pillar "{0}"{1}: this entry has no effect (see `genai4dfx rules`)', key, didYouMean(key, known)), this.keySpan(at));
      }
      if (typeof setting === 'string' || setting === null) {
        if (!LEVELS.includes(String(setting))) this.add('error', 'schema', t('"{0}" is not a level: use one of {1}', String(setting), LEVELS.join(', ')) + didYouMean(String(setting), LEVELS), this.valueSpan(at));
        continue;
      }
      if (typeof setting !== 'object' || Array.isArray(setting)) {
        this.add('error', 'schema', t('{0} wants a level ({1}) or a mapping with level and options', key, LEVELS.join(', ')), this.valueSpan(at));
        continue;
      }
      for (const k of Object.keys(setting)) {
        if (k !== 'level' && k !== 'options') this.add('error', 'schema', t('unknown key "{0}" in a rule setting{1}; expected level or options', k, didYouMean(k, ['level', 'options'])), this.keySpan(childPointer(at, k)));
      }
      if (setting.level !== undefined && !LEVELS.includes(String(setting.level))) {
        this.add('error', 'schema', t('"{0}" is not a level: use one of {1}', String(setting.level), LEVELS.join(', ')) + didYouMean(String(setting.level), LEVELS), this.valueSpan(childPointer(at, 'level')));
      }
      const options = setting.options;
      if (options === undefined) continue;
      const optPtr = childPointer(at, 'options');
      if (!options || typeof options !== 'object' || Array.isArray(options)) {
        this.add('error', 'schema', t('options must be a mapping of option names to values'), this.valueSpan(optPtr));
        continue;
      }
      if (pillar) {
        this.add('error', 'unknown-option', t('options belong to a rule, not to the pillar "{0}": move them under a rule id', key), this.keySpan(optPtr));
        continue;
      }
      if (!meta) continue;
      const declared = Object.keys(meta.options);
      for (const [name, value] of Object.entries(options)) {
        const spec = meta.options[name];
        const optAt = childPointer(optPtr, name);
        if (!spec) {
          const hint = declared.length ? didYouMean(name, declared) || t('; it has {0}', declared.join(', ')) : t('; it has no options');
          this.add('warning', 'unknown-option', t('rule {0} has no option "{1}"', key, name) + hint, this.keySpan(optAt));
        } else if (!optionTypeOk(spec, value)) {
          this.add('error', 'schema', t('option {0} of {1} must be {2}, not {3}', name, key, spec.type === 'string[]' ? t('a list of strings') : `a ${spec.type}`, JSON.stringify(value)), this.valueSpan(optAt));
        }
      }
    }
  }

  private uniqueNames(items: readonly { name?: unknown }[] | undefined, ptr: string, what: Named): Set<string> {
    const names = new Set<string>();
    (items ?? []).forEach((it, i) => {
      const name = it && typeof it === 'object' ? it.name : undefined;
      if (typeof name !== 'string') return;
      if (names.has(name)) this.add('error', 'duplicate-name', t('there is already a {0} named "{1}": names must be unique (they are how runs and references find it)', noun(what), name), this.valueSpan(`${ptr}/${i}/name`));
      names.add(name);
    });
    return names;
  }

  private reference(name: unknown, known: Set<string>, ptr: string, what: Named, section: string): void {
    if (typeof name !== 'string' || known.has(name)) return;
    const hint = didYouMean(name, known) || (known.size ? t('; the {0} are {1}', nouns(what), [...known].join(', ')) : t('; define it under {0}', section));
    this.add('error', 'reference', t('no {0} named "{1}"', noun(what), name) + hint, this.valueSpan(ptr));
  }

  private chaos(p: Policy, slos: Set<string>, scenarios: Set<string>): void {
    const g = p.chaos?.guardrails;
    const experiments = p.chaos?.experiments ?? [];
    const gp = '/chaos/guardrails';
    if (g && typeof g === 'object') {
      if (Array.isArray(g.allowedNamespaces) && g.allowedNamespaces.length === 0) this.add('error', 'guardrails', t('allowedNamespaces is empty, so no chaos experiment can ever run: list the namespaces (globs) experiments may target'), this.valueSpan(`${gp}/allowedNamespaces`));
      if (Array.isArray(g.allowedContexts) && g.allowedContexts.length === 0) this.add('error', 'guardrails', t('allowedContexts is empty, so no run can use any cluster: list the kubeconfig contexts (globs), e.g. kind-*'), this.valueSpan(`${gp}/allowedContexts`));
      if (Array.isArray(g.allowedContexts) && g.allowProduction !== true && Array.isArray(g.productionContexts) && g.allowedContexts.length > 0 &&
        g.allowedContexts.every((c) => (g.productionContexts ?? []).some((pc) => globMatch(pc, c)))) {
        this.add('error', 'guardrails', t('every allowed context counts as production and allowProduction is false, so no run can use any cluster'), this.valueSpan(`${gp}/allowedContexts`));
      }
      const blast = g.maxBlastRadius === undefined ? undefined : parseBlastRadius(g.maxBlastRadius);
      if (blast && !blast.ok) this.add('error', 'unit', `maxBlastRadius: ${blast.error}`, this.valueSpan(`${gp}/maxBlastRadius`));
      else if (blast?.ok && ('count' in blast.value ? blast.value.count === 0 : blast.value.percent === 0)) this.add('error', 'guardrails', t('maxBlastRadius is 0, so every experiment would be refused: allow at least one pod'), this.valueSpan(`${gp}/maxBlastRadius`));
      const maxD = g.maxDuration === undefined ? undefined : parseDuration(g.maxDuration);
      if (maxD?.ok && maxD.value === 0) this.add('error', 'guardrails', t('maxDuration is 0, so every experiment would be refused'), this.valueSpan(`${gp}/maxDuration`));
    } else if (experiments.length) {
      this.add('warning', 'guardrails', t('chaos experiments without guardrails cannot run: add chaos.guardrails with allowedNamespaces and allowedContexts'), this.keySpan('/chaos'));
    }
    const allowedNs = g && Array.isArray(g.allowedNamespaces) ? g.allowedNamespaces : undefined;
    const maxDuration = g?.maxDuration !== undefined ? parseDuration(g.maxDuration) : undefined;
    experiments.forEach((x, i) => {
      if (!x || typeof x !== 'object') return;
      const ep = `/chaos/experiments/${i}`;
      const ns = x.target && typeof x.target === 'object' ? x.target.namespace : undefined;
      if (typeof ns === 'string' && allowedNs && allowedNs.length && !allowedNs.some((glob) => globMatch(glob, ns))) {
        this.add('error', 'guardrails', t('namespace "{0}" is not allowed by chaos.guardrails.allowedNamespaces ({1}): this experiment would be refused', ns, allowedNs.join(', ')), this.valueSpan(`${ep}/target/namespace`));
      } else if (typeof ns === 'string' && g && !allowedNs) {
        this.add('warning', 'guardrails', t('no namespace is allowed yet (chaos.guardrails.allowedNamespaces is not set), so this experiment would be refused: allow "{0}"', ns), this.valueSpan(`${ep}/target/namespace`));
      }
      const d = typeof x.duration === 'string' ? parseDuration(x.duration) : undefined;
      if (d?.ok && maxDuration?.ok && d.value > maxDuration.value) this.add('error', 'guardrails', t('duration {0} is longer than chaos.guardrails.maxDuration ({1}): this experiment would be refused', String(x.duration), String(g?.maxDuration)), this.valueSpan(`${ep}/duration`));
      this.chaosKind(x, ep);
      const tg = x.target;
      if (tg && typeof tg === 'object' && tg.mode && /fixed|percent/.test(tg.mode) && tg.value === undefined) this.add('error', 'chaos', t('mode {0} needs a value (a pod count for fixed, a percentage for the percent modes)', tg.mode), this.keySpan(`${ep}/target/mode`));
      if (tg && typeof tg === 'object' && tg.value !== undefined && !/^\d+$/.test(String(tg.value))) this.add('error', 'chaos', t('value must be a whole number as a string ("2", "50"), not {0}', JSON.stringify(tg.value)), this.valueSpan(`${ep}/target/value`));
      if (typeof x.schedule === 'string' && !/^(@(yearly|annually|monthly|weekly|daily|midnight|hourly)|@every\s+\S+|(\S+\s+){4}\S+)$/.test(x.schedule.trim())) {
        this.add('error', 'chaos', t('"{0}" is not a cron schedule: use five fields ("0 3 * * 1"), @hourly/@daily or @every 1h', String(x.schedule)), this.valueSpan(`${ep}/schedule`));
      }
      const h = x.hypothesis;
      if (h && typeof h === 'object') {
        (h.slos ?? []).forEach((s, j) => this.reference(s, slos, `${ep}/hypothesis/slos/${j}`, 'SLO', 'slos'));
        const bound = h.prometheus && typeof h.prometheus === 'object' ? h.prometheus.bound : undefined;
        if (typeof bound === 'string' && !/^\s*(<=|>=|==|!=|<|>)\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$/.test(bound)) {
          this.add('error', 'chaos', t('bound "{0}" is not a comparison: write an operator and a number, such as "< 0.01" or ">= 0.99"', String(bound)), this.valueSpan(`${ep}/hypothesis/prometheus/bound`));
        }
      }
      if (x.underLoad !== undefined) this.reference(x.underLoad, scenarios, `${ep}/underLoad`, 'perf scenario', 'perf.scenarios');
    });
  }

  private chaosKind(x: NonNullable<NonNullable<Policy['chaos']>['experiments']>[number], ep: string): void {
    if (typeof x.kind !== 'string') return;
    if (x.engine === 'chaos-mesh') {
      const actions = CHAOS_MESH_ACTIONS[x.kind];
      if (!actions) {
        this.add('error', 'chaos', t('"{0}" is not a Chaos Mesh kind', x.kind) + (didYouMean(x.kind, Object.keys(CHAOS_MESH_ACTIONS)) || t(': use one of {0}', Object.keys(CHAOS_MESH_ACTIONS).join(', '))), this.valueSpan(`${ep}/kind`));
        return;
      }
      if (actions.length && x.action === undefined) this.add('error', 'chaos', t('{0} needs an action: one of {1}', x.kind, actions.join(', ')), this.keySpan(`${ep}/kind`));
      else if (typeof x.action === 'string' && actions.length && !actions.includes(x.action)) {
        this.add('error', 'chaos', t('"{0}" is not an action of {1}', x.action, x.kind) + (didYouMean(x.action, actions) || t(': use one of {0}', actions.join(', '))), this.valueSpan(`${ep}/action`));
      }
    } else if (x.engine === 'litmus') {
      if (!LITMUS_EXPERIMENTS.includes(x.kind)) {
        const dym = didYouMean(x.kind, LITMUS_EXPERIMENTS);
        this.add(dym ? 'warning' : 'info', 'chaos', t('"{0}" is not one of the generic Litmus experiments{1}; fine if your ChaosHub provides it', x.kind, dym || ''), this.valueSpan(`${ep}/kind`));
      }
      if (x.action !== undefined) this.add('warning', 'chaos', t('action is ignored for Litmus: the experiment name (kind) says what it does'), this.keySpan(`${ep}/action`));
    }
  }

  private perf(p: Policy, slos: Set<string>): void {
    (p.perf?.scenarios ?? []).forEach((s, i) => {
      if (!s || typeof s !== 'object') return;
      const sp = `/perf/scenarios/${i}`;
      (s.slos ?? []).forEach((n, j) => this.reference(n, slos, `${sp}/slos/${j}`, 'SLO', 'slos'));
      const engine = s.engine ?? 'local';
      if (typeof s.target === 'string' && engine !== 'k6-operator' && !/^https?:\/\/[^\s/]+/.test(s.target)) {
        this.add('error', 'perf', t('target must be an http:// or https:// URL for the {0} engine, such as http://127.0.0.1:8080/healthz', engine), this.valueSpan(`${sp}/target`));
      }
      if (engine === 'local' && (s.parallelism !== undefined || s.namespace !== undefined)) {
        this.add('warning', 'perf', t('parallelism and namespace only apply to the k6-operator engine'), this.keySpan(s.parallelism !== undefined ? `${sp}/parallelism` : `${sp}/namespace`));
      }
      if (s.vus === undefined && s.rate === undefined && s.stages === undefined) {
        this.add('warning', 'perf', t('scenario "{0}" sets no load: add vus and duration, rate, or stages', String(s.name)), this.keySpan(sp));
      }
      if (typeof s.vus === 'number' && (!Number.isInteger(s.vus) || s.vus < 1)) this.add('error', 'perf', t('vus must be a whole number of at least 1'), this.valueSpan(`${sp}/vus`));
      if (s.vus !== undefined && s.duration === undefined && s.stages === undefined) this.add('error', 'perf', t('vus needs a duration (or use stages)'), this.keySpan(`${sp}/vus`));
    });
  }
}

function schemaRoot(): JsonSchema {
  return { $ref: '#/definitions/Policy' };
}

function pointerPath(ptr: string): (string | number)[] {
  return ptr.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
}

function enumStrings(r: ResolvedSchema): string[] {
  const out: string[] = [];
  const visit = (s: JsonSchema | undefined, d: number): void => {
    const rs = resolveSchema(s);
    if (!rs || d > 4) return;
    for (const v of rs.schema.enum ?? []) out.push(String(v));
    for (const b of rs.schema.anyOf ?? []) visit(b, d + 1);
  };
  visit(r.schema, 0);
  return out;
}

/** What a policy name or reference names (the English key; noun/nouns translate it). */
type Named = 'SLO' | 'perf scenario' | 'chaos experiment';

function noun(what: Named): string {
  switch (what) {
    case 'SLO':
      return t('SLO');
    case 'perf scenario':
      return t('perf scenario');
    case 'chaos experiment':
      return t('chaos experiment');
  }
}

function nouns(what: Named): string {
  switch (what) {
    case 'SLO':
      return t('SLOs');
    case 'perf scenario':
      return t('perf scenarios');
    case 'chaos experiment':
      return t('chaos experiments');
  }
}
