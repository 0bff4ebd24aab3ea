// Adding generated code to a file that may already exist: imports after the last import, code at the end (Java:
// before the class's closing brace), nothing already there touched.
import type { LanguageId } from '../engine/languages';
import type { TextChange } from '../engine/types';

/** Names an import line brings in (best effort across the languages). */
function importedNames(line: string): string[] {
  const t = line.trim();
  const def = /^import\s+(?:\*\s+as\s+)?([\w$]+)\s*(?:,|from\b)/.exec(t)?.[1] ?? /^(?:const|let|var)\s+([\w$]+)\s*=\s*require\(/.exec(t)?.[1];
  if (def) return [def, ...(/\{([^}]*)\}/.test(t) ? importedNames(t.replace(/^import\s+[\w$]+\s*,/, 'import ')) : [])];
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
  // The names the file's imports already bring in (not just any word on an import line: `{ Ledger } from './ledger'`
  // does not import `ledger`).
  const have = new Set(lines.filter((l) => IMPORT_LINE.test(l.trim()) || /^\s*"/.test(l)).flatMap(importedNames));
  const present = (imp: string): boolean => {
    if (existing.includes(imp)) return true;
    const names = importedNames(imp);
    return names.length > 0 && names.every((n) => have.has(n));
  };
  const changes: TextChange[] = [];
  // TS/JS: a named import from a module the file already imports by name joins that import's braces.
  const joined = (imp: string): boolean => {
    // Python: `from m import a` + `from m import b` → `from m import a, b` (single-line imports only).
    const py = /^from\s+(\S+)\s+import\s+([\w, ]+)$/.exec(imp);
    if (language === 'python' && py) {
      let offset = 0;
      for (const l of lines) {
        if (new RegExp(`^from\\s+${py[1]!.replace(/\./g, '\\.')}\\s+import\\s+[\\w, ]+$`).test(l.trimEnd())) {
          const at = offset + l.trimEnd().length;
          changes.push({ start: at, end: at, newText: `, ${py[2]!.trim()}` });
          return true;
        }
        offset += l.length + 1;
      }
      return false;
    }
    const spec = /(?:from\s*|require\(\s*)(['"][^'"]+['"])/.exec(imp)?.[1];
    const names = /\{([^}]*)\}/.exec(imp)?.[1]?.trim();
    if (!spec || !names || language === 'python' || language === 'go' || language === 'java') return false;
    let offset = 0;
    for (const l of lines) {
      const close = l.indexOf('}');
      if (l.includes(spec) && /^\s*(import\s*\{|(const|let|var)\s*\{)/.test(l) && close > 0 && (l.startsWith('import') === imp.startsWith('import'))) {
        const before = l.slice(0, close).replace(/\s+$/, '');
        const at = offset + before.length;
        changes.push({ start: at, end: at, newText: `${before.endsWith(',') ? ' ' : ', '}${names}` });
        return true;
      }
      offset += l.length + 1;
    }
    return false;
  };
  const missing = imports.filter((i) => !present(i) && !joined(i));
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
