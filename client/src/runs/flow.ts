// What happens between "Run…" and the run starting, as vscode-free steps: the preconditions each command checks (with
// the message the user sees), and preflight → refusal or confirmation (typed for production) → the request to start.
// The vscode layer supplies the dialogs through FlowUi; tests supply a scripted one.
import * as l10n from '@vscode/l10n';
import type { Preflight, PreflightCheck, RunRequest, Runnable, RunsApi } from '../../../server/src/runs/api';
import type { ClusterState, PolicyState } from './model';

/** A reason a command cannot run, with the buttons that help. */
export interface Precondition {
  message: string;
  /** Button labels the vscode layer maps to actions. */
  actions: Array<'Select Cluster Context' | 'Open Policy' | 'Manage Workspace Trust'>;
}

export type RunnableKind = 'chaos' | 'perf';

/** Why a run of `kind` cannot start now, or undefined when it can. `needsCluster` is for the picked runnable, if any. */
export function runPrecondition(s: { trusted: boolean; policy: PolicyState; cluster: ClusterState }, kind: RunnableKind | 'under-load', picked?: Runnable): Precondition | undefined {
  if (!s.trusted) {
    return { message: l10n.t('genai4dfx: runs are off in Restricted Mode: they create cluster objects and send load from this workspace\'s .dfx.yaml. Trust the workspace to use them.'), actions: ['Manage Workspace Trust'] };
  }
  if (s.policy.kind === 'none') {
    return {
      message: l10n.t('genai4dfx: no .dfx.yaml found in this workspace. Define chaos.experiments or perf.scenarios in a .dfx.yaml at the workspace root to run them.'),
      actions: [],
    };
  }
  if (s.policy.kind === 'error') return { message: l10n.t('genai4dfx: {0} cannot be read: {1}', s.policy.label, s.policy.message), actions: ['Open Policy'] };
  const runnables = s.policy.runnables;
  if (kind === 'chaos' && !runnables.some((r) => r.kind === 'chaos')) {
    return { message: l10n.t('genai4dfx: {0} defines no chaos experiments (chaos.experiments).', s.policy.label), actions: ['Open Policy'] };
  }
  if (kind === 'perf' && !runnables.some((r) => r.kind === 'perf')) {
    return { message: l10n.t('genai4dfx: {0} defines no load tests (perf.scenarios).', s.policy.label), actions: ['Open Policy'] };
  }
  if (kind === 'under-load' && !(runnables.some((r) => r.kind === 'chaos') && runnables.some((r) => r.kind === 'perf'))) {
    return { message: l10n.t('genai4dfx: an experiment under load needs a chaos experiment and a load test; {0} lacks one (chaos.experiments, perf.scenarios).', s.policy.label), actions: ['Open Policy'] };
  }
  const needsCluster = picked ? picked.needsCluster : kind !== 'perf';
  if (needsCluster) return clusterPrecondition(s.cluster);
  return undefined;
}

/** Why the selected cluster cannot be used, or undefined. */
export function clusterPrecondition(c: ClusterState): Precondition | undefined {
  switch (c.kind) {
    case 'loading':
      return { message: l10n.t('genai4dfx: still reading the kubeconfig; try again in a moment.'), actions: [] };
    case 'error':
      return { message: `genai4dfx: ${c.error.kind === 'no-kubeconfig' ? l10n.t('no kubeconfig found') : c.error.message}. ${c.error.nextStep}`, actions: ['Select Cluster Context'] };
    case 'selected':
      return undefined;
  }
}

/** The dialogs a run needs; each resolves to the user's answer (undefined/false = cancelled). */
export interface FlowUi {
  /** A refused preflight: show the failed checks and their fixes. */
  refused(p: Preflight, failed: PreflightCheck[]): Promise<void>;
  /** The checklist and what will be hit; true to start. Only asked when the policy wants a confirmation. */
  confirm(p: Preflight, summary: string): Promise<boolean>;
  /** Production: ask the user to type `p.confirmation.token`; returns what they typed. */
  typed(p: Preflight, prompt: string): Promise<string | undefined>;
}

/** Preflight checks that fail until the user answers the dialogs of prepareRun (plain yes, typed production name). */
export const ASKED_BELOW: readonly string[] = ['guardrail.asked', 'guardrail.confirmation'];

export type PrepareResult =
  | { kind: 'start'; request: RunRequest; preflight: Preflight }
  | { kind: 'refused'; preflight: Preflight }
  | { kind: 'cancelled'; preflight: Preflight | undefined };

