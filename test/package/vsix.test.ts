// Packages the extension with vsce and checks what ships: only runtime files, a sane size, and a server bundle that
// starts and analyses from the extracted vsix alone (no node_modules anywhere above it).
import { strict as assert } from 'node:assert';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticReportKind,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol/node';
import { ListRulesRequest } from '../../server/src/protocol/messages';
import { listZip, readZipEntry, type ZipEntry } from './zip';

const ROOT = path.resolve(__dirname, '../..');
const MAX_BYTES = 10 * 1024 * 1024;

/** What may ship, as paths inside the vsix; anything else is a packaging mistake. */
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/(package\.json|package\.nls(\.[\w-]+)?\.json|readme\.md|readme-zh\.md|changelog\.md|LICENSE\.txt)$/,
  /^extension\/l10n\/(bundle\.l10n|rules)\.[\w-]+\.json$/,
  /^extension\/dist\/(client|server)\.js$/,
  /^extension\/grammars\/([\w.-]+\.wasm|manifest\.json|queries\.snapshot\.json)$/,
  /^extension\/media\/[\w./-]+\.(png|svg|json|css)$/,
  /^extension\/media\/walkthrough\/[\w-]+\.md$/,
  /^extension\/media\/report\.js$/,
  /^extension\/snippets\/[\w./-]+\.(json|code-snippets)$/,
  /^extension\/schemas\/dfx-policy\.schema\.json$/,
];

function required(): string[] {
  const grammars = Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, 'grammars/manifest.json'), 'utf8')) as Record<string, unknown>)
    .filter((k) => !k.startsWith('$'))
    .map((g) => `extension/grammars/${g}`);
  const files = [
    'extension/package.json',
    'extension/package.nls.json',
    'extension/package.nls.zh-cn.json',
    'extension/l10n/bundle.l10n.zh-cn.json',
    'extension/l10n/rules.zh-cn.json',
    'extension/LICENSE.txt',
    'extension/changelog.md',
    'extension/dist/client.js',
    'extension/dist/server.js',
    'extension/grammars/manifest.json',
    // The rule queries compiled at build time (server/src/engine/query-snapshot.ts): without them the server compiles.
    'extension/grammars/queries.snapshot.json',
    'extension/media/icon.png',
    'extension/media/dfx.svg',
    'extension/media/dfx-policy.language-configuration.json',
    'extension/media/dfx-policy.tmLanguage.json',
    'extension/media/report.js',
    'extension/media/report.css',
    'extension/schemas/dfx-policy.schema.json',
    'extension/snippets/dfx-policy.json',
    ...grammars,
  ];
  // vsce renames README.md to readme.md; the repository's README is the marketplace page.
  if (fs.existsSync(path.join(ROOT, 'README.md'))) files.push('extension/readme.md');
  return files;
}

describe('vsix package', function () {
  this.timeout(120_000);
  let tmp: string;
  let zip: Buffer;
  let entries: ZipEntry[];

  before(() => {
    for (const f of ['dist/client.js', 'dist/server.js']) assert.ok(fs.existsSync(path.join(ROOT, f)), `${f} is missing: run npm run build`);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'genai4dfx-vsix-'));
    const out = path.join(tmp, 'x.vsix');
    // stdin closed: any interactive vsce prompt (missing licence, repository…) fails the test instead of hanging it.
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '-o', out], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    zip = fs.readFileSync(out);
    entries = listZip(zip);
  });

  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('contains every runtime file', () => {
    const names = new Set(entries.map((e) => e.name));
    for (const f of required()) assert.ok(names.has(f), `${f} is not in the vsix`);
  });

  it('contains nothing else: no node_modules, sources, tests, examples, maps or other bundles', () => {
    for (const { name } of entries) {
      assert.ok(!/(^|\/)(node_modules|server\/src|client\/src|test|examples)\//.test(name), `${name} should not ship`);
      assert.ok(!/\.(ts|map|mjs)$/.test(name), `${name} should not ship`);
      assert.ok(ALLOWED.some((re) => re.test(name)), `${name} is not an allowed runtime file`);
    }
  });

  it('is smaller than 10 MB', () => {
    assert.ok(zip.length < MAX_BYTES, `${zip.length} bytes`);
  });

  it('ships the manifest as it is in the repository', () => {
    const entry = entries.find((e) => e.name === 'extension/package.json');
    assert.ok(entry);
    const shipped = JSON.parse(readZipEntry(zip, entry).toString('utf8')) as { main: string; contributes: unknown };
    const repo = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string; contributes: unknown };
    assert.equal(shipped.main, repo.main);
    assert.deepEqual(shipped.contributes, repo.contributes);
  });

  it('starts the packaged server offline and analyses a document', async () => {
    const dir = path.join(tmp, 'unpacked');
    for (const e of entries) {
      if (!e.name.startsWith('extension/') || e.name.endsWith('/')) continue;
      const file = path.join(dir, e.name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, readZipEntry(zip, e));
    }
    const server = path.join(dir, 'extension/dist/server.js');
    for (let d = path.dirname(server); d !== path.dirname(d); d = path.dirname(d)) {
      assert.ok(!fs.existsSync(path.join(d, 'node_modules')), `${d}/node_modules would let the bundle resolve packages`);
    }
    const env = { ...process.env };
    delete env.NODE_PATH;
    const proc = spawn(process.execPath, [server, '--stdio'], { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const stderr: string[] = [];
    proc.stderr.on('data', (d: Buffer) => stderr.push(d.toString()));
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
    // A server that dies must fail the test at once, not leave a request waiting for the timeout.
    const died = exited.then((code) => Promise.reject(new Error(`the packaged server exited (${code}): ${stderr.join('')}`)));
    void died.catch(() => undefined);
    const call = <T>(p: Promise<T>): Promise<T> => Promise.race([p, died]);
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    conn.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => ({})));
    conn.onRequest(RegistrationRequest.type, () => undefined);
    conn.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    conn.listen();
    try {
      const init = await call(
        conn.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: null,
          capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } },
        }),
      );
      assert.ok(init.capabilities.diagnosticProvider, 'no pull diagnostics');
      await conn.sendNotification(InitializedNotification.type, {});

      const rules = await call(conn.sendRequest(ListRulesRequest));
      assert.ok(rules.length > 0, 'the packaged server lists no rules');

      const uri = pathToFileURL(path.join(dir, 'main.go')).toString();
      const text = 'package main\n\nimport "net/http"\n\nfunc fetch(url string) {\n\thttp.Get(url)\n}\n';
      await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'go', version: 1, text } });
      const report = await call(conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }));
      assert.equal(report.kind, DocumentDiagnosticReportKind.Full);
      const codes = report.kind === DocumentDiagnosticReportKind.Full ? report.items.map((d) => d.code) : [];
      assert.ok(codes.includes('go-http-no-timeout'), `the packaged grammars did not produce findings: ${JSON.stringify(codes)}`);

      await call(conn.sendRequest(ShutdownRequest.type));
      await conn.sendNotification(ExitNotification.type);
      assert.equal(await exited, 0, stderr.join(''));
    } finally {
      conn.dispose();
      if (proc.exitCode === null) proc.kill();
    }
  });
});
