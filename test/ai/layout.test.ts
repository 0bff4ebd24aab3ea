// Where generated tests go: Python projects with a tests/ folder (pytest testpaths, conftest.py, existing tests, src
// layout, pythonpath), TS/JS projects whose jest/vitest/mocha configuration or existing tests name a folder. The
// generated tests import the code from there, and run.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pytestOption, testLayout } from '../../server/src/ai/layout';
import type { Engine } from '../../server/src/engine/analyzer';
import { sharedEngine } from '../helpers/engine';
import { FIXTURES, hasPytest, run, runAndApply, tempProjects, TSX } from './helpers';

const DISCOUNT = fs.readFileSync(path.join(FIXTURES, 'py/discount.py'), 'utf8').replace(/^import requests\n/, '');
const PRICING = fs.readFileSync(path.join(FIXTURES, 'ts/pricing.ts'), 'utf8');



describe('AI test layout', function () {
  this.timeout(60_000);
  let engine: Engine;
  const projects = tempProjects();
  before(async () => {
    engine = await sharedEngine();
  });
  after(() => projects.cleanup());
  const project = (files: Record<string, string>): string => projects.files(files);

  describe('Python', () => {
    it('src layout with pytest testpaths and pythonpath in pyproject.toml: tests/test_pricing.py imports shop.pricing; pytest passes', async function () {
      const pyproject = '[project]\nname = "shop"\n\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\npythonpath = ["src"]\n';
      const dir = project({ 'pyproject.toml': pyproject, 'src/shop/__init__.py': '', 'src/shop/pricing.py': DISCOUNT });
      const r = await runAndApply(engine, path.join(dir, 'src/shop/pricing.py'), 'percent < 0', 'tests', { root: dir });
      assert.equal(r.edits[0]?.path, path.join(dir, 'tests', 'test_pricing.py'));
      const text = fs.readFileSync(path.join(dir, 'tests/test_pricing.py'), 'utf8');
      assert.match(text, /^from shop\.pricing import discount$/m);
      if (!hasPytest) this.skip();
      run('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], dir);
    });

    it('no configuration, a tests/ folder with conftest.py: tests/test_billing.py imports app.billing from the root', async function () {
      const dir = project({ 'setup.py': 'from setuptools import setup\nsetup(name="app")\n', 'tests/conftest.py': '', 'app/billing.py': DISCOUNT });
      await runAndApply(engine, path.join(dir, 'app/billing.py'), 'percent < 0', 'tests');
      const text = fs.readFileSync(path.join(dir, 'tests/test_billing.py'), 'utf8');
      assert.match(text, /^from app\.billing import discount$/m);
      assert.ok(!fs.existsSync(path.join(dir, 'app/test_billing.py')));
      if (!hasPytest) this.skip();
      // `python -m pytest` puts the root on sys.path, as the pytest docs recommend for this layout.
      run('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'tests'], dir);
    });

    it('follows the tests folder: mirrored package folders, an existing test file of the module, foo_test.py naming', () => {
      const mirrored = project({ 'pyproject.toml': '', 'shop/__init__.py': '', 'shop/pricing.py': DISCOUNT, 'tests/shop/test_cart.py': '' });
      assert.deepEqual(testLayout(path.join(mirrored, 'shop/pricing.py'), 'python'), { testPath: path.join(mirrored, 'tests/shop/test_pricing.py'), pyModule: 'shop.pricing' });
      const existing = project({ 'setup.cfg': '[tool:pytest]\ntestpaths =\n    test\n', 'shop/pricing.py': DISCOUNT, 'test/unit/test_pricing.py': '' });
      assert.deepEqual(testLayout(path.join(existing, 'shop/pricing.py'), 'python'), { testPath: path.join(existing, 'test/unit/test_pricing.py'), pyModule: 'shop.pricing' });
      const suffix = project({ 'pytest.ini': '[pytest]\n', 'lib/pricing.py': DISCOUNT, 'tests/cart_test.py': '', 'tests/tax_test.py': '' });
      assert.equal(testLayout(path.join(suffix, 'lib/pricing.py'), 'python').testPath, path.join(suffix, 'tests/pricing_test.py'));
    });

    it('no tests folder: beside the module, imported by its package path when the folder is a package; pytest passes', async function () {
      const dir = project({ 'pyproject.toml': '[project]\nname = "shop"\n', 'shop/__init__.py': '', 'shop/pricing.py': DISCOUNT });
      await runAndApply(engine, path.join(dir, 'shop/pricing.py'), 'percent < 0', 'tests');
      const text = fs.readFileSync(path.join(dir, 'shop/test_pricing.py'), 'utf8');
      assert.match(text, /^from shop\.pricing import discount$/m);
      if (!hasPytest) this.skip();
      run('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'shop/test_pricing.py'], dir);
    });

    it('reads testpaths and pythonpath from each pytest configuration file', () => {
      const dir = project({ 'tox.ini': '[tox]\nenvlist = py311\n\n[pytest]\ntestpaths = tests integration\npythonpath = src\n' });
      assert.deepEqual(pytestOption(dir, 'testpaths'), ['tests', 'integration']);
      assert.deepEqual(pytestOption(dir, 'pythonpath'), ['src']);
      assert.equal(pytestOption(dir, 'markers'), undefined);
    });
  });

  describe('TypeScript / JavaScript', () => {
    it('jest testMatch in package.json names test/**/*.spec.ts: the test mirrors src/ there; tsc passes', async () => {
      const pkg = JSON.stringify({ name: 'shop', jest: { testMatch: ['<rootDir>/test/**/*.spec.ts'] } });
      const dir = project({ 'package.json': pkg, 'src/lib/pricing.ts': PRICING, 'test/lib/.keep': '' });
      const r = await runAndApply(engine, path.join(dir, 'src/lib/pricing.ts'), 'qty <= 0', 'tests');
      assert.equal(r.edits[0]?.path, path.join(dir, 'test/lib/pricing.spec.ts'));
      assert.match(r.summary, /type-checked with tsc/);
      assert.match(fs.readFileSync(path.join(dir, 'test/lib/pricing.spec.ts'), 'utf8'), /import \{ linePrice \} from '\.\.\/\.\.\/src\/lib\/pricing';/);
    });

    it('vitest include and .mocharc spec globs; a flat tests folder when it does not mirror src/', () => {
      const vitest = project({ 'package.json': '{}', 'vitest.config.ts': "export default { test: { include: ['tests/**/*.test.ts'] } };\n", 'src/lib/pricing.ts': PRICING });
      assert.equal(testLayout(path.join(vitest, 'src/lib/pricing.ts'), 'typescript').testPath, path.join(vitest, 'tests/pricing.test.ts'));
      const mocha = project({ 'package.json': '{}', '.mocharc.yml': "spec:\n  - 'spec/**/*.spec.js'\n", 'lib/slug.js': '' });
      assert.equal(testLayout(path.join(mocha, 'lib/slug.js'), 'javascript').testPath, path.join(mocha, 'spec/slug.spec.js'));
    });

    it('no configuration: a root test/ folder that holds tests, when none sit beside the sources; the tests pass', async () => {
      const dir = project({ 'package.json': '{ "name": "shop" }', 'src/pricing.ts': PRICING, 'test/other.test.ts': "import { it } from 'node:test';\nit('x', () => {});\n" });
      await runAndApply(engine, path.join(dir, 'src/pricing.ts'), 'qty <= 0', 'tests');
      const test = path.join(dir, 'test/pricing.test.ts');
      assert.match(fs.readFileSync(test, 'utf8'), /from '\.\.\/src\/pricing';/);
      run(process.execPath, ['--import', TSX, '--test', test], dir);
    });

    it('tests beside the sources, or an existing test file of the module, win over a tests folder', () => {
      const beside = project({ 'package.json': '{}', 'src/pricing.ts': PRICING, 'src/cart.test.ts': '', 'test/e2e.test.ts': '' });
      assert.equal(testLayout(path.join(beside, 'src/pricing.ts'), 'typescript').testPath, path.join(beside, 'src/pricing.test.ts'));
      const existing = project({ 'package.json': '{}', 'src/pricing.ts': PRICING, 'test/unit/pricing.test.ts': '' });
      assert.equal(testLayout(path.join(existing, 'src/pricing.ts'), 'typescript').testPath, path.join(existing, 'test/unit/pricing.test.ts'));
    });
  });
});
