// Redaction of secrets before any text leaves the machine: the hard-coded secret rule's detectors
// (server/src/rules/lib/secrets.ts `findSecrets`) plus the prompt-specific patterns below.
import { findSecrets } from '../rules/lib/secrets';

/** A secret found in a text: its offsets and what kind it is. */
export interface SecretHit {
  start: number;
  end: number;
  kind: string;
}

/** Finds secrets in a text. */
export type SecretFinder = (text: string) => SecretHit[];

const PATTERNS: { kind: string; re: RegExp; group?: number }[] = [
  { kind: 'private key', re: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g },
  { kind: 'AWS access key', re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { kind: 'GitHub token', re: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}\b|\bgithub_pat_[A-Za-z0-9_]{40,}\b/g },
  { kind: 'Slack token', re: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g },
  { kind: 'OpenAI key', re: /\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}\b/g },
  { kind: 'Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { kind: 'Stripe key', re: /\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,}\b/g },
  { kind: 'JWT', re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g },
  { kind: 'bearer token', re: /\b[Bb]earer\s+([A-Za-z0-9._~+/=-]{16,})/g, group: 1 },
  { kind: 'credentials in URL', re: /\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@'"]+:([^/\s@'"]+)@/g, group: 1 },
  // password = "...", apiKey: '...', SECRET_TOKEN="..." : the quoted value only.
  {
    kind: 'hard-coded secret',
    re: /\b[\w.-]*(?:passw(?:or)?d|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|auth)[\w.-]*["']?\s*(?::=|=|:)\s*["'`]([^"'`\s]{6,})["'`]/gi,
    group: 1,
  },
];

/** The built-in detectors. */
export const builtinSecrets: SecretFinder = (text) => {
  const hits: SecretHit[] = [];
  for (const { kind, re, group } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const value = group ? m[group] : m[0];
      if (!value) continue;
      const start = m.index + (group ? m[0].indexOf(value) : 0);
      hits.push({ start, end: start + value.length, kind });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return hits;
};

// Both detector sets: the hard-coded-secret rule's (formats, by-name assignments, entropy) and the prompt-specific ones
// here; overlapping hits are merged by redact(), and redacting too much only costs the model some context.
let finder: SecretFinder = (text) => [...builtinSecrets(text), ...findSecrets(text)];

/** Switch the detectors (the hard-coded secret rule's `findSecrets` once it exists). */
export function setSecretFinder(f: SecretFinder): void {
  finder = f;
}

/** Values of `.env`-style files (KEY=value lines); each becomes a literal to redact wherever it appears. */
export function envFileValues(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?[A-Za-z_][\w.-]*\s*=\s*(.*)$/.exec(line);
    const v = m?.[1]?.trim().replace(/^(['"])(.*)\1$/, '$2');
    // Short values (ports, booleans, "dev") are not secrets and would redact half the code.
    if (v && v.length >= 6 && !/^(true|false|\d+)$/i.test(v)) out.push(v);
  }
  return out;
}

/** What redaction did: the text to send and each replacement (kind and 1-based line in the original text). */
export interface Redacted {
  text: string;
  redactions: { kind: string; line: number }[];
}

/** Replace every secret (detectors, and the given literal values such as `.env` values) with `[REDACTED:<kind>]`. */
export function redact(text: string, literals: readonly string[] = []): Redacted {
  const hits = [...finder(text)];
  for (const value of literals) {
    for (let i = text.indexOf(value); i !== -1; i = text.indexOf(value, i + value.length)) hits.push({ start: i, end: i + value.length, kind: '.env value' });
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  const redactions: Redacted['redactions'] = [];
  for (const h of hits) {
    if (h.start < at) continue;
    out += text.slice(at, h.start) + `[REDACTED:${h.kind}]`;
    redactions.push({ kind: h.kind, line: text.slice(0, h.start).split('\n').length });
    at = h.end;
  }
  return { text: out + text.slice(at), redactions };
}
