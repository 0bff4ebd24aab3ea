/** Every command the extension contributes (package.json `contributes.commands` must list exactly these). */
export const COMMANDS = {
  restartServer: 'genai4dfx.restartServer',
  showOutput: 'genai4dfx.showOutput',
  scanWorkspace: 'genai4dfx.scanWorkspace',
  showRules: 'genai4dfx.showRules',
  refreshRules: 'genai4dfx.refreshRules',
  createPolicy: 'genai4dfx.createPolicy',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
