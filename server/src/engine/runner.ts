import type { Node, Tree } from 'web-tree-sitter';
import { isQueryRule, resolveOptions, type K8sContext, type QueryRuleSpec, type Report, type RuleContext, type RuleDefinition, type RuleMatch } from './define-rule';
import { GateOccurrences } from './gates';
import { k8sObjects, k8sWorkloads } from './kubernetes';
import { scanWords, type FusedQuery, type RuleRegistry } from './registry';
import { ruleText } from '../l10n';
import { spanOf } from './span';
import type { Finding, RuleLevel, RuleMeta } from './types';
import { yamlDocuments } from './yaml-ast';

/** Decides a rule's level for one file (settings and policy); `off` skips the rule. */
export type LevelResolver = (meta: RuleMeta) => RuleLevel;

/** Levels from overrides keyed by rule id or pillar: the rule's own entry wins, then its pillar's, then its default. */
export function overrideLevels(override: (key: string) => RuleLevel | undefined): LevelResolver {
  return (meta) => override(meta.id) ?? override(meta.pillar) ?? meta.severity;
}

/** The user's options for a rule (settings and policy), before defaults; undefined when none are set. */
export type OptionsResolver = (meta: RuleMeta) => Readonly<Record<string, unknown>> | undefined;

/** A rule that threw: it is skipped for this file and the others still run. */
export interface RuleFailure {
  ruleId: string;
  message: string;
}

/** The outcome of running the rules over one tree. */
export interface RunResult {
  findings: Finding[];
  failures: RuleFailure[];
  /** True when the query ran past its time budget and stopped early (findings may be incomplete). */
  truncated: boolean;
  /** The active local rules (ids, levels, file facts): a region run is only valid against a run with the same key. */
  localKey: string;
}

/** Half-open offsets [start, end) of whole top-level declarations. */
export interface Region {
  start: number;
  end: number;
}

