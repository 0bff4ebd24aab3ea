import type { Tree } from 'web-tree-sitter';
import { t } from '../l10n';
import type { LineIndex } from './span';
import type { Finding } from './types';

/** Rule id of the hint for a `dfx-ignore` comment that suppresses nothing. */
export const UNUSED_SUPPRESSION = 'dfx-unused-suppression';

/** A `dfx-ignore` or `dfx-ignore-file` comment. */
export interface Suppression {
  kind: 'line' | 'file';
  /** Rule ids, or `all`. */
  ruleIds: string[];
  reason: string | undefined;
  /** The line whose findings it suppresses (line suppressions only). */
  targetLine: number;
  /** Offsets of the `dfx-ignore…` text inside the comment, for the hint and for code actions. */
  start: number;
  end: number;
}

const MARKER = /dfx-ignore(-file)?\b[ \t]*([A-Za-z0-9_,\- \t]*?)[ \t]*(?::[ \t]*(.*?))?[ \t]*(?:\*\/|-->)?[ \t]*$/gm;

/** Find every suppression comment. A marker only counts inside a comment node (never inside a string). */
export function findSuppressions(text: string, tree: Tree | undefined, lines: LineIndex): Suppression[] {
  if (!text.includes('dfx-ignore')) return [];
  const out: Suppression[] = [];
  for (const m of text.matchAll(MARKER)) {
    const start = m.index;
    if (tree && !inComment(tree, start)) continue;
    const ruleIds = (m[2] ?? '').split(/[\s,]+/).filter(Boolean);
    const pos = lines.positionAt(start);
    const lineText = lines.lineText(pos.line);
    const before = lineText.slice(0, pos.character).replace(/(\/\/|#|\/\*|<!--)\s*$/, '').trim();
    let targetLine = pos.line;
    if (!before) {
      // A comment on a line of its own applies to the next line of code (skipping blank lines and other comments).
      targetLine = pos.line + 1;
      while (targetLine < lines.lineCount && /^\s*(\/\/|#|\/\*|\*|$)/.test(lines.lineText(targetLine))) targetLine++;
    }
    out.push({
      kind: m[1] ? 'file' : 'line',
      ruleIds: ruleIds.length ? ruleIds : ['all'],
      reason: m[3] || undefined,
      targetLine,
      start,
      end: start + m[0].replace(/[ \t]*(\*\/|-->)?[ \t]*$/, '').length,
    });
  }
  return out;
}

function inComment(tree: Tree, offset: number): boolean {
  const node = tree.rootNode.descendantForIndex(offset, offset + 1);
  return Boolean(node && /comment/.test(node.type));
}

/**
 * Drop suppressed findings and add a faded hint for each suppression that matched nothing
 * (an unknown rule id is called out with the closest known one).
 */
export function applySuppressions(
  findings: readonly Finding[],
  suppressions: readonly Suppression[],
  lines: LineIndex,
  knownRuleIds: ReadonlySet<string>,
): Finding[] {
  if (!suppressions.length) return [...findings];
  const used = new Set<Suppression>();
  const kept = findings.filter((f) => {
    if (f.meta) return true;
    let suppressed = false;
    for (const s of suppressions) {
      if (!s.ruleIds.includes(f.ruleId) && !s.ruleIds.includes('all')) continue;
      if (s.kind === 'file' || s.targetLine === f.span.startPos.line) {
        used.add(s);
        suppressed = true;
      }
    }
    return !suppressed;
  });
  for (const s of suppressions) {
    if (used.has(s)) continue;
    const unknown = s.ruleIds.filter((id) => id !== 'all' && !knownRuleIds.has(id));
    const message = unknown.length
      ? t('dfx-ignore names unknown rule {0}', unknown.map((u) => `"${u}"${didYouMean(u, knownRuleIds)}`).join(', '))
      : s.kind === 'file'
        ? t('dfx-ignore {0} suppresses nothing in this file: remove it', s.ruleIds.join(', '))
        : t('dfx-ignore {0} suppresses nothing on the line it covers: remove it', s.ruleIds.join(', '));
    kept.push({ ruleId: UNUSED_SUPPRESSION, severity: 'hint', message, span: lines.span(s.start, s.end), meta: true, unnecessary: true });
  }
  return kept;
}

/** ` (did you mean "x"?)` for the closest id within a small edit distance, or ''. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best && bestD <= Math.max(2, Math.floor(word.length / 3)) ? t(' (did you mean "{0}"?)', best) : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}
