import { URI } from 'vscode-uri';
import type { Engine } from '../engine/analyzer';
import type { SourceDocument } from '../engine/document';
import { isPolicyPath } from '../engine/languages';
import type { Finding } from '../engine/types';
import { policyForFile, type FilePolicy } from '../policy/apply';
import { checkPolicyText, PolicyLoader, POLICY_FILE, type LoadedPolicy } from '../policy/load';
import { parsePolicyTree, type ParsedPolicy, type PolicyProblem } from '../policy/parse';
import { validatePolicy } from '../policy/validate';
import { YamlReuse } from '../policy/yaml-fast';
import type { YValue } from '../engine/yaml-ast';
import type { DocumentStore } from './documents';
import type { Logger } from './logger';

/** Rule id (Diagnostic.code) of every problem in a `.dfx.yaml`. */
export const POLICY_DIAGNOSTIC = 'dfx-policy';

/** The policy governing one document, as the analyzer needs it. */
export interface DocumentPolicy {
  loaded: LoadedPolicy | undefined;
  file: FilePolicy | undefined;
}

/**
 * The server's policies: the nearest `.dfx.yaml` above each document, read from the open editor when it is open
 * (so an unsaved edit applies at once) and from disk otherwise. `generation` moves whenever any policy may have
 * changed; it is part of every diagnostic result id, so a policy change re-analyses open documents.
 */
export class ServerPolicies {
  generation = 0;
  private readonly loader: PolicyLoader;
  private readonly listeners: (() => void)[] = [];
  private readonly warned = new Map<string, number>();

  constructor(private readonly engine: Engine, private readonly documents: DocumentStore, private readonly log: Logger) {
    this.loader = new PolicyLoader(
      (text) => engine.parse('yaml', text, null, 5000),
      () => engine.registry.metas(),
      (file) => {
        const d = documents.get(URI.file(file).toString());
        return d ? { text: d.text, version: d.version } : undefined;
      },
    );
    documents.onDidChange((uri) => {
      if (isGoverningPolicy(uri)) this.changed(uriPath(uri));
    });
  }

  /** Called after any policy changed (to refresh diagnostics). */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** A `.dfx.yaml` changed on disk, was created or deleted (file watcher), or its editor changed. */
  changed(file?: string): void {
    this.loader.invalidate(file);
    this.generation++;
    for (const l of this.listeners) l();
  }

  /** The policy that governs a document URI (file: URIs only; others get the built-in defaults). */
  forUri(uri: string, language?: Parameters<typeof policyForFile>[3]): DocumentPolicy {
    const p = uriPath(uri);
    return p ? this.forPath(p, language) : { loaded: undefined, file: undefined };
  }

  /** The policy that governs a file path. */
  forPath(filePath: string, language?: Parameters<typeof policyForFile>[3]): DocumentPolicy {
    let loaded: LoadedPolicy | undefined;
    try {
      loaded = this.loader.forFile(filePath);
    } catch (e) {
      this.log.error(`could not load the policy for ${filePath}: ${(e as Error).message}`);
      return { loaded: undefined, file: undefined };
    }
    if (loaded && !loaded.current && this.warned.get(loaded.file) !== loaded.generation) {
      this.warned.set(loaded.file, loaded.generation);
      this.log.warn(`${loaded.file} has errors: ${loaded.policy ? 'the last valid version stays in force' : 'built-in defaults apply'} until they are fixed`);
    }
    if (!loaded?.policy) return { loaded, file: undefined };
    return { loaded, file: policyForFile(loaded.policy, loaded.dir, filePath, language) };
  }

  /** The problems of a policy text that is not open (workspace diagnostics). */
  problemsOfText(text: string): PolicyProblem[] {
    return checkPolicyText(text, (t) => this.engine.parse('yaml', t, null, 5000), this.engine.registry.metas()).problems;
  }

  /** The problems of an open policy document, from its incrementally parsed tree. */
  problemsOf(doc: SourceDocument): PolicyProblem[] {
    const parsed = parsedPolicy(doc);
    return parsed ? validatePolicy(parsed, this.engine.registry.metas()).problems : [];
  }
}

/** Policy problems as engine findings (meta: no suppression or fix applies to them). */
export function policyFindings(problems: readonly PolicyProblem[]): Finding[] {
  return problems.map((p) => ({ ruleId: POLICY_DIAGNOSTIC, severity: p.severity, message: p.message, span: p.span, meta: true, data: { code: p.code } }));
}

/** The file path of a file: URI, or undefined. */
export function uriPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return URI.parse(uri).fsPath;
  } catch {
    return undefined;
  }
}

function isGoverningPolicy(uri: string): boolean {
  return isPolicyPath(uri) && uri.endsWith(`/${POLICY_FILE}`);
}

const parses = new WeakMap<SourceDocument, { version: number; parsed: ParsedPolicy | undefined; reuse: YamlReuse }>();

/** An open policy document parsed once per version: diagnostics, completion, hover and the outline share it. */
export function parsedPolicy(doc: SourceDocument): ParsedPolicy | undefined {
  const c = parses.get(doc);
  if (c && c.version === doc.version) return c.parsed;
  // Typing re-converts only the entries it touched: a 10,000-line policy stays responsive.
  const reuse = c?.reuse ?? new YamlReuse();
  const parsed = doc.tree ? parsePolicyTree(doc.tree, doc.text, reuse) : undefined;
  parses.set(doc, { version: doc.version, parsed, reuse });
  return parsed;
}

/** The positioned root of an open policy document (completion, hover, outline). */
export function policyRoot(doc: SourceDocument): YValue | undefined {
  return parsedPolicy(doc)?.root;
}
