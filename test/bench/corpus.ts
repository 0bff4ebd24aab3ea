import * as fs from 'node:fs';
import * as path from 'node:path';
import { languageForPath } from '../../server/src/engine/languages';

/** Every analysable file under a folder (no ignores: the bench decides what goes in). */
function listFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) listFiles(p, out);
    else if (languageForPath(p)) out.push(p);
  }
  return out;
}

/**
 * Build a benchmark corpus of about `targetMb` MB in `dir`: the example service and the rule fixtures, copied
 * over and over with renamed identifiers so no two files are byte-identical, spread over every language.
 */
export function buildCorpus(root: string, dir: string, targetMb: number): { files: number; bytes: number } {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const seeds = [...listFiles(path.join(root, 'examples')), ...listFiles(path.join(root, 'server/src/rules'))];
  let bytes = 0;
  let files = 0;
  for (let copy = 0; bytes < targetMb * 1024 * 1024; copy++) {
    for (const src of seeds) {
      const rel = path.relative(root, src);
      const text = fs.readFileSync(src, 'utf8').replace(/\b(fetch|load|handle|process)([A-Z]\w*|\b)/g, `$1$2V${copy}`);
      // Grow each copy so files range from a few KB to a few hundred KB, like a real repository.
      const body = copy % 5 === 4 && !src.endsWith('.yaml') ? text + '\n' + text.split('\n').filter((l) => l.trim().startsWith('//') || l.trim().startsWith('#')).join('\n').repeat(8) : text;
      const dst = path.join(dir, `c${copy}`, rel);
      fs.mkdirSync(path.dirname(dst), { recursive: true });
      fs.writeFileSync(dst, body);
      bytes += Buffer.byteLength(body);
      files++;
    }
  }
  return { files, bytes };
}

/** A generated Go file of about `lines` lines with realistic functions and a few findings. */
export function generatedGo(lines: number): string {
  const out = ['package big', '', 'import (', '\t"fmt"', '\t"net/http"', '\t"regexp"', '\t"time"', ')', ''];
  for (let i = 0; out.length < lines; i++) {
    out.push(
      `// Handler${i} serves item ${i}.`,
      `func Handler${i}(w http.ResponseWriter, r *http.Request) {`,
      `\tid := r.URL.Query().Get("id")`,
      `\tif id == "" {`,
      `\t\thttp.Error(w, "missing id", http.StatusBadRequest)`,
      `\t\treturn`,
      `\t}`,
      `\tfor _, p := range []string{"a", "b"} {`,
      i % 10 === 0 ? `\t\tre := regexp.MustCompile(p)` : `\t\tre := cached${i % 3}`,
      `\t\t_ = re`,
      `\t}`,
      i % 7 === 0 ? `\tresp, err := http.Get("http://svc/" + id)` : `\tresp, err := client.Get("http://svc/" + id)`,
      `\tif err != nil {`,
      `\t\tfmt.Fprintf(w, "error: %v at %v", err, time.Now())`,
      `\t\treturn`,
      `\t}`,
      `\tdefer resp.Body.Close()`,
      `}`,
      '',
    );
  }
  return out.slice(0, lines).join('\n') + '\n';
}

/** A generated TypeScript file of about `lines` lines. */
export function generatedTs(lines: number): string {
  const out = ["import https from 'node:https';", ''];
  for (let i = 0; out.length < lines; i++) {
    out.push(
      `export async function handler${i}(id: string): Promise<number> {`,
      `  const started = Date.now();`,
      `  for (const p of ['a', 'b']) {`,
      i % 10 === 0 ? `    const re = new RegExp(p);` : `    const re = cached;`,
      `    if (re.test(id)) return ${i};`,
      `  }`,
      i % 7 === 0 ? `  const res = await fetch('http://svc/' + id);` : `  const res = await fetch('http://svc/' + id, { signal: AbortSignal.timeout(2000) });`,
      `  return res.status + started;`,
      `}`,
      '',
    );
  }
  return out.slice(0, lines).join('\n') + '\n';
}
