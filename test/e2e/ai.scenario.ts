// e2e scenario 5 (issue 3): run the offline "Generate tests" code action in a real VS Code; the test file opens with
// content that parses. Called from test/e2e/editor.test.ts (the lead wires it):
//
//   it('generates tests offline with a code action; the test file opens and parses', async function () {
//     shot = 'ai-generate-tests';
//     await generateTestsScenario(wb!);
//   });
//
// The workspace is a copy of examples/shop; no model is configured and the workbench runs with AI features off, so the
// offline provider answers and nothing leaves the machine.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { syntaxProblems } from '../../server/src/ai/validate';
import { sharedEngine } from '../helpers/engine';
import { until, type Workbench } from './workbench';

const SOURCE = 'checkout/src/payments.ts';
const TEST = 'checkout/src/payments.test.ts';
const FUNCTION = 'authorizationExpiry';

/** Put the cursor in a function, pick "DFX: Generate tests for …" from the code action menu, and check the new file. */
export async function generateTestsScenario(w: Workbench): Promise<void> {
  const page = w.page;
  await page.keyboard.press('Escape');
  await w.open(SOURCE);
  await w.cursorAt(SOURCE, 'return Date.now() + AUTH_HOLD_MS', 'return '.length);
  const action = page.locator('.action-widget .monaco-list-row', { hasText: `DFX: Generate tests for ${FUNCTION}` });
  // Ctrl+. can land while focus is still returning from Quick Open; ask again, as a user would, until the menu shows.
  await until('the Generate tests action in the code action menu', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+.');
    return action.first().waitFor({ timeout: 3000 }).then(() => true, () => false);
  });
  await w.screenshot('ai-code-action-menu');
  await action.first().click();

  // The resolved action creates the file and its command opens it.
  await page.locator('.tabs-container .tab.active', { hasText: path.basename(TEST) }).waitFor();
  await until('the generated test in the editor', async () => /describe\(/.test(await w.editorText()));
  // Monaco renders spaces as no-break spaces.
  const visible = (await w.editorText()).replace(/\u00a0/g, ' ');
  assert.match(visible, new RegExp(`import \\{ ${FUNCTION} \\} from '\\./payments'`));
  await w.screenshot('ai-generated-tests');

  // Save and parse what is on disk with the same grammar the server uses: no ERROR or MISSING node.
  await page.keyboard.press('Control+S');
  const file = path.join(w.workspace, TEST);
  await until(`${TEST} saved`, async () => fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes(FUNCTION));
  const engine = await sharedEngine();
  assert.deepEqual(syntaxProblems(engine.pool, 'typescript', fs.readFileSync(file, 'utf8')), []);
}
