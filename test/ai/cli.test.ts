// `genai4dfx ai ...` (runAiCommand; the lead wires it into cli.ts): offline by default, --write, --preview, bad input.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runAiCommand } from '../../server/src/ai/cli-ai';
import type { Engine } from '../../server/src/engine/analyzer';
import { sharedEngine } from '../helpers/engine';
import { copyFixture } from './helpers';

describe('genai4dfx ai (CLI)', function () {
  this.timeout(60_000);
  let engine: Engine;
  let dir: string;
  let cleanup: () => void;
  before(async () => {
    engine = await sharedEngine();
  });
  beforeEach(() => {
    ({ dir, cleanup } = copyFixture('py'));
  });
  afterEach(() => cleanup());
  const run = async (...argv: string[]): Promise<{ code: number; out: string }> => {
    let out = '';
    const code = await runAiCommand(argv, engine, (s) => (out += s), () => undefined, {});
    return { code, out };
  };

  it('prints the generated tests (offline: no key in the environment) and writes them with --write', async () => {
    const file = path.join(dir, 'discount.py');
    const line = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('percent < 0')) + 1;
    const printed = await run('tests', `${file}:${line}`);
    assert.equal(printed.code, 0, printed.out);
    assert.match(printed.out, /test_discount\.py \(new\)\nimport pytest/);
    assert.match(printed.out, /\(offline\)\n$/);
    assert.ok(!fs.existsSync(path.join(dir, 'test_discount.py')));
    const written = await run('tests', `${file}:${line}`, '--write');
    assert.equal(written.code, 0, written.out);
    assert.match(fs.readFileSync(path.join(dir, 'test_discount.py'), 'utf8'), /def test_discount_/);
  });

  it('--preview prints the redacted prompt', async () => {
    const file = path.join(dir, 'discount.py');
    fs.writeFileSync(file, `${fs.readFileSync(file, 'utf8')}\nTOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"\n`);
    const r = await run('threats', `${file}:7`, '--preview');
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /^provider: offline\nredacted: GitHub token \(line \d+\)/);
    assert.ok(!r.out.includes('ghp_abcdefghijklmnopqrstuvwxyz0123456789'));
  });

  it('bad input: usage (2), or a clear reason (1)', async () => {
    assert.equal((await run('tests')).code, 2);
    assert.equal((await run('tests', `${dir}/discount.py:1`, '--bogus')).code, 2);
    const outside = await run('tests', `${path.join(dir, 'discount.py')}:1`);
    assert.equal(outside.code, 1);
    assert.match(outside.out, /put the cursor inside a function/);
  });
});
