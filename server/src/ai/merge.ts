// Adding generated code to a file that may already exist: imports after the last import, code at the end (Java:
// before the class's closing brace), nothing already there touched.
import type { LanguageId } from '../engine/languages';
import type { TextChange } from '../engine/types';

/** Names an import line brings in (best effort across the languages). */
function importedNames(line: string): string[] {
  const braces = /\{([^}]*)\}/.exec(line)?.[1];
  if (braces) return braces.split(',').map((s) => s.trim().split(/\s+as\s+|:\s*/).pop() ?? '').filter(Boolean);
  const py = /^from\s+\S+\s+import\s+(.+)$/.exec(line)?.[1];
  if (py) return py.split(',').map((s) => s.trim().split(/\s+as\s+/).pop() ?? '').filter(Boolean);
  const last = /([\w]+)\s*;?\s*$/.exec(line.replace(/["'`]/g, ''))?.[1];
  return last ? [last] : [];
}

const IMPORT_LINE = /^(import\b|from\s+\S+\s+import\b|const\s+.+=\s*require\(|package\b|\s*"[\w./-]+"\s*$|\))/;

/** The changes that add `imports` and `code` to `existing`, and the resulting text. */
export function mergeInto(existing: string, imports: readonly string[], code: string, language: LanguageId): { changes: TextChange[]; text: string } {
  const lines = existing.split('\n');
  const present = (imp: string): boolean => {
    if (existing.includes(imp)) return true;
    const names = importedNames(imp);
    const head = lines.filter((l) => IMPORT_LINE.test(l.trim()) || /^\s*"/.test(l)).join('\n');
    return names.length > 0 && names.every((n) => new RegExp(`\\b${n.replace(/[^\w]/g, '')}\\b`).test(head));
  };
  const missing = imports.filter((i) => !present(i));
  const changes: TextChange[] = [];
  if (missing.length) {
    let at = 0;
    let offset = 0;
    let inGoBlock = false;
    let goBlockEnd = -1;
    for (const l of lines) {
      const t = l.trim();
      if (language === 'go' && /^import\s*\($/.test(t)) inGoBlock = true;
      if (inGoBlock && t === ')') {
        inGoBlock = false;
        goBlockEnd = offset;
      }
      if (/^(package\b|import\b|from\s+\S+\s+import\b)/.test(t) || /=\s*require\(/.test(t) || (language === 'go' && t === ')' && goBlockEnd === offset)) at = offset + l.length + 1;
      offset += l.length + 1;
    }
    at = Math.min(at, existing.length);
    let text: string;
    if (language === 'go') {
      // Inside the import block when there is one, else one import line each.
      if (goBlockEnd >= 0) {
        changes.push({ start: goBlockEnd, end: goBlockEnd, newText: missing.map((m) => `\t${m}\n`).join('') });
        text = '';
      } else text = missing.map((m) => `import ${m}\n`).join('');
    } else text = `${missing.join('\n')}\n`;
    if (text) changes.push({ start: at, end: at, newText: at === 0 || existing[at - 1] === '\n' ? text : `\n${text}` });
  }
  if (language === 'java') {
    const close = existing.lastIndexOf('}');
    if (close === -1) throw new Error('the existing test file has no class body to add to');
    changes.push({ start: close, end: close, newText: `\n${code}` });
  } else {
    const sep = existing.endsWith('\n\n') ? '' : existing.endsWith('\n') ? '\n' : '\n\n';
    changes.push({ start: existing.length, end: existing.length, newText: `${sep}${language === 'python' ? '\n' : ''}${code}` });
  }
  let text = existing;
  for (const c of [...changes].sort((a, b) => b.start - a.start)) text = text.slice(0, c.start) + c.newText + text.slice(c.end);
  return { changes, text };
}
