// The add-a-timeout quick fixes take their value from the rule option `timeout` (default "10s").
import { strict as assert } from 'node:assert';
import { DEFAULT_ANALYZE_OPTIONS, type Engine } from '../../server/src/engine/analyzer';
import { applyChanges } from '../../server/src/engine/fixes';
import type { LanguageId } from '../../server/src/engine/languages';
import { sharedEngine } from '../helpers/engine';

const CASES: { id: string; language: LanguageId; path: string; code: string; want: Record<string, RegExp> }[] = [
  {
    id: 'go-http-no-timeout', language: 'go', path: 'a.go',
    code: 'package a\n\nimport "net/http"\n\nfunc f(u string) { _, _ = http.Get(u) }\n',
    want: { '10s': /\(&http\.Client\{Timeout: 10 \* time\.Second\}\)\.Get\(u\)/, '2500ms': /Timeout: 2500 \* time\.Millisecond/, '2m': /Timeout: 2 \* time\.Minute/ },
  },
  {
    id: 'js-fetch-no-timeout', language: 'typescript', path: 'a.ts',
    code: 'export async function f(u: string) { return fetch(u); }\n',
    want: { '10s': /fetch\(u, \{ signal: AbortSignal\.timeout\(10000\) \}\)/, '2500ms': /AbortSignal\.timeout\(2500\)/, nonsense: /AbortSignal\.timeout\(10000\)/ },
  },
  {
    id: 'java-http-client-no-timeout', language: 'java', path: 'A.java',
    code: 'class A { java.net.http.HttpClient c = java.net.http.HttpClient.newHttpClient(); }\n',
    want: { '10s': /newBuilder\(\)\.connectTimeout\(java\.time\.Duration\.ofSeconds\(10\)\)\.build\(\)/, '1500ms': /Duration\.ofMillis\(1500\)/ },
  },
];

describe('add-a-timeout fixes follow the timeout option', () => {
  let engine: Engine;
  before(async () => {
    engine = await sharedEngine();
  });
  for (const c of CASES) {
    for (const [timeout, re] of Object.entries(c.want)) {
      it(`${c.id} with timeout ${timeout}`, () => {
        const r = engine.analyzeText(c.path, c.language, c.code, { ...DEFAULT_ANALYZE_OPTIONS, level: (m) => (m.id === c.id ? m.severity : 'off'), options: (m) => (m.id === c.id ? { timeout } : undefined) });
        const fixes = r.findings.filter((f) => f.ruleId === c.id && f.fix).flatMap((f) => f.fix!.changes);
        assert.ok(fixes.length, 'no fix');
        const fixed = applyChanges(c.code, fixes);
        assert.match(fixed, re, fixed);
        if (c.language === 'go') assert.match(fixed, /import "time"/);
      });
    }
  }
});
