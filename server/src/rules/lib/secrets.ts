// Secret detection shared by the hard-coded-secret rule and by the AI work, which redacts prompts before they leave
// the machine. Two ways to recognise a secret:
//  - by format: the value itself is unmistakable (AWS access key id, GitHub/Slack/Stripe/Google tokens, a PEM
//    private key with its body, a JWT);
//  - by name: a string assigned to something named like a secret (`password`, `apiKey`, `client_secret`...) whose
//    value is not a placeholder and looks random enough.
// False positives teach users to ignore the rule, so every path checks placeholders and character variety.
import type { Node } from 'web-tree-sitter';

/** A secret found in plain text: the offsets of the secret value (not its name) and what it is. */
export interface SecretHit {
  start: number;
  end: number;
  kind: string;
}

/** A detector by format: a kind and a regex that matches the whole secret (global flag added by the caller). */
export interface SecretPattern {
  kind: string;
  regex: RegExp;
}

/** Formats that identify a secret on their own. Order matters only for overlapping hits (first wins). */
export const SECRET_FORMATS: readonly SecretPattern[] = [
  { kind: 'private-key', regex: /-----BEGIN ((?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----[\s\S]{40,}?-----END \1?PRIVATE KEY( BLOCK)?-----/ },
  { kind: 'aws-access-key-id', regex: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/ },
  { kind: 'github-token', regex: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{60,255})\b/ },
  { kind: 'slack-token', regex: /\bxox[abposr]-[0-9]{6,}-[0-9A-Za-z-]{6,}\b/ },
  { kind: 'slack-webhook', regex: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,}\/B[A-Z0-9]{6,}\/[A-Za-z0-9]{16,}/ },
  { kind: 'stripe-key', regex: /\b[sr]k_live_[0-9A-Za-z]{20,}\b/ },
  { kind: 'google-api-key', regex: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { kind: 'jwt', regex: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/ },
];

/** Words in a value that mark it as a fixture or placeholder, not a real secret. */
const PLACEHOLDER_WORDS = /(example|sample|dummy|fake|mock|stub|placeholder|changeme|change[_-]me|changeit|redacted|your|xxx|todo|fixme|insert|replace|not[_-]?a[_-]?(real[_-]?)?secret|test)/i;
/** Whole values that are templates or references, never secrets. */
const TEMPLATE = /^(\$\{[^}]*\}|\$\(.*\)|\$[A-Za-z_][\w]*|\{\{.*\}\}|<[^<>]+>|%\(?\w*\)?s|%[sdv]|\{\w*\}|\[[^\]]+\]|:\w+|@\w+@?)$/;

/** Lower-case words of an identifier: `dbPassword` → ['db', 'password'], `API_KEY` → ['api', 'key']. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const SECRET_WORDS = new Set(['password', 'passwd', 'passphrase', 'pwd', 'secret', 'secrets', 'token', 'apikey', 'credential', 'credentials', 'authorization', 'privatekey', 'accesskey', 'secretkey']);
const SECRET_PAIRS = /\b(api key|access key|secret key|private key|signing key|encryption key|master key|auth key|client secret|session key|app key|account key)\b/;
/**
 * Words that, as the last word of a name, say the value is about a secret rather than the secret itself
 * (`passwordField`, `tokenUrl`, `SECRET_NAME`, `api_key_header`).
 */
const NOT_A_VALUE = new Set([
  'url', 'uri', 'endpoint', 'path', 'file', 'filename', 'dir', 'name', 'names', 'type', 'types', 'id', 'ids', 'field', 'fields',
  'header', 'param', 'parameter', 'label', 'length', 'len', 'size', 'min', 'max', 'policy', 'regex', 'pattern', 'prompt',
  'hint', 'placeholder', 'message', 'msg', 'error', 'err', 'env', 'var', 'variable', 'count', 'ttl', 'expiry', 'expires',
  'expiration', 'timeout', 'prefix', 'suffix', 'format', 'kind', 'mode', 'location', 'hash', 'hashed', 'digest', 'key',
  'keys', 'ref', 'provider', 'source', 'store', 'manager', 'validator', 'encoder', 'generator', 'service', 'client',
  'class', 'property', 'prop', 'attr', 'attribute', 'column', 'col', 'table', 'template', 'text', 'description', 'title',
  'mask', 'regexp', 'selector', 'input', 'button', 'route', 'version', 'scheme', 'strategy', 'algorithm', 'alg', 'method',
  'index', 'idx', 'separator', 'delimiter', 'char', 'chars', 'charset', 'encoding', 'confirm', 'confirmation', 'reset',
  'rotation', 'limit', 'count', 'usage', 'scope', 'scopes', 'audience', 'issuer', 'lifetime', 'expire', 'duration',
]);

