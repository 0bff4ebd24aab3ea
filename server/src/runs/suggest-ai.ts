// Suggested experiments refined by an AI provider: the offline suggestions and the findings behind them (redacted) go
// to the model, which may re-rank them, explain them and adjust their parameters. Its answer must be a policy the
// policy validator accepts, whose experiments target only pods the offline list targets (a model never widens the
// blast radius to workloads no finding points at); anything else falls back to the offline suggestions with a message.
// Whether a model may be asked at all (workspace trust, key) is the provider choice's business (ai/select.ts).
import { stringify } from 'yaml';
import { redact } from '../ai/redact';
import { AiError, type AiMessage, type AiProvider, type ProviderId } from '../ai/types';
import { t } from '../l10n';
import { validatePolicyText } from '../policy/index';
import type { ChaosExperiment } from '../policy/types';
import type { FindingRef, Suggestion, Workload } from './suggest';

/** The suggestions to show, and who made them. */
export interface RefinedSuggestions {
  suggestions: Suggestion[];
  /** `offline` when the offline list is shown (no model, or the model's answer was refused). */
  source: ProviderId;
  model?: string;
  /** Why the model's answer was not used, when it was not. */
  fallback?: string;
}

const SYSTEM = `You refine chaos experiments for a genai4dfx .dfx.yaml policy (Chaos Mesh).
You get suggestions made offline from static-analysis findings and Kubernetes manifests, and the findings themselves.
Re-rank them, most valuable first; explain each in its description (the weak spot, and the steady state the experiment
tests); adjust duration and parameters where the evidence supports it; drop a suggestion that is not worth running.
Keep each experiment's target (namespace, labels, mode, value) exactly as given: never target other or more pods,
never add experiments for targets not in the list. Keep engine chaos-mesh and valid kind/action pairs.
Answer with one \`\`\`yaml block holding a policy: version: 1, then chaos.experiments as a list. Nothing else is read.`;

/** The messages sent to the model, redacted. */
export function refineMessages(offline: readonly Suggestion[], findings: readonly FindingRef[], workloads: readonly Workload[]): { messages: AiMessage[]; redactions: number } {
  const policy = stringify({ version: 1, chaos: { experiments: offline.map((s) => s.experiment) } }).trimEnd();
  const lines = [
    'Offline suggestions:',
    '```yaml',
    policy,
    '```',
    '',
    'Why each was suggested:',
    ...offline.map((s) => `- ${s.experiment.name}: ${s.why}${s.targetIsGuess ? ' (target is a guess: no workload matched the file)' : ''}`),
    '',
    'Findings:',
    ...(findings.length ? findings.slice(0, 50).map((f) => `- ${f.ruleId} at ${f.path}${f.line !== undefined ? `:${f.line}` : ''}: ${f.message}`) : ['- none']),
    '',
    'Workloads:',
    ...(workloads.length ? workloads.slice(0, 50).map((w) => `- ${w.kind} ${w.namespace}/${w.name}, ${w.replicas} replica(s), labels ${JSON.stringify(w.labels)}`) : ['- none']),
  ];
  const r = redact(lines.join('\n'));
  return { messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content: r.text }], redactions: r.redactions.length };
}

/** The YAML of a model's answer: its first yaml code block, else the whole text. */
export function answerYaml(text: string): string {
  const m = /```(?:ya?ml)?[ \t]*\r?\n([\s\S]*?)```/.exec(text);
  return (m?.[1] ?? text).trim() + '\n';
}

/** The pods an experiment hits: namespace, labels and selector mode (a model may change neither). */
const targetKey = (e: Pick<ChaosExperiment, 'target'>): string =>
  JSON.stringify([e.target.namespace, Object.entries(e.target.labels ?? {}).sort(([a], [b]) => a.localeCompare(b)), e.target.mode ?? 'one', e.target.value ?? null]);

/**
 * Check a model's answer against the validator and the offline list; the refined suggestions, or the reason the answer
 * cannot be used.
 */
export async function acceptAnswer(text: string, offline: readonly Suggestion[]): Promise<Suggestion[] | string> {
  const yaml = answerYaml(text);
  const v = await validatePolicyText(yaml);
  if (v.errors.length) {
    const e = v.errors[0]!;
    return t('the answer is not a valid policy ({0} error(s); line {1}: {2})', v.errors.length, e.span.startPos.line + 1, e.message);
  }
  const experiments = v.policy?.chaos?.experiments ?? [];
  if (!experiments.length) return t('the answer has no chaos.experiments');
  const allowed = new Map(offline.map((s) => [targetKey(s.experiment), s]));
  const out: Suggestion[] = [];
  for (const e of experiments) {
    const from = offline.find((s) => s.experiment.name === e.name && targetKey(s.experiment) === targetKey(e)) ?? allowed.get(targetKey(e));
    if (!from) return t('experiment "{0}" targets pods no suggestion targets ({1}): a model may not choose new targets', e.name, `${e.target.namespace} ${JSON.stringify(e.target.labels)}`);
    if (e.engine !== from.experiment.engine) return t('experiment "{0}" changes the engine to {1}', e.name, String(e.engine));
    out.push({ ...from, title: from.experiment.name === e.name ? from.title : e.name, why: e.description ?? from.why, experiment: e, snippet: stringify([e]).trimEnd() });
  }
  return out;
}

/**
 * The offline suggestions refined by `provider` (the offline provider leaves them as they are). Never throws for the
 * model's sake: a failure, a timeout or an answer that is refused yields the offline list and `fallback` says why.
 */
export async function refineSuggestions(
  offline: Suggestion[],
  findings: readonly FindingRef[],
  workloads: readonly Workload[],
  provider: AiProvider,
  signal: AbortSignal,
): Promise<RefinedSuggestions> {
  if (provider.id === 'offline' || !offline.length) return { suggestions: offline, source: 'offline' };
  const { messages } = refineMessages(offline, findings, workloads);
  const fallback = (why: string): RefinedSuggestions => ({ suggestions: offline, source: 'offline', fallback: t('the AI provider\'s refinement was not used: {0}; these are the offline suggestions', why) });
  let answer;
  try {
    // The offline generator is the list itself, so an `offline` answer can never be mistaken for a model's.
    answer = await provider.complete({ action: 'experiments', language: 'yaml', messages, offline: () => stringify({ version: 1, chaos: { experiments: offline.map((s) => s.experiment) } }) }, signal);
  } catch (e) {
    if (signal.aborted) return fallback(t('no answer in time'));
    return fallback(e instanceof AiError ? e.message : (e as Error).message);
  }
  const accepted = await acceptAnswer(answer.text, offline);
  if (typeof accepted === 'string') return fallback(accepted);
  return { suggestions: accepted, source: answer.provider, ...(answer.model ? { model: answer.model } : {}) };
}
