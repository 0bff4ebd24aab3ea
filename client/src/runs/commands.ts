import * as vscode from 'vscode';
import { RUN_COMMANDS, type RunCommandId } from '../../../server/src/protocol/commands';
import type { KubeContextInfo, Preflight, RunKind, RunRecord, RunRequest, Runnable } from '../../../server/src/runs/api';
import { clusterError, errorText, type RunsController } from './controller';
import { clusterPrecondition, prepareRun, refusalMessage, runPrecondition, type FlowUi, type Precondition } from './flow';
import { ago, isTerminal, stateLabel, type RunTarget, type RunsNode } from './model';
import type { ReportPanels } from './report-panel';

/** Register the run commands; they work whether or not the language server runs. */
export function registerRunCommands(runs: RunsController, reports: ReportPanels): vscode.Disposable[] {
  const table: Record<RunCommandId, (arg?: unknown) => Promise<void>> = {
    [RUN_COMMANDS.selectContext]: () => selectContext(runs),
    [RUN_COMMANDS.runChaos]: (arg) => runOne(runs, reports, 'chaos', arg),
    [RUN_COMMANDS.runLoadTest]: (arg) => runOne(runs, reports, 'perf', arg),
    [RUN_COMMANDS.runUnderLoad]: (arg) => runUnderLoad(runs, reports, arg),
    [RUN_COMMANDS.abortRun]: (arg) => abortRun(runs, arg),
    [RUN_COMMANDS.showRunHistory]: () => showHistory(runs, reports),
    [RUN_COMMANDS.openRunReport]: (arg) => openReport(runs, reports, arg),
  };
  return Object.entries(table).map(([id, run]) =>
    vscode.commands.registerCommand(id, async (arg?: unknown) => {
      try {
        await run(arg);
      } catch (e) {
        runs.output.error(`${id}: ${errorText(e)}`);
        void vscode.window.showErrorMessage(`genai4dfx: ${errorText(e)}`);
      }
    }),
  );
}

/** A tree row (inline action), a RunTarget (row click) or a name (scripts, other commands). */
function targetOf(arg: unknown): RunTarget | string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object') {
    if ('target' in arg) return (arg as RunsNode).target;
    if ('type' in arg) return arg as RunTarget;
  }
  return undefined;
}

/** The button label of a precondition action (the action ids stay English: they are matched below). */
function actionLabel(a: Precondition['actions'][number]): string {
  switch (a) {
    case 'Select Cluster Context':
      return vscode.l10n.t('Select Cluster Context');
    case 'Open Policy':
      return vscode.l10n.t('Open Policy');
    case 'Manage Workspace Trust':
      return vscode.l10n.t('Manage Workspace Trust');
  }
}

async function showPrecondition(runs: RunsController, p: Precondition): Promise<void> {
  const label = await vscode.window.showWarningMessage(p.message, ...p.actions.map(actionLabel));
  const pick = p.actions.find((a) => actionLabel(a) === label);
  if (pick === 'Select Cluster Context') await vscode.commands.executeCommand(RUN_COMMANDS.selectContext);
  else if (pick === 'Manage Workspace Trust') await vscode.commands.executeCommand('workbench.trust.manage');
  else if (pick === 'Open Policy' && runs.policyState.kind !== 'none') await vscode.window.showTextDocument(vscode.Uri.file(runs.policyState.path));
}

