// Guardrails: pure functions deciding whether a run may use a context and namespace, how long a fault may last, and
// how many pods it may hit. The run engine calls them for every run (the UI and the CLI cannot skip them); each
// returns preflight checks that say what is wrong and how to fix it.
import type { ChaosTarget, Guardrails } from '../policy/types';
import { formatDuration, globMatch, parseBlastRadius, parseDuration } from '../policy/units';
import { t } from '../l10n';
import type { PreflightCheck } from './api';

/** Names that count as production whatever the policy says: a whole word of a context name or server host. */
export const PRODUCTION_WORDS: readonly string[] = ['prod', 'production', 'prd', 'live'];

/** Namespaces no run may target: the control plane and the chaos/load tools themselves. */
export const DENIED_NAMESPACES: readonly string[] = ['kube-system', 'kube-public', 'kube-node-lease', 'chaos-mesh', 'chaos-testing', 'litmus', 'k6-operator-system'];

/** Longest fault when the policy sets no maxDuration. */
export const DEFAULT_MAX_DURATION_MS = 10 * 60_000;

/** Share of the matching pods a run may hit when the policy sets no maxBlastRadius (so some pods keep serving). */
export const DEFAULT_MAX_BLAST_PERCENT = 50;

/** Why a context counts as production, or undefined when it does not. */
export function productionReason(context: string, server: string | undefined, g: Guardrails | undefined): string | undefined {
  const words = (s: string): string[] => s.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const isProdWord = (w: string): boolean => PRODUCTION_WORDS.some((p) => w === p || new RegExp(`^${p}\\d+$`).test(w));
  const hit = words(context).find(isProdWord);
  if (hit) return t('context name "{0}" contains "{1}"', context, hit);
  for (const glob of g?.productionContexts ?? []) {
    if (globMatch(glob, context, true)) return t('context "{0}" matches chaos.guardrails.productionContexts "{1}"', context, glob);
  }
  if (server) {
    let host = server;
    try {
      host = new URL(server).hostname;
    } catch {
      // not a URL: classify the text as it is
    }
    const s = words(host).find(isProdWord);
    if (s) return t('API server {0} contains "{1}"', host, s);
  }
  return undefined;
}

/** The context may be used: it matches allowedContexts (when set), and production only when allowed. */
export function checkContext(context: string, server: string | undefined, g: Guardrails | undefined): { check: PreflightCheck; production: string | undefined } {
  const production = productionReason(context, server, g);
  const allowed = g?.allowedContexts;
  if (allowed?.length && !allowed.some((glob) => globMatch(glob, context))) {
    return {
      production,
      check: {
        id: 'guardrail.context',
        title: t('Context allowed'),
        status: 'fail',
        detail: t('context "{0}" is not in chaos.guardrails.allowedContexts ({1})', context, allowed.join(', ')),
        fix: t('select one of the allowed contexts (--context), or add "{0}" to chaos.guardrails.allowedContexts in .dfx.yaml', context),
      },
    };
  }
  if (production && !g?.allowProduction) {
    return {
      production,
      check: {
        id: 'guardrail.context',
        title: t('Context allowed'),
        status: 'fail',
        detail: t('"{0}" counts as production ({1}); runs against production are refused', context, production),
        fix: t('use a staging context; if production runs are really intended, set chaos.guardrails.allowProduction: true (each run then needs the context name typed as confirmation)'),
      },
    };
  }
  return {
    production,
    check: {
      id: 'guardrail.context',
      title: t('Context allowed'),
      status: production ? 'warn' : 'pass',
      detail: production
        ? t('"{0}" counts as production ({1}); allowed by the policy, needs typed confirmation', context, production)
        : allowed?.length ? t('"{0}" is not production and is in allowedContexts', context) : t('"{0}" is not production', context),
    },
  };
}

