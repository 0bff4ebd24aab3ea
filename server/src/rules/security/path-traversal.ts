import { defineRule, type RuleContext, type RuleMatch } from '../../engine/define-rule';
import { checkedInFunction, fromRequest } from '../lib/request-input';
import { goImportName, inProductionCode } from '../lib/security-context';
import { namedArgs } from '../lib/syntax';

/** Sanitisers: keep only the file name, or check the resolved path stays under the base directory. */
const SANITIZED = /(basename|secure_filename|safe_join|send_from_directory|filepath\.Base|path\.Base|filepath\.IsLocal|IsLocal\(|securejoin|SecureJoin|getName\(|FilenameUtils|realpath|getCanonicalPath|toRealPath|normalize\(\)\s*\.startsWith|\.startsWith\(|startswith\(|HasPrefix\(|is_relative_to|relative_to\(|\.\.['"`]|includes\(\s*['"]\.\.['"]\)|contains\(\s*"\.\."\s*\)|Contains\([^)]*"\.\."\))/;

const FS_METHODS = [
  'readFile', 'readFileSync', 'createReadStream', 'createWriteStream', 'writeFile', 'writeFileSync', 'appendFile',
  'appendFileSync', 'unlink', 'unlinkSync', 'rm', 'rmSync', 'readdir', 'readdirSync', 'open', 'openSync', 'stat', 'statSync',
].map((m) => `"${m}"`).join(' ');

const JS = `
  (call_expression
    function: (member_expression object: (_) @obj property: (property_identifier) @fn)
    arguments: (arguments . (_) @report) @args
    (#any-of? @fn ${FS_METHODS} "sendFile" "download")) @match`;

function unsafe(m: RuleMatch, ctx: RuleContext): boolean {
  const p = m.get('report');
  if (!p || !inProductionCode(ctx)) return false;
  const fn = m.text('fn');
  if (/^(typescript|tsx|javascript)$/.test(ctx.language)) {
    const obj = m.text('obj');
    if (/^(sendFile|download)$/.test(fn)) {
      // Express resolves the path under `root` and refuses `..` when the option is given.
      if (!/^(res|response|reply)$/.test(obj) || namedArgs(m.get('args')).slice(1).some((a) => /\broot\s*:/.test(a.text))) return false;
    } else if (!/^(fs|fsp|fsPromises|promises|fs\.promises|fse)$/.test(obj)) return false;
  }
  if (ctx.language === 'go' && m.get('pkg')) {
    const pkg = m.text('pkg');
    if (pkg !== goImportName(ctx.text, 'os') && pkg !== goImportName(ctx.text, 'io/ioutil') && pkg !== goImportName(ctx.text, 'net/http')) return false;
  }
  return fromRequest(p, ctx.language) && !SANITIZED.test(p.text) && !checkedInFunction(p, SANITIZED);
}

/** A file path built from request input reaches outside the intended folder with `../`. */
export default defineRule({
  id: 'path-traversal',
  pillar: 'security',
  severity: 'error',
  languages: ['go', 'python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'File path from request input (path traversal)',
  triggers: ['File', 'file', 'Open', 'open(', 'Read', 'read', 'download', 'Paths.get', 'Path.of', 'unlink', 'Remove', 'remove('],
  query: {
    go: `
      (call_expression
        function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @fn)
        arguments: (argument_list . (_) @report)
        (#any-of? @fn "Open" "OpenFile" "ReadFile" "WriteFile" "Create" "Remove" "RemoveAll" "ReadDir")) @match
      (call_expression
        function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @fn)
        arguments: (argument_list (_) (_) (_) @report .)
        (#eq? @fn "ServeFile")) @match`,
    python: `
      (call function: (identifier) @fn arguments: (argument_list . (_) @report) (#any-of? @fn "open" "send_file" "FileResponse")) @match
      (call function: (attribute object: (identifier) @pkg attribute: (identifier) @fn) arguments: (argument_list . (_) @report)
        (#any-of? @pkg "os" "shutil" "flask" "io")
        (#any-of? @fn "open" "remove" "unlink" "rmtree" "listdir" "send_file")) @match`,
    typescript: JS,
    tsx: JS,
    javascript: JS,
    java: `
      (object_creation_expression type: (type_identifier) @fn arguments: (argument_list (_) @report .)
        (#any-of? @fn "File" "FileInputStream" "FileOutputStream" "FileReader" "FileWriter" "RandomAccessFile")) @match
      (method_invocation object: (identifier) @pkg name: (identifier) @fn arguments: (argument_list (_) @report .)
        (#any-of? @pkg "Paths" "Path") (#any-of? @fn "get" "of")) @match`,
  },
  filter: (m, ctx) => unsafe(m, ctx),
  message: () =>
    'This file path comes from the request: "../" in it reads or writes files outside the intended folder (configs, keys, other users\' data); keep only the base name, or resolve the path and check it stays under the base directory',
  description: `
A file system call takes a path built from request input (query, form, path parameter, header), directly, through
\`path.join\`/\`os.path.join\`/\`filepath.Join\`/\`new File(base, name)\`, or through a local variable: Node \`fs.*\`,
Express \`res.sendFile\`/\`res.download\` without a \`root\` option; Python \`open\`, \`send_file\`, \`FileResponse\`,
\`os.remove\`, \`shutil.rmtree\`; Go \`os.Open\`/\`ReadFile\`/\`Create\`/\`Remove\`, \`http.ServeFile\`; Java \`new File\`,
\`FileInputStream\`, \`Paths.get\`/\`Path.of\`. Handlers that keep only the base name (\`basename\`, \`secure_filename\`,
\`filepath.Base\`, \`getName()\`), use \`safe_join\`/\`send_from_directory\`, or check the resolved path (\`realpath\`,
\`getCanonicalPath\`, \`startsWith\`, \`filepath.IsLocal\`, a \`..\` check) are not flagged. Test files are not checked.

**Why it matters in production.** \`GET /download?file=../../etc/passwd\` or \`../.env\` reads whatever the service
can read: configuration, mounted Kubernetes secrets (\`/var/run/secrets/...\`), other tenants' files. Write and delete
calls let an attacker overwrite code or configuration.

**How to fix.** Never use the request value as a path. Look the file up by id, or keep only its base name and check
the resolved path stays in the base directory:

\`\`\`python
return send_from_directory(UPLOADS, secure_filename(name))
\`\`\`
\`\`\`go
name := filepath.Base(r.URL.Query().Get("file"))
f, err := os.Open(filepath.Join(uploadsDir, name))
\`\`\`
\`\`\`ts
res.sendFile(req.params.name, { root: UPLOADS, dotfiles: 'deny' });
\`\`\`

**Links.** [OWASP Path Traversal](https://owasp.org/www-community/attacks/Path_Traversal),
[CWE-22](https://cwe.mitre.org/data/definitions/22.html), [Go: filepath.IsLocal](https://pkg.go.dev/path/filepath#IsLocal).
`,
});
