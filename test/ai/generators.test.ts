// The offline generators on fixtures in every language: generated tests are parsed, compiled where a compiler is
// here (tsc, javac, python3), and run where the framework is here (node:test through tsx, pytest).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Engine } from '../../server/src/engine/analyzer';
import { languageForPath } from '../../server/src/engine/languages';
import { syntaxProblems } from '../../server/src/ai/validate';
import { ROOT, sharedEngine } from '../helpers/engine';
import { hasPytest, prepare, run, runAndApply, tempProjects, TSX } from './helpers';




describe('AI offline generators', function () {
  this.timeout(60_000);
  let engine: Engine;
  const projects = tempProjects();
  before(async () => {
    engine = await sharedEngine();
  });
  after(() => projects.cleanup());
  const project = (sub: string, extra: Record<string, string> = {}): string => projects.fixture(sub, extra);
  const parses = (file: string): void => {
    const text = fs.readFileSync(file, 'utf8');
    assert.deepEqual(syntaxProblems(engine.pool, languageForPath(file)!, text), [], text);
  };

  describe('generate tests', () => {
    it('TypeScript (node:test): type-checked with tsc, and the generated tests pass', async () => {
      const dir = project('ts', { 'package.json': '{ "name": "shop" }\n' });
      const r = await runAndApply(engine, path.join(dir, 'pricing.ts'), 'qty <= 0', 'tests');
      assert.match(r.summary, /type-checked with tsc/);
      const test = path.join(dir, 'pricing.test.ts');
      const text = fs.readFileSync(test, 'utf8');
      assert.match(text, /from 'node:test'/);
      assert.match(text, /assert\.throws\(\(\) => linePrice\([^)]*, 0, /, 'boundary of qty <= 0');
      assert.match(text, /101/, 'boundary of qty > 100');
      run(process.execPath, ['--import', TSX, '--test', test], dir);
    });

    it('TypeScript: an async function gets rejects/await cases', async () => {
      const dir = project('ts', { 'package.json': '{ "name": "shop" }\n' });
      await runAndApply(engine, path.join(dir, 'pricing.ts'), "sku === ''", 'tests');
      const text = fs.readFileSync(path.join(dir, 'pricing.test.ts'), 'utf8');
      assert.match(text, /await assert\.rejects\(fetchStock\(''\)\)/);
    });

    it('TypeScript: adds to an existing test file without breaking it (imports merged, old tests kept)', async () => {
      const existing = "import { describe, it } from 'node:test';\nimport { strict as assert } from 'node:assert';\n\ndescribe('old', () => {\n  it('stays', () => {\n    assert.equal(1, 1);\n  });\n});\n";
      const dir = project('ts', { 'package.json': '{ "name": "shop" }\n', 'pricing.test.ts': existing });
      const r = await runAndApply(engine, path.join(dir, 'pricing.ts'), 'qty <= 0', 'tests');
      const text = fs.readFileSync(path.join(dir, 'pricing.test.ts'), 'utf8');
      assert.ok(text.startsWith("import { describe, it } from 'node:test';\nimport { strict as assert } from 'node:assert';\nimport { linePrice } from './pricing';\n"), text);
      assert.ok(text.includes("describe('old', () => {"), 'the old suite is kept');
      assert.equal(r.edits[0]?.create, false);
      run(process.execPath, ['--import', TSX, '--test', path.join(dir, 'pricing.test.ts')], dir);
    });

    it('TypeScript: vitest when the project depends on it', async () => {
      const dir = project('ts', { 'package.json': '{ "devDependencies": { "vitest": "^2.0.0" } }\n' });
      const r = await runAndApply(engine, path.join(dir, 'pricing.ts'), 'qty <= 0', 'tests');
      const text = fs.readFileSync(path.join(dir, 'pricing.test.ts'), 'utf8');
      assert.match(text, /from 'vitest'/);
      assert.match(text, /expect\(\(\) => linePrice\(.*\)\)\.toThrow\(\)/);
      assert.match(r.summary, /vitest/);
    });

    it('TypeScript: refuses a function that is not exported, with the reason', () => {
      const { prepared, free } = prepare(engine, path.join(project('ts'), 'pricing.ts'), 'return x * 2', 'tests');
      assert.ok(typeof prepared !== 'string');
      assert.throws(() => prepared.request.offline(), /internal is not exported/);
      free();
    });

    it('TypeScript: follows the project\'s pattern (__tests__ folder, .spec suffix)', async () => {
      const dir = project('ts', { 'package.json': '{ "name": "shop" }\n', '__tests__/old.spec.ts': "import { strict as assert } from 'node:assert';\nassert.ok(true);\n" });
      const r = await runAndApply(engine, path.join(dir, 'pricing.ts'), 'qty <= 0', 'tests');
      assert.equal(r.edits[0]?.path, path.join(dir, '__tests__', 'pricing.spec.ts'));
      const text = fs.readFileSync(path.join(dir, '__tests__', 'pricing.spec.ts'), 'utf8');
      assert.match(text, /import \{ linePrice \} from '\.\.\/pricing';/);
      assert.match(r.summary, /type-checked with tsc/);
    });

    it('JavaScript (CommonJS, mocha from package.json): checked with node --check', async () => {
      const dir = project('js', { 'package.json': '{ "devDependencies": { "mocha": "^10.0.0" } }\n' });
      const r = await runAndApply(engine, path.join(dir, 'slugify.js'), 'maxLength < 1', 'tests');
      const text = fs.readFileSync(path.join(dir, 'slugify.test.js'), 'utf8');
      assert.match(text, /require\('\.\/slugify'\)/);
      assert.match(text, /assert\.throws\(\(\) => slugify\('', 1\)\)/);
      assert.match(r.summary, /node --check/);
    });

    it('Python (pytest): compiled with py_compile, and the generated tests pass under pytest', async function () {
      const dir = project('py', { 'requirements-dev.txt': 'pytest\n' });
      const r = await runAndApply(engine, path.join(dir, 'discount.py'), 'percent < 0', 'tests');
      assert.match(r.summary, /py_compile/);
      const test = path.join(dir, 'test_discount.py');
      const text = fs.readFileSync(test, 'utf8');
      assert.match(text, /with pytest\.raises\(Exception\):\n\s+discount\(1\.0, -1, "example"\)/);
      assert.match(text, /discount\(1\.0, 91, /);
      if (!hasPytest) this.skip();
      run('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', test], dir);
    });

    it('Python (unittest): a TestCase class, appended to an existing file', async () => {
      const existing = 'import unittest\n\n\nclass TestOld(unittest.TestCase):\n    def test_old(self):\n        self.assertTrue(True)\n';
      const dir = project('py', { 'setup.cfg': '[options]\ntests_require = unittest\n', 'test_discount.py': existing });
      await runAndApply(engine, path.join(dir, 'discount.py'), 'percent < 0', 'tests');
      const text = fs.readFileSync(path.join(dir, 'test_discount.py'), 'utf8');
      assert.ok(text.includes('class TestOld(unittest.TestCase)'), text);
      assert.match(text, /class TestDiscount\(unittest\.TestCase\)/);
      assert.match(text, /with self\.assertRaises\(Exception\)/);
      run('python3', ['-m', 'unittest', '-q', 'test_discount'], dir);
    });

    it('Java (JUnit 5): FooTest.java under src/test/java, compiled with javac', async () => {
      const dir = project('java');
      const r = await runAndApply(engine, path.join(dir, 'src/main/java/shop/cart/Cart.java'), 'quantity < 1', 'tests');
      assert.match(r.summary, /javac/);
      const test = path.join(dir, 'src/test/java/shop/cart/CartTest.java');
      const text = fs.readFileSync(test, 'utf8');
      assert.match(text, /^package shop\.cart;/);
      assert.match(text, /assertThrows\(Exception\.class, \(\) -> Cart\.total\(1L, 0, "aaa"\)\)/);
      assert.match(text, /assertDoesNotThrow\(\(\) -> Cart\.total\(1L, 1, "aaa"\)\)/);
    });

    it('Java: a second run adds methods inside the existing class', async () => {
      const dir = project('java');
      const file = path.join(dir, 'src/main/java/shop/cart/Cart.java');
      await runAndApply(engine, file, 'quantity < 1', 'tests');
      await runAndApply(engine, file, 'quantity < 1', 'tests');
      const test = path.join(dir, 'src/test/java/shop/cart/CartTest.java');
      const text = fs.readFileSync(test, 'utf8');
      assert.equal(text.match(/^class CartTest/gm)?.length, 1);
      assert.match(text, /void totalAcceptsValidInput2\(\)/);
      parses(test);
    });

    it('Go (table-driven): quota_test.go parses; go is not installed, and the summary says so', async () => {
      const dir = project('go');
      const r = await runAndApply(engine, path.join(dir, 'quota.go'), 'n <= 0', 'tests');
      assert.match(r.summary, /go is not installed/);
      const test = path.join(dir, 'quota_test.go');
      const text = fs.readFileSync(test, 'utf8');
      assert.match(text, /^package quota\n\nimport "testing"/);
      assert.match(text, /\{name: "fails when n > remaining[^"]*", remaining: 1, n: 100, owner: "example", wantErr: true\}/);
      assert.match(text, /_, err := Reserve\(tt\.remaining, tt\.n, tt\.owner\)/);
      parses(test);
    });
  });

  describe('add retries', () => {
    it('TypeScript: inlined helper with backoff, jitter, bound and per-attempt timeout; type-checks', async () => {
      const dir = project('ts');
      const file = path.join(dir, 'pricing.ts');
      const r = await runAndApply(engine, file, 'fetch(`', 'retries');
      assert.match(r.summary, /type-checked with tsc/);
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /await withRetry\(\(\) => fetch\(`http:\/\/stock\/\$\{sku\}`\)\)/);
      assert.match(text, /async function withRetry<T>/);
      assert.match(text, /attempt >= 3/);
    });

    it('TypeScript: uses the policy\'s retry defaults', async () => {
      const dir = project('ts');
      const file = path.join(dir, 'pricing.ts');
      await runAndApply(engine, file, 'fetch(`', 'retries', { policy: { version: 1, reliability: { retry: { maxAttempts: 5, initialDelay: '50ms', maxDelay: '2s' }, timeouts: { http: '1500ms' } } } });
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /attempt >= 5/);
      assert.match(text, /Math\.min\(2000, 50 \* 2/);
      assert.match(text, /, 1500\);/);
    });

    it('TypeScript: reuses p-retry when the project depends on it', async () => {
      const dir = project('ts', { 'package.json': '{ "dependencies": { "p-retry": "^6.0.0" } }\n' });
      const file = path.join(dir, 'pricing.ts');
      const { prepared, free } = prepare(engine, file, 'fetch(`', 'retries');
      assert.ok(typeof prepared !== 'string');
      const text = prepared.request.offline();
      free();
      assert.match(text, /import pRetry from 'p-retry'/);
      assert.match(text, /pRetry\(\(\) => fetch/);
    });

    it('TypeScript: reuses cockatiel when the project depends on it (import, policy, execute); type-checks', async () => {
      const dir = project('ts', { 'package.json': '{ "dependencies": { "cockatiel": "^3.1.0" } }\n' });
      const file = path.join(dir, 'pricing.ts');
      const r = await runAndApply(engine, file, 'fetch(`', 'retries', { policy: { version: 1, reliability: { retry: { maxAttempts: 4, initialDelay: '100ms', maxDelay: '3s' }, timeouts: { http: '2s' } } } });
      assert.match(r.summary, /type-checked with tsc/);
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /^import \{ ExponentialBackoff, TaskCancelledError, TimeoutStrategy, handleWhen, retry, timeout, wrap \} from 'cockatiel';$/m);
      assert.match(text, /retry\(handleWhen\(isTransientError\)\.orWhenResult\(isTransientResult\), \{\n\s+maxAttempts: 3,\n\s+backoff: new ExponentialBackoff\(\{ initialDelay: 100, maxDelay: 3000, exponent: 2 \}\)/);
      assert.match(text, /timeout\(2000, TimeoutStrategy\.Aggressive\)/);
      assert.match(text, /await retryPolicy\.execute\(\(\) => fetch\(`http:\/\/stock\/\$\{sku\}`\)\)/);
      assert.doesNotMatch(text, /withRetry/);
      parses(file);
    });

    it('TypeScript: cockatiel names go into the file\'s existing cockatiel import', async () => {
      const src = "import { handleAll } from 'cockatiel';\n\nexport const h = handleAll;\n\nexport async function get(u: string): Promise<Response> {\n  return fetch(u);\n}\n";
      const dir = project('ts', { 'package.json': '{ "dependencies": { "cockatiel": "^3.1.0" } }\n', 'get.ts': src });
      const file = path.join(dir, 'get.ts');
      await runAndApply(engine, file, 'fetch(u)', 'retries');
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /^import \{ handleAll, ExponentialBackoff, TaskCancelledError, TimeoutStrategy, handleWhen, retry, timeout, wrap \} from 'cockatiel';$/m);
      assert.equal(text.match(/from 'cockatiel'/g)?.length, 1);
      assert.match(text, /return retryPolicy\.execute\(\(\) => fetch\(u\)\);/);
      parses(file);
    });

    it('JavaScript: cockatiel without types; node --check passes', async () => {
      const src = "import { readFile } from 'node:fs/promises';\n\nexport async function load(u) {\n  const res = await fetch(u);\n  return res.json();\n}\n\nexport const r = readFile;\n";
      const dir = project('js', { 'package.json': '{ "type": "module", "dependencies": { "cockatiel": "^3.1.0" } }\n', 'load.js': src });
      const file = path.join(dir, 'load.js');
      await runAndApply(engine, file, 'fetch(u)', 'retries');
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /^import \{ readFile \} from 'node:fs\/promises';\nimport \{ ExponentialBackoff, .* \} from 'cockatiel';$/m);
      assert.match(text, /function isTransientError\(e\) \{/);
      assert.doesNotMatch(text, / as /);
      parses(file);
    });

    it('JavaScript: the inline helper has no TypeScript in it; node --check passes', async () => {
      const src = "export async function load(u) {\n  const res = await fetch(u);\n  return res.json();\n}\n";
      const dir = project('js', { 'package.json': '{ "type": "module" }\n', 'load.js': src });
      const file = path.join(dir, 'load.js');
      const r = await runAndApply(engine, file, 'fetch(u)', 'retries');
      assert.match(r.summary, /node --check/);
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /await withRetry\(\(\) => fetch\(u\)\)/);
      assert.doesNotMatch(text, / as |cockatiel/);
      parses(file);
    });

    it('Python: inlined helper; compiles', async () => {
      const dir = project('py');
      const file = path.join(dir, 'discount.py');
      const r = await runAndApply(engine, file, 'requests.get', 'retries');
      assert.match(r.summary, /py_compile/);
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /resp = _with_retry\(lambda: requests\.get\(/);
      assert.match(text, /^import random$/m);
    });

    it('Python: tenacity when the project depends on it', async () => {
      const dir = project('py', { 'requirements.txt': 'requests\ntenacity>=8\n' });
      const file = path.join(dir, 'discount.py');
      await runAndApply(engine, file, 'requests.get', 'retries');
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /tenacity\.Retrying\(stop=tenacity\.stop_after_attempt\(3\)/);
      assert.match(text, /^import tenacity$/m);
    });

    it('Java: helper keeps the caller\'s throws clause; compiles with javac', async () => {
      const dir = project('java');
      const file = path.join(dir, 'src/main/java/shop/cart/Cart.java');
      const r = await runAndApply(engine, file, 'http.send', 'retries');
      assert.match(r.summary, /javac/);
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /T call\(\) throws IOException, InterruptedException;/);
      assert.match(text, /withRetry\(\(\) -> http\.send\(req/);
    });

    it('Java: reuses resilience4j when the project depends on it (Retry, RetryConfig, IntervalFunction); compiles against stubs', async () => {
      const pom = '<project><dependencies><dependency><groupId>io.github.resilience4j</groupId><artifactId>resilience4j-retry</artifactId><version>2.2.0</version></dependency></dependencies></project>\n';
      const dir = project('java', { 'pom.xml': pom });
      const file = path.join(dir, 'src/main/java/shop/cart/Cart.java');
      const r = await runAndApply(engine, file, 'http.send', 'retries', { policy: { version: 1, reliability: { retry: { maxAttempts: 5, initialDelay: '100ms', maxDelay: '4s', multiplier: 1.5 } } } });
      assert.match(r.summary, /compiled with javac \(resilience4j API stubbed\)/);
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /^import java\.time\.Duration;\nimport io\.github\.resilience4j\.core\.IntervalFunction;\nimport io\.github\.resilience4j\.retry\.Retry;\nimport io\.github\.resilience4j\.retry\.RetryConfig;$/m);
      assert.match(text, /Retry\.of\("Cart", RetryConfig\.custom\(\)\s+\.maxAttempts\(5\)\s+\.intervalFunction\(IntervalFunction\.ofExponentialRandomBackoff\(100L, 1\.5, 0\.5, 4000L\)\)/);
      assert.match(text, /RETRY\.executeCallable\(call::call\)/);
      assert.match(text, /catch \(IOException e\) \{\s+throw e;/);
      assert.match(text, /HttpResponse<String> res = withRetry\(\(\) -> http\.send\(req/);
      assert.doesNotMatch(text, /Thread\.sleep/);
      parses(file);
    });

    it('Java: without resilience4j in the build, the inline helper as before', async () => {
      const dir = project('java', { 'build.gradle': "dependencies { implementation 'com.google.guava:guava:33.0.0-jre' }\n" });
      const file = path.join(dir, 'src/main/java/shop/cart/Cart.java');
      await runAndApply(engine, file, 'http.send', 'retries');
      const text = fs.readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /resilience4j/);
      assert.match(text, /Thread\.sleep/);
    });

    it('Go: reuses cenkalti/backoff/v4 when go.mod requires it; imports in the block; parses', async () => {
      const dir = project('go', { 'go.mod': 'module example.com/quota\n\ngo 1.22\n\nrequire github.com/cenkalti/backoff/v4 v4.3.0\n' });
      const file = path.join(dir, 'quota.go');
      await runAndApply(engine, file, 'http.Get', 'retries', { policy: { version: 1, reliability: { retry: { maxAttempts: 4, initialDelay: '250ms', maxDelay: '8s' } } } });
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /resp, err := backoff\.RetryWithData\(func\(\) \(\*http\.Response, error\) \{ return transientHTTP\(http\.Get\(url\)\) \}, newRetryBackOff\(\)\)/);
      assert.match(text, /return backoff\.WithMaxRetries\(b, 3\)/);
      assert.match(text, /b\.InitialInterval = 250 \* time\.Millisecond/);
      assert.match(text, /b\.MaxInterval = 8000 \* time\.Millisecond/);
      assert.match(text, /import \(\n[^)]*\t"github\.com\/cenkalti\/backoff\/v4"\n[^)]*\)/);
      assert.equal(text.match(/"errors"/g)?.length, 1, 'errors imported once');
      assert.doesNotMatch(text, /retryValue/);
      parses(file);
    });

    it('Go: backoff.Retry for a call returning only an error', async () => {
      const src = 'package ping\n\nimport (\n\t"context"\n)\n\nfunc Send(ctx context.Context, c interface{ Send(context.Context) error }) error {\n\terr := c.Send(ctx)\n\treturn err\n}\n';
      const dir = project('go', { 'go.mod': 'module x\n\nrequire (\n\tgithub.com/cenkalti/backoff/v4 v4.3.0\n)\n', 'ping.go': src });
      const file = path.join(dir, 'ping.go');
      await runAndApply(engine, file, 'c.Send(ctx)', 'retries');
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /err := backoff\.Retry\(func\(\) error \{ return transientErr\(c\.Send\(ctx\)\) \}, newRetryBackOff\(\)\)/);
      parses(file);
    });

    it('a call already wrapped by cockatiel or backoff is not wrapped again', async () => {
      const ts = project('ts', { 'package.json': '{ "dependencies": { "cockatiel": "^3.1.0" } }\n' });
      const go = project('go', { 'go.mod': 'module x\n\nrequire github.com/cenkalti/backoff/v4 v4.3.0\n' });
      for (const [file, needle] of [[path.join(ts, 'pricing.ts'), 'fetch(`'], [path.join(go, 'quota.go'), 'http.Get']] as const) {
        await runAndApply(engine, file, needle, 'retries');
        const { prepared, free } = prepare(engine, file, needle, 'retries');
        try {
          assert.ok(typeof prepared !== 'string');
          assert.throws(() => prepared.request.offline(), /already inside a retry/);
        } finally {
          free();
        }
      }
    });

    it('Go: retryValue for an HTTP call; parses', async () => {
      const dir = project('go');
      const file = path.join(dir, 'quota.go');
      await runAndApply(engine, file, 'http.Get', 'retries');
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /resp, err := retryValue\(func\(\) \(\*http\.Response, error\) \{ return http\.Get\(url\) \}\)/);
      for (const imp of ['"math"', '"math/rand"', '"net"', '"time"']) assert.ok(text.includes(imp), imp);
      parses(file);
    });

    it('Go: a file with one import line gets import lines for the helper', async () => {
      const src = 'package ping\n\nimport "net/http"\n\nfunc Ping(u string) error {\n\tresp, err := http.Get(u)\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn resp.Body.Close()\n}\n';
      const dir = project('go', { 'ping.go': src });
      const file = path.join(dir, 'ping.go');
      await runAndApply(engine, file, 'http.Get', 'retries');
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /^import "net\/http"\nimport "errors"\nimport "math"\nimport "math\/rand"\nimport "net"\nimport "time"$/m);
      parses(file);
    });
  });

  describe('threat notes', () => {
    it('a STRIDE comment block above the function, linked to lines and rules', async () => {
      const dir = project('go');
      const file = path.join(dir, 'quota.go');
      await runAndApply(engine, file, 'http.Get', 'threats');
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /\/\/ DFX threat notes \(STRIDE\) for Ping[\s\S]*Denial of service: .*rule go-http-no-timeout\)\nfunc Ping/);
      parses(file);
    });

    it('an HTTP handler: input, SQL sink, missing authn, as a THREATS.md section', async () => {
      const handler = 'import express from "express";\n\nexport function search(req: express.Request, res: express.Response, db: { query(sql: string): Promise<unknown> }): void {\n  const q = req.query.q;\n  void db.query("SELECT * FROM items WHERE name = \'" + q + "\'");\n  res.send("ok");\n}\n';
      const dir = project('ts', { 'search.ts': handler });
      await runAndApply(engine, path.join(dir, 'search.ts'), 'req.query', 'threats', { threatTarget: 'file', root: dir });
      const md = fs.readFileSync(path.join(dir, 'THREATS.md'), 'utf8');
      assert.match(md, /^# Threat notes\n\n## search \(search\.ts\)/);
      assert.match(md, /\| Tampering \| .* \| \[search\.ts:5\]\(search\.ts#L5\) \| `sql-string-concatenation` \|/);
      assert.match(md, /\| Spoofing \| handles request data but no authentication/);
      assert.match(md, /\| Repudiation \|/);
    });
  });

  it('fixtures under test/ai stay untouched', () => {
    assert.ok(!fs.existsSync(path.join(ROOT, 'test/ai/fixtures/ts/pricing.test.ts')));
  });
});
