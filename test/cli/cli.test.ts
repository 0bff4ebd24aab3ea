// The built CLI (dist/cli.js, from `npm run build`) as a user and CI run it: against examples/shop, and against a
// folder of bad input. Findings are located by searching the source text; counts are never asserted, because the
// catalogue grows.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { at, ROOT, sharedEngine } from '../helpers/engine';
import { sarifErrors } from './sarif-schema';

const CLI = path.join(ROOT, 'dist/cli.js');
const SHOP = path.join(ROOT, 'examples/shop');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd = SHOP): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, GENAI4DFX_DEBUG: '' } });
  if (r.error) throw r.error;
  // Whatever happened, the user never sees a stack trace.
  assert.doesNotMatch(r.stderr, /\n\s+at .+\(.*:\d+:\d+\)/, `stack trace on stderr:\n${r.stderr}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `path:line:col` of the first occurrence of `needle` in a file under examples/shop, 1-based. */
function where(rel: string, needle: string): string {
  const pos = at(fs.readFileSync(path.join(SHOP, rel), 'utf8'), needle);
  return `${rel}:${pos.line + 1}:${pos.character + 1}`;
}

const LINE = /^(\S+):(\d+):(\d+) (error|warning|info|hint) ([a-z0-9-]+) (.+)$/;

/** The compiler-style finding lines of text output, as `path:line:col rule-id`. */
function textFindings(stdout: string): string[] {
  return stdout.split('\n').flatMap((l) => {
    const m = LINE.exec(l);
    return m && !m[5]?.startsWith('dfx-') ? [`${m[1]}:${m[2]}:${m[3]} ${m[5]}`] : [];
  });
}

interface JsonFinding {
  ruleId: string;
  severity: string;
  pillar: string;
  message: string;
  path: string;
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
  docs: string;
}
interface JsonReport {
  version: number;
  tool: { name: string; version: string };
  files: { path: string; language: string; bytes: number; lossy?: boolean }[];
  findings: JsonFinding[];
  skipped: { path: string; reason: string; message: string }[];
  notifications: { kind: string; level: string; path: string; message: string }[];
  stats: { files: number; bytes: number; mbPerSecond: number; findings: Record<string, number> };
}

describe('cli: genai4dfx check on examples/shop', function () {
  const handlersGet = (): string => where('cart/handlers.go', 'http.Get(');

  before(() => {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run \`npm run build\` first (npm test does)`);
  });

  it('prints findings like a compiler, then a summary', () => {
    const r = cli(['check', '--fail-on', 'none']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^${escape(handlersGet())} warning go-http-no-timeout http\\.Get .*timeout`, 'm'));
    assert.match(r.stdout, /^genai4dfx: \d+ files scanned \([\d.]+ KB\), \d+ findings? \(.*warnings?.*\) in [\d.]+ s: [\d.]+ MB\/s, \d+ files\/s/m);
  });

  it('exits 1 with --fail-on warning and 0 with --fail-on none', () => {
    assert.equal(cli(['check', '.', '--fail-on', 'warning']).code, 1);
    assert.equal(cli(['check', '.', '--fail-on=none']).code, 0);
  });

  it('exits 2 with a clear message on usage errors', () => {
    const cases: [string[], RegExp][] = [
      [['check', '--formt', 'json'], /unknown option --formt \(did you mean "--format"\?\)/],
      [['check', 'no/such/dir'], /path not found: no\/such\/dir/],
      [['check', '--fail-on', 'fatal'], /--fail-on: "fatal" is not one of error, warning/],
      [['check', '--format', 'xml'], /--format: "xml" is not one of text, json, sarif/],
      [['check', '--rule', 'go-http-no-timeout=loud'], /--rule go-http-no-timeout: "loud" is not one of off/],
      [['check', '--rule', 'go-http-timeout=error'], /no rule or pillar "go-http-timeout" \(did you mean "go-http-no-timeout"\?\)/],
      [['check', '--rule', 'oops'], /--rule wants ID=LEVEL/],
      [['check', '--max-file-size-kb', 'lots'], /--max-file-size-kb wants a positive whole number/],
      [['check', '--output'], /--output needs a value/],
      [['check', '--output', path.join(os.tmpdir(), 'genai4dfx-no-such-dir', 'x', 'out.json')], /cannot write --output/],
      [['lint'], /unknown command "lint"/],
      [[], /no command given/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args);
      assert.equal(r.code, 2, `${args.join(' ')}: exit ${r.code}\n${r.stderr}`);
      assert.match(r.stderr, message, args.join(' '));
      assert.equal(r.stdout, '', args.join(' '));
    }
  });

  it('prints help and the version', () => {
    const help = cli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: genai4dfx <command>/);
    const checkHelp = cli(['help', 'check']);
    assert.match(checkHelp.stdout, /--fail-on LEVEL/);
    assert.deepEqual(cli(['check', '-h']).stdout, checkHelp.stdout);
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(cli(['--version']).stdout.trim(), `genai4dfx ${version}`);
  });

  it('writes JSON with the same findings as text', () => {
    const text = cli(['check', '--fail-on', 'none']);
    const r = cli(['check', '--format', 'json', '--fail-on', 'none']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as JsonReport;
    assert.equal(report.version, 1);
    assert.equal(report.tool.name, 'genai4dfx');
    assert.deepEqual(
      report.findings.map((f) => `${f.path}:${f.range.start.line}:${f.range.start.column} ${f.ruleId}`),
      textFindings(text.stdout),
    );
    const get = report.findings.find((f) => `${f.path}:${f.range.start.line}:${f.range.start.column}` === handlersGet());
    assert.ok(get, 'the http.Get finding');
    assert.equal(get.ruleId, 'go-http-no-timeout');
    assert.equal(get.pillar, 'reliability');
    assert.match(get.docs, /^https:\/\/.+go-http-no-timeout/);
    assert.ok(report.files.some((f) => f.path === 'cart/handlers.go' && f.language === 'go' && f.bytes > 0));
    assert.ok(report.stats.files >= 10 && report.stats.bytes > 0);
    // The summary goes to stderr, so stdout stays machine-readable.
    assert.match(r.stderr, /files scanned/);
  });

  it('writes SARIF 2.1.0 that validates against the schema', () => {
    const r = cli(['check', '--format', 'sarif', '--fail-on', 'none']);
    assert.equal(r.code, 0, r.stderr);
    const log = JSON.parse(r.stdout) as SarifLog;
    assert.equal(sarifErrors(log), '');
    const run = log.runs[0];
    assert.ok(run);
    assert.equal(run.tool.driver.name, 'genai4dfx');
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.match(run.originalUriBaseIds['%SRCROOT%']?.uri ?? '', /^file:\/\/.*\/examples\/shop\/$/);
    const rules = run.tool.driver.rules;
    assert.ok(rules.length >= 1);
    for (const rule of rules) {
      assert.match(rule.helpUri, /^https:\/\//, rule.id);
      assert.ok(rule.help.text && rule.help.markdown && rule.shortDescription.text && rule.fullDescription.text, rule.id);
      assert.ok(['performance', 'security', 'reliability', 'testability'].some((p) => rule.properties.tags.includes(p)), `${rule.id} has a pillar tag`);
    }
    const [file, line, column] = handlersGet().split(':');
    const result = run.results.find((res) => {
      const loc = res.locations[0]?.physicalLocation;
      return loc !== undefined && loc.artifactLocation.uri === file && loc.region.startLine === Number(line) && loc.region.startColumn === Number(column);
    });
    assert.ok(result, 'the http.Get result');
    assert.equal(result.ruleId, 'go-http-no-timeout');
    assert.equal(rules[result.ruleIndex]?.id, 'go-http-no-timeout');
    assert.equal(result.level, 'warning');
    assert.equal(result.locations[0]?.physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    for (const res of run.results) assert.ok(!res.ruleId.startsWith('dfx-'), `meta finding ${res.ruleId} is a notification, not a result`);
  });

  it('writes the report to --output', () => {
    const out = path.join(os.tmpdir(), `genai4dfx-cli-${process.pid}.json`);
    try {
      const r = cli(['check', '--format', 'json', '--output', out, '--fail-on', 'none', '--quiet']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, '');
      assert.ok((JSON.parse(fs.readFileSync(out, 'utf8')) as JsonReport).findings.length > 0);
    } finally {
      fs.rmSync(out, { force: true });
    }
  });

  it('applies --rule levels to a rule and to a pillar', () => {
    const off = cli(['check', '--rule', 'go-http-no-timeout=off', '--fail-on', 'none']);
    assert.ok(!off.stdout.includes('go-http-no-timeout'), off.stdout);
    const error = cli(['check', 'cart', '--rule', 'reliability=error', '--rule', 'go-http-no-timeout=error']);
    assert.equal(error.code, 1);
    assert.match(error.stdout, new RegExp(`^${escape(handlersGet())} error go-http-no-timeout `, 'm'));
  });

  it('analyses only the paths given, relative to the working folder', () => {
    const r = cli(['check', 'examples/shop/cart/handlers.go', '--fail-on', 'none'], ROOT);
    assert.match(r.stdout, /^examples\/shop\/cart\/handlers\.go:\d+:\d+ warning go-http-no-timeout /m);
    assert.doesNotMatch(r.stdout, /recommender|checkout|main\.go/);
    assert.match(r.stdout, /genai4dfx: 1 file scanned/);
  });
});

describe('cli: genai4dfx rules', () => {
  it('lists the catalogue as a table and as JSON', () => {
    const text = cli(['rules']);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /^ID\s+PILLAR\s+SEVERITY\s+LANGUAGES\s+TITLE$/m);
    assert.match(text.stdout, /^go-http-no-timeout\s+reliability\s+warning\s+go\s+\S/m);
    const json = cli(['rules', '--format', 'json']);
    const { rules } = JSON.parse(json.stdout) as { rules: { id: string; pillar: string; severity: string; languages: string[]; title: string; docs: string }[] };
    assert.ok(rules.length >= 1);
    for (const r of rules) assert.ok(r.id && r.pillar && r.severity && r.languages.length && r.title && r.docs, r.id);
    assert.deepEqual(rules.map((r) => r.id), [...rules.map((r) => r.id)].sort());
  });
});

describe('cli: bad input', () => {
  let dir = '';
  const httpGet = 'package x\n\nimport "net/http"\n\nfunc f(u string) { http.Get(u) }\n';

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'genai4dfx-cli-'));
    const files: Record<string, string | Buffer> = {
      '.gitignore': 'ignored.go\n',
      'ok.go': httpGet,
      'empty.go': '',
      'blob.go': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00, 0xff]),
      'latin1.py': Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9, 0xff]), Buffer.from('\nimport requests\nx = 1\n')]),
      'broken.go': 'func (( {\n',
      'big.go': `package big\n${'// filler line to make this file large enough to be over the cap\n'.repeat(48 * 1024)}`,
      'ignored.go': httpGet,
      'node_modules/dep/index.go': httpGet,
      'vendor/github.com/x/y.go': httpGet,
      'zz_generated.go': httpGet,
      'models.go': `// Code generated by sqlc. DO NOT EDIT.\n${httpGet}`,
      'notes.txt': 'not code\n',
    };
    for (const [rel, body] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), body);
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('never crashes, reports skipped files with reasons, and scans no ignored, vendored or generated file', () => {
    const r = cli(['check', '--format', 'json', '--max-file-size-kb', '2048', '--fail-on', 'none'], dir);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as JsonReport;
    assert.ok(fs.statSync(path.join(dir, 'big.go')).size > 3 * 1024 * 1024 - 1024 * 200);
    assert.deepEqual(report.files.map((f) => f.path).sort(), ['broken.go', 'empty.go', 'latin1.py', 'ok.go']);
    const skipped = Object.fromEntries(report.skipped.map((s) => [s.path, s.reason]));
    assert.deepEqual(skipped, { 'big.go': 'too-large', 'blob.go': 'binary', 'models.go': 'generated' });
    assert.ok(report.skipped.every((s) => s.message.length > 0));
    assert.ok(report.files.find((f) => f.path === 'latin1.py')?.lossy);
    assert.ok(report.notifications.some((n) => n.kind === 'lossy-decoding' && n.path === 'latin1.py'));
    assert.deepEqual(report.findings.map((f) => `${f.path} ${f.ruleId}`), ['ok.go go-http-no-timeout']);
  });

  it('says so in text output, and exits 1 on the finding with --fail-on warning', () => {
    const r = cli(['check', '.', '--max-file-size-kb', '2048', '--fail-on', 'warning'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^ok\.go:5:\d+ warning go-http-no-timeout /m);
    assert.match(r.stdout, /^big\.go: skipped \(too-large\): 3\.\d MB, over the 2\.0 MB cap$/m);
    assert.match(r.stdout, /^blob\.go: skipped \(binary\): /m);
    assert.match(r.stdout, /^latin1\.py:1:1 warning dfx-lossy-decoding not valid UTF-8/m);
    assert.match(r.stdout, /4 files scanned .*3 skipped \(/);
  });

  it('validates as SARIF, with skipped files as notifications', () => {
    const r = cli(['check', '--format', 'sarif', '--fail-on', 'none'], dir);
    const log = JSON.parse(r.stdout) as SarifLog;
    assert.equal(sarifErrors(log), '');
    const notes = log.runs[0]?.invocations[0]?.toolExecutionNotifications ?? [];
    assert.ok(notes.some((n) => n.descriptor.id === 'dfx-file-skipped' && n.message.text.includes('blob.go')));
    assert.deepEqual(log.runs[0]?.results.map((res) => res.ruleId), ['go-http-no-timeout']);
  });

  it('analyses a gitignored or generated file named on the command line', () => {
    const r = cli(['check', 'ignored.go', 'zz_generated.go', '--fail-on', 'none'], dir);
    assert.match(r.stdout, /^ignored\.go:5:\d+ warning go-http-no-timeout /m);
    assert.match(r.stdout, /^zz_generated\.go:5:\d+ warning go-http-no-timeout /m);
  });
});

describe('cli: the bundle reads text as the engine does', () => {
  // dist/ is built with web-tree-sitter's glue patched (scripts/build.mjs): among others, the parse callback's copy of
  // each chunk of text into WASM memory. Text over many chunks, with non-BMP characters, CJK and a lone surrogate, must
  // give the bundled CLI the very findings, at the very positions, that the engine run from source (unpatched) finds.
  it('finds the same things at the same places in text spanning many parse chunks', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'genai4dfx-cli-utf16-'));
    try {
      let text = '';
      for (let i = 0; i < 1000; i++) {
        text += `// 注释 ${i} 😀 h\u00e9llo \uD800 ${'ß'.repeat(i % 9)}\nexport async function get${i}(url: string) {\n  const started = Date.now();\n`;
        text += `  return (await fetch(url)).status + started; // 世界 🎉\n}\n`;
      }
      fs.writeFileSync(path.join(dir, 'wide.ts'), text);
      const r = cli(['check', '--format', 'json', '--fail-on', 'none', '--no-policy', 'wide.ts'], dir);
      assert.equal(r.code, 0, r.stderr);
      const bundled = (JSON.parse(r.stdout) as JsonReport).findings.map((f) => `${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column} ${f.ruleId}`);
      const engine = await sharedEngine();
      const fromSource = engine.analyzeText(path.join(dir, 'wide.ts'), 'typescript', text).findings
        .filter((f) => !f.meta)
        .map((f) => `${f.span.startPos.line + 1}:${f.span.startPos.character + 1}-${f.span.endPos.line + 1}:${f.span.endPos.character + 1} ${f.ruleId}`);
      assert.ok(text.length > 20 * 5120, 'the text spans many 5,119-character chunks');
      assert.ok(bundled.filter((f) => f.endsWith('js-fetch-no-timeout')).length === 1000, bundled.slice(0, 5).join('\n'));
      assert.deepEqual(bundled, fromSource);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});


interface SarifLog {
  runs: {
    tool: {
      driver: {
        name: string;
        rules: {
          id: string;
          helpUri: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          help: { text: string; markdown: string };
          properties: { tags: string[] };
        }[];
      };
    };
    columnKind: string;
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } } }[];
    }[];
    invocations: { toolExecutionNotifications: { descriptor: { id: string }; message: { text: string } }[] }[];
  }[];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
