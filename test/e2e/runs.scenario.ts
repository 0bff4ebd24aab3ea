// Scenario 4 (issue 3): the DFX sidebar's Runs view lists the policy's experiments and load tests; a local load test
// against an HTTP server this test starts passes, one against an endpoint that fails is judged failed, and both
// verdicts show in the view and in the run report webview. Call `runsScenario(wb)` from an `it` in editor.test.ts
// (it sets its own timeout expectations through STEP_MS; give the `it` ~120 s).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { FrameLocator, Locator } from 'playwright-core';
import { isMap, isSeq, parseDocument } from 'yaml';
import { until, type Workbench } from './workbench';

/** Scenario names written into the workspace's .dfx.yaml (and restored away afterwards). */
export const PASSING = 'e2e-local-healthz';
export const FAILING = 'e2e-local-errors';

interface TargetServer {
  port: number;
  /** Requests answered, by path. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

/** A local HTTP target: /healthz answers 200 at once, /fail answers 500. */
async function startTarget(): Promise<TargetServer> {
  const hits = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const p = (req.url ?? '/').split('?')[0] ?? '/';
    hits.set(p, (hits.get(p) ?? 0) + 1);
    req.resume();
    if (p === '/fail') {
      res.writeHead(500, { 'content-type': 'text/plain' }).end('boom');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Add the two load tests to the workspace policy, keeping everything else; returns the original text. */
function addScenarios(policyFile: string, port: number): string {
  const original = fs.readFileSync(policyFile, 'utf8');
  const doc = parseDocument(original);
  const scenario = (name: string, p: string, description: string): Record<string, unknown> => ({
    name,
    description,
    engine: 'local',
    target: `http://127.0.0.1:${port}${p}`,
    vus: 2,
    duration: '2s',
    thresholds: { latency: { p95: '1000ms' }, errorRate: '1%' },
  });
  const scenarios = doc.getIn(['perf', 'scenarios']);
  const added = [scenario(PASSING, '/healthz', 'e2e: a healthy local endpoint'), scenario(FAILING, '/fail', 'e2e: an endpoint that answers 500')];
  if (isSeq(scenarios)) for (const s of added) scenarios.add(doc.createNode(s));
  else if (isMap(doc.get('perf'))) doc.setIn(['perf', 'scenarios'], doc.createNode(added));
  else doc.set('perf', doc.createNode({ scenarios: added }));
  fs.writeFileSync(policyFile, doc.toString());
  return original;
}

/** The Runs view's rows (the sidebar part holds only the DFX views while it is open). */
function runsRows(wb: Workbench, text: string): Locator {
  return wb.page.locator('.part.sidebar .monaco-list-row', { hasText: text });
}

/** The report webview's document (VS Code nests the page in an inner frame). */
function reportFrame(wb: Workbench): FrameLocator {
  return wb.page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
}

async function runFromRow(wb: Workbench, name: string): Promise<void> {
  // The policy row ("local · 2s"), not a history row of an earlier run ("passed · just now").
  const row = runsRows(wb, name).filter({ hasText: /local\s·\s\d/ }).first();
  await row.click();
  const action = row.locator('.action-label[aria-label^="Run Load Test"]');
  await row.hover();
  await action.click();
}

/** Scenario 4. Leaves the screenshots runs-view.png, runs-report-pass.png and runs-report-fail.png. */
export async function runsScenario(wb: Workbench): Promise<void> {
  const page = wb.page;
  const target = await startTarget();
  const policyFile = path.join(wb.workspace, '.dfx.yaml');
  const original = addScenarios(policyFile, target.port);
  try {
    // Open the DFX sidebar on the Runs view.
    await page.keyboard.press('Escape');
    // Right after start-up the palette may not list the view's commands yet: ask again until it does.
    await until('"Focus on Runs View" in the palette', async () => {
      await page.keyboard.press('Escape');
      const commands = await wb.quickInput('F1', '>Focus on Runs View');
      const row = commands.filter({ hasText: 'Runs' }).first();
      if (!(await row.waitFor({ timeout: 5000 }).then(() => true, () => false))) return false;
      await row.click();
      return true;
    });
    await page.locator('.part.sidebar .pane-header', { hasText: /runs/i }).first().waitFor();
    // Collapse the other DFX views so the Runs view has the room: rows off screen are not rendered at all.
    for (const name of ['Findings', 'Rules']) {
      const header = page.locator('.part.sidebar .pane-header[aria-expanded="true"]', { hasText: name }).first();
      if (await header.count()) await header.click();
    }

    // The policy's experiments and load tests are listed.
    await runsRows(wb, 'cart-pod-kill').first().waitFor();
    await runsRows(wb, PASSING).first().waitFor();
    await runsRows(wb, FAILING).first().waitFor();
    await wb.screenshot('runs-view');

    // A load test against the healthy endpoint passes: a history row says so, and the report shows it.
    await runFromRow(wb, PASSING);
    const passedRow = runsRows(wb, PASSING).filter({ hasText: 'passed' }).first();
    await passedRow.waitFor();
    assert.ok((target.hits.get('/healthz') ?? 0) > 0, 'the load test sent requests to the local server');
    await passedRow.click();
    const pass = reportFrame(wb);
    await pass.locator('.badge.pass', { hasText: 'PASSED' }).waitFor();
    await pass.locator('#slos tr.pass').first().waitFor();
    // A flat line (steady latency) has no height, so it counts as hidden: wait for it to be drawn, not visible.
    await pass.locator('figure.chart svg path.line').first().waitFor({ state: 'attached' });
    await wb.screenshot('runs-report-pass');

    // One against the failing endpoint breaks the error-rate threshold: failed in the view and in the report.
    await runFromRow(wb, FAILING);
    const failedRow = runsRows(wb, FAILING).filter({ hasText: 'failed' }).first();
    await failedRow.waitFor();
    assert.ok((target.hits.get('/fail') ?? 0) > 0, 'the failing load test reached /fail');
    await failedRow.click();
    const fail = reportFrame(wb);
    await fail.locator('.badge.fail', { hasText: 'FAILED' }).waitFor();
    const broken = fail.locator('#slos tr.fail', { hasText: 'errorRate' }).first();
    await broken.waitFor();
    assert.match(await broken.innerText(), /failed/);
    await wb.screenshot('runs-report-fail');

    // The run records are the history: .dfx/runs/ holds one per run.
    const records = fs.readdirSync(path.join(wb.workspace, '.dfx', 'runs')).filter((f) => f.endsWith('.json'));
    assert.ok(records.length >= 2, `two run records in .dfx/runs/, found ${records.join(', ')}`);
  } finally {
    fs.writeFileSync(policyFile, original);
    await target.close();
    await page.keyboard.press('Escape').catch(() => undefined);
  }
}
