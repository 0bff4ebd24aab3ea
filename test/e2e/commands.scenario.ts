// Scenario 6 (issue 3): every contributed command is in the palette under "DFX:", and running each one either does
// something the user can see (a quick pick or input, a notification, a panel, an editor or webview) or says why it
// cannot (a precondition such as "no kubeconfig found"); none ends in "command not found" or "Error running command".
// The workspace has no kubeconfig (HOME is a fresh temp folder), so the cluster commands must say so.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, until, type Workbench } from './workbench';

interface ContributedCommand { command: string; title: string; category?: string }

/** What the command palette shows for each contributed command (titles are %keys% of package.nls.json). */
export function commandLabels(): Array<{ id: string; label: string }> {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { commands: ContributedCommand[] } };
  const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const text = (s: string): string => s.replace(/^%(.+)%$/, (_, k: string) => nls[k] ?? s);
  return manifest.contributes.commands.map((c) => ({ id: c.command, label: c.category ? `${text(c.category)}: ${text(c.title)}` : text(c.title) }));
}

/** Commands whose effect is not a new piece of UI (they refresh or restart what is already there). */
const QUIET = new Set(['genai4dfx.restartServer', 'genai4dfx.refreshRules']);
const ERROR = /command '.*' not found|Error running command|is not a registered command|Cannot read properties/i;

/** Run every contributed command from the palette; returns, per command, what the user saw. */
export async function commandsScenario(wb: Workbench): Promise<Record<string, string>> {
  const page = wb.page;
  const seen: Record<string, string> = {};
  const toasts = page.locator('.notifications-toasts .notification-toast');
  const quick = page.locator('.quick-input-widget');
  for (const { id, label } of commandLabels()) {
    await page.keyboard.press('Escape');
    // Clear earlier toasts so what we read belongs to this command.
    await page.keyboard.press('Escape');
    for (const close of await page.locator('.notifications-toasts .codicon-notifications-clear, .notifications-toasts .codicon-close').all()) {
      await close.click({ timeout: 1000 }).catch(() => undefined);
    }
    const tabsBefore = await page.locator('.tabs-container .tab').count();
    const output = page.locator('.part.panel .output-view').first();
    const outputBefore = await output.isVisible();
    const rows = await wb.quickInput('F1', `>${label}`);
    await rows.filter({ hasText: label }).first().click();
    // The palette itself must go (or turn into the command's own quick pick) before its visibility means anything.
    const input = page.locator('.quick-input-widget input');
    await until('the palette to close', async () => !(await quick.isVisible()) || (await input.inputValue().catch(() => '')) !== `>${label}`, 5000).catch(() => undefined);
    let evidence = '';
    const deadline = Date.now() + 15_000;
    while (!evidence && Date.now() < deadline) {
      if (await toasts.count()) evidence = `notification: ${(await toasts.first().innerText()).replace(/\s+/g, ' ').slice(0, 160)}`;
      else if (await quick.isVisible()) evidence = `quick input: ${((await page.locator('.quick-input-widget .quick-input-title, .quick-input-widget input').first().getAttribute('placeholder').catch(() => '')) ?? '').slice(0, 120) || 'shown'}`;
      else if ((await page.locator('.tabs-container .tab').count()) !== tabsBefore) evidence = 'editor or webview opened';
      else if (!outputBefore && (await output.isVisible())) evidence = 'output shown';
      else if (QUIET.has(id)) evidence = 'ran (no new UI expected)';
      else await page.waitForTimeout(250);
    }
    seen[id] = evidence || 'nothing visible';
    await wb.screenshot(`command-${id.replace(/^genai4dfx\./, '')}`);
    assert.ok(evidence, `${label} (${id}) showed nothing within 15 s: it should act or say why it cannot`);
    assert.doesNotMatch(evidence, ERROR, `${label} (${id}) failed: ${evidence}`);
    await page.keyboard.press('Escape');
  }
  assert.match(seen['genai4dfx.selectContext'] ?? '', /kubeconfig/i, `Select Cluster Context says there is no kubeconfig: ${JSON.stringify(seen)}`);
  return seen;
}
