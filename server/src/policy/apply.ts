// What a policy means for one file: is it governed at all (languages, include, exclude), each rule's level and
// options. Layers, strongest first: the overrides whose `files` match (the last one listed wins), the top-level
// `rules`, then the sections (switches such as testability.clockInjection, the Pod Security level, the option mapping
// table). Within a layer a rule id wins over its pillar. The user's settings sit above all of it (see combine()).
import * as path from 'node:path';
import { globToRegExp } from '../engine/files';
import type { LanguageId } from '../engine/languages';
import type { LevelResolver, OptionsResolver } from '../engine/runner';
import type { RuleLevel, RuleMeta } from '../engine/types';
import { sectionLevel, sectionOptions } from './mapping';
import type { Level, Policy, PolicyLanguage, RulesConfig } from './types';

/** A policy applied to one file. */
export interface FilePolicy {
  /** False when the policy leaves this file out (languages, include, exclude): it gets no findings. */
  included: boolean;
  /** Why it is left out, for logs and the CLI. */
  reason?: string;
  /** The policy's level for a rule, or undefined when the policy does not say. */
  level(meta: RuleMeta): RuleLevel | undefined;
  /** The policy's options for a rule (sections, then `rules`, then overrides), or undefined when it sets none. */
  options(meta: RuleMeta): Record<string, unknown> | undefined;
}

const EDITOR_LANGUAGE: Record<LanguageId, PolicyLanguage> = {
  go: 'go', typescript: 'typescript', tsx: 'typescript', javascript: 'javascript', python: 'python', java: 'java', yaml: 'kubernetes',
};

const globCache = new Map<string, RegExp>();
function glob(g: string): RegExp {
  let re = globCache.get(g);
  if (!re) {
    re = globToRegExp(g);
    if (globCache.size > 1000) globCache.clear();
    globCache.set(g, re);
  }
  return re;
}

/** True when `rel` (a `/`-separated path relative to the policy's folder) matches one of the globs. A glob naming a folder matches what is inside. */
export function matchesAny(globs: readonly string[] | undefined, rel: string): boolean {
  return (globs ?? []).some((g) => glob(g).test(rel) || glob(g.replace(/\/+$/, '') + '/**').test(rel));
}

/** The policy as it applies to `filePath` (absolute), for a policy file in `policyDir`. */
export function policyForFile(policy: Policy, policyDir: string, filePath: string, language?: LanguageId): FilePolicy {
  const rel = path.relative(policyDir, filePath).split(path.sep).join('/');
  let reason: string | undefined;
  if (language && policy.languages?.length && !policy.languages.includes(EDITOR_LANGUAGE[language])) reason = `the policy governs ${policy.languages.join(', ')} only`;
  else if (policy.include?.length && !matchesAny(policy.include, rel)) reason = 'not matched by the policy\'s include';
  else if (matchesAny(policy.exclude, rel)) reason = 'excluded by the policy';
  const overrides = (policy.overrides ?? []).filter((o) => o && Array.isArray(o.files) && matchesAny(o.files, rel));
  const layers: RulesConfig[] = [...overrides.map((o) => o.rules ?? {}).reverse(), policy.rules ?? {}];
  return {
    included: reason === undefined,
    ...(reason ? { reason } : {}),
    level(meta) {
      for (const layer of layers) {
        const l = levelOf(layer[meta.id]) ?? levelOf(layer[meta.pillar]);
        if (l) return l;
      }
      return sectionLevel(policy, meta);
    },
    options(meta) {
      const out: Record<string, unknown> = sectionOptions(policy, meta);
      for (const layer of [...layers].reverse()) {
        const s = layer[meta.id];
        if (s && typeof s === 'object' && s.options && typeof s.options === 'object') Object.assign(out, s.options);
      }
      return Object.keys(out).length ? out : undefined;
    },
  };
}

function levelOf(s: RulesConfig[string] | undefined): Level | undefined {
  if (typeof s === 'string') return s;
  return s && typeof s === 'object' ? s.level : undefined;
}

/**
 * Settings over policy: the user's `genai4dfx.rules` (or the CLI's --rule) is a local override of the team's policy,
 * so an entry there (by id, then by pillar) wins; then the policy; then the rule's default severity.
 */
export function combine(settingsRules: (key: string) => RuleLevel | undefined, file: FilePolicy | undefined): { level: LevelResolver; options: OptionsResolver } {
  return {
    level: (meta) => settingsRules(meta.id) ?? settingsRules(meta.pillar) ?? file?.level(meta) ?? meta.severity,
    options: (meta) => file?.options(meta),
  };
}
