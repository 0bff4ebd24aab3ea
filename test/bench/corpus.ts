import * as fs from 'node:fs';
import * as path from 'node:path';
import { languageForPath } from '../../server/src/engine/languages';

/** Every analysable file under a folder (no ignores: the bench decides what goes in). */
export function listFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) listFiles(p, out);
    else if (languageForPath(p)) out.push(p);
  }
  return out;
}

/** Files of a few hundred to a few thousand lines, in the shapes of generatedGo/Ts/Python/Java. */
const GENERATORS: [string, (lines: number) => string][] = [
  ['go', (n) => generatedGo(n)],
  ['ts', (n) => generatedTs(n)],
  ['py', (n) => generatedPython(n)],
  ['java', (n) => generatedJava(n)],
];

/**
 * The corpus the core issue names: the example service copied with renamed identifiers, plus generated code in every
 * language (files of 150 to 3,000 lines), about `targetMb` MB in `dir`; about a tenth of the bytes are examples.
 */
export function buildSpecCorpus(root: string, dir: string, targetMb: number): { files: number; bytes: number } {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const examples = listFiles(path.join(root, 'examples'));
  let bytes = 0;
  let files = 0;
  const write = (rel: string, body: string): void => {
    const dst = path.join(dir, rel);
    fs.mkdirSync(path.dirname(dst), { recursive: true });
    fs.writeFileSync(dst, body);
    bytes += Buffer.byteLength(body);
    files++;
  };
  for (let copy = 0; bytes < targetMb * 1024 * 1024; copy++) {
    if (bytes < (targetMb * 1024 * 1024) / 10) {
      for (const src of examples) {
        write(path.join(`e${copy}`, path.relative(root, src)), fs.readFileSync(src, 'utf8').replace(/\b(fetch|load|handle|process)([A-Z]\w*|\b)/g, `$1$2V${copy}`));
      }
    }
    const [ext, gen] = GENERATORS[copy % GENERATORS.length] as [string, (n: number) => string];
    const lines = [150, 400, 900, 3000, 250, 1200][copy % 6] as number;
    const name = ext === 'java' ? `src/main/java/gen/Service${copy}.java` : `gen/m${copy}/service${copy}.${ext}`;
    write(name, gen(lines).replace(/\b(Handler|handler|Service|service)(\d+)/g, `$1$2x${copy}`));
  }
  return { files, bytes };
}

/**
 * A stress corpus of about `targetMb` MB in `dir`: the example service and the rule fixtures, copied
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

/** A generated Python module of about `lines` lines: Flask-style handlers with a few findings. */
export function generatedPython(lines: number): string {
  const out = ['import re', 'import time', 'import requests', '', 'CACHE = {}', ''];
  for (let i = 0; out.length < lines; i++) {
    out.push(
      `def handler${i}(request, session):`,
      `    """Serve item ${i}."""`,
      `    item_id = request.args.get("id")`,
      `    if not item_id:`,
      `        return {"error": "missing id"}, 400`,
      `    for p in ("a", "b"):`,
      i % 10 === 0 ? `        pat = re.compile(p)` : `        pat = PATTERNS[${i % 3}]`,
      `        if pat.match(item_id):`,
      `            break`,
      i % 7 === 0 ? `    resp = requests.get("http://svc/" + item_id)` : `    resp = session.get("http://svc/" + item_id, timeout=2)`,
      `    if resp.status_code >= 500:`,
      `        raise RuntimeError(f"upstream failed: {resp.status_code}")`,
      `    return resp.json(), 200`,
      '',
    );
  }
  return out.slice(0, lines).join('\n') + '\n';
}

/** A generated Java class of about `lines` lines: a service with HTTP calls and a few findings. */
export function generatedJava(lines: number): string {
  const out = ['package gen;', '', 'import java.net.URI;', 'import java.net.http.HttpClient;', 'import java.net.http.HttpRequest;',
    'import java.net.http.HttpResponse;', 'import java.time.Duration;', 'import java.util.regex.Pattern;', '', 'public class Service {',
    '  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();', ''];
  for (let i = 0; out.length < lines - 1; i++) {
    out.push(
      `  /** Serves item ${i}. */`,
      `  public String handler${i}(String id) throws Exception {`,
      `    if (id == null || id.isEmpty()) {`,
      `      throw new IllegalArgumentException("missing id");`,
      `    }`,
      `    for (String p : new String[] {"a", "b"}) {`,
      i % 10 === 0 ? `      Pattern pat = Pattern.compile(p);` : `      Pattern pat = PATTERNS[${i % 3}];`,
      `      if (pat.matcher(id).matches()) break;`,
      `    }`,
      i % 7 === 0 ? `    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://svc/" + id)).build(), HttpResponse.BodyHandlers.ofString());`
        : `    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://svc/" + id)).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());`,
      `    return r.body();`,
      `  }`,
      '',
    );
  }
  return out.slice(0, lines - 1).join('\n') + '\n}\n';
}
