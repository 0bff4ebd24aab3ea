import { defineRule } from '../../engine/define-rule';
import type { LanguageId } from '../../engine/languages';
import { isGeneratorScript } from '../lib/file-kind';
import { enclosingFunction, isTestPath, namedArgs } from '../lib/syntax';

/** A size limit applied somewhere in the function (on the body, the reader or the request). */
const LIMITED = /MaxBytesReader|LimitReader|LimitedReader|BoundedInputStream|readNBytes|max_size|maxContentLength|content-length|Content-Length/;
const JS_READ_FILE = '"readFileSync" "readFile" "createReadStream"';
const JS = `
  (call_expression function: (member_expression property: (property_identifier) @fn)
    arguments: (arguments . (_) @arg) (#any-of? @fn ${JS_READ_FILE})) @match`;

/** Reading a whole body or file into memory lets the size of someone else's data decide this process's memory. */
export default defineRule({
  id: 'read-whole-body',
  pillar: 'performance',
  severity: 'warning',
  languages: ['go', 'python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'Whole request/response body read into memory with no size limit',
  triggers: ['ReadAll', 'urlopen', 'readFile', 'readAllBytes'],
  query: {
    go: `(call_expression function: (selector_expression operand: (identifier) @pkg field: (field_identifier) @fn)
          arguments: (argument_list . (selector_expression field: (field_identifier) @field) .)
          (#any-of? @pkg "io" "ioutil") (#eq? @fn "ReadAll") (#eq? @field "Body")) @match`,
    python: `(call function: (attribute object: (call function: (_) @open) attribute: (identifier) @fn)
              arguments: (argument_list)
              (#match? @open "(^|\\\\.)urlopen$") (#eq? @fn "read")) @match`,
    typescript: JS,
    tsx: JS,
    javascript: JS,
    java: `(method_invocation object: (method_invocation name: (identifier) @stream) name: (identifier) @fn
            (#any-of? @stream "getInputStream" "getRequestBody" "getBody") (#eq? @fn "readAllBytes")) @match`,
  },
  filter: (m, ctx) => {
    if (isTestPath(ctx.relativePath) || isGeneratorScript(ctx.text)) return false;
    // read(65536) is bounded.
    if (ctx.language === 'python' && namedArgs(m.node.childForFieldName('arguments')).length) return false;
    const fn = enclosingFunction(m.node);
    if (fn && LIMITED.test(fn.text)) return false;
    if (m.get('arg')) {
      // JS: only a file path taken from the request (readFile of a fixed path is configuration).
      if (m.text('fn') === 'createReadStream') return false;
      return /\breq(uest)?\.(params|query|body|path|url)\b|\bctx\.(params|query|request)\b/.test(m.text('arg'));
    }
    return true;
  },
  message: (m, ctx) => `${MESSAGES[ctx.language] ?? ''}`.replace('{{call}}', m.node.text.split('(')[0] ?? ''),
  description: `
A body or file is read whole into memory, with no size limit, where the size is decided by someone else:

- Go: \`io.ReadAll(r.Body)\` / \`ioutil.ReadAll(resp.Body)\` (a request or response body) in a function with no
  \`http.MaxBytesReader\` / \`io.LimitReader\`.
- Python: \`urlopen(...).read()\` with no size.
- JavaScript/TypeScript: \`fs.readFile\`/\`readFileSync\` of a path taken from the request (\`req.params\`,
  \`req.query\`, ...), to send a file back.
- Java: \`getInputStream().readAllBytes()\` / \`exchange.getRequestBody().readAllBytes()\` with no \`readNBytes\` limit.

Test files and Go generator programs (\`//go:build ignore\`) are not checked.

**Why it matters in production.** Memory per request becomes proportional to whatever the client or upstream sends.
One large upload, a misbehaving upstream that streams forever, or a few concurrent multi-gigabyte downloads push the
process into swap or the OOM killer, taking every other request on the pod down with it. It is also an easy
denial-of-service vector and adds latency, since nothing is processed until the last byte arrives.

**How to fix.** Limit, or stream:

\`\`\`go
r.Body = http.MaxBytesReader(w, r.Body, 1<<20)      // server: reject bodies over 1 MiB
data, err := io.ReadAll(io.LimitReader(resp.Body, 10<<20)) // client: cap what you accept
err = json.NewDecoder(resp.Body).Decode(&v)        // or decode as a stream
\`\`\`

In Node send files with \`fs.createReadStream(path).pipe(res)\` (or \`res.sendFile\` with a root); in Python read in
chunks (\`resp.read(65536)\` in a loop) or pass \`stream=True\` to requests and iterate; in Java use
\`readNBytes(limit)\` or stream the \`InputStream\`.

**Links.** [http.MaxBytesReader](https://pkg.go.dev/net/http#MaxBytesReader), [io.LimitReader](https://pkg.go.dev/io#LimitReader),
[OWASP: Denial of Service cheat sheet](https://cheatsheetseries.owasp.org/cheatsheets/Denial_of_Service_Cheat_Sheet.html),
[Node.js stream.pipeline](https://nodejs.org/api/stream.html#streampipelinesource-transforms-destination-callback).
`,
});

const MESSAGES: Partial<Record<LanguageId, string>> = {
  go: '{{call}} reads the whole body into memory with no limit: a large or endless body from the client or upstream exhausts memory; wrap it in http.MaxBytesReader / io.LimitReader, or decode it as a stream (json.NewDecoder)',
  python: 'urlopen(...).read() reads the whole response into memory with no limit: a large or endless response exhausts memory; read in bounded chunks (resp.read(65536)) or pass a maximum size',
  typescript: '{{call}} loads a file named by the request into memory: a large file costs its full size per concurrent request; stream it (fs.createReadStream(path).pipe(res) or res.sendFile with a root)',
  tsx: '{{call}} loads a file named by the request into memory: stream it instead (fs.createReadStream)',
  javascript: '{{call}} loads a file named by the request into memory: a large file costs its full size per concurrent request; stream it (fs.createReadStream(path).pipe(res) or res.sendFile with a root)',
  java: 'readAllBytes() reads the whole stream into memory with no limit: a large or endless body exhausts the heap; use readNBytes(limit) or process the InputStream as a stream',
};
