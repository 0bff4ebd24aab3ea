// Every user-facing string exists in English and Chinese: the manifest (package.nls*.json), the runtime strings of the
// client and the server (l10n/bundle.l10n.zh-cn.json, keyed by the English text), and every rule's title and message
// (l10n/rules.zh-cn.json). And a server started with the zh-cn locale really speaks Chinese.
import * as vscodeL10n from '@vscode/l10n';
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { isQueryRule } from '../../server/src/engine/define-rule';
import { PILLARS, SEVERITIES } from '../../server/src/engine/types';
import { normalizeLocale } from '../../server/src/l10n';
import { RULES } from '../../server/src/rules/index';
import { runPrecondition } from '../../client/src/runs/flow';
import { statusBarModel } from '../../client/src/runs/model';
import { renderReportBody } from '../../client/src/runs/report-html';
import { ROOT } from '../helpers/engine';
import { record } from '../client-runs/fake-runs';
import { TestClient } from '../helpers/lsp-client';

const readJson = (f: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8')) as Record<string, unknown>;

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.includes('.fixture.') && !f.includes('.fixed.'))
    .map((f) => path.join(ROOT, dir, f));
}

/** The literal first argument of every `l10n.t(...)` (client) or `t(...)` from server/src/l10n (server) call. */
function translatedLiterals(files: string[], call: RegExp): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    if (call.source.startsWith('\\bt') && !/from '(\.\.\/)+l10n'|from '\.\/l10n'/.test(text)) continue;
    for (const m of text.matchAll(call)) {
      const raw = m[1] ?? '';
      const value = raw.startsWith("'") ? raw.slice(1, -1).replace(/\\'/g, "'").replace(/\\\\/g, '\\') : (JSON.parse(raw) as string);
      out.set(value, path.relative(ROOT, f));
    }
  }
  return out;
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1] ?? '').sort();

