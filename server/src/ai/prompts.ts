// The prompts sent to models: one system message saying what to produce, one user message with the (redacted) code.
import type { AiAction, AiMessage } from './types';

const FORMAT = 'Answer with exactly one fenced code block and nothing else.';

/** The messages for an action. `code` is already redacted. */
export function buildMessages(action: AiAction, p: { language: string; file: string; code: string; target: string; extra: string }): AiMessage[] {
  const system = {
    tests: `You write unit tests that compile and pass. Use the project's framework and conventions exactly as told. Derive cases from the signature, the branches, boundary values of literals in conditions, and the error paths. Never invent APIs the code does not have. ${FORMAT} The block is the complete content of the test file.`,
    retries: `You add retries to outbound calls: exponential backoff with jitter, a bound on attempts, only on retryable errors (timeouts, connection errors, HTTP 429 and 5xx), a timeout per attempt. Keep everything else unchanged. ${FORMAT} The block replaces the function shown, and may add one small helper after it.`,
    threats: `You write STRIDE threat notes for code: its inputs (HTTP params, headers, env, files), sinks (SQL, shell, filesystem, network, deserialisation, crypto), trust boundaries and the authentication/authorisation checks found or missing. Link every threat to its line number. ${FORMAT} The block is a ${p.language === 'python' ? '#' : '//'} comment block only, no code.`,
  }[action];
  const user = `Language: ${p.language}\nFile: ${p.file}\nTarget: ${p.target}\n${p.extra}\n\n\`\`\`${p.language}\n${p.code}\n\`\`\``;
  return [{ role: 'system', content: system }, { role: 'user', content: user }];
}

/** The follow-up after an answer that failed validation: the errors, and the same instruction. */
export function repairMessage(problems: readonly string[]): AiMessage {
  return { role: 'user', content: `That code does not pass the checks:\n${problems.map((p) => `- ${p}`).join('\n')}\nFix it. ${FORMAT}` };
}

/** The code of a model answer: the longest fenced block, or the whole text when there is none. */
export function codeOf(answer: string): string {
  const blocks = [...answer.matchAll(/```[\w+#.-]*[ \t]*\r?\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  const best = blocks.sort((a, b) => b.length - a.length)[0];
  return (best ?? answer).replace(/\s+$/, '') + '\n';
}