async function selectContext(runs: RunsController): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void showPrecondition(runs, { message: vscode.l10n.t('genai4dfx: cluster contexts are off in Restricted Mode. Trust the workspace to select one.'), actions: ['Manage Workspace Trust'] });
    return;
  }
  let list;
  try {
    list = runs.api.listContexts(undefined, runs.policyDocument);
  } catch (e) {
    const err = clusterError(e);
    void vscode.window.showWarningMessage(`genai4dfx: ${err.kind === 'no-kubeconfig' ? vscode.l10n.t('no kubeconfig found') : err.message}. ${err.nextStep}`);
    return;
  }
  if (!list.contexts.length) {
    void vscode.window.showWarningMessage(vscode.l10n.t('genai4dfx: no kubeconfig found: {0}.', list.files.length ? vscode.l10n.t('{0} define no contexts', list.files.join(', ')) : vscode.l10n.t('set KUBECONFIG or create ~/.kube/config')));
    return;
  }
  const selected = runs.clusterState.kind === 'selected' ? runs.clusterState.context.name : undefined;
  type Item = vscode.QuickPickItem & { context: KubeContextInfo };
  const items: Item[] = list.contexts.map((c) => ({
    label: `${c.production ? '$(warning)' : '$(server-environment)'} ${c.name}`,
    description: [c.name === selected ? vscode.l10n.t('selected') : undefined, c.current ? vscode.l10n.t('kubeconfig current-context') : undefined, c.production ? vscode.l10n.t('production') : undefined].filter(Boolean).join(' · '),
    detail: `${c.server ?? vscode.l10n.t('unknown server')} · ${vscode.l10n.t('cluster {0} · user {1}', c.cluster, c.user)}${c.namespace ? ` · ${vscode.l10n.t('namespace {0}', c.namespace)}` : ''}`,
    context: c,
  }));
  const pick = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Select Cluster Context'),
    placeHolder: vscode.l10n.t('Context for runs in this workspace (from {0}; the kubeconfig is never changed)', list.files.join(', ')),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!pick) return;
  const namespace = await vscode.window.showInputBox({
    title: vscode.l10n.t('Namespace in {0}', pick.context.name),
    prompt: vscode.l10n.t('Namespace for runs that do not name one (experiments name their own target namespace). Empty: the context\'s default.'),
    value: runs.selection?.context === pick.context.name ? (runs.selection.namespace ?? '') : (pick.context.namespace ?? ''),
    validateInput: (v) => (!v || /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(v) ? undefined : vscode.l10n.t('a namespace is lower-case letters, digits and dashes')),
  });
  if (namespace === undefined) return;
  await runs.select(pick.context.name, namespace || undefined);
  // Say now, not at the first run, when the cluster cannot be reached.
  const check = await runs.api.checkContext(runs.clusterOptions());
  if (!check.ok) void vscode.window.showWarningMessage(`genai4dfx: ${pick.context.name}: ${check.error.message}. ${check.error.nextStep}`);
  else runs.output.info(`context ${pick.context.name}: ${check.server} answers (Kubernetes ${check.version})`);
}

async function pickRunnable(runs: RunsController, kind: 'chaos' | 'perf', title: string, preferred?: string): Promise<Runnable | undefined> {
  const all = runs.policyState.kind === 'loaded' ? runs.policyState.runnables.filter((r) => r.kind === kind) : [];
  if (preferred) {
    const named = all.find((r) => r.name === preferred);
    if (named) return named;
    void vscode.window.showWarningMessage(kind === 'chaos' ? vscode.l10n.t('genai4dfx: {0} is not a chaos experiment of the nearest .dfx.yaml.', preferred) : vscode.l10n.t('genai4dfx: {0} is not a load test of the nearest .dfx.yaml.', preferred));
    return undefined;
  }
  if (all.length === 1) return all[0];
  const pick = await vscode.window.showQuickPick(
    all.map((r) => ({ label: r.name, description: [r.engine, r.namespace, r.underLoad ? vscode.l10n.t('under load: {0}', r.underLoad) : undefined].filter(Boolean).join(' · '), detail: r.description, runnable: r })),
    { title, placeHolder: runs.policyState.kind === 'loaded' ? vscode.l10n.t('from {0}', runs.policyState.label) : undefined, matchOnDescription: true },
  );
  return pick?.runnable;
}

async function runOne(runs: RunsController, reports: ReportPanels, kind: 'chaos' | 'perf', arg: unknown): Promise<void> {
  const target = targetOf(arg);
  const name = typeof target === 'string' ? target : target?.type === 'runnable' ? target.name : undefined;
  const blocked = runPrecondition(runs.state, kind);
  if (blocked) return showPrecondition(runs, blocked);
  const runnable = await pickRunnable(runs, kind, kind === 'chaos' ? vscode.l10n.t('Run Chaos Experiment') : vscode.l10n.t('Run Load Test'), name);
  if (!runnable) return;
  const late = runPrecondition(runs.state, kind, runnable);
  if (late) return showPrecondition(runs, late);
  await launch(runs, reports, kind, kind === 'chaos' ? { experiment: runnable.name } : { scenario: runnable.name }, runnable);
}

async function runUnderLoad(runs: RunsController, reports: ReportPanels, arg: unknown): Promise<void> {
  const target = targetOf(arg);
  const blocked = runPrecondition(runs.state, 'under-load');
  if (blocked) return showPrecondition(runs, blocked);
  const name = typeof target === 'string' ? target : target?.type === 'runnable' ? target.name : undefined;
  const experiment = await pickRunnable(runs, 'chaos', vscode.l10n.t('Run Experiment Under Load: the experiment'), name);
  if (!experiment) return;
  const scenario = await pickRunnable(runs, 'perf', vscode.l10n.t('Run {0} under which load test?', experiment.name), experiment.underLoad);
  if (!scenario) return;
  await launch(runs, reports, 'under-load', { experiment: experiment.name, scenario: scenario.name }, experiment);
}

