// Seeded fuzz over the real connection: thousands of random edits (inserts, deletes, pastes of other languages,
// unbalanced brackets) to documents of every language. The server must answer every request, never exit, and after
// all the edits its incremental view must give the same findings as a fresh open of the final text.
// `npm run fuzz` runs it for FUZZ_SECONDS (default 60); `npm test` runs a fixed number of edits.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { ROOT } from '../helpers/engine';
import { TestClient } from '../helpers/lsp-client';
import { JUNK, rng } from '../helpers/random';

const SAMPLES: [string, string, string][] = [
  ['go', 'go', 'examples/shop/cart/handlers.go'],
  ['typescript', 'ts', 'examples/shop/checkout/src/server.ts'],
  ['typescriptreact', 'tsx', ''],
  ['javascript', 'js', 'examples/shop/checkout/src/util.js'],
  ['python', 'py', 'examples/shop/recommender/app.py'],
  ['java', 'java', 'examples/shop/inventory/src/main/java/shop/inventory/InventoryClient.java'],
  ['yaml', 'yaml', 'examples/shop/k8s/cart.yaml'],
];
const TSX = 'export function App({ url }: { url: string }) {\n  const t = Date.now();\n  return <div onClick={() => fetch(url)}>{t}</div>;\n}\n';

const seconds = Number(process.env.FUZZ_SECONDS ?? 0);
const editsPerDoc = Number(process.env.FUZZ_EDITS ?? 450);
const seed = Number(process.env.FUZZ_SEED ?? 20261124);

function key(ds: Diagnostic[]): string[] {
  return ds.map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort();
}

describe('fuzz: random edits over the real connection', function () {
  this.timeout(seconds ? (seconds + 120) * 1000 : 240_000);
  let client: TestClient;
  before(async () => {
    client = (await TestClient.start()).client;
  });
  after(async () => {
    if (client) await client.stop().catch(() => client.kill());
  });

  it(`survives ${seconds ? `${seconds}s of` : `${editsPerDoc * SAMPLES.length}`} random edits (seed ${seed}) and agrees with a fresh parse`, async () => {
    const r = rng(seed);
    const deadline = Date.now() + seconds * 1000;
    let edits = 0;
    let round = 0;
    do {
      for (const [languageId, ext, file] of SAMPLES) {
        const uri = `file:///tmp/dfx-fuzz/r${round}/doc.${ext}`;
        let text = file ? fs.readFileSync(path.join(ROOT, file), 'utf8') : TSX;
        await client.open(uri, languageId, text);
        const t0 = Date.now();
        for (let i = 0; i < editsPerDoc; i++) {
          const lines = text.split('\n');
          const offsetOf = (l: number, c: number): number => lines.slice(0, l).reduce((n, s) => n + s.length + 1, 0) + c;
          const l1 = r.int(lines.length);
          const c1 = r.int((lines[l1]?.length ?? 0) + 1);
          let l2 = l1;
          let c2 = c1;
          const op = r.next();
          if (op < 0.35 && text.length > 0) {
            l2 = Math.min(lines.length - 1, l1 + r.int(3));
            c2 = l2 === l1 ? Math.min((lines[l2]?.length ?? 0), c1 + r.int(20)) : r.int((lines[l2]?.length ?? 0) + 1);
          }
          const from = r.int(text.length);
          // Pastes copy up to 200 characters of the document itself (the text must not grow without bound).
          const insert = op < 0.35 ? '' : op < 0.85 ? r.pick(JUNK) : text.slice(from, from + 1 + r.int(200));
          const s = offsetOf(l1, c1);
          const e = Math.max(s, offsetOf(l2, c2));
          text = text.slice(0, s) + insert + text.slice(e);
          await client.change(uri, [{ range: { start: { line: l1, character: c1 }, end: { line: l2, character: c2 } }, text: insert }]);
          edits++;
          if (i % 7 === 0) {
            const ds = await client.diagnostics(uri);
            assert.ok(Array.isArray(ds));
          }
          if (i % 50 === 0) await client.hover(uri, { line: l1, character: c1 });
        }
        if (process.env.FUZZ_VERBOSE) console.log(`      ${languageId}: done in ${Date.now() - t0} ms`);
        const incremental = key(await client.diagnostics(uri));
        const fresh = `file:///tmp/dfx-fuzz/r${round}/fresh.${ext}`;
        await client.open(fresh, languageId, text);
        assert.deepEqual(incremental, key(await client.diagnostics(fresh)), `${languageId}: incremental and fresh findings differ (seed ${seed})`);
        await client.close(uri);
        await client.close(fresh);
      }
      round++;
    } while (Date.now() < deadline);
    assert.equal(client.proc.exitCode, null, 'the server is still running');
    console.log(`      ${edits} edits in ${round} round(s)`);
  });
});
