import { MarkupKind, type Connection, type Hover } from 'vscode-languageserver/node';
import { ruleText, t } from '../l10n';
import type { Engine } from '../engine/analyzer';
import type { RuleMeta } from '../engine/types';
import type { DocumentAnalyzer } from './analysis';
import { toRange } from './convert';
import type { Logger } from './logger';

/** The markdown shown for a rule: title, pillar and level, its documentation and a link to the full page. */
export function ruleMarkdown(meta: RuleMeta): string {
  const head = `**${ruleText(meta.id)?.title ?? meta.title}** — \`${meta.id}\` · ${t(meta.pillar)} · ${t(meta.severity)}${meta.fixable ? t(' · quick fix available') : ''}`;
  return [head, meta.description, `[Rule documentation](${meta.docs})`].join('\n\n');
}

/** Hover on a finding shows its rule's documentation; hover on a rule id in a `dfx-ignore` comment does too. */
export function registerHover(
  connection: Connection,
  engine: Engine,
  analyzer: DocumentAnalyzer,
  log: Logger,
  /** Hover of another feature (the policy file) that answers first; undefined lets the finding hover run. */
  first?: (uri: string, position: { line: number; character: number }) => Hover | null | undefined,
): void {
  connection.onHover(async ({ textDocument, position }): Promise<Hover | null> => {
    try {
      const own = first?.(textDocument.uri, position);
      if (own !== undefined) return own;
      const a = await analyzer.analyze(textDocument.uri);
      if (!a) return null;
      const offset = a.doc.lineIndex.offsetAt(position);
      const hits = a.findings.filter((f) => f.span.start <= offset && offset <= f.span.end && engine.registry.byId.has(f.ruleId));
      if (hits.length) {
        // The editor already shows the diagnostic's message above a hover: show the rule's documentation only.
        const parts = hits.map((f) => ruleMarkdown(engine.registry.byId.get(f.ruleId)!.meta));
        return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: toRange(hits[0]!.span) };
      }
      const line = a.doc.lineIndex.lineText(position.line);
      if (!line.includes('dfx-ignore')) return null;
      for (const m of line.matchAll(/[a-z0-9]+(?:-[a-z0-9]+)+/g)) {
        const meta = engine.registry.byId.get(m[0])?.meta;
        if (meta && m.index <= position.character && position.character <= m.index + m[0].length) {
          return { contents: { kind: MarkupKind.Markdown, value: ruleMarkdown(meta) } };
        }
      }
      return null;
    } catch (e) {
      log.error(`hover failed: ${(e as Error).message}`);
      return null;
    }
  });
}