/** `main` is the experiment (chaos, under load) or the scenario (perf): it decides the cluster and namespace. */
async function launch(runs: RunsController, reports: ReportPanels, kind: RunKind, names: Pick<RunRequest, 'experiment' | 'scenario'>, main: Runnable): Promise<void> {
  const needsCluster = main.needsCluster;
  const policy = runs.policyDocument;
  const root = runs.root;
  if (!policy || !root || runs.policyState.kind !== 'loaded') return;
  // The language server validates the policy (schema, references, guardrails); a run never starts from one it rejects.
  const policyUri = vscode.Uri.file(runs.policyState.path);
  const errors = vscode.languages.getDiagnostics(policyUri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
  if (errors.length) {
    const first = errors[0]!;
    const open = vscode.l10n.t('Open Policy');
    const pick = await vscode.window.showErrorMessage(
      vscode.l10n.t('genai4dfx: the policy has {0} error(s), so nothing runs until they are fixed. First: line {1}: {2}', errors.length, first.range.start.line + 1, first.message),
      open,
    );
    if (pick === open) await vscode.window.showTextDocument(policyUri, { selection: first.range });
    return;
  }
  if (needsCluster) {
    const blocked = clusterPrecondition(runs.clusterState);
    if (blocked) return showPrecondition(runs, blocked);
  }
  const cluster = runs.clusterState;
  const request: RunRequest = {
    kind,
    ...names,
    policy,
    policyPath: runs.policyState.path,
    root,
    context: needsCluster && cluster.kind === 'selected' ? cluster.context.name : undefined,
    // The selected namespace is for runs whose policy entry names none; an experiment's own target namespace wins.
    namespace: needsCluster && cluster.kind === 'selected' && !main.namespace ? cluster.namespace : undefined,
  };
  const requireConfirmation = needsCluster && policy.chaos?.guardrails?.requireConfirmation !== false;
  const prepared = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('DFX: preflight…') },
    () => prepareRun(runs.api, request, dialogs(), requireConfirmation),
  );
  if (prepared.kind !== 'start') return;
  const handle = await runs.start(prepared.request);
  follow(runs, reports, handle.id, describe(prepared.request)).catch((e: unknown) => runs.output.error(`following run ${handle.id}: ${errorText(e)}`));
}

/** The progress notification of a run: live state, Cancel = abort (verified cleanup), then the verdict. */
async function follow(runs: RunsController, reports: ReportPanels, runId: string, title: string): Promise<void> {
  const live = runs.liveRun(runId);
  if (!live) return;
  const final = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `DFX: ${title}`, cancellable: true },
    async (progress, token) => {
      const sub = runs.onRunEvent((e) => {
        if (e.runId !== runId) return;
        if (e.type === 'state') progress.report({ message: `${stateLabel(e.state)}: ${e.message}` });
        else if (e.type === 'sample') progress.report({ message: vscode.l10n.t('{0} req/s, p95 {1} ms, {2}% errors', Math.round(e.sample.rps), Math.round(e.sample.p95), (e.sample.errorRate * 100).toFixed(1)) });
        else if (e.type === 'slo' && !e.verdict.passed && !e.verdict.unknown) progress.report({ message: vscode.l10n.t('SLO {0} broken: {1} vs {2}', e.verdict.slo, e.verdict.observed, e.verdict.threshold) });
      });
      const cancel = token.onCancellationRequested(() => {
        progress.report({ message: vscode.l10n.t('aborting: deleting what the run created and verifying it is gone…') });
        void live.handle.abort('cancelled by the user').then(
          (report) => {
            if (!report.clean) {
              void vscode.window.showErrorMessage(
                vscode.l10n.t('genai4dfx: run {0} aborted, but {1} remain.', runId, report.leftovers.map((l) => `${l.kind} ${l.namespace}/${l.name} (${l.reason})`).join(', ')),
              );
            }
          },
          (e: unknown) => void vscode.window.showErrorMessage(vscode.l10n.t('genai4dfx: aborting {0} failed: {1}', runId, errorText(e))),
        );
      });
      try {
        return await live.handle.done;
      } finally {
        sub.dispose();
        cancel.dispose();
      }
    },
  );
  const verdict = verdictLine(final);
  const show = final.verdict === 'pass' ? vscode.window.showInformationMessage : final.verdict === 'fail' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
  const open = vscode.l10n.t('Open Report');
  const pick = await show(`genai4dfx: ${title} ${verdict}`, open);
  if (pick === open) reports.open(runId);
}

export function verdictLine(r: RunRecord): string {
  const what =
    r.verdict === 'pass' ? vscode.l10n.t('passed') : r.verdict === 'fail' ? vscode.l10n.t('failed') : r.verdict === 'aborted' ? vscode.l10n.t('was aborted') : r.verdict === 'error' ? vscode.l10n.t('ended in an error') : stateLabel(r.state);
  return `${what}${r.reason ? `: ${r.reason}` : ''}.`;
}

