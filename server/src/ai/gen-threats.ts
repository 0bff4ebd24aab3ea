// The offline threat model: STRIDE from the syntax tree and the rule findings of the function under the cursor —
// inputs, sinks, trust boundaries, authn/authz checks found or missing — each threat linked to its line and the rule
// that would catch it.
import type { Node } from 'web-tree-sitter';
import type { LanguageId } from '../engine/languages';
import type { Finding } from '../engine/types';
import type { FunctionInfo } from './extract';

type Stride = 'Spoofing' | 'Tampering' | 'Repudiation' | 'Information disclosure' | 'Denial of service' | 'Elevation of privilege';

/** One threat: its STRIDE category, what and where, and the rule that catches it (if one does). */
export interface Threat {
  stride: Stride;
  text: string;
  line: number;
  rule?: string;
}

/** What the function reads from outside, where it writes to, and what checks it does. */
export interface ThreatModel {
  name: string;
  inputs: { kind: string; line: number; text: string }[];
  sinks: { kind: string; line: number; text: string }[];
  authChecks: { line: number; text: string }[];
  threats: Threat[];
}

const INPUTS: [string, RegExp][] = [
  ['HTTP request', /\b(r\.(URL|Form|Body|Header|PostForm|FormValue|PathValue)|req\.(body|query|params|headers|cookies)|request\.(args|form|json|data|headers|cookies|get_json|files|values)|getParameter|getHeader|@RequestParam|@PathVariable|@RequestBody|ctx\.(Query|Param|PostForm|Bind))\b/],
  ['environment', /\b(os\.Getenv|os\.LookupEnv|process\.env|os\.environ|os\.getenv|System\.getenv)\b/],
  ['file', /\b(os\.ReadFile|os\.Open|ioutil\.ReadFile|fs\.readFile\w*|open\(|Files\.read\w*|FileInputStream)\b/],
];
const SINKS: [string, RegExp, Stride][] = [
  ['SQL', /\b(Query|QueryRow|Exec|QueryContext|ExecContext|query|execute|executemany|raw|prepareStatement|createQuery|executeQuery|executeUpdate)\s*\(/, 'Tampering'],
  ['shell', /\b(exec\.Command|child_process|execSync|spawn|subprocess\.\w+|os\.system|os\.popen|Runtime\.getRuntime\(\)\.exec|ProcessBuilder)\b/, 'Elevation of privilege'],
  ['filesystem', /\b(os\.(WriteFile|Create|Remove|OpenFile)|fs\.(writeFile|unlink|rm|createWriteStream)\w*|Files\.(write|delete|copy|move)|shutil\.\w+|open\([^)]*['"][wa])/, 'Tampering'],
  ['network', /\b(http\.(Get|Post|Do|Head)|\.Do\(|fetch\(|axios\b|requests\.\w+|httpx\.\w+|urlopen|HttpClient|\.send\()/, 'Denial of service'],
  ['deserialisation', /\b(pickle\.loads?|yaml\.load\(|marshal\.loads|ObjectInputStream|readObject|gob\.NewDecoder|unserialize|eval\()/, 'Elevation of privilege'],
  ['crypto', /\b(md5|sha1|MD5|SHA1|DES|ECB|Math\.random|math\/rand|random\.random|InsecureSkipVerify|rejectUnauthorized|verify\s*=\s*False)\b/, 'Information disclosure'],
];
const AUTH = /\b(auth\w*|Auth\w*|authorize\w*|isAdmin|hasRole|hasPermission|checkPermission|requireUser|currentUser|jwt\.\w+|verifyToken|@PreAuthorize|@Secured|login_required|permission_required|session\.get)\b/;
const LOGGING = /\b(log\.\w+|logger\.\w+|logging\.\w+|console\.(log|info|warn|error)|slog\.\w+|LOG\.\w+|audit\w*)\b/;

/** Rule ids by the STRIDE category their findings belong to. */
function strideOf(ruleId: string): Stride {
  if (/jwt|cors|insecure-random/.test(ruleId)) return 'Spoofing';
  if (/sql|injection|command|path-traversal/.test(ruleId)) return 'Tampering';
  if (/tls|secret|crypto|verify|weak-hash|trust-all/.test(ruleId)) return 'Information disclosure';
  if (/timeout|regex|loop|limit|replica|probe|retry|backoff/.test(ruleId)) return 'Denial of service';
  if (/auth|privileged|root|deserial|eval|capabilities|escalation/.test(ruleId)) return 'Elevation of privilege';
  return 'Tampering';
}

/** Build the threat model of `f` from its text and the findings inside it. */
export function threatModel(f: FunctionInfo, language: LanguageId, findings: readonly Finding[]): ThreatModel {
  const node: Node = f.node;
  const first = node.startPosition.row;
  const lines = node.text.split('\n');
  const model: ThreatModel = { name: f.name || 'this function', inputs: [], sinks: [], authChecks: [], threats: [] };
  const paramsText = f.params.map((p) => `${p.name} ${p.type}`).join(' ');
  if (/http\.Request|Request\b|HttpServletRequest|req\b|request\b|ctx\b/.test(paramsText)) model.inputs.push({ kind: 'HTTP request', line: first + 1, text: `parameters (${f.params.map((p) => p.name).join(', ')})` });
  lines.forEach((l, i) => {
    const line = first + i + 1;
    const code = l.replace(/\/\/.*$|#.*$/, '');
    for (const [kind, re] of INPUTS) if (re.test(code) && !model.inputs.some((x) => x.kind === kind && x.line === line)) model.inputs.push({ kind, line, text: code.trim().slice(0, 80) });
    for (const [kind, re] of SINKS) if (re.test(code)) model.sinks.push({ kind, line, text: code.trim().slice(0, 80) });
    if (AUTH.test(code) && i > 0) model.authChecks.push({ line, text: code.trim().slice(0, 80) });
  });
  const fromHttp = model.inputs.some((x) => x.kind === 'HTTP request');
  const inFn = findings.filter((x) => x.span.startPos.line >= first && x.span.startPos.line <= node.endPosition.row && !x.meta);
  for (const x of inFn) model.threats.push({ stride: strideOf(x.ruleId), text: x.message.split(':')[0] ?? x.message, line: x.span.startPos.line + 1, rule: x.ruleId });
  const ruleFor: Record<string, string | undefined> = { SQL: 'sql-string-concatenation', network: language === 'go' ? 'go-http-no-timeout' : language === 'python' ? 'python-requests-no-timeout' : language === 'java' ? 'java-http-client-no-timeout' : 'js-fetch-no-timeout' };
  for (const s of model.sinks) {
    if (model.threats.some((t) => t.line === s.line)) continue;
    const text = s.kind === 'SQL' ? `SQL sink: input reaching it unparameterised can change the query${fromHttp ? ' (request data flows in this function)' : ''}`
      : s.kind === 'shell' ? 'shell/process sink: arguments from input can run commands as this service'
      : s.kind === 'filesystem' ? 'filesystem write/delete: a path from input can escape the intended folder (path traversal)'
      : s.kind === 'network' ? 'outbound call: a slow or hostile upstream can hold this function (timeouts, retries) or be reached with input-controlled URLs (SSRF)'
      : s.kind === 'deserialisation' ? 'deserialisation of data that may come from outside can instantiate arbitrary types'
      : 'weak or disabled cryptography';
    model.threats.push({ stride: SINKS.find(([k]) => k === s.kind)?.[2] ?? 'Tampering', text, line: s.line, ...(ruleFor[s.kind] ? { rule: ruleFor[s.kind] } : {}) });
  }
  if (fromHttp && model.authChecks.length === 0) {
    model.threats.push({ stride: 'Spoofing', text: 'handles request data but no authentication or authorisation check was found in it (is it done by middleware?)', line: first + 1 });
    if (model.sinks.some((s) => s.kind !== 'crypto')) model.threats.push({ stride: 'Elevation of privilege', text: 'an unauthenticated caller can reach the sinks below', line: first + 1 });
  }
  if (fromHttp && !LOGGING.test(node.text)) model.threats.push({ stride: 'Repudiation', text: 'no logging or audit trail of who did what', line: first + 1 });
  if (model.inputs.some((x) => x.kind === 'environment')) model.threats.push({ stride: 'Information disclosure', text: 'reads configuration from the environment: keep secrets out of logs and error messages', line: model.inputs.find((x) => x.kind === 'environment')?.line ?? first + 1 });
  model.threats.sort((a, b) => a.line - b.line);
  return model;
}

/** The model as a comment block for the top of the function (in the language's comment syntax). */
export function threatComment(m: ThreatModel, language: LanguageId, indent: string): string {
  const c = language === 'python' ? '#' : '//';
  const out = [`DFX threat notes (STRIDE) for ${m.name}, generated by genai4dfx:`];
  out.push(`inputs: ${m.inputs.map((x) => `${x.kind} (line ${x.line})`).join(', ') || 'none found'}`);
  out.push(`sinks: ${m.sinks.map((x) => `${x.kind} (line ${x.line})`).join(', ') || 'none found'}`);
  out.push(`trust boundary: ${m.inputs.length ? 'data from the inputs above crosses into this function' : 'none found in this function'}`);
  out.push(`authn/authz checks: ${m.authChecks.map((x) => `line ${x.line}`).join(', ') || 'none found'}`);
  if (!m.threats.length) out.push('threats: none derived from the code; review by hand');
  for (const t of m.threats) out.push(`- ${t.stride}: ${t.text} (line ${t.line}${t.rule ? `, rule ${t.rule}` : ''})`);
  return out.map((l) => `${indent}${c} ${l}`).join('\n') + '\n';
}

/** The model as a THREATS.md section; `file` is the path shown and linked. */
export function threatMarkdown(m: ThreatModel, file: string): string {
  const link = (line: number): string => `[${file}:${line}](${file}#L${line})`;
  const out = [`## ${m.name} (${file})`, '', '_Generated by genai4dfx from the syntax tree and the rule findings (STRIDE)._', ''];
  out.push(`- **Inputs:** ${m.inputs.map((x) => `${x.kind} (${link(x.line)})`).join(', ') || 'none found'}`);
  out.push(`- **Sinks:** ${m.sinks.map((x) => `${x.kind} (${link(x.line)})`).join(', ') || 'none found'}`);
  out.push(`- **Authn/authz checks:** ${m.authChecks.map((x) => link(x.line)).join(', ') || 'none found'}`, '');
  out.push('| STRIDE | threat | where | caught by |', '|---|---|---|---|');
  for (const t of m.threats) out.push(`| ${t.stride} | ${t.text.replace(/\|/g, '\\|')} | ${link(t.line)} | ${t.rule ? `\`${t.rule}\`` : '—'} |`);
  if (!m.threats.length) out.push('| — | none derived from the code; review by hand | | |');
  return `${out.join('\n')}\n`;
}