/** The typed confirmation of a production context: the user retypes the context name. */
export function checkConfirmation(context: string, production: string | undefined, typed: string | undefined): PreflightCheck | undefined {
  if (!production) return undefined;
  const ok = typed === context;
  return {
    id: 'guardrail.confirmation',
    title: t('Production confirmed'),
    status: ok ? 'pass' : 'fail',
    detail: ok ? t('context name "{0}" typed', context) : typed === undefined ? t('"{0}" is production: type its name to confirm', context) : t('typed "{0}" does not match "{1}"', typed, context),
    ...(ok ? {} : { fix: t('retype the context name exactly (CLI: --confirm {0})', context) }),
  };
}

/**
 * The namespace may be targeted: never the control plane or a chaos tool's own; for chaos it must match
 * allowedNamespaces (default none, so chaos needs an explicit allow); for in-cluster load only when the list is set.
 */
export function checkNamespace(namespace: string, g: Guardrails | undefined, purpose: 'chaos' | 'load'): PreflightCheck {
  const id = 'guardrail.namespace';
  const title = t('Namespace allowed');
  if (DENIED_NAMESPACES.includes(namespace)) {
    return { id, title, status: 'fail', detail: t('namespace "{0}" is never a target (system or chaos tooling)', namespace), fix: t('target the namespace of your application') };
  }
  const allowed = g?.allowedNamespaces;
  if (!allowed?.length) {
    if (purpose === 'load') return { id, title, status: 'pass', detail: t('no allowedNamespaces in the policy; load runs may use "{0}"', namespace) };
    return {
      id,
      title,
      status: 'fail',
      detail: t('the policy allows no namespace for chaos (chaos.guardrails.allowedNamespaces is empty)'),
      fix: t('add "{0}" to chaos.guardrails.allowedNamespaces in .dfx.yaml', namespace),
    };
  }
  if (!allowed.some((glob) => globMatch(glob, namespace))) {
    return { id, title, status: 'fail', detail: t('namespace "{0}" is not in chaos.guardrails.allowedNamespaces ({1})', namespace, allowed.join(', ')), fix: t('add "{0}" to chaos.guardrails.allowedNamespaces, or target an allowed namespace', namespace) };
  }
  return { id, title, status: 'pass', detail: t('"{0}" is in allowedNamespaces', namespace) };
}

/** Every fault has a duration, no longer than maxDuration (default 10m). */
export function checkDuration(duration: string | undefined, g: Guardrails | undefined): { check: PreflightCheck; ms: number | undefined } {
  const id = 'guardrail.duration';
  const title = t('Fault duration');
  if (duration === undefined) return { ms: undefined, check: { id, title, status: 'fail', detail: t('the experiment has no duration: every fault must end'), fix: t('set duration (e.g. 60s) on the experiment') } };
  const d = parseDuration(duration);
  if (!d.ok) return { ms: undefined, check: { id, title, status: 'fail', detail: d.error, fix: t('write the duration as 30s, 2m, ...') } };
  if (d.value <= 0) return { ms: undefined, check: { id, title, status: 'fail', detail: t('duration must be more than 0'), fix: t('set a positive duration') } };
  let max = DEFAULT_MAX_DURATION_MS;
  let source = t('the default limit');
  if (g?.maxDuration !== undefined) {
    const m = parseDuration(g.maxDuration);
    if (!m.ok) return { ms: d.value, check: { id, title, status: 'fail', detail: `chaos.guardrails.maxDuration: ${m.error}`, fix: t('fix maxDuration in .dfx.yaml') } };
    max = m.value;
    source = 'chaos.guardrails.maxDuration';
  }
  if (d.value > max) {
    return { ms: d.value, check: { id, title, status: 'fail', detail: t('duration {0} exceeds {1} ({2})', duration, source, formatDuration(max)), fix: t('shorten the experiment to at most {0}', formatDuration(max)) } };
  }
  return { ms: d.value, check: { id, title, status: 'pass', detail: t('{0} (limit {1})', duration, formatDuration(max)) } };
}

/**
 * How many of `matching` pods a selector mode hits, at most (Chaos Mesh semantics: fixed-percent and
 * random-max-percent round down; one hits one; fixed hits min(value, matching)). Undefined when `value` is bad.
 */