describe('localization (en + zh-cn)', () => {
  const bundle = readJson('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;

  it('localizes every user-facing manifest string, in both package.nls files', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/nls.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const en = readJson('package.nls.json');
    const zh = readJson('package.nls.zh-cn.json');
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
    for (const [k, v] of Object.entries(zh)) assert.ok(typeof v === 'string' && v.trim(), `package.nls.zh-cn.json: ${k} is empty`);
  });

  it('declares the l10n folder the client bundle lives in', () => {
    assert.equal(readJson('package.json').l10n, './l10n');
  });

  it('translates every runtime string of the client and the server, keeping the {n} placeholders', () => {
    const client = translatedLiterals(sources('client/src'), /\bl10n\.t\(\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/g);
    const server = translatedLiterals(sources('server/src'), /\bt\(\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/g);
    assert.ok(client.size >= 20, `only ${client.size} client strings found: is the scanner broken?`);
    assert.ok(server.size >= 10, `only ${server.size} server strings found: is the scanner broken?`);
    // Pillar and severity names are translated by value (t(meta.pillar)).
    const dynamic = [...PILLARS, ...SEVERITIES].map((k) => [k, 'server/src/handlers/hover.ts'] as const);
    for (const [key, file] of [...client, ...server, ...dynamic]) {
      const zh = bundle[key];
      assert.ok(typeof zh === 'string' && zh.trim(), `${file}: "${key}" has no zh-cn translation in l10n/bundle.l10n.zh-cn.json`);
      assert.deepEqual(placeholders(zh), placeholders(key), `"${key}": the translation must keep the same {n} placeholders`);
    }
  });

  it('the vscode-free Runs modules speak Chinese once @vscode/l10n has the bundle (as activate configures it)', () => {
    vscodeL10n.config({ contents: bundle });
    try {
      const html = renderReportBody(record({ verdict: 'pass', state: 'passed' }));
      assert.match(html, /<dt>引擎<\/dt>/);
      assert.match(html, /<span class="badge pass">通过<\/span>/);
      assert.equal(statusBarModel({ kind: 'loading' }).tooltip, '正在读取 kubeconfig…');
      assert.match(runPrecondition({ trusted: false, policy: { kind: 'none' }, cluster: { kind: 'loading' } }, 'perf')?.message ?? '', /^genai4dfx：受限模式下无法运行/);
    } finally {
      vscodeL10n.config({ contents: {} });
    }
    assert.equal(statusBarModel({ kind: 'loading' }).tooltip, 'Reading the kubeconfig…');
  });

  it('gives every rule a Chinese title and message whose {{placeholders}} the rule can fill', () => {
    const rules = readJson('l10n/rules.zh-cn.json') as Record<string, { title?: string; message?: string }>;
    for (const { meta, spec } of RULES) {
      const zh = rules[meta.id];
      assert.ok(zh?.title?.trim() && zh.message?.trim(), `l10n/rules.zh-cn.json lacks the title or message of ${meta.id}`);
      const used = [...(zh?.message ?? '').matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '');
      if (!used.length) continue;
      assert.ok(isQueryRule(spec), `${meta.id}: Kubernetes rule messages cannot use {{placeholders}} unless the report data has them`);
      const queries = typeof spec.query === 'string' ? [spec.query] : Object.values(spec.query);
      for (const name of used) {
        assert.ok(queries.every((q) => q.includes(`@${name}`)), `${meta.id}: {{${name}}} is not a capture of every query of the rule`);
      }
    }
    const known = new Set(RULES.map((r) => r.meta.id));
    for (const id of Object.keys(rules)) assert.ok(known.has(id), `l10n/rules.zh-cn.json translates ${id}, which is not a rule`);
  });

  it('maps the locales a client sends onto the shipped ones', () => {
    for (const l of ['zh-cn', 'zh-CN', 'zh_CN.UTF-8', 'zh-Hans', 'zh']) assert.equal(normalizeLocale(l), 'zh-cn', l);
    for (const l of ['en', 'en-US', 'de', '', undefined, 'zh-tw']) assert.equal(normalizeLocale(l), 'en', String(l));
  });

  it('a server started with locale zh-cn reports findings, code actions and hover in Chinese', async () => {
    const { client } = await TestClient.start({ locale: 'zh-cn' });
    try {
      const uri = 'file:///tmp/genai4dfx-l10n/app.py';
      await client.open(uri, 'python', 'import requests\n\ndef load(url):\n    return requests.get(url)\n');
      const ds = await client.diagnostics(uri);
      const d = ds.find((x) => x.code === 'python-requests-no-timeout');
      assert.ok(d, JSON.stringify(ds));
      assert.match(String(d.message), /requests\.get 没有超时/);
      const actions = (await client.conn.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [d] },
      })) as Array<{ title: string }>;
      assert.ok(actions.some((a) => a.title === '在此行抑制 python-requests-no-timeout'), JSON.stringify(actions.map((a) => a.title)));
    } finally {
      await client.stop();
    }
  });
  it('a server started with locale zh-cn reports .dfx.yaml problems in Chinese', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'genai4dfx-l10n-policy-'));
    const { client } = await TestClient.start({ rootUri: URI.file(dir).toString(), locale: 'zh-cn' });
    try {
      const policy = [
        'version: 1',
        'rules:',
        '  go-http-timeout: off',
        'reliability:',
        '  retry:',
        '    backof: exponential',
        'slos:',
        '  - name: checkout-latency',
        '    latency:',
        '      p95: 200',
        'chaos:',
        '  experiments:',
        '    - name: kill',
        '      engine: chaos-mesh',
        '      kind: PodChaos',
        '      action: pod-kill',
        '      target: { namespace: shop }',
        '      duration: 30s',
        '      hypothesis:',
        '        slos: [checkout-latncy]',
        '  guardrails:',
        '    allowedNamespaces: [shop]',
        '',
      ].join('\n');
      const uri = URI.file(path.join(dir, '.dfx.yaml')).toString();
      await client.open(uri, 'dfx-policy', policy);
      const messages = (await client.diagnostics(uri)).map((d) => String(d.message));
      const has = (re: RegExp): void => assert.ok(messages.some((m) => re.test(m)), `no message matching ${re}: ${messages.join(' | ')}`);
      has(/^没有名为 "go-http-timeout" 的规则或支柱（是否指 "go-http-no-timeout"？）：此条目不起作用/);
      has(/^reliability\.retry 中有未知的键 "backof"/);
      has(/^没有名为 "checkout-latncy" 的SLO（是否指 "checkout-latency"？）$/);
      has(/200 没有单位：请写成 200ms 或 200s/);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
