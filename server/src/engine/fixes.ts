import type { Finding, TextChange } from './types';

/**
 * Apply text changes to a text. Changes that overlap one already taken are dropped (first come, first served),
 * which is what fix-all needs when two fixes touch the same code.
 */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  const chosen = nonOverlapping(changes);
  let out = text;
  for (const c of [...chosen].sort((a, b) => b.start - a.start)) out = out.slice(0, c.start) + c.newText + out.slice(c.end);
  return out;
}

/** The changes to keep so that none overlap, in source order. */
export function nonOverlapping(changes: readonly TextChange[]): TextChange[] {
  const sorted = [...changes].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextChange[] = [];
  let lastEnd = -1;
  for (const c of sorted) {
    if (c.start < lastEnd || (c.start === lastEnd && c.start === c.end && out.at(-1)?.start === c.start)) continue;
    out.push(c);
    lastEnd = Math.max(lastEnd, c.end);
  }
  return out;
}

/** The changes of every fixable finding, with whole fixes that overlap an earlier one left out (fix-all). */
export function fixAllChanges(findings: readonly Finding[]): TextChange[] {
  const out: TextChange[] = [];
  const taken: TextChange[] = [];
  for (const f of [...findings].sort((a, b) => a.span.start - b.span.start)) {
    if (!f.fix) continue;
    const overlaps = f.fix.changes.some((c) => taken.some((t) => c.start < t.end && t.start < c.end));
    if (overlaps) continue;
    taken.push(...f.fix.changes);
    out.push(...f.fix.changes);
  }
  return out;
}
