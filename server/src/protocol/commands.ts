/** The run commands (client/src/runs registers them; they work without the language server). */
export const RUN_COMMANDS = {
  selectContext: 'genai4dfx.selectContext',
  runChaos: 'genai4dfx.runChaos',
  runLoadTest: 'genai4dfx.runLoadTest',
  runUnderLoad: 'genai4dfx.runUnderLoad',
  abortRun: 'genai4dfx.abortRun',
  showRunHistory: 'genai4dfx.showRunHistory',
  openRunReport: 'genai4dfx.openRunReport',
} as const;

export type RunCommandId = (typeof RUN_COMMANDS)[keyof typeof RUN_COMMANDS];

/** Every command the extension contributes (package.json `contributes.commands` must list exactly these). */
export const COMMANDS = {
  restartServer: 'genai4dfx.restartServer',
  showOutput: 'genai4dfx.showOutput',
  scanWorkspace: 'genai4dfx.scanWorkspace',
  showRules: 'genai4dfx.showRules',
  refreshRules: 'genai4dfx.refreshRules',
  ...RUN_COMMANDS,
  setAiApiKey: 'genai4dfx.setAiApiKey',
  previewAiPrompt: 'genai4dfx.previewAiPrompt',
  createPolicy: 'genai4dfx.createPolicy',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
