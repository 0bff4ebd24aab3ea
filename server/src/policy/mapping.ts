// How the policy's sections drive rules: which section sets which rule option, and which switches turn rules off.
// The table names rules by id, so it tolerates rules that do not exist yet (a rule that is not in the catalogue, or
// that does not declare the option, is skipped) and starts working the day the rule is merged.
import type { RuleMeta } from '../engine/types';
import type { Policy } from './types';
import { parseDuration } from './units';

/** One row of the table: a policy value becomes a rule option. */
export interface OptionMapping {
  /** Dotted path in the policy, e.g. `reliability.kubernetes.minReplicas`. */
  section: string;
  /** The rule it feeds, or a predicate for a family of rules (every timeout rule). */
  rule: string | ((meta: RuleMeta) => boolean);
  option: string;
  /** Turn the policy value into the option's value (default: as is). */
  convert?: (value: unknown, meta: RuleMeta, policy: Policy) => unknown;
  /** One line for docs/policy.md. */
  note: string;
}

/** Timeout kinds a rule can declare by tag to get its specific timeout (`reliability.timeouts.<kind>`). */
const TIMEOUT_KINDS = ['http', 'grpc', 'database', 'cache'] as const;

/** A timeout rule's value: its kind's timeout when it is tagged with one, else the default. Milliseconds when the option is a number. */
function timeoutFor(_value: unknown, meta: RuleMeta, policy: Policy): unknown {
  const t = policy.reliability?.timeouts ?? {};
  const kind = TIMEOUT_KINDS.find((k) => meta.tags.includes(k) && t[k] !== undefined);
  const text = kind ? t[kind] : t.default;
  if (text === undefined) return undefined;
  if (meta.options.timeout?.type !== 'number') return text;
  const ms = parseDuration(text);
  return ms.ok ? ms.value : undefined;
}

/** Policy sections → rule options (the contract with the rule authors; see /work/wt/CATALOGUE.md for the names). */
export const OPTION_MAPPINGS: readonly OptionMapping[] = [
  { section: 'reliability.kubernetes.minReplicas', rule: 'k8s-single-replica', option: 'minReplicas', note: 'fewest replicas a Deployment/StatefulSet may run' },
  { section: 'reliability.kubernetes.requireProbes', rule: 'k8s-missing-probes', option: 'require', note: 'which probes every long-running container needs' },
  { section: 'reliability.requireRetries', rule: 'outbound-call-no-retry', option: 'required', note: 'outbound calls must be retried (the rule only fires when true)' },
  { section: 'reliability.retry.maxAttempts', rule: 'retry-loop-no-backoff', option: 'maxAttempts', note: 'the bound a retry loop should have' },
  {
    section: 'reliability.timeouts.default',
    rule: (m) => 'timeout' in m.options,
    option: 'timeout',
    convert: timeoutFor,
    note: 'the `timeout` option of every timeout rule (a rule tagged http, grpc, database or cache gets `timeouts.<tag>` when set); text such as "2s" for a string option, milliseconds for a number option',
  },
  { section: 'security.allowedRegistries', rule: 'k8s-disallowed-registry', option: 'allowedRegistries', note: 'image registry prefixes workloads may pull from' },
  {
    section: 'security.secretPatterns',
    rule: 'hard-coded-secret',
    option: 'patterns',
    convert: (v) => (Array.isArray(v) ? v.map((p: { name: string; regex: string }) => `${p.name}=${p.regex}`) : undefined),
    note: 'extra secret detectors, passed as "name=regex" strings',
  },
  { section: 'security.minTlsVersion', rule: 'weak-tls-version', option: 'minVersion', note: 'the lowest TLS version clients may allow' },
  { section: 'testability.complexityThreshold', rule: 'function-too-complex', option: 'maxComplexity', note: 'cyclomatic complexity above which a function is flagged' },
];

/** A switch in the policy that turns a rule off when it is false. */
export interface SwitchMapping {
  section: string;
  rule: string;
  note: string;
}

/** Policy switches → rules they turn off when set to false. */
export const SWITCH_MAPPINGS: readonly SwitchMapping[] = [
  { section: 'testability.clockInjection', rule: 'direct-clock-call', note: 'false: reading the clock directly is accepted' },
  { section: 'testability.randomnessInjection', rule: 'direct-random-call', note: 'false: calling the random generator directly is accepted' },
  { section: 'testability.requireHealthEndpoint', rule: 'missing-health-endpoint', note: 'false: HTTP servers need no health endpoint' },
  { section: 'reliability.kubernetes.requireResources', rule: 'k8s-missing-resource-limits', note: 'false: containers need no requests/limits' },
  { section: 'reliability.kubernetes.requirePodDisruptionBudget', rule: 'k8s-missing-pdb', note: 'false: multi-replica workloads need no PodDisruptionBudget' },
];

/** Rule tags of the Pod Security Standard levels: `security.baseline` turns the rules of stricter levels off. */
export const PSS_TAGS = { baseline: 'pss-baseline', restricted: 'pss-restricted' } as const;

/** The value at a dotted path of the policy. */
export function sectionValue(policy: Policy, section: string): unknown {
  let cur: unknown = policy;
  for (const k of section.split('.')) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/** The options a policy's sections give one rule (only options the rule declares). */
export function sectionOptions(policy: Policy, meta: RuleMeta): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of OPTION_MAPPINGS) {
    if (typeof m.rule === 'string' ? m.rule !== meta.id : !m.rule(meta)) continue;
    if (!(m.option in meta.options)) continue;
    const raw = sectionValue(policy, m.section);
    const value = m.convert ? m.convert(raw, meta, policy) : raw;
    if (value !== undefined) out[m.option] = value;
  }
  return out;
}

/** `off` when a policy switch or the Pod Security level turns this rule off, else undefined. */
export function sectionLevel(policy: Policy, meta: RuleMeta): 'off' | undefined {
  for (const s of SWITCH_MAPPINGS) if (s.rule === meta.id && sectionValue(policy, s.section) === false) return 'off';
  const pss = policy.security?.baseline;
  if (pss === 'privileged' && (meta.tags.includes(PSS_TAGS.baseline) || meta.tags.includes(PSS_TAGS.restricted))) return 'off';
  if (pss === 'baseline' && meta.tags.includes(PSS_TAGS.restricted)) return 'off';
  return undefined;
}

/** The mapping table as markdown rows (docs/policy.md and hover use it). */
export function mappingTable(): string {
  const rows = OPTION_MAPPINGS.map((m) => `| \`${m.section}\` | ${typeof m.rule === 'string' ? `\`${m.rule}\`` : 'every rule with a `timeout` option'} | \`${m.option}\` | ${m.note} |`);
  const switches = SWITCH_MAPPINGS.map((s) => `| \`${s.section}\` | \`${s.rule}\` | level \`off\` when false | ${s.note} |`);
  return ['| policy | rule | option | what |', '|---|---|---|---|', ...rows, ...switches,
    '| `security.baseline` | rules tagged `pss-baseline` / `pss-restricted` | level `off` | `privileged` turns both off, `baseline` turns the restricted ones off |'].join('\n');
}
