// Workspace diagnostics over the real connection: files that are not open, .gitignore and exclude respected,
// progress, unchanged results by result id, and long polling instead of a busy loop.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, WorkspaceDiagnosticRequest, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../helpers/lsp-client';

const GO = 'package main\n\nimport "net/http"\n\nfunc f(u string) { http.Get(u) }\n';

describe('workspace diagnostics', function () {
  let dir: string;
  let client: TestClient;
  let first: { items: WorkspaceDocumentDiagnosticReport[] } | undefined;
  const uriOf = (rel: string): string => pathToFileURL(path.join(dir, rel)).toString();

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'genai4dfx-ws-'));
    const write = (rel: string, text: string | Buffer): void => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    write('svc/a.go', GO);
    write('svc/open.go', GO);
    write('svc/other.py', 'import requests\n\nrequests.get("http://x")\n');
    write('ignored/b.go', GO);
    write('.gitignore', 'ignored/\n');
    write('node_modules/x/c.go', GO);
    write('excluded/d.go', GO);
    write('big.go', `package main\n${'// x\n'.repeat(40_000)}`);
    client = (await TestClient.start({ rootUri: pathToFileURL(dir).toString() })).client;
    client.settings = { exclude: ['excluded/**'], maxFileSizeKb: 100 };
  });
  after(async () => {
    await client?.stop().catch(() => client.kill());
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports files that are not open, respecting .gitignore, vendored folders and exclude', async () => {
    await client.open(uriOf('svc/open.go'), 'go', GO);
    const r = await client.conn.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
    first = r;
    const byUri = new Map(r.items.map((i) => [i.uri, i]));
    const a = byUri.get(uriOf('svc/a.go'));
    assert.ok(a && a.kind === 'full' && a.items.some((d) => d.code === 'go-http-no-timeout'), JSON.stringify([...byUri.keys()]));
    for (const rel of ['ignored/b.go', 'node_modules/x/c.go', 'excluded/d.go', 'svc/open.go']) assert.ok(!byUri.has(uriOf(rel)), `${rel} must not be reported`);
    const big = byUri.get(uriOf('big.go'));
    assert.ok(big && big.kind === 'full' && big.items.length === 1 && big.items[0]!.severity === 3, 'the oversize file gets one info diagnostic');
    assert.ok(client.statuses.some((s) => s.state === 'ready' && /workspace/.test(s.message ?? '')));
  });

  it('holds the next request until a file changes, then answers unchanged for untouched files', async () => {
    assert.ok(first);
    const previous = first.items.filter((i): i is WorkspaceDocumentDiagnosticReport & { resultId: string } => Boolean(i.resultId)).map((i) => ({ uri: i.uri, value: i.resultId }));
    let answered = false;
    const pending = client.conn.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: previous }).then((r) => {
      answered = true;
      return r;
    });
    // A request that round-trips proves the server has seen the workspace request and is holding it.
    await client.diagnostics(uriOf('svc/open.go'));
    assert.equal(answered, false, 'nothing changed: the request is held (long poll), not answered in a loop');
    fs.writeFileSync(path.join(dir, 'svc/a.go'), GO.replace('http.Get(u)', 'client.Get(u)'));
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('svc/a.go'), type: 2 }] });
    const second = await pending;
    const a = second.items.find((i) => i.uri === uriOf('svc/a.go'));
    assert.ok(a && a.kind === 'full' && !a.items.some((d) => d.code === 'go-http-no-timeout'));
    assert.ok(second.items.some((i) => i.kind === 'unchanged'), 'untouched files are reported unchanged');
  });
});