/**
 * Preflight `req`, then: refuse (any failed check), ask the typed confirmation (production) or a plain one (the
 * policy's requireConfirmation, default true for anything that touches a cluster), and give back the request to start.
 */
export async function prepareRun(api: Pick<RunsApi, 'preflight'>, req: RunRequest, ui: FlowUi, requireConfirmation: boolean): Promise<PrepareResult> {
  const preflight = await api.preflight(req);
  // Preflight runs before the user was asked, so the engine's "confirmed" checks fail now; the dialogs below answer them.
  const failed = preflight.checks.filter((c) => c.status === 'fail' && !ASKED_BELOW.includes(c.id));
  if (failed.length || (!preflight.ok && !preflight.checks.some((c) => c.status === 'fail'))) {
    await ui.refused(preflight, failed);
    return { kind: 'refused', preflight };
  }
  const confirmation = preflight.confirmation;
  if (confirmation?.required) {
    const reason = /[.!?]$/.test(confirmation.reason.trim()) ? confirmation.reason.trim() : `${confirmation.reason.trim()}.`;
    const typed = await ui.typed(preflight, `${reason} ${l10n.t('Type {0} to run {1} against it.', confirmation.token, describe(req))}`);
    if (typed === undefined) return { kind: 'cancelled', preflight };
    if (typed.trim() !== confirmation.token) {
      await ui.refused(preflight, [{ id: 'confirmation', title: l10n.t('Typed confirmation'), status: 'fail', detail: l10n.t('you typed "{0}", not "{1}"', typed, confirmation.token), fix: l10n.t('run it again and type the token exactly') }]);
      return { kind: 'refused', preflight };
    }
    return { kind: 'start', request: { ...req, confirmation: confirmation.token, confirmed: true }, preflight };
  }
  // The engine asks for a yes (guardrail.asked) unless the policy turned confirmation off.
  const engineAsks = preflight.checks.some((c) => c.id === 'guardrail.asked');
  if (!requireConfirmation && !engineAsks) return { kind: 'start', request: req, preflight };
  if (!(await ui.confirm(preflight, preflightSummary(preflight, req)))) return { kind: 'cancelled', preflight };
  return { kind: 'start', request: { ...req, confirmed: true }, preflight };
}

function describe(req: RunRequest): string {
  if (req.kind === 'under-load') return l10n.t('{0} under load {1}', req.experiment ?? '?', req.scenario ?? '?');
  return (req.kind === 'chaos' ? req.experiment : req.scenario) ?? '?';
}

/** One paragraph for the confirmation dialog: where, what is created, which pods, and the warnings. */
export function preflightSummary(p: Preflight, req: RunRequest): string {
  const parts = [
    p.context
      ? l10n.t('Run {0} against context {1}, namespace {2}.', describe(req), `${p.context}${p.server ? ` (${p.server})` : ''}`, p.namespace ?? 'default')
      : l10n.t('Run {0} locally.', describe(req)),
  ];
  if (p.objects.length) parts.push(l10n.t('Creates {0}.', p.objects.map((o) => `${o.kind} ${o.metadata.name}`).join(', ')));
  if (p.targets.length) {
    const shown = p.targets.slice(0, 5).join(', ');
    const list = `${shown}${p.targets.length > 5 ? ', …' : ''}`;
    parts.push(p.targets.length === 1 ? l10n.t('Hits 1 pod: {0}.', list) : l10n.t('Hits {0} pods: {1}.', p.targets.length, list));
  }
  const warns = p.checks.filter((c) => c.status === 'warn');
  if (warns.length) parts.push(l10n.t('Warnings: {0}.', warns.map((w) => `${w.title}: ${w.detail}`).join('; ')));
  const checks = p.checks.filter((c) => !ASKED_BELOW.includes(c.id));
  parts.push(l10n.t('Preflight: {0}/{1} checks passed.', checks.filter((c) => c.status === 'pass').length, checks.length));
  return parts.join(' ');
}

/** The refusal message: each failed check with its fix. */
export function refusalMessage(failed: readonly PreflightCheck[]): string {
  const lines = failed.map((c) => `${c.title}: ${c.detail}${c.fix ? l10n.t(' (fix: {0})', c.fix) : ''}`);
  return l10n.t('genai4dfx: the run was refused. {0}', lines.join(' · '));
}
