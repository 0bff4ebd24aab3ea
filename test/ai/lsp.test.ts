// The LSP round trip over the real server process: codeAction (cheap, no edit) → codeAction/resolve (the edit,
// computed offline) → a WorkspaceEdit that creates the test file; Preview prompt; untrusted/no-answer clients stay offline.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeActionRequest, CodeActionResolveRequest, type CodeAction, type CreateFile, type TextDocumentEdit } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { AI_KINDS, AiEnvironmentRequest, PreviewPromptRequest } from '../../server/src/protocol/ai';
import { at } from '../helpers/engine';
import { applyEdits, TestClient } from '../helpers/lsp-client';
import { copyFixture, FIXTURES } from './helpers';

describe('AI actions over LSP (real server)', function () {
  this.timeout(60_000);
  let client: TestClient;
  let dir: string;
  let cleanup: () => void;
  const messages: string[] = [];
  let environmentAsked = 0;

  before(async () => {
    ({ dir, cleanup } = copyFixture('ts', { 'package.json': '{ "name": "shop" }\n' }));
    const started = await TestClient.start({
      rootUri: URI.file(dir).toString(),
      capabilities: {
        workspace: { configuration: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
        textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } }, resolveSupport: { properties: ['edit'] }, dataSupport: true } },
        window: { workDoneProgress: true },
      },
    });
    client = started.client;
    // The server's notifications to the user (showInformationMessage etc. are window/showMessageRequest).
    client.conn.onRequest('window/showMessageRequest', (p: { message: string }) => {
      messages.push(p.message);
      return null;
    });
    // A client that says: trusted, and here is a key. The tests set genai4dfx.ai.provider, so no request leaves.
    client.conn.onRequest(AiEnvironmentRequest, () => {
      environmentAsked++;
      return { trusted: false, editorModels: false, apiKey: 'must-not-be-used' };
    });
    assert.ok((started.init.capabilities.codeActionProvider as { resolveProvider?: boolean }).resolveProvider);
  });
  after(async () => {
    await client.stop();
    cleanup();
  });

  it('offers Generate tests, Add retries and Threat notes without computing them, and resolves one to a WorkspaceEdit', async () => {
    const file = path.join(dir, 'pricing.ts');
    const uri = URI.file(file).toString();
    const text = fs.readFileSync(file, 'utf8');
    await client.open(uri, 'typescript', text);
    const pos = at(text, 'qty <= 0');
    const t0 = performance.now();
    const actions = (await client.codeActions(uri, { start: pos, end: pos }, [], ['refactor'])) as CodeAction[];
    const firstMs = performance.now() - t0;
    // Again, on the analysed document: what the light bulb costs while typing.
    const t2 = performance.now();
    await client.codeActions(uri, { start: pos, end: pos }, [], ['refactor']);
    const listMs = performance.now() - t2;
    const tests = actions.find((a) => a.kind === AI_KINDS.tests);
    assert.ok(tests, actions.map((a) => a.title).join(', '));
    assert.equal(tests.title, 'DFX: Generate tests for linePrice');
    assert.ok(actions.some((a) => a.kind === AI_KINDS.threats));
    assert.equal(tests.edit, undefined, 'the edit is computed on resolve, not for the light bulb');
    assert.ok(firstMs < 2000 && listMs < 500, `code action list took ${firstMs} ms, then ${listMs} ms`);

    const t1 = performance.now();
    const resolved = await client.conn.sendRequest(CodeActionResolveRequest.type, tests);
    const resolveMs = performance.now() - t1;
    const changes = resolved.edit?.documentChanges as (CreateFile | TextDocumentEdit)[] | undefined;
    assert.ok(changes, `no edit; messages: ${messages.join(' | ')}`);
    const testUri = URI.file(path.join(dir, 'pricing.test.ts')).toString();
    assert.deepEqual(changes[0], { kind: 'create', uri: testUri, options: { ignoreIfExists: true } });
    const edit = changes[1] as TextDocumentEdit;
    assert.equal(edit.textDocument.uri, testUri);
    const content = applyEdits('', edit.edits as { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]);
    assert.match(content, /import \{ linePrice \} from '\.\/pricing';/);
    assert.match(content, /assert\.throws\(\(\) => linePrice\(/);
    assert.ok(messages.some((m) => /Generate tests for linePrice \(node-test\): parsed and type-checked with tsc \(offline\)/.test(m)), messages.join(' | '));
    console.log(`      code action list ${firstMs.toFixed(1)} ms (first, with analysis), ${listMs.toFixed(1)} ms (analysed), resolve (offline + tsc) ${resolveMs.toFixed(0)} ms`);
  });

  it('a method: the title names it, and resolve writes tests that build the object first', async () => {
    const file = path.join(dir, 'ledger.ts');
    fs.copyFileSync(path.join(FIXTURES, 'methods/ts/ledger.ts'), file);
    const uri = URI.file(file).toString();
    const text = fs.readFileSync(file, 'utf8');
    await client.open(uri, 'typescript', text);
    const pos = at(text, "account === ''");
    const actions = (await client.codeActions(uri, { start: pos, end: pos }, [], [AI_KINDS.tests])) as CodeAction[];
    const tests = actions.find((a) => a.kind === AI_KINDS.tests);
    assert.equal(tests?.title, 'DFX: Generate tests for Ledger.settle');
    const resolved = await client.conn.sendRequest(CodeActionResolveRequest.type, tests!);
    const changes = resolved.edit?.documentChanges as (CreateFile | TextDocumentEdit)[] | undefined;
    assert.ok(changes, `no edit; messages: ${messages.join(' | ')}`);
    assert.deepEqual(changes[0], { kind: 'create', uri: URI.file(path.join(dir, 'ledger.test.ts')).toString(), options: { ignoreIfExists: true } });
    const content = applyEdits('', (changes[1] as TextDocumentEdit).edits as { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]);
    assert.match(content, /const ledger = new Ledger\(1, 'example'\);\n\s+await assert\.rejects\(ledger\.settle\(''\)\);/);
  });

  it('the automatic light bulb gets only the actions a diagnostic calls for', async () => {
    const file = path.join(dir, 'pricing.ts');
    const uri = URI.file(file).toString();
    const text = fs.readFileSync(file, 'utf8');
    const pos = at(text, 'qty <= 0');
    const automatic = await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: pos, end: pos }, context: { diagnostics: [], triggerKind: 2 } });
    assert.equal((automatic ?? []).filter((a) => 'kind' in a && String(a.kind).startsWith('refactor')).length, 0);
    const [d] = (await client.diagnostics(uri)).filter((x) => x.code === 'js-fetch-no-timeout');
    assert.ok(d, 'fetch without a timeout is flagged');
    const onCall = await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d], triggerKind: 2 } });
    const retries = (onCall ?? []).find((a) => 'kind' in a && a.kind === AI_KINDS.retries) as CodeAction | undefined;
    assert.ok(retries, 'Add retries is offered from the no-timeout diagnostic');
    assert.equal(retries.diagnostics?.[0]?.code, 'js-fetch-no-timeout');
  });

  it('an untrusted workspace stays offline even with a key', async () => {
    const file = path.join(dir, 'pricing.ts');
    const uri = URI.file(file).toString();
    const text = fs.readFileSync(file, 'utf8');
    const pos = at(text, 'return qty >= 10');
    const actions = (await client.codeActions(uri, { start: pos, end: pos }, [], ['refactor'])) as CodeAction[];
    const threats = actions.find((a) => a.kind === AI_KINDS.threats)!;
    const before = environmentAsked;
    const resolved = await client.conn.sendRequest(CodeActionResolveRequest.type, threats);
    assert.equal(environmentAsked, before + 1);
    const edit = (resolved.edit?.documentChanges as TextDocumentEdit[])[0]!;
    assert.match((edit.edits[0] as { newText: string }).newText, /\/\/ DFX threat notes \(STRIDE\) for linePrice/);
  });

  it('Preview prompt shows exactly the messages, redacted, and the provider', async () => {
    const file = path.join(dir, 'pricing.ts');
    const uri = URI.file(file).toString();
    const text = fs.readFileSync(file, 'utf8');
    const preview = await client.conn.sendRequest(PreviewPromptRequest, { uri, position: at(text, 'qty <= 0'), action: 'tests' });
    assert.equal(preview.provider, 'offline');
    assert.deepEqual(preview.messages.map((m) => m.role), ['system', 'user']);
    assert.match(preview.messages[1]!.content, /export function linePrice/);
  });

  it('resolving an action for an old version does nothing and says so', async () => {
    const file = path.join(dir, 'pricing.ts');
    const uri = URI.file(file).toString();
    const text = fs.readFileSync(file, 'utf8');
    const pos = at(text, 'qty <= 0');
    const [action] = ((await client.codeActions(uri, { start: pos, end: pos }, [], [AI_KINDS.tests])) as CodeAction[]);
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    const resolved = await client.conn.sendRequest(CodeActionResolveRequest.type, action!);
    assert.equal(resolved.edit, undefined);
    const deadline = Date.now() + 5000;
    while (!messages.some((m) => /document changed/.test(m)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    assert.ok(messages.some((m) => /document changed/.test(m)));
  });
});
