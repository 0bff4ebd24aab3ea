// What running the offline test generator over real code (node_modules/yaml/dist, the Python standard library) taught:
// each case here is a shape that once produced a test that failed out of the box, or a file that did not import.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { deriveCases } from '../../server/src/ai/cases';
import { describeFunction, functionAt } from '../../server/src/ai/extract';
import { mergeInto } from '../../server/src/ai/merge';
import type { Engine } from '../../server/src/engine/analyzer';
import type { LanguageId } from '../../server/src/engine/languages';
import { sharedEngine } from '../helpers/engine';
import { prepare, runAndApply, tempProjects } from './helpers';

describe('AI offline generator on real-code shapes', function () {
  this.timeout(60_000);
  let engine: Engine;
  const projects = tempProjects();
  before(async () => {
    engine = await sharedEngine();
  });
  after(() => projects.cleanup());
  const project = (files: Record<string, string>): string => projects.files(files);
  const reason = (file: string, needle: string): string => {
    const { prepared, free } = prepare(engine, file, needle, 'tests');
    free();
    assert.ok(typeof prepared !== 'string', String(prepared));
    try {
      prepared.request.offline();
    } catch (e) {
      return (e as Error).message;
    }
    assert.fail('the generator wrote tests');
  };
  const cases = (language: LanguageId, src: string, needle: string): string[] => {
    const tree = engine.parse(language, src);
    try {
      const node = tree.rootNode.descendantForIndex(src.indexOf(needle));
      const fn = node && functionAt(node);
      assert.ok(fn);
      return deriveCases(describeFunction(fn, language)).map((c) => c.name);
    } finally {
      tree.delete();
    }
  };

  it('claims no success for a call with placeholder arguments: untyped object parameters get a reason instead', () => {
    const dir = project({ 'package.json': '{}', 'visit.js': "'use strict';\nfunction visit(cst, visitor) {\n  return visitor(cst.items);\n}\nexports.visit = visit;\n" });
    assert.match(reason(path.join(dir, 'visit.js'), 'cst.items'), /it needs values for cst, visitor that the generator cannot build/);
  });

  it('an object built with a placeholder dependency gets only the certain failures', async () => {
    const src = "export interface Db {\n  get(id: string): string;\n}\n\nexport class Users {\n  constructor(private readonly db: Db) {}\n  find(id: string): string {\n    if (id === '') throw new Error('id');\n    return this.db.get(id);\n  }\n  name(): string {\n    return this.db.get('me');\n  }\n}\n";
    const dir = project({ 'package.json': '{}', 'users.ts': src });
    await runAndApply(engine, path.join(dir, 'users.ts'), "id === ''", 'tests');
    const text = fs.readFileSync(path.join(dir, 'users.test.ts'), 'utf8');
    assert.match(text, /assert\.throws\(\(\) => users\.find\(''\)\)/);
    assert.doesNotMatch(text, /doesNotThrow/, 'this.db is undefined: no call can be claimed to succeed');
    execFileSync(process.execPath, ['--import', require.resolve('tsx'), '--test', path.join(dir, 'users.test.ts')], { cwd: dir, stdio: 'pipe' });
  });

  it('boundaries come from the code: no "accepts 0" fill-in that the guards say nothing about', () => {
    const names = cases('python', 'def ratio(n: int, m: int) -> float:\n    if n > 10:\n        raise ValueError("n")\n    return n / m\n', 'return n');
    assert.ok(names.some((n) => /fails when n > 10/.test(n)), names.join('\n'));
    assert.ok(names.some((n) => /accepts boundary n = 10/.test(n)), names.join('\n'));
    assert.ok(!names.some((n) => /accepts .*(m = 0|= 100)/.test(n)), names.join('\n'));
  });

  it('an untyped parameter with a default literal gets that kind (width=70 is a number)', () => {
    const names = cases('python', 'def wrap(text: str, width=70):\n    if width <= 0:\n        raise ValueError("width")\n    return text[:width]\n', 'return text');
    assert.ok(names.some((n) => /fails when width <= 0 \(width = -1/.test(n)), names.join('\n'));
    assert.ok(names.some((n) => /accepts valid input \(text = "example", width = 1\)/.test(n)), names.join('\n'));
  });

  it('refuses, with the reason: a nested function, main, a parameterless method without checks', () => {
    const dir = project({
      'pyproject.toml': '',
      'text.py': 'def indent(text: str) -> str:\n    def prefixed(line: str) -> str:\n        return "  " + line\n    return "".join(prefixed(l) for l in text.splitlines(True))\n\n\ndef main():\n    print("hi")\n\n\nclass Stack:\n    def __init__(self):\n        self.items = []\n\n    def pop(self):\n        return self.items.pop()\n',
    });
    const file = path.join(dir, 'text.py');
    assert.match(reason(file, '"  " + line'), /prefixed is defined inside indent: a test cannot reach it; test indent instead/);
    assert.match(reason(file, 'print("hi")'), /main is the program's entry point/);
    assert.match(reason(file, 'self.items.pop()'), /Stack\.pop takes no arguments and checks nothing/);
    const local = project({ 'pyproject.toml': '', 'local.py': 'def factory():\n    class Local:\n        def run(self, n: int) -> int:\n            if n < 0:\n                raise ValueError("n")\n            return n\n    return Local\n' });
    assert.match(reason(path.join(local, 'local.py'), 'n < 0'), /Local is defined inside factory/);
  });

  it('a second function of a module is imported even when its module path contains its name', async () => {
    const src = "export class Ledger {\n  post(cents: number): void {\n    if (cents < 0) throw new Error('negative');\n  }\n}\n\nexport function ledger(n: number): number {\n  if (n > 9) throw new Error('big');\n  return n;\n}\n";
    const dir = project({ 'package.json': '{}', 'ledger.ts': src });
    await runAndApply(engine, path.join(dir, 'ledger.ts'), 'n > 9', 'tests');
    await runAndApply(engine, path.join(dir, 'ledger.ts'), 'cents < 0', 'tests');
    const text = fs.readFileSync(path.join(dir, 'ledger.test.ts'), 'utf8');
    // One import, both names: the class was once taken as imported because `'./ledger'` contains "ledger".
    assert.match(text, /^import \{ ledger, Ledger \} from '\.\/ledger';$/m);
    assert.equal(text.match(/from '\.\/ledger'/g)?.length, 1);
    execFileSync(process.execPath, ['--import', require.resolve('tsx'), '--test', path.join(dir, 'ledger.test.ts')], { cwd: dir, stdio: 'pipe' });
  });

  it('methods of an exported object literal are called through the object', async () => {
    const src = "export const money = {\n  cents(euros: number): number {\n    if (euros < 0) throw new Error('negative');\n    return euros * 100;\n  },\n  euros: (cents: number): number => {\n    if (cents > 1e9) throw new Error('too much');\n    return cents / 100;\n  },\n};\n";
    const dir = project({ 'package.json': '{}', 'money.ts': src });
    await runAndApply(engine, path.join(dir, 'money.ts'), 'euros < 0', 'tests');
    const r = await runAndApply(engine, path.join(dir, 'money.ts'), 'cents > 1e9', 'tests');
    assert.match(r.summary, /type-checked with tsc/);
    const text = fs.readFileSync(path.join(dir, 'money.test.ts'), 'utf8');
    assert.match(text, /^import \{ money \} from '\.\/money';$/m);
    assert.match(text, /assert\.throws\(\(\) => money\.cents\(-1\)\)/);
    assert.match(text, /assert\.doesNotThrow\(\(\) => money\.euros\(1\)\)/);
    execFileSync(process.execPath, ['--import', require.resolve('tsx'), '--test', path.join(dir, 'money.test.ts')], { cwd: dir, stdio: 'pipe' });
  });

  it('export { name } and export default count as exported; a default export is imported as the default', async () => {
    const dir = project({
      'package.json': '{}',
      'area.ts': "function area(w: number): number {\n  if (w < 0) throw new RangeError('w');\n  return w * w;\n}\n\nexport { area };\n",
      'side.ts': "export default function side(a: number): number {\n  if (a > 10) throw new RangeError('a');\n  return a;\n}\n",
    });
    await runAndApply(engine, path.join(dir, 'area.ts'), 'w < 0', 'tests');
    const r = await runAndApply(engine, path.join(dir, 'side.ts'), 'a > 10', 'tests');
    assert.match(r.summary, /type-checked with tsc/);
    assert.match(fs.readFileSync(path.join(dir, 'area.test.ts'), 'utf8'), /^import \{ area \} from '\.\/area';$/m);
    assert.match(fs.readFileSync(path.join(dir, 'side.test.ts'), 'utf8'), /^import side from '\.\/side';$/m);
    for (const t of ['area.test.ts', 'side.test.ts']) execFileSync(process.execPath, ['--import', require.resolve('tsx'), '--test', path.join(dir, t)], { cwd: dir, stdio: 'pipe' });
  });

  it('merging imports: names already imported are not added again; require joins too', () => {
    const existing = "const { describe, it } = require('node:test');\nconst { a } = require('./m');\n\ndescribe('x', () => {});\n";
    const { text } = mergeInto(existing, ["const { describe, it } = require('node:test');", "const { b } = require('./m');", "const assert = require('node:assert/strict');"], "describe('y', () => {});\n", 'javascript');
    assert.match(text, /^const \{ a, b \} = require\('\.\/m'\);$/m);
    assert.equal(text.match(/require\('node:test'\)/g)?.length, 1);
    assert.match(text, /^const assert = require\('node:assert\/strict'\);$/m);
  });
});
