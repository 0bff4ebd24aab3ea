// Which provider answers: the one the user chose, or the first available (OpenAI-compatible with a key → the editor's
// models → offline). Offline needs nothing and is always there.
import { t } from '../l10n';
import type { AiSettings } from '../protocol/settings';
import { EditorModelProvider, type EditorModelTransport } from './providers/editor';
import { OfflineProvider } from './providers/offline';
import { OpenAiProvider } from './providers/openai';
import { AiError, type AiProvider } from './types';

/** What is available right now. */
export interface ProviderEnvironment {
  trusted: boolean;
  apiKey?: string | undefined;
  editorModels: boolean;
  editorTransport?: EditorModelTransport | undefined;
}

/** The provider for these settings and this environment; throws AiError when the chosen one cannot be used. */
export function chooseProvider(s: AiSettings, env: ProviderEnvironment): AiProvider {
  const retry = { retries: s.maxRetries, timeoutMs: s.timeoutMs };
  const openai = (): AiProvider => new OpenAiProvider({ model: s.model, apiKey: env.apiKey || 'local-no-key', retry, ...(s.baseUrl ? { baseURL: s.baseUrl } : {}), ...(s.organization ? { organization: s.organization } : {}) });
  const editor = (): AiProvider => new EditorModelProvider(env.editorTransport!, retry, s.editorModelFamily || undefined);
  if (s.provider === 'offline') return new OfflineProvider();
  // Nothing leaves the machine from an untrusted workspace: offline only.
  if (!env.trusted) {
    if (s.provider === 'auto') return new OfflineProvider();
    throw new AiError(t('this workspace is not trusted, so no code is sent to a model: trust the workspace, or set genai4dfx.ai.provider to offline'));
  }
  if (s.provider === 'openai') {
    if (!env.apiKey && !isLocal(s.baseUrl)) throw new AiError(t('no API key: run "DFX: Set AI API Key" (stored in the editor\'s secret storage), or set GENAI4DFX_AI_API_KEY for the CLI'));
    return openai();
  }
  if (s.provider === 'editor') {
    if (!env.editorModels || !env.editorTransport) throw new AiError(t('no editor language model is available (is a chat extension installed and signed in?)'));
    return editor();
  }
  if (env.apiKey) return openai();
  if (env.editorModels && env.editorTransport) return editor();
  return new OfflineProvider();
}

/** Local servers (Ollama, LM Studio, vLLM on localhost) need no key. */
function isLocal(baseUrl: string): boolean {
  return /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\//.test(baseUrl);
}

/**
 * The environment of the CLI: always trusted (the user ran it on their files), the key from GENAI4DFX_AI_API_KEY or
 * OPENAI_API_KEY (never from a settings file), no editor models.
 */
export function cliEnvironment(env: NodeJS.ProcessEnv = process.env): ProviderEnvironment {
  const apiKey = env.GENAI4DFX_AI_API_KEY || env.OPENAI_API_KEY;
  return { trusted: true, editorModels: false, ...(apiKey ? { apiKey } : {}) };
}
