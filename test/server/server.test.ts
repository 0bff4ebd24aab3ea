// The real server process (dist/server.js) over stdio, spoken to by a real LSP client connection.
import { strict as assert } from 'node:assert';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { at } from '../helpers/engine';
import { applyEdits, TestClient } from '../helpers/lsp-client';

const GO = `package main

import "net/http"

func fetch(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
`;

const PY = `import requests

def load(url):
    return requests.get(url)
`;

function msg(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function byRule(ds: Diagnostic[], id: string): Diagnostic[] {
  return ds.filter((d) => d.code === id);
}

describe('language server over stdio', function () {
  let client: TestClient;
  let capabilities: Record<string, unknown>;

  before(async () => {
    const started = await TestClient.start();
    client = started.client;
    capabilities = started.init.capabilities as Record<string, unknown>;
  });
  after(async () => {
    if (client) await client.stop().catch(() => client.kill());
  });

  it('initializes with pull diagnostics, hover and code actions', () => {
    assert.ok(capabilities.diagnosticProvider, 'diagnosticProvider');
    assert.equal(capabilities.hoverProvider, true);
    assert.ok(capabilities.codeActionProvider);
  });

  it('pulls diagnostics for an open document with code, docs link, source and data', async () => {
    const uri = 'file:///tmp/dfx-test/a.go';
    await client.open(uri, 'go', GO);
    const ds = byRule(await client.diagnostics(uri), 'go-http-no-timeout');
    assert.equal(ds.length, 1);
    const d = ds[0]!;
    assert.deepEqual(d.range.start, at(GO, 'http.Get'));
    assert.equal(d.source, 'genai4dfx');
    assert.match(d.codeDescription?.href ?? '', /go-http-no-timeout\.md$/);
    assert.equal((d.data as { ruleId: string }).ruleId, 'go-http-no-timeout');
    assert.ok(msg(d).length > 20);
  });

  it('answers unchanged for the same result id, and full after an edit', async () => {
    const uri = 'file:///tmp/dfx-test/a.go';
    const first = await client.report(uri);
    assert.equal(first.kind, 'full');
    const again = await client.report(uri, first.resultId);
    assert.equal(again.kind, 'unchanged');
  });

  it('updates diagnostics after incremental edits', async () => {
    const uri = 'file:///tmp/dfx-test/b.go';
    await client.open(uri, 'go', GO);
    assert.equal(byRule(await client.diagnostics(uri), 'go-http-no-timeout').length, 1);
    // Rename http.Get to client.Get: the finding disappears.
    const start = at(GO, 'http.Get');
    await client.change(uri, [{ range: { start, end: { line: start.line, character: start.character + 4 } }, text: 'client' }]);
    assert.equal(byRule(await client.diagnostics(uri), 'go-http-no-timeout').length, 0);
    // Type a second call on a new line, one character at a time.
    const line = at(GO, 'return resp').line;
    let col = 1;
    for (const ch of '_, _ = http.Post(url, "", nil)\n\t') {
      await client.change(uri, [{ range: { start: { line, character: col }, end: { line, character: col } }, text: ch }]);
      col++;
    }
    assert.equal(byRule(await client.diagnostics(uri), 'go-http-no-timeout').length, 1);
  });

  it('hover on a finding shows the rule documentation', async () => {
    const uri = 'file:///tmp/dfx-test/a.go';
    const pos = at(GO, 'http.Get');
    const h = await client.hover(uri, { line: pos.line, character: pos.character + 2 });
    const value = h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
    assert.match(value, /go-http-no-timeout/);
    assert.match(value, /Why it matters/);
    assert.equal(await client.hover(uri, { line: 0, character: 0 }), null);
  });

  it('offers suppression actions that work, and a quick fix for fixable rules', async () => {
    const uri = 'file:///tmp/dfx-test/c.go';
    await client.open(uri, 'go', GO);
    const [d] = byRule(await client.diagnostics(uri), 'go-http-no-timeout');
    assert.ok(d);
    const actions = (await client.codeActions(uri, d.range, [d])) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Suppress go-http-no-timeout on this line'), titles.join(', '));
    assert.ok(titles.includes('Suppress go-http-no-timeout in this file'));
    const line = actions.find((a) => a.title.includes('on this line'))!;
    const suppressed = applyEdits(GO, line.edit!.changes![uri]!);
    assert.match(suppressed, /\t\/\/ dfx-ignore go-http-no-timeout: reason\n\tresp, err := http.Get/);
    await client.replaceAll(uri, suppressed);
    assert.equal(byRule(await client.diagnostics(uri), 'go-http-no-timeout').length, 0);
  });

  it('ignores code actions for diagnostics of an old version (stale)', async () => {
    const uri = 'file:///tmp/dfx-test/d.go';
    await client.open(uri, 'go', GO);
    const [d] = byRule(await client.diagnostics(uri), 'go-http-no-timeout');
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    const actions = await client.codeActions(uri, d!.range, [d!]);
    // Fix-all is computed on the current version, so it may be offered; nothing for the stale diagnostic is.
    assert.equal(actions.filter((a) => (a as CodeAction).kind !== 'source.fixAll.genai4dfx').length, 0);
  });

  it('offers fix-all (source.fixAll.genai4dfx) that applies every certain fix', async function () {
    const uri = 'file:///tmp/dfx-test/e.py';
    const text = `${PY}\ndef other(u):\n    return requests.post(u, data={})\n`;
    await client.open(uri, 'python', text);
    const ds = await client.diagnostics(uri);
    const fixable = ds.filter((d) => (d.data as { fixable?: boolean }).fixable);
    if (!fixable.length) this.skip(); // no fixable Python rule in the catalogue yet
    const actions = (await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.genai4dfx'])) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.kind, 'source.fixAll.genai4dfx');
    const fixed = applyEdits(text, actions[0]!.edit!.changes![uri]!);
    await client.replaceAll(uri, fixed);
    const after = (await client.diagnostics(uri)).filter((d) => (d.data as { fixable?: boolean }).fixable);
    assert.equal(after.length, 0, fixed);
  });

  it('reports an unused suppression as a faded hint with a removal fix', async () => {
    const uri = 'file:///tmp/dfx-test/f.go';
    const text = 'package main\n\n// dfx-ignore go-http-no-timeout: nothing here\nvar x = 1\n';
    await client.open(uri, 'go', text);
    const [d] = (await client.diagnostics(uri)).filter((x) => x.code === 'dfx-unused-suppression');
    assert.ok(d);
    assert.deepEqual(d.tags, [1]);
    const actions = (await client.codeActions(uri, d.range, [d])) as CodeAction[];
    const removed = applyEdits(text, actions.find((a) => a.title.startsWith('Remove'))!.edit!.changes![uri]!);
    assert.equal(removed, 'package main\n\nvar x = 1\n');
  });

  it('settings switch a rule off and re-level it, per pull', async () => {
    const uri = 'file:///tmp/dfx-test/g.go';
    await client.open(uri, 'go', GO);
    client.settings = { rules: { 'go-http-no-timeout': 'error' } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.equal(byRule(await client.diagnostics(uri), 'go-http-no-timeout')[0]?.severity, 1);
    client.settings = { rules: { reliability: 'off' } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.equal(byRule(await client.diagnostics(uri), 'go-http-no-timeout').length, 0);
    client.settings = { enable: 'nonsense', maxFileSizeKb: -5 };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.equal(byRule(await client.diagnostics(uri), 'go-http-no-timeout').length, 1, 'bad settings fall back to defaults');
    client.settings = {};
  });

  it('skips a file over the size cap with one info diagnostic', async () => {
    const uri = 'file:///tmp/dfx-test/big.go';
    client.settings = { maxFileSizeKb: 64 };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.open(uri, 'go', `package main\n${'// padding padding padding padding padding\n'.repeat(3000)}`);
    const ds = await client.diagnostics(uri);
    assert.equal(ds.length, 1);
    assert.equal(ds[0]!.severity, 3);
    assert.match(msg(ds[0]!), /skipped.*cap/);
    client.settings = {};
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  it('returns nothing for unknown languages, closed documents and odd input, and keeps serving', async () => {
    assert.deepEqual(await client.diagnostics('file:///tmp/dfx-test/never-opened.go'), []);
    await client.open('file:///tmp/dfx-test/x.rs', 'rust', 'fn main() {}');
    assert.deepEqual(await client.diagnostics('file:///tmp/dfx-test/x.rs'), []);
    for (const [name, lang, text] of [
      ['empty.go', 'go', ''],
      ['broken.go', 'go', 'func (( {'],
      ['bad-utf8.py', 'python', 'x = "\uFFFD\uFFFD"\n\u0000\u0001'],
      ['half.ts', 'typescript', 'export async function f(a: string, {'],
      ['helm.yaml', 'yaml', 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: {{ .Values.replicas }}\n'],
    ] as const) {
      const uri = `file:///tmp/dfx-test/${name}`;
      await client.open(uri, lang, text);
      const ds = await client.diagnostics(uri);
      assert.ok(Array.isArray(ds));
      await client.close(uri);
      assert.deepEqual(await client.diagnostics(uri), []);
    }
    assert.ok(byRule(await client.diagnostics('file:///tmp/dfx-test/a.go'), 'go-http-no-timeout').length === 1, 'still serving');
  });

  it('sends status notifications with the last analysis time', () => {
    const ready = client.statuses.filter((s) => s.state === 'ready' && typeof s.lastAnalysisMs === 'number' && s.uri);
    assert.ok(ready.length > 0, JSON.stringify(client.statuses.slice(0, 3)));
  });
});

describe('language server lifecycle', () => {
  it('exits cleanly on shutdown + exit', async () => {
    const { client } = await TestClient.start();
    assert.equal(await client.stop(), 0);
  });

  it('exits when the client disconnects without a goodbye', async () => {
    const { client } = await TestClient.start();
    client.proc.stdin!.end();
    const code = await client.exited;
    assert.notEqual(code, null, 'the server exited by itself');
  });
});
