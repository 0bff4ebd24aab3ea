import { Query } from 'web-tree-sitter';
import { isQueryRule, type K8sRuleSpec, type QueryRuleSpec, type RuleDefinition } from './define-rule';
import { LANGUAGES, type LanguageId } from './languages';
import type { ParserPool } from './parser-pool';
import type { RuleMeta } from './types';

/** All query rules of one language fused into one Query, so one pass over the tree runs them all. */
export interface FusedQuery {
  query: Query;
  /** The rule of each pattern index. */
  patternRule: readonly RuleDefinition[];
  rules: readonly RuleDefinition[];
}

/** A rule query that did not compile: the rule is left out for that language, and a test fails. */
export interface CompileError {
  ruleId: string;
  language: LanguageId;
  message: string;
}

/** The compiled rule catalogue: fused queries per language, the Kubernetes rules, and the metadata. */
export class RuleRegistry {
  readonly byId: ReadonlyMap<string, RuleDefinition>;

  private constructor(
    readonly rules: readonly RuleDefinition[],
    readonly fused: ReadonlyMap<LanguageId, FusedQuery>,
    readonly kubernetesRules: readonly RuleDefinition[],
    readonly errors: readonly CompileError[],
  ) {
    this.byId = new Map(rules.map((r) => [r.meta.id, r]));
  }

  /** Compile every rule's query against the loaded grammars and fuse them per language. */
  static compile(defs: readonly RuleDefinition[], pool: ParserPool): RuleRegistry {
    const errors: CompileError[] = [];
    const fused = new Map<LanguageId, FusedQuery>();
    const ids = new Set<string>();
    for (const d of defs) {
      if (ids.has(d.meta.id)) throw new Error(`duplicate rule id ${d.meta.id}`);
      ids.add(d.meta.id);
    }
    for (const { id: lang } of LANGUAGES) {
      const language = pool.language(lang);
      const sources: string[] = [];
      const patternRule: RuleDefinition[] = [];
      const rules: RuleDefinition[] = [];
      for (const d of defs) {
        if (!isQueryRule(d.spec) || !d.spec.languages.includes(lang)) continue;
        const src = querySource(d.spec, lang);
        if (!src) continue;
        let q: Query | undefined;
        try {
          q = new Query(language, src);
          if (!q.captureNames.includes('match')) throw new Error('the query has no @match capture');
          for (let i = 0; i < q.patternCount(); i++) patternRule.push(d);
          sources.push(src);
          rules.push(d);
        } catch (e) {
          errors.push({ ruleId: d.meta.id, language: lang, message: (e as Error).message });
        } finally {
          q?.delete();
        }
      }
      if (sources.length) fused.set(lang, { query: new Query(language, sources.join('\n')), patternRule, rules });
    }
    const kubernetesRules = defs.filter((d) => !isQueryRule(d.spec));
    return new RuleRegistry(defs, fused, kubernetesRules, errors);
  }

  /** Metadata of every rule, sorted by id. */
  metas(): RuleMeta[] {
    return this.rules.map((r) => r.meta).sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Free the WASM memory of the compiled queries. */
  dispose(): void {
    for (const f of this.fused.values()) f.query.delete();
  }
}

/** The query text of a rule for a language ('' when the rule has none for it). */
export function querySource(spec: QueryRuleSpec, lang: LanguageId): string {
  return typeof spec.query === 'string' ? spec.query : (spec.query[lang] ?? '');
}

export type { K8sRuleSpec };