function describe(req: RunRequest): string {
  if (req.kind === 'under-load') return vscode.l10n.t('{0} under load {1}', req.experiment ?? '', req.scenario ?? '');
  return (req.kind === 'chaos' ? req.experiment : req.scenario) ?? req.kind;
}

/** The modal dialogs of a run. */
function dialogs(): FlowUi {
  return {
    refused: async (_p: Preflight, failed) => {
      void vscode.window.showErrorMessage(refusalMessage(failed), { modal: false });
    },
    confirm: async (_p, summary) => {
      const run = vscode.l10n.t('Run');
      return (await vscode.window.showWarningMessage(vscode.l10n.t('Start this run?'), { modal: true, detail: summary }, run)) === run;
    },
    typed: async (p, prompt) =>
      vscode.window.showInputBox({
        title: vscode.l10n.t('Production context: typed confirmation'),
        prompt,
        placeHolder: p.confirmation?.token,
        ignoreFocusOut: true,
        validateInput: (v) => (v && v !== p.confirmation?.token ? vscode.l10n.t('type {0} exactly', p.confirmation?.token ?? '') : undefined),
      }),
  };
}

async function abortRun(runs: RunsController, arg: unknown): Promise<void> {
  const target = targetOf(arg);
  let runId = typeof target === 'string' ? target : target?.type === 'run' ? target.runId : undefined;
  if (!runId) {
    const active = runs.activeRuns();
    const orphans = runs.orphans();
    if (!active.length && !orphans.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('genai4dfx: no run is running, and no earlier run was left running.'));
      return;
    }
    const pick = await vscode.window.showQuickPick(
      [
        ...active.map((r) => ({ label: r.name, description: `${stateLabel(r.state)} · ${r.context ?? vscode.l10n.t('local')}`, runId: r.id })),
        ...orphans.map((o) => ({ label: o.name, description: `${vscode.l10n.t('left running {0}', ago(Date.now(), Date.parse(o.createdAt)) ?? '')} · ${o.context ?? vscode.l10n.t('local')}`, runId: o.id })),
      ],
      { title: vscode.l10n.t('Abort Run'), placeHolder: vscode.l10n.t('Stops the run, deletes what it created and checks it is gone') },
    );
    runId = pick?.runId;
  }
  if (!runId) return;
  const report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('DFX: aborting {0}…', runId) }, () => runs.abort(runId, 'aborted by the user'));
  if (report.clean) {
    void vscode.window.showInformationMessage(
      report.deleted.length === 1
        ? vscode.l10n.t('genai4dfx: run {0} aborted; 1 object deleted and verified gone.', runId)
        : vscode.l10n.t('genai4dfx: run {0} aborted; {1} objects deleted and verified gone.', runId, report.deleted.length),
    );
  }
  else void vscode.window.showErrorMessage(vscode.l10n.t('genai4dfx: run {0} aborted, but these remain: {1}.', runId, report.leftovers.map((l) => `${l.kind} ${l.namespace}/${l.name} (${l.reason})`).join(', ')));
}

async function showHistory(runs: RunsController, reports: ReportPanels): Promise<void> {
  const history = runs.state.history;
  if (!history.length) {
    void vscode.window.showInformationMessage(
      runs.root ? vscode.l10n.t('genai4dfx: no runs recorded yet in {0}.', `${vscode.workspace.asRelativePath(runs.root)}/.dfx/runs/`) : vscode.l10n.t('genai4dfx: no runs recorded yet.'),
    );
    return;
  }
  const now = Date.now();
  const pick = await vscode.window.showQuickPick(
    history.map((h) => ({
      label: `${h.verdict === 'pass' ? '$(pass)' : h.verdict === 'fail' ? '$(error)' : h.orphaned ? '$(warning)' : isTerminal(h.state) ? '$(circle-slash)' : '$(loading~spin)'} ${h.name}`,
      description: [h.verdict ?? stateLabel(h.state), h.context ?? vscode.l10n.t('local'), ago(now, Date.parse(h.createdAt))].filter(Boolean).join(' · '),
      detail: [h.reason, h.who, h.id].filter(Boolean).join(' · '),
      runId: h.id,
    })),
    { title: vscode.l10n.t('Run History'), placeHolder: vscode.l10n.t('Pick a run to open its report'), matchOnDescription: true, matchOnDetail: true },
  );
  if (pick) reports.open(pick.runId);
}

async function openReport(runs: RunsController, reports: ReportPanels, arg: unknown): Promise<void> {
  const target = targetOf(arg);
  const runId = typeof target === 'string' ? target : target?.type === 'run' ? target.runId : undefined;
  if (!runId) return showHistory(runs, reports);
  if (!reports.open(runId)) void vscode.window.showWarningMessage(vscode.l10n.t('genai4dfx: no record of run {0} in .dfx/runs/.', runId));
}
