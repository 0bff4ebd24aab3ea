// `genai4dfx policy validate` and `genai4dfx check` honouring the nearest .dfx.yaml (the built CLI, dist/cli.js).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../helpers/engine';

const CLI = path.join(ROOT, 'dist/cli.js');
const GO = 'package main\n\nimport "net/http"\n\nfunc f(u string) { http.Get(u) }\n';

function cli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli: policy', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    assert.ok(fs.existsSync(CLI), 'run npm run build first');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'genai4dfx-cli-policy-'));
    for (const d of ['a', 'b', 'b/gen']) fs.mkdirSync(path.join(dir, d), { recursive: true });
    for (const f of ['a/main.go', 'b/main.go', 'b/gen/main.go']) fs.writeFileSync(path.join(dir, f), GO);
    fs.writeFileSync(path.join(dir, '.dfx.yaml'), 'version: 1\nrules:\n  go-http-no-timeout: error\n');
    fs.writeFileSync(path.join(dir, 'b/.dfx.yaml'), 'version: 1\nexclude: ["gen/**"]\nrules:\n  reliability: info\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('check applies the nearest policy to each file, and --rule overrides it', () => {
    const r = cli(['check', '.', '--fail-on', 'none'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^a\/main\.go:5:20 error go-http-no-timeout /m);
    assert.match(r.stdout, /^b\/main\.go:5:20 info go-http-no-timeout /m);
    assert.doesNotMatch(r.stdout, /b\/gen\/main\.go/, 'excluded by b/.dfx.yaml');
    const o = cli(['check', '.', '--fail-on', 'none', '--rule', 'go-http-no-timeout=hint'], dir);
    assert.match(o.stdout, /^a\/main\.go:5:20 hint go-http-no-timeout /m);
    const none = cli(['check', '.', '--fail-on', 'none', '--no-policy'], dir);
    assert.match(none.stdout, /^b\/gen\/main\.go:5:20 warning go-http-no-timeout /m);
  });

  it('policy validate prints diagnostics like a compiler and exits 1 on errors', () => {
    const ok = cli(['policy', 'validate', 'b'], dir);
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /^b\/\.dfx\.yaml: valid \(0 errors, 0 warnings\)$/m);
    fs.writeFileSync(path.join(dir, 'bad.dfx.yaml'), 'version: 1\nslos:\n  - name: x\n    errorRate: 0.1\n');
    const bad = cli(['policy', 'validate', 'bad.dfx.yaml'], dir);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /^bad\.dfx\.yaml:4:16 error dfx-policy\/unit slos\[0\]\.errorRate: 0\.1 has no %: write 0\.1%$/m);
    const json = JSON.parse(cli(['policy', 'validate', 'bad.dfx.yaml', '--format', 'json'], dir).stdout) as { policies: { valid: boolean; problems: { line: number; code: string }[] }[] };
    assert.deepEqual(json.policies[0]?.problems.map((p) => `${p.line} ${p.code}`), ['4 unit']);
    assert.equal(cli(['policy', 'validate', path.join(os.tmpdir(), 'no-such-genai4dfx')], dir).code, 2);
    assert.match(cli(['policy', 'check'], dir).stderr, /unknown policy subcommand "check"/);
    assert.match(cli(['help', 'policy'], dir).stdout, /Usage: genai4dfx policy validate/);
  });

  it('check reports a broken policy, applies the defaults and fails', () => {
    fs.writeFileSync(path.join(dir, 'a/.dfx.yaml'), 'version: 1\nrules: [\n');
    try {
      const r = cli(['check', 'a', '--fail-on', 'error'], dir);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /a\/\.dfx\.yaml:2:8 error dfx-policy YAML syntax error at "\[": an opening bracket or brace is not closed/);
      assert.match(r.stdout, /the policy has errors and is not applied/);
      assert.match(r.stdout, /^a\/main\.go:5:20 warning go-http-no-timeout /m, 'built-in default level');
    } finally {
      fs.rmSync(path.join(dir, 'a/.dfx.yaml'));
    }
  });
});