/** Run every enabled rule of the tree's language in one pass (one fused query), then the Kubernetes rules for YAML. */
export function runRules(
  registry: RuleRegistry,
  tree: Tree,
  ctx: Omit<RuleContext, 'options'>,
  level: LevelResolver,
  opts: {
    budgetMs?: number;
    kubernetes?: boolean;
    options?: OptionsResolver;
    /** Compile a query for this file's active rule set when it repeats (an open editor); a scan passes false. */
    compile?: boolean;
    /** Run the local rules (QueryRuleSpec.local) in this region only; the other rules still see the whole tree. */
    region?: Region;
  } = {},
): RunResult {
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  const failed = new Set<string>();
  const fail = (d: RuleDefinition, e: unknown): void => {
    if (failed.has(d.meta.id)) return;
    failed.add(d.meta.id);
    failures.push({ ruleId: d.meta.id, message: e instanceof Error ? e.message : String(e) });
  };
  const push = (d: RuleDefinition, r: Report, lvl: Exclude<RuleLevel, 'off'>): void => {
    const f: Finding = { ruleId: d.meta.id, severity: lvl, pillar: d.meta.pillar, message: r.message ?? d.meta.title, span: r.span };
    if (r.fix) f.fix = r.fix;
    if (r.data) f.data = r.data;
    findings.push(f);
  };

  // Each rule sees its own options; the rest of the context is shared.
  const contexts = new Map<RuleDefinition, RuleContext>();
  const ctxFor = (d: RuleDefinition): RuleContext => {
    let c = contexts.get(d);
    if (!c) contexts.set(d, (c = { ...ctx, options: resolveOptions(d.meta, opts.options?.(d.meta)) }));
    return c;
  };

  const { fused, gated, rules: languageRules, triggerScan, gateWordsAt, triggersAt } = registry.forLanguage(ctx.language);
  let truncated = false;
  let localKey = '';
  if (languageRules.length) {
    const active = new Map<RuleDefinition, Exclude<RuleLevel, 'off'>>();
    // One pass over the text finds the triggers and gate words (CompiledLanguage.triggerScan): one is present where
    // it is a prefix of the longest one found at that position.
    let hits: [number, string][] | undefined;
    const scan = (): [number, string][] => (hits ??= triggerScan ? scanWords(triggerScan, ctx.text) : []);
    let found: Set<string> | undefined;
    const present = (t: string): boolean => {
      if (!found) {
        // The scan is built from the triggers of these very rules, so it exists whenever a trigger is asked about.
        found = new Set();
        let last = '';
        for (const [, w] of scan()) {
          if (w === last) continue;
          last = w;
          for (const x of triggersAt.get(w) ?? []) found.add(x);
        }
      }
      return found.has(t);
    };
    for (const d of languageRules) {
      const spec = d.spec;
      if (!isQueryRule(spec)) continue;
      const lvl = level(d.meta);
      if (lvl === 'off') continue;
      if (spec.triggers && !spec.triggers.some(present)) continue;
      if (spec.when && !spec.when(ctx.text, ctxFor(d).options, ctx)) continue;
      active.set(d, lvl);
      if (spec.local) localKey += `${d.meta.id}=${lvl}${spec.fileFacts ? `:${spec.fileFacts(ctx.text)}` : ''},`;
    }
    const deadline = performance.now() + (opts.budgetMs ?? 5000);
    const progressCallback = (): boolean => {
      if (performance.now() > deadline) truncated = true;
      return truncated;
    };
    const compile = opts.compile ?? true;
    const region = opts.region;
    const local = (d: RuleDefinition): boolean => !!(d.spec as QueryRuleSpec).local;

    const report = (d: RuleDefinition, captures: readonly { name: string; node: Node }[], r: Region | undefined): void => {
      const lvl = active.get(d);
      if (!lvl || failed.has(d.meta.id) || !isQueryRule(d.spec)) return;
      const spec = d.spec;
      try {
        const rctx = ctxFor(d);
        const rm = toRuleMatch(captures);
        if (!rm || (r && (rm.node.startIndex < r.start || rm.node.endIndex > r.end))) return;
        if (spec.filter && !spec.filter(rm, rctx)) return;
        const node = rm.get('report') ?? rm.node;
        const translated = ruleText(d.meta.id)?.message;
        const message = translated
          ? interpolate(translated, rm)
          : typeof spec.message === 'string' ? interpolate(spec.message, rm) : spec.message(rm, rctx);
        const rep: Report = { span: spanOf(node), message };
        const fix = spec.fix?.(rm, rctx);
        if (fix) rep.fix = fix;
        const data = spec.data?.(rm, rctx);
        if (data) rep.data = data;
        push(d, rep, lvl);
      } catch (e) {
        fail(d, e);
      }
    };

    // Gated patterns (gates.ts) run at the nodes of their root type that hold one of their words: the fused pass
    // finds those nodes through its index patterns, and the scan finds the words.
    // An editor runs them in its fused pass instead (RuleRegistry.editsWhole).
    const whole = registry.editsWhole(ctx.language, compile);
    const gatedActive = gated && !whole ? [...active.keys()].filter((d) => gated.gates.has(d)) : [];
    // Where the active gated rules' words occur, by root type: only those types' index patterns are needed.
    const occurrences = gated && gatedActive.length ? new GateOccurrences(scan(), gateWordsAt, gatedActive.map((d) => [d, gated.gates.get(d) ?? new Map(), gated.innermost.get(d)] as const)) : undefined;
    const indexTypes = occurrences?.types() ?? [];

    // The ungated patterns: one fused pass over the whole tree, or (region) the non-local rules over the whole tree
    // and the local ones over the region. The index goes with the whole tree when a non-local gated rule needs it.
    const passes: { query: FusedQuery | undefined; rules: RuleDefinition[]; index: readonly string[]; region?: Region }[] = [];
    const add = (rules: RuleDefinition[], index: readonly string[], r?: Region): void => {
      if (rules.length || index.length) passes.push({ query: registry.fusedFor(ctx.language, rules, compile, index), rules, index, ...(r ? { region: r } : {}) });
    };
    const inMain = new Set(whole ? languageRules : fused?.rules);
    const mainRules = [...active.keys()].filter((d) => inMain.has(d));
    if (region) {
      const wide = gatedActive.some((d) => !local(d));
      add(mainRules.filter((d) => !local(d)), wide ? indexTypes : []);
      add(mainRules.filter(local), wide ? [] : indexTypes, region);
    } else add(mainRules, indexTypes);
    const gateNodes: [Node, string][] = [];
    for (const pass of passes) {
      const query = pass.query;
      if (!query || truncated) continue;
      const wanted = query.rules.length === pass.rules.length ? undefined : new Set(pass.rules);
      // The query's index types are a superset of the pass's, as its rules are of the pass's rules.
      const types = query.index.length === pass.index.length ? undefined : new Set(pass.index);
      const r = pass.region;
      const matches = query.query.matches(tree.rootNode, r ? { startIndex: r.start, endIndex: r.end, progressCallback } : { progressCallback });
      for (const m of matches) {
        const d = query.patternRule[m.patternIndex];
        if (d) {
          if (!wanted || wanted.has(d)) report(d, m.captures, r);
        } else {
          const node = m.captures[0]?.node;
          const type = query.indexType[m.patternIndex];
          if (node && type && (!types || types.has(type))) gateNodes.push([node, type]);
        }
      }
    }

    if (occurrences && gateNodes.length && !truncated) {
      // A node can come once per index type it matches; a rule's query holds all its gated patterns, so it runs once
      // per node whichever type brought it.
      const ran = new Map<number, RuleDefinition[]>();
      const ends: (number | undefined)[] = [];
      const end = (i: number): number => (ends[i] ??= (gateNodes[i] as [Node, string])[0].endIndex);
      const inner = occurrences.innermost(gateNodes, end);
      const batch = (): Iterable<RuleDefinition> => occurrences.rules();
      const run = (node: Node, d: RuleDefinition, seen: RuleDefinition[]): void => {
        if (seen.includes(d)) return;
        seen.push(d);
        const query = registry.gatedQuery(ctx.language, d, batch);
        for (const m of query?.matches(node, { maxStartDepth: 0, progressCallback }) ?? []) report(d, m.captures, region && local(d) ? region : undefined);
      };
      for (let i = 0; i < gateNodes.length && !truncated; i++) {
        const [node, type] = gateNodes[i] as [Node, string];
        if (occurrences.none(type)) continue;
        const found = occurrences.rulesIn(type, node.startIndex, () => end(i));
        const innermost = inner.get(i);
        if (!found.length && !innermost) continue;
        let seen = ran.get(node.id);
        if (!seen) ran.set(node.id, (seen = []));
        for (const d of found) run(node, d, seen);
        if (innermost) for (const d of innermost) run(node, d, seen);
      }
    }
  }

  // A manifest names its apiVersion and kind: YAML without both (CI files, configs) skips the object model entirely.
  if (ctx.language === 'yaml' && opts.kubernetes !== false && registry.kubernetesRules.length && ctx.text.includes('apiVersion') && ctx.text.includes('kind')) {
    const enabled = registry.kubernetesRules.map((d) => [d, level(d.meta)] as const).filter(([, l]) => l !== 'off');
    if (enabled.length) {
      const objects = k8sObjects(yamlDocuments(tree));
      if (objects.length) {
        const workloads = k8sWorkloads(objects);
        for (const [d, lvl] of enabled) {
          if (isQueryRule(d.spec) || lvl === 'off') continue;
          try {
            const kctx: K8sContext = { ...ctxFor(d), objects, workloads };
            for (const r of d.spec.check(kctx)) push(d, localizeReport(d, r), lvl);
          } catch (e) {
            fail(d, e);
          }
        }
      }
    }
  }
  return { findings: sortFindings(findings), failures, truncated, localKey };
}

