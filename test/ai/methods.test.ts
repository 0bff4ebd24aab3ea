// Generate tests for methods, per language: the object is built from its constructor (valid arguments from the
// constructor's own guards), static methods are called through the class, Go methods get a receiver from NewT or the
// type's zero value. Generated files are parsed, compiled where a compiler is here, and run where the framework is.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { syntaxProblems } from '../../server/src/ai/validate';
import type { Engine } from '../../server/src/engine/analyzer';
import { languageForPath } from '../../server/src/engine/languages';
import { sharedEngine } from '../helpers/engine';
import { hasPytest, prepare, run, runAndApply, tempProjects, TSX } from './helpers';




describe('AI offline generator: tests for methods', function () {
  this.timeout(60_000);
  let engine: Engine;
  const projects = tempProjects();
  before(async () => {
    engine = await sharedEngine();
  });
  after(() => projects.cleanup());
  const project = (sub: string, extra: Record<string, string> = {}): string => projects.fixture(`methods/${sub}`, extra);
  const parsed = (file: string): string => {
    const text = fs.readFileSync(file, 'utf8');
    assert.deepEqual(syntaxProblems(engine.pool, languageForPath(file)!, text), [], text);
    return text;
  };
  /** The reason the offline generator gives for not testing the function at `needle`. */
  const refusal = (file: string, needle: string): string => {
    const { prepared, free } = prepare(engine, file, needle, 'tests');
    try {
      assert.ok(typeof prepared !== 'string', String(prepared));
      assert.throws(() => prepared.request.offline());
      try {
        prepared.request.offline();
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    } finally {
      free();
    }
  };

  describe('TypeScript / JavaScript', () => {
    it('an instance method: a fresh object from the constructor in every case; tsc passes and the tests pass', async () => {
      const dir = project('ts', { 'package.json': '{ "name": "ledger" }\n' });
      const r = await runAndApply(engine, path.join(dir, 'ledger.ts'), "account === ''", 'tests');
      assert.match(r.summary, /type-checked with tsc/);
      const test = path.join(dir, 'ledger.test.ts');
      const text = parsed(test);
      assert.match(text, /^import \{ Ledger \} from '\.\/ledger';$/m);
      // limitCents < 0 is the constructor's guard: the object is built with a value that passes it.
      assert.match(text, /const ledger = new Ledger\(1, 'example'\);\n\s+await assert\.rejects\(ledger\.settle\(''\)\);/);
      assert.doesNotMatch(text, /(?<![.\w])settle\(/, 'never called as a free function');
      run(process.execPath, ['--import', TSX, '--test', test], dir);
    });

    it('a guard over a field (cents > this.limitCents) keeps the certain failure of its other half only', async () => {
      const dir = project('ts', { 'package.json': '{ "name": "ledger" }\n' });
      await runAndApply(engine, path.join(dir, 'ledger.ts'), 'cents === 0', 'tests');
      const text = parsed(path.join(dir, 'ledger.test.ts'));
      assert.match(text, /assert\.throws\(\(\) => ledger\.post\(undefined as unknown as Parameters<typeof ledger\.post>\[0\], 0\)\)/);
      assert.doesNotMatch(text, /accepts/, 'no input is certain to pass a guard on state');
      run(process.execPath, ['--import', TSX, '--test', path.join(dir, 'ledger.test.ts')], dir);
    });

    it('a static method through the class, a class-field arrow on an instance, the constructor itself', async () => {
      const dir = project('ts', { 'package.json': '{ "name": "ledger" }\n' });
      const file = path.join(dir, 'ledger.ts');
      await runAndApply(engine, file, 'text.length > 12', 'tests');
      await runAndApply(engine, file, 'keep < 0', 'tests');
      const r = await runAndApply(engine, file, "RangeError('limit", 'tests');
      assert.match(r.summary, /type-checked with tsc/);
      const text = parsed(path.join(dir, 'ledger.test.ts'));
      assert.match(text, /assert\.throws\(\(\) => Ledger\.parseCents\('a{13}'\)\)/);
      assert.match(text, /const ledger = new Ledger\(1, 'example'\);\n\s+assert\.throws\(\(\) => ledger\.reset\(-1\)\);/);
      assert.match(text, /assert\.throws\(\(\) => new Ledger\(-1, 'example'\)\)/);
      run(process.execPath, ['--import', TSX, '--test', path.join(dir, 'ledger.test.ts')], dir);
    });

    it('refuses what a test cannot reach, with the reason: private, accessor, abstract class', () => {
      const file = path.join(project('ts'), 'ledger.ts');
      assert.match(refusal(file, 'private audit'), /Ledger\.audit is private/);
      assert.match(refusal(file, 'get size'), /accessor/);
      assert.match(refusal(file, "Error('key')"), /Store is abstract/);
    });

    it('JavaScript: a class exported as module.exports = Counter is required as the default; the tests pass', async () => {
      const dir = project('ts', { 'package.json': '{ "name": "counter" }\n' });
      const r = await runAndApply(engine, path.join(dir, 'counter.js'), 'times > 1000', 'tests');
      assert.match(r.summary, /node --check/);
      const text = parsed(path.join(dir, 'counter.test.js'));
      assert.match(text, /^const Counter = require\('\.\/counter'\);$/m);
      assert.match(text, /const counter = new Counter\(1\);\n\s+assert\.throws\(\(\) => counter\.add\(1001\)\);/);
      run(process.execPath, ['--test', path.join(dir, 'counter.test.js')], dir);
    });
  });

  describe('Python', () => {
    it('an instance method: built from __init__ (its guard passed), keyword-only arguments by name; pytest passes', async function () {
      const dir = project('py', { 'requirements-dev.txt': 'pytest\n' });
      const r = await runAndApply(engine, path.join(dir, 'ledger.py'), 'limit < 1', 'tests');
      assert.match(r.summary, /py_compile/);
      const test = path.join(dir, 'test_ledger.py');
      const text = parsed(test);
      assert.match(text, /^from ledger import Ledger$/m);
      assert.match(text, /ledger = Ledger\(1, "example"\)\n\s+with pytest\.raises\(Exception\):\n\s+ledger\.find\("example", limit=0\)/);
      if (!hasPytest) this.skip();
      run('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', test], dir);
    });

    it('a staticmethod through the class, a dataclass built from its required fields; unittest too', async () => {
      const dir = project('py', { 'setup.cfg': '[options]\ntests_require = unittest\n' });
      const file = path.join(dir, 'ledger.py');
      await runAndApply(engine, file, 'len(text) > 12', 'tests');
      await runAndApply(engine, file, 'cents * (100', 'tests');
      const text = parsed(path.join(dir, 'test_ledger.py'));
      assert.match(text, /class TestLedgerNormalizeCode\(unittest\.TestCase\)/);
      assert.match(text, /Ledger\.normalize_code\("a{13}"\)/);
      assert.match(text, /^from ledger import Ledger, Rate$/m, 'the second class joins the module\'s import');
      assert.match(text, /rate = Rate\(percent=1\)\n\s+with self\.assertRaises\(Exception\):\n\s+rate\.apply\(-1\)/);
      run('python3', ['-m', 'unittest', '-q', 'test_ledger'], dir);
    });

    it('refuses a name-mangled method', () => {
      assert.match(refusal(path.join(project('py'), 'ledger.py'), 'return 1'), /name-mangled/);
    });
  });

  describe('Go', () => {
    it('a pointer receiver from the package\'s NewLedger (its error checked), err reused for the method', async () => {
      const dir = project('go');
      await runAndApply(engine, path.join(dir, 'ledger.go'), 'l.entries[account] +=', 'tests');
      const text = parsed(path.join(dir, 'ledger_test.go'));
      assert.match(text, /^func TestLedger_Post\(t \*testing\.T\) \{$/m);
      assert.match(text, /\t\t\tl, err := NewLedger\(1\)\n\t\t\tif err != nil \{\n\t\t\t\tt\.Fatalf\("NewLedger\(\) error = %v", err\)\n\t\t\t\}\n\t\t\t_, err = l\.Post\(tt\.account, tt\.cents\)/);
      assert.match(text, /\{name: "fails when cents <= 0[^"]*", account: "example", cents: -1, wantErr: true\}/);
    });

    it('a map type gets a composite literal (a usable empty map); a named int gets its zero value', async () => {
      const dir = project('go');
      const file = path.join(dir, 'ledger.go');
      await runAndApply(engine, file, 'empty name', 'tests');
      await runAndApply(engine, file, 'if round', 'tests');
      const text = parsed(path.join(dir, 'ledger_test.go'));
      assert.match(text, /\t\t\ts := Set\{\}\n\t\t\terr := s\.Add\(tt\.nameArg\)/);
      assert.match(text, /\t\t\tc := \*new\(Cents\)\n\t\t\t_ = c\.Euros\(tt\.round\)/);
      assert.equal(text.match(/^import "testing"$/gm)?.length, 1);
    });

    it('an unexported type with its unexported factory (newPool for pool)', async () => {
      const src = 'package ledger\n\nimport "errors"\n\ntype pool struct {\n\tfree int\n}\n\nfunc newPool(size int) *pool {\n\treturn &pool{free: size}\n}\n\nfunc (p *pool) take(n int) error {\n\tif n > 10 {\n\t\treturn errors.New("too many")\n\t}\n\tp.free -= n\n\treturn nil\n}\n';
      const dir = project('go', { 'pool.go': src });
      await runAndApply(engine, path.join(dir, 'pool.go'), 'n > 10', 'tests');
      const text = parsed(path.join(dir, 'pool_test.go'));
      assert.match(text, /^func TestPool_Take\(t \*testing\.T\) \{$/m);
      assert.match(text, /\t\t\tp := newPool\(1\)\n\t\t\terr := p\.take\(tt\.n\)/);
    });

    it('a receiver type declared in another file of the package: found there', async () => {
      const dir = project('go', { 'types.go': 'package ledger\n\ntype Pool struct {\n\tsize int\n}\n', 'pool.go': 'package ledger\n\nimport "errors"\n\nfunc (p *Pool) Take(n int) error {\n\tif n > 10 {\n\t\treturn errors.New("too many")\n\t}\n\treturn nil\n}\n' });
      await runAndApply(engine, path.join(dir, 'pool.go'), 'n > 10', 'tests');
      assert.match(parsed(path.join(dir, 'pool_test.go')), /\t\t\tp := &Pool\{\}\n\t\t\terr := p\.Take\(tt\.n\)/);
    });
  });

  describe('Java', () => {
    const src = 'src/main/java/shop/ledger/Ledger.java';
    const testFile = 'src/test/java/shop/ledger/LedgerTest.java';

    it('a generic class with a throwing constructor: the simplest constructor, var, throws Exception; javac passes', async () => {
      const dir = project('java');
      const r = await runAndApply(engine, path.join(dir, src), 'cents == 0', 'tests');
      assert.match(r.summary, /compiled with javac/);
      const text = parsed(path.join(dir, testFile));
      assert.match(text, /void postFailsWhenCents0\(\) throws Exception \{\n\s+var ledger = new Ledger<>\(1L\);\n\s+assertThrows\(Exception\.class, \(\) -> ledger\.post\(null, 0L\)\);/);
    });

    it('an enum constant, a record built from its components, the constructor; all in one test class that compiles', async () => {
      const dir = project('java');
      const file = path.join(dir, src);
      await runAndApply(engine, file, 'return this == DEBIT', 'tests');
      await runAndApply(engine, file, 'prefix.length()', 'tests');
      const r = await runAndApply(engine, file, '"negative limit"', 'tests');
      assert.match(r.summary, /compiled with javac/);
      const text = parsed(path.join(dir, testFile));
      assert.equal(text.match(/^class LedgerTest \{$/gm)?.length, 1);
      assert.match(text, /Ledger\.Kind kind = Ledger\.Kind\.DEBIT;\n\s+assertThrows\(Exception\.class, \(\) -> kind\.sign\(-1\)\);/);
      assert.match(text, /Ledger\.Line line = new Ledger\.Line\("example", 1L\);\n\s+assertThrows\(Exception\.class, \(\) -> line\.label\("a{9}"\)\);/);
      assert.match(text, /assertThrows\(Exception\.class, \(\) -> new Ledger<>\(-1L, "example"\)\);/);
    });

    it('refuses a private method', () => {
      assert.match(refusal(path.join(project('java'), src), 'void audit'), /Ledger\.audit is private/);
    });
  });

  describe('what a model is told', () => {
    it('an instance method: the class, the constructor to build it with, not a free function', () => {
      const { prepared, free } = prepare(engine, path.join(project('ts'), 'ledger.ts'), "account === ''", 'tests');
      free();
      assert.ok(typeof prepared !== 'string');
      const user = prepared.request.messages[1]!.content;
      assert.match(user, /^Target: method Ledger\.settle$/m);
      assert.match(user, /settle is an instance method of Ledger: build a fresh instance in every test with its constructor `constructor\(private readonly limitCents: number, readonly currency: string = 'EUR'\)`/);
    });

    it('a Go method: the receiver type, how to get one, the test name', () => {
      const { prepared, free } = prepare(engine, path.join(project('go'), 'ledger.go'), 'l.entries[account] +=', 'tests');
      free();
      assert.ok(typeof prepared !== 'string');
      assert.match(prepared.request.messages[1]!.content, /Post is a method on \*Ledger: in each table case, get a receiver with NewLedger\(\.\.\.\) \(`func NewLedger\(limit int\) \(\*Ledger, error\)`\) and call l\.Post\(\.\.\.\)\. Name the test TestLedger_Post\./);
    });
  });
});