export function podsHit(mode: ChaosTarget['mode'], value: string | undefined, matching: number): number | undefined {
  if (matching <= 0) return 0;
  switch (mode ?? 'one') {
    case 'one':
      return 1;
    case 'all':
      return matching;
    case 'fixed': {
      const n = Number(value);
      return value !== undefined && /^\d+$/.test(value.trim()) && n > 0 ? Math.min(n, matching) : undefined;
    }
    case 'fixed-percent':
    case 'random-max-percent': {
      const p = Number(value);
      return value !== undefined && /^\d+(\.\d+)?$/.test(value.trim()) && p > 0 && p <= 100 ? Math.floor((matching * p) / 100) : undefined;
    }
    default:
      return undefined;
  }
}

/** The blast radius: the run hits at least one pod and no more than maxBlastRadius (default 50% of the matching). */
export function checkBlastRadius(
  target: Pick<ChaosTarget, 'mode' | 'value'>,
  matching: number,
  g: Guardrails | undefined,
): { check: PreflightCheck; hit: number | undefined } {
  const id = 'blast-radius';
  const title = t('Blast radius');
  const hit = podsHit(target.mode, target.value, matching);
  const mode = `${target.mode ?? 'one'}${target.value !== undefined ? ` ${target.value}` : ''}`;
  if (hit === undefined) return { hit, check: { id, title, status: 'fail', detail: t('mode {0}: value must be a count (fixed) or a percentage 1-100 (*-percent)', mode), fix: t('set target.value') } };
  if (matching === 0) return { hit: 0, check: { id, title, status: 'fail', detail: t('the selector matches no pod: the run would inject nothing'), fix: t('check target.labels and target.namespace against `kubectl get pods -l ...`') } };
  if (hit === 0) return { hit, check: { id, title, status: 'fail', detail: t('mode {0} of {1} matching pods selects none', mode, matching), fix: t('raise target.value') } };
  let limit: number;
  let written: string;
  if (g?.maxBlastRadius !== undefined) {
    const b = parseBlastRadius(g.maxBlastRadius);
    if (!b.ok) return { hit, check: { id, title, status: 'fail', detail: `chaos.guardrails.maxBlastRadius: ${b.error}`, fix: t('fix maxBlastRadius in .dfx.yaml') } };
    limit = 'count' in b.value ? b.value.count : Math.floor((matching * b.value.percent) / 100);
    written = `maxBlastRadius ${String(g.maxBlastRadius)}`;
  } else {
    limit = Math.max(1, Math.floor((matching * DEFAULT_MAX_BLAST_PERCENT) / 100));
    written = t('the default limit of {0}% of matching pods', DEFAULT_MAX_BLAST_PERCENT);
  }
  if (hit > limit) {
    return {
      hit,
      check: { id, title, status: 'fail', detail: t('mode {0} hits {1} of {2} pods; {3} allows {4}', mode, hit, matching, written, limit), fix: t('use mode one or a smaller fixed/percent value, or raise chaos.guardrails.maxBlastRadius') },
    };
  }
  return { hit, check: { id, title, status: 'pass', detail: t('hits {0} of {1} matching pods ({2}: {3})', hit, matching, written, limit) } };
}

/** In-cluster chaos needs a yes unless the policy turns confirmation off (the CLI's --yes, the UI's modal). */
export function checkAsked(g: Guardrails | undefined, confirmed: boolean | undefined): PreflightCheck | undefined {
  if (g?.requireConfirmation === false) return undefined;
  return confirmed
    ? { id: 'guardrail.asked', title: t('Confirmed'), status: 'pass', detail: t('the user confirmed the run') }
    : { id: 'guardrail.asked', title: t('Confirmed'), status: 'fail', detail: t('chaos runs need a confirmation (chaos.guardrails.requireConfirmation)'), fix: t('confirm in the dialog, or pass --yes on the command line') };
}