function toRuleMatch(captures: readonly { name: string; node: Node }[]): RuleMatch | undefined {
  const map = new Map<string, Node[]>();
  for (const c of captures) {
    const list = map.get(c.name);
    if (list) list.push(c.node);
    else map.set(c.name, [c.node]);
  }
  const node = map.get('match')?.[0];
  if (!node) return undefined;
  return {
    node,
    captures: map,
    get: (name) => map.get(name)?.[0],
    text: (name) => map.get(name)?.[0]?.text ?? '',
  };
}

function interpolate(template: string, m: RuleMatch): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => m.text(name) || name);
}

/** A Kubernetes report in the locale in force: its translated template, filled from the report's data (English when a placeholder has no value). */
function localizeReport(d: RuleDefinition, r: Report): Report {
  const template = ruleText(d.meta.id)?.message;
  if (!template) return r;
  let complete = true;
  const message = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const v = r.data?.[name];
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    complete = false;
    return '';
  });
  return complete ? { ...r, message } : r;
}

/** Findings in text order, each (rule, span) once. */
export function sortFindings(findings: Finding[]): Finding[] {
  findings.sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
  return dedupe(findings);
}

/** A pattern with alternatives can match the same node twice; keep one finding per rule and span. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}:${f.span.start}:${f.span.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
