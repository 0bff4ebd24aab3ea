// direct-clock-call is about business logic: tests may read the clock. Fixtures cannot express "this file is a
// test", so this checks the same code under test and non-test paths.
import { strict as assert } from 'node:assert';
import { DEFAULT_ANALYZE_OPTIONS, type Engine } from '../../server/src/engine/analyzer';
import { languageForPath } from '../../server/src/engine/languages';
import { sharedEngine } from '../helpers/engine';

const ID = 'direct-clock-call';

const CASES: { code: string; app: string; tests: string[] }[] = [
  { code: 'package cart\nfunc expiry() time.Time { return time.Now() }\n', app: 'cart/discount.go', tests: ['cart/discount_test.go', 'cart/testdata/discount.go'] },
  { code: 'export function expiry(): number { return Date.now() + 1; }\n', app: 'src/payments.ts', tests: ['src/payments.test.ts', 'src/payments.spec.ts', 'src/__tests__/payments.ts'] },
  { code: 'export const Clock = () => { const d = new Date(); return <b>{d.getTime()}</b>; };\n', app: 'src/Clock.tsx', tests: ['src/Clock.test.tsx'] },
  { code: 'function active() { return Date.now() > 0; }\n', app: 'src/util.js', tests: ['src/util.test.js', 'test/util.js'] },
  { code: 'def season():\n    return datetime.now().month\n', app: 'reco/app.py', tests: ['reco/test_app.py', 'reco/app_test.py', 'tests/app.py'] },
  { code: 'class A { long f() { return System.currentTimeMillis(); } }\n', app: 'src/main/java/shop/A.java', tests: ['src/test/java/shop/ATest.java', 'src/test/java/shop/AIT.java'] },
];

describe(`${ID} skips test files`, () => {
  let engine: Engine;
  before(async () => {
    engine = await sharedEngine();
  });

  const findings = (path: string, code: string): number => {
    const language = languageForPath(path);
    assert.ok(language, path);
    const result = engine.analyzeText(path, language, code, { ...DEFAULT_ANALYZE_OPTIONS, level: (m) => (m.id === ID ? m.severity : 'off') });
    return result.findings.filter((f) => f.ruleId === ID).length;
  };

  for (const { code, app, tests } of CASES) {
    it(`flags ${app} but not ${tests.join(', ')}`, () => {
      assert.equal(findings(app, code), 1, `${app} should be flagged`);
      for (const t of tests) assert.equal(findings(t, code), 0, `${t} is a test file`);
    });
  }
});