/**
 * Text that must occur in a file for any string in it to be bound to a secret name (isSecretName): a SECRET_WORDS
 * word or a SECRET_PAIRS pair, as a case-insensitive substring with any separator.
 */
const SECRET_NAME_HINT = /passw|passphrase|pwd|secret|token|credential|authorization|(api|access|private|signing|encryption|master|auth|session|app|account)[^a-z0-9]*key/i;

/**
 * False when no literal of `text` can be a secret by format (FORMAT_HINT) or by the name it is bound to: most files
 * of a service hold neither, and skipping them spares a look at every string.
 */
export function mayHoldSecret(text: string): boolean {
  return FORMAT_HINT.test(text) || SECRET_NAME_HINT.test(text);
}

/** True when an identifier names a secret value: `password`, `dbPassword`, `API_KEY`, `clientSecret`, `auth_token`. */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  if (!words.length) return false;
  const last = words[words.length - 1] ?? '';
  const joined = words.join(' ');
  // "secret key" / "api key" end in "key", which NOT_A_VALUE otherwise rejects.
  if (SECRET_PAIRS.test(joined) && (last === 'key' || !NOT_A_VALUE.has(last))) return !/\b(key (id|name|file|path))$/.test(joined);
  if (NOT_A_VALUE.has(last)) return false;
  // Error codes and messages (`ErrCodeInvalidToken`, `ERR_BAD_PASSWORD`) name a failure, not a value.
  if (words[0] === 'err' || words[0] === 'error' || words[0] === 'errors') return false;
  // "tokens" in "max_tokens" / "token_count" is an LLM or paging term, not a credential.
  if (words.includes('max') || words.includes('num') || words.includes('next') || words.includes('page') || (words.includes('csrf') && last !== 'secret')) return false;
  return words.some((w) => SECRET_WORDS.has(w));
}

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  if (!s) return 0;
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** True for values that are obviously not real secrets: templates, env var names, placeholders, fixtures, prose. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length < 6) return true;
  if (TEMPLATE.test(v) || /\$\{|\{\{|%\(|#\{/.test(v)) return true;
  if (PLACEHOLDER_WORDS.test(v)) return true;
  // An identifier or operation name (`GetSessionToken`, `idempotencyToken`): letters only, no digits or symbols.
  if (/^[A-Za-z]+(V\d+)?$/.test(v) && /[a-z][A-Z]|^[A-Z][a-z]/.test(v)) return true;
  // A value naming the kind of secret (`x-api-key`, `SessionToken`, `urn:...:token-type:jwt`) describes it rather than being it.
  if (/(token|secret|passw|api[_-]?key|credential)/i.test(v)) return true;
  // A regular expression (a lexer's `token = r"[-!#$%&'*+.^_|~0-9a-zA-Z]+"`).
  if (/\\[wdsWDSbB]|\[[^\]]*-[^\]]*\][*+?{]|\(\?[:=!<]|^\^.*\$$/.test(v)) return true;
  // One repeated character or a run like "********" / "000000".
  if (/^(.)\1+$/.test(v) || /^[*.•x-]+$/i.test(v)) return true;
  // An env var or config key name (`DB_PASSWORD`, `spring.datasource.password`, `access_token`).
  if (/^[A-Z][A-Z0-9_]*$/.test(v) || /^[a-z]+([._-][a-z]+)+$/i.test(v)) return true;
  // Prose, paths and URLs without credentials.
  if (/\s/.test(v) && !/^(Bearer|Basic|Token)\s+\S+$/.test(v)) return true;
  if (/^(\.{0,2}\/|~\/|[a-z]:\\|file:)/i.test(v)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !/:\/\/[^/\s:@]+:[^/\s@]+@/.test(v)) return true;
  return false;
}

/** Character classes used: lower, upper, digit, symbol (separators `_ - .` do not count). */
function classes(v: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9_.\-\s]/].filter((r) => r.test(v)).length;
}

/**
 * True when a value assigned to a secret-named variable looks like a real secret: not a placeholder, and either
 * mixed (two or more character classes) or long and random (≥ 16 characters, ≥ 3 bits of entropy per character).
 */
export function looksLikeSecretValue(value: string): boolean {
  const v = value.replace(/^(Bearer|Basic|Token)\s+/, '');
  if (isPlaceholder(value)) return false;
  if (entropy(v) < 2.5) return false;
  return classes(v) >= 2 || (v.length >= 16 && entropy(v) >= 3);
}

/** One cheap test every built-in format needs to pass first (most strings in code fail it). */
const FORMAT_HINT = /AKIA|ASIA|ABIA|ACCA|gh[pousr]_|github_pat_|xox|hooks\.slack|_live_|AIza|eyJ|PRIVATE KEY/;

/** The kind of secret a value is by its format alone (undefined when none matches or it is a documented example). */
export function secretFormat(value: string, extra: readonly SecretPattern[] = []): { kind: string; start: number; end: number } | undefined {
  if (!extra.length && !FORMAT_HINT.test(value)) return undefined;
  for (const p of FORMAT_HINT.test(value) ? [...SECRET_FORMATS, ...extra] : extra) {
    const m = p.regex.exec(value);
    if (!m || !m[0]) continue;
    // AWS's documented key (AKIAIOSFODNN7EXAMPLE) and other vendor examples.
    if (/EXAMPLE|example|x{8,}|X{8,}|0{12,}/.test(m[0])) continue;
    return { kind: p.kind, start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

/**
 * Custom detectors from the rule option / policy (`security.secretPatterns`), written `name=regex`. Entries that are
 * malformed or do not compile are returned as errors so the caller can say which one and why.
 */
export function parseSecretPatterns(entries: readonly string[]): { patterns: SecretPattern[]; errors: string[] } {
  const patterns: SecretPattern[] = [];
  const errors: string[] = [];
  for (const e of entries) {
    const eq = e.indexOf('=');
    if (eq <= 0) {
      errors.push(`secret pattern "${e}" must be written name=regex`);
      continue;
    }
    try {
      patterns.push({ kind: e.slice(0, eq).trim(), regex: new RegExp(e.slice(eq + 1)) });
    } catch (err) {
      errors.push(`secret pattern "${e.slice(0, eq)}": ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { patterns, errors };
}

/** `name = "value"`, `name: value`, `"name": "value"`, `NAME=value` in prose, config, env files and code. */
const ASSIGNMENT = /(["']?)([A-Za-z_][\w.-]{1,63})\1[ \t]*(?::=|=>|[:=])[ \t]*(?:(["'`])((?:(?!\3)[^\\\n]|\\.){1,512})\3|([^\s"'`,;#()[\]{}<>]{6,512})(?=[\s,;#]|$))/gm;

/**
 * Every secret in plain text (a prompt, a log line, a file), as offsets of the secret value and its kind, sorted and
 * non-overlapping. Finds formats anywhere and `password = "..."`-style assignments to secret names; `extra` adds
 * custom formats. Placeholders (`changeme`, `${VAR}`, `<your-key>`, empty values, `test-…`/`fake-…`) are skipped.
 */
export function findSecrets(text: string, extra: readonly SecretPattern[] = []): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const p of [...SECRET_FORMATS, ...extra]) {
    const re = new RegExp(p.regex.source, p.regex.flags.includes('g') ? p.regex.flags : `${p.regex.flags}g`);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (!m[0]) {
        re.lastIndex++;
        continue;
      }
      if (/EXAMPLE|example|x{8,}|X{8,}|0{12,}/.test(m[0])) continue;
      hits.push({ start: m.index, end: m.index + m[0].length, kind: p.kind });
    }
  }
  for (let m = ASSIGNMENT.exec(text); m; m = ASSIGNMENT.exec(text)) {
    const name = m[2] ?? '';
    const value = m[4] ?? m[5] ?? '';
    if (!isSecretName(name.split('.').pop() ?? name) || !looksLikeSecretValue(value)) continue;
    // Unquoted `password = userPassword` in code is a variable, not a value; env files hold values with digits.
    if (m[5] !== undefined && /^[A-Za-z_$][\w$.]*$/.test(value) && !/\d/.test(value)) continue;
    const start = m.index + m[0].length - value.length - (m[4] !== undefined ? 1 : 0);
    hits.push({ start, end: start + value.length, kind: 'secret-assignment' });
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: SecretHit[] = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    if (last && h.start < last.end) continue;
    out.push(h);
  }
  return out;
}

/** The text with every secret replaced by `[REDACTED:<kind>]` (what leaves the machine in an AI prompt). */
export function redactSecrets(text: string, extra: readonly SecretPattern[] = []): string {
  let out = '';
  let at = 0;
  for (const h of findSecrets(text, extra)) {
    out += `${text.slice(at, h.start)}[REDACTED:${h.kind}]`;
    at = h.end;
  }
  return out + text.slice(at);
}

// ---- In code: the literal's text and the name it is bound to (tree-sitter nodes of Go, Python, JS/TS, Java). ----

/** Node types of plain string literals in the supported languages. */
export const STRING_LITERALS = ['interpreted_string_literal', 'raw_string_literal', 'string', 'template_string', 'string_literal'];

/** The content of a string literal without quotes or prefixes; undefined for interpolated strings (f-strings, templates with `${}`). */
export function literalText(n: Node): string | undefined {
  if (n.type === 'template_string') return n.namedChildren.some((c) => c.type === 'template_substitution') ? undefined : n.text.slice(1, -1);
  const text = n.text;
  // An interpolation (a Python f-string's) holds a brace: only then is the subtree walked for one.
  if (n.type === 'string' && text.includes('{') && n.descendantsOfType('interpolation').length) return undefined;
  const m = /^[A-Za-z]*("""|\'\'\'|"|'|`)([\s\S]*)\1$/.exec(text);
  return m ? m[2] : undefined;
}

/** Two-argument calls that bind a value to a name: `props.put("password", ...)`, `os.Setenv("API_KEY", ...)`, `headers.set("Authorization", ...)`. */
const BINDING_CALLS = /(^|\.)(put|set|setProperty|setenv|Setenv|putenv|setdefault|add|Add|Set|append|header|setHeader|addHeader|withPassword)$/;

/** The last segment of a target (`cfg.Password` → Password, `os.environ["API_KEY"]` → API_KEY), or undefined. */
function targetName(t: Node): string | undefined {
  if (/^(subscript|subscript_expression|index_expression)$/.test(t.type)) {
    const idx = t.childForFieldName('subscript') ?? t.childForFieldName('index') ?? t.namedChildren[1];
    return idx && STRING_LITERALS.includes(idx.type) ? literalText(idx) : undefined;
  }
  if (!/^(identifier|selector_expression|attribute|member_expression|field_access|property_identifier)$/.test(t.type)) return undefined;
  return t.text.split('.').pop();
}

/**
 * The name a string literal is bound to: a variable, constant, field, struct/object/dict key, keyword or default
 * argument, assignment target, or the key of a `put("password", "...")`-style call. Undefined when it is not bound.
 */
export function secretNameOf(literal: Node): string | undefined {
  let n = literal;
  let p = n.parent;
  if (p?.type === 'literal_element') [n, p] = [p, p.parent];
  let index = 0;
  if (p?.type === 'expression_list' || p?.type === 'pattern_list') {
    index = p.namedChildren.findIndex((c) => c.id === n.id);
    [n, p] = [p, p.parent];
  }
  if (!p) return undefined;
  const isValue = (field: string): boolean => p.childForFieldName(field)?.id === n.id;
  switch (p.type) {
    case 'keyed_element':
    case 'pair': {
      const key = p.type === 'pair' ? p.childForFieldName('key') : p.namedChildren[0];
      if (!key || key.id === n.id) return undefined;
      const k = key.type === 'literal_element' ? key.namedChildren[0] : key;
      if (!k) return undefined;
      return STRING_LITERALS.includes(k.type) ? literalText(k) : /identifier$/.test(k.type) ? k.text : undefined;
    }
    case 'short_var_declaration':
    case 'assignment_statement':
    case 'assignment':
    case 'assignment_expression':
    case 'augmented_assignment':
    case 'assignment_pattern': {
      if (!isValue('right')) return undefined;
      const left = p.childForFieldName('left');
      const target = left?.type === 'expression_list' || left?.type === 'pattern_list' ? left.namedChildren[index] : left;
      return target ? targetName(target) : undefined;
    }
    case 'var_spec':
    case 'const_spec': {
      const names = p.childrenForFieldName('name');
      return names[index]?.text;
    }
    case 'variable_declarator':
    case 'public_field_definition':
    case 'field_definition':
    case 'keyword_argument':
    case 'default_parameter':
    case 'typed_default_parameter':
      return isValue('value') ? p.childForFieldName('name')?.text : undefined;
    case 'arguments':
    case 'argument_list': {
      const args = p.namedChildren.filter((c) => !/comment/.test(c.type));
      const call = p.parent;
      const callee = call?.childForFieldName('function') ?? call?.childForFieldName('name');
      const calleeText = call?.type === 'method_invocation' ? `.${callee?.text ?? ''}` : callee?.text ?? '';
      const first = args[0];
      if (args.length !== 2 || args[1]?.id !== n.id || !first || !STRING_LITERALS.includes(first.type) || !BINDING_CALLS.test(calleeText)) return undefined;
      return literalText(first);
    }
    default:
      return undefined;
  }
}
