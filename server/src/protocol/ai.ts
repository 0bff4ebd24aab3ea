// Messages of the AI actions between client and server.
import { RequestType } from 'vscode-languageserver-protocol';

/** The AI actions as code action data: resolved lazily (`codeAction/resolve`), never computed for the light bulb. */
export interface AiActionData {
  ai: 'tests' | 'retries' | 'threats';
  uri: string;
  version: number;
  /** Cursor offset in that version. */
  offset: number;
}

/** Payload of {@link AiEnvironmentRequest}'s answer. */
export interface AiEnvironment {
  /** Workspace trust: no AI request is sent from an untrusted workspace. */
  trusted: boolean;
  /** The OpenAI-compatible key from the editor's secret storage (never from settings), if one is set. */
  apiKey?: string;
  /** True when the editor has language models (vscode.lm) this extension may ask for. */
  editorModels: boolean;
}

/** Sent from the server to the client before an AI action: is the workspace trusted, is there a key, are there editor models. */
export const AiEnvironmentRequest = new RequestType<{ uri: string }, AiEnvironment, void>('genai4dfx/ai/environment');

/** Payload of {@link EditorModelRequest}. */
export interface EditorModelParams {
  /** User/assistant messages only: the Language Model API has no system role. */
  messages: { role: 'user' | 'assistant'; content: string }[];
  /** Preferred model family (e.g. gpt-4o); any available model when absent. */
  family?: string;
  /** Shown in the consent dialog. */
  justification: string;
}

/** The editor model's answer, or why there is none (retryable for rate limits). */
export type EditorModelResult = { text: string; model: string } | { error: string; retryable?: boolean };

/** Sent from the server to the client to run a prompt on the editor's language models (vscode.lm, with the user's consent). */
export const EditorModelRequest = new RequestType<EditorModelParams, EditorModelResult, void>('genai4dfx/ai/editorModel');

/** Payload of {@link PreviewPromptRequest}. */
export interface PreviewPromptParams {
  uri: string;
  /** Cursor position. */
  position: { line: number; character: number };
  action: AiActionData['ai'];
}

/** What would be sent: the provider, the exact messages (redacted) and what was redacted. */
export interface PromptPreview {
  provider: string;
  messages: { role: string; content: string }[];
  redactions: { kind: string; line: number }[];
  /** Set when no action is possible here (and why). */
  error?: string;
}

/** Sent from the client to the server ("DFX: Preview AI Prompt"): exactly what an AI action would send, redacted. */
export const PreviewPromptRequest = new RequestType<PreviewPromptParams, PromptPreview, void>('genai4dfx/ai/previewPrompt');

/** Code action kinds of the AI actions (under refactor, so they appear in the refactor menu and on the light bulb). */
export const AI_KINDS = {
  tests: 'refactor.genai4dfx.generateTests',
  retries: 'refactor.rewrite.genai4dfx.addRetries',
  threats: 'refactor.genai4dfx.threatNotes',
} as const;

/** Client command the resolved "Generate tests" / "Threat notes" actions run after their edit: open that file (arguments: [uri]). */
export const SHOW_FILE_COMMAND = 'genai4dfx.ai.showFile';
