import type { Tree } from 'web-tree-sitter';
import { Edit } from 'web-tree-sitter';
import type { LanguageId } from './languages';
import { LineIndex } from './span';
import type { Pos } from './types';

/** One incremental change as LSP sends it: a range replaced by text, or (no range) the whole text. */
export interface ContentChange {
  range?: { start: Pos; end: Pos };
  text: string;
}

/**
 * The text changed since the last `takeChanges()`: [start, end) in the current text covers every edit and every range
 * whose syntax changed, and the text is `delta` longer than it was. Outside it the text is the same (shifted by
 * `delta` after it); 'all' when that cannot be said (a whole-text replace, a failed or full parse).
 */
export type ChangedRange = { start: number; end: number; delta: number } | 'all';

/** Parses a text, optionally reusing an edited old tree. */
export type ParseFn = (language: LanguageId, text: string, oldTree: Tree | null) => Tree;

/**
 * An open document with its syntax tree. Each change edits the tree (`tree.edit`) and re-parses with the old tree,
 * so a keystroke costs a fraction of a millisecond instead of a full parse.
 */
export class SourceDocument {
  private lines: LineIndex;
  private current: Tree | undefined;
  /** Set when the last parse failed (timeout): the next change parses from scratch. */
  parseError: unknown;
  private pending: ChangedRange | undefined = 'all';

  constructor(readonly uri: string, readonly language: LanguageId, public version: number, private content: string, private readonly parseFn: ParseFn) {
    this.lines = new LineIndex(content);
    this.reparse(null);
  }

  get text(): string {
    return this.content;
  }

  /** The current tree, or undefined when the last parse failed. */
  get tree(): Tree | undefined {
    return this.current;
  }

  get lineIndex(): LineIndex {
    return this.lines;
  }

  /** Apply LSP content changes in order, editing the tree for each, then re-parse once incrementally. */
  update(changes: readonly ContentChange[], version: number): void {
    let incremental = this.current !== undefined;
    for (const c of changes) {
      if (!c.range) {
        this.pending = 'all';
        this.content = c.text;
        this.lines = new LineIndex(c.text);
        incremental = false;
        continue;
      }
      const start = this.lines.offsetAt(c.range.start);
      const oldEnd = Math.max(start, this.lines.offsetAt(c.range.end));
      const startPosition = this.lines.positionAt(start);
      const oldEndPosition = this.lines.positionAt(oldEnd);
      this.content = this.content.slice(0, start) + c.text + this.content.slice(oldEnd);
      const newEnd = start + c.text.length;
      this.noteChange(start, oldEnd, newEnd);
      if (incremental && this.current) {
        this.current.edit(new Edit({
          startIndex: start,
          oldEndIndex: oldEnd,
          newEndIndex: newEnd,
          startPosition: { row: startPosition.line, column: startPosition.character },
          oldEndPosition: { row: oldEndPosition.line, column: oldEndPosition.character },
          newEndPosition: endPositionAfter(startPosition, c.text),
        }));
      }
      this.lines = new LineIndex(this.content);
    }
    this.version = version;
    this.reparse(incremental ? (this.current ?? null) : null);
  }

  /** What changed since the last call (the analyzer calls it when it analyses the current tree), and start afresh. */
  takeChanges(): ChangedRange | undefined {
    const p = this.pending;
    this.pending = undefined;
    return p;
  }

  private noteChange(start: number, oldEnd: number, newEnd: number): void {
    const p = this.pending;
    if (p === 'all') return;
    if (!p) {
      this.pending = { start, end: newEnd, delta: newEnd - oldEnd };
      return;
    }
    // The pending end, carried through this edit.
    const end = p.end <= start ? p.end : p.end >= oldEnd ? p.end + newEnd - oldEnd : newEnd;
    this.pending = { start: Math.min(p.start, start), end: Math.max(end, newEnd), delta: p.delta + newEnd - oldEnd };
  }

  /** Free the tree's WASM memory. */
  dispose(): void {
    this.current?.delete();
    this.current = undefined;
  }

  private reparse(old: Tree | null): void {
    let next: Tree | undefined;
    try {
      next = this.parseFn(this.language, this.content, old);
      this.parseError = undefined;
    } catch (e) {
      this.parseError = e;
    }
    const p = this.pending;
    if (!next || !old) this.pending = 'all';
    else if (p && p !== 'all') {
      // Ranges whose structure changed (a closing brace typed re-nests what follows) count as changed too.
      let { start, end } = p;
      for (const r of old.getChangedRanges(next)) {
        start = Math.min(start, r.startIndex);
        end = Math.max(end, r.endIndex);
      }
      this.pending = { start, end, delta: p.delta };
    }
    this.current?.delete();
    this.current = next;
  }
}

function endPositionAfter(start: Pos, inserted: string): { row: number; column: number } {
  const nl = inserted.lastIndexOf('\n');
  if (nl === -1) return { row: start.line, column: start.character + inserted.length };
  let rows = 0;
  for (let i = inserted.indexOf('\n'); i !== -1; i = inserted.indexOf('\n', i + 1)) rows++;
  return { row: start.line + rows, column: inserted.length - nl - 1 };
}
