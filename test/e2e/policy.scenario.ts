// Scenario 3 (issue 3): open the workspace's .dfx.yaml; a wrong value (a duration that does not parse) is flagged at
// its position in the Problems panel, and fixing it clears the problem; completion at the top level offers the keys
// the policy does not have yet, with their documentation.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { until, type Workbench } from './workbench';

const POLICY = '.dfx.yaml';

export async function policyScenario(w: Workbench): Promise<void> {
  const page = w.page;
  await page.keyboard.press('Escape');
  await w.open(POLICY);
  const text = fs.readFileSync(path.join(w.workspace, POLICY), 'utf8');
  const needle = 'duration: 60s';
  const line = text.slice(0, text.indexOf(needle)).split('\n').length;

  // Make the duration wrong: 60s → 60x.
  await w.cursorAt(POLICY, needle, needle.length);
  await page.keyboard.press('Backspace');
  await page.keyboard.type('x');
  await w.problems();
  const rows = page.locator('.markers-panel .monaco-list-row', { hasText: 'is not a duration' });
  await rows.first().waitFor();
  const row = await rows.first().innerText();
  assert.match(row, /"60x" is not a duration/);
  assert.match(row, new RegExp(`\\[Ln ${line}, Col \\d+\\]`), `the problem is at line ${line}: ${row}`);
  await w.screenshot('policy-problem');

  // Fix it back: the problem goes.
  await page.keyboard.press('Backspace');
  await page.keyboard.type('s');
  await rows.first().waitFor({ state: 'detached' });

  // Completion on a new top-level line offers `include` (the one top-level key the example lacks).
  await w.cursorAt(POLICY, 'version: 1', 'version: 1'.length);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const suggest = page.locator('.editor-widget.suggest-widget .monaco-list-row');
  await until('completion to list include', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Space');
    return suggest.filter({ hasText: 'include' }).first().waitFor({ timeout: 3000 }).then(() => true, () => false);
  });
  await w.screenshot('policy-completion');
  await page.keyboard.press('Escape');
  // Leave the policy as it is on disk: later scenarios edit it there.
  const revert = await w.quickInput('F1', '>File: Revert File');
  await revert.filter({ hasText: 'Revert File' }).first().click();
  await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
}
