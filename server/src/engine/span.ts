import type { Node } from 'web-tree-sitter';
import type { Pos, Span } from './types';

/** The span of a syntax node. web-tree-sitter reports UTF-16 offsets and columns, the same units as LSP. */
export function spanOf(node: Node): Span {
  return {
    start: node.startIndex,
    end: node.endIndex,
    startPos: { line: node.startPosition.row, character: node.startPosition.column },
    endPos: { line: node.endPosition.row, character: node.endPosition.column },
  };
}

/** Maps offsets to line/character positions for one text (built once per analysis, binary search per lookup). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of a line (clamped). */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))] ?? 0;
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = line + 1 < this.starts.length ? (this.starts[line + 1] ?? this.text.length) - 1 : this.text.length;
    return this.text.slice(start, next).replace(/\r$/, '');
  }

  positionAt(offset: number): Pos {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - (this.starts[lo] ?? 0) };
  }

  offsetAt(pos: Pos): number {
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.lineStart(pos.line);
    const nextStart = pos.line + 1 < this.starts.length ? (this.starts[pos.line + 1] ?? this.text.length) : this.text.length;
    return Math.min(start + Math.max(0, pos.character), nextStart);
  }

  span(start: number, end: number): Span {
    return { start, end, startPos: this.positionAt(start), endPos: this.positionAt(end) };
  }
}
