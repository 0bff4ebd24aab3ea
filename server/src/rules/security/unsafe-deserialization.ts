import { defineRule, type RuleContext, type RuleMatch } from '../../engine/define-rule';
import { inProductionCode } from '../lib/security-context';
import { enclosingFunction, functionName, isLiteralString, namedArgs } from '../lib/syntax';

// marshal is left out: it reads .pyc bytecode caches and cannot build arbitrary objects by itself.
const PICKLE_LIKE = /^(pickle|cPickle|_pickle|dill|shelve|jsonpickle|joblib)$/;
const SAFE_YAML_LOADER = /(Safe|CSafe|Base|CBase)Loader$/;

const JS = `
  (call_expression
    function: [(member_expression object: (_) @pkg property: (property_identifier) @fn) (identifier) @fn]
    arguments: (arguments . (_) @report) @args
    (#any-of? @fn "unserialize" "load" "loadAll" "parse")) @match`;

function keyword(m: RuleMatch, name: string): string | undefined {
  const kw = namedArgs(m.get('args')).find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
  return kw?.childForFieldName('value')?.text;
}

/** Why this call deserialises untrusted-capable data unsafely, or undefined when it does not. */
function unsafeWhy(m: RuleMatch, ctx: RuleContext): string | undefined {
  const pkg = m.text('pkg');
  const fn = m.text('fn');
  const data = m.get('report');
  if (data && isLiteralString(data)) return undefined;
  if (ctx.language === 'python') {
    if (PICKLE_LIKE.test(pkg) && /^(loads?|decode|Unpickler)$/.test(fn)) return `${pkg}.${fn} runs code chosen by whoever wrote the data`;
    if (pkg === 'yaml' && /^unsafe_load(_all)?$/.test(fn)) return `yaml.${fn} builds arbitrary Python objects`;
    if (pkg === 'yaml' && /^load(_all)?$/.test(fn)) {
      const loader = keyword(m, 'Loader') ?? namedArgs(m.get('args'))[1]?.text;
      return loader && SAFE_YAML_LOADER.test(loader) ? undefined : `yaml.${fn} ${loader ? `with ${loader}` : 'without a safe Loader'} can build arbitrary Python objects`;
    }
    if (/^(pd|pandas)$/.test(pkg) && fn === 'read_pickle') return 'pandas.read_pickle unpickles, which runs code';
    if (/^(np|numpy)$/.test(pkg) && fn === 'load' && keyword(m, 'allow_pickle') === 'True') return 'numpy.load with allow_pickle=True unpickles, which runs code';
    if (pkg === 'torch' && fn === 'load' && keyword(m, 'weights_only') !== 'True') return 'torch.load without weights_only=True unpickles, which runs code';
    return undefined;
  }
  if (ctx.language === 'java') {
    // A class's own readObject/readExternal hook reads its fields from the stream it is given: that is the protocol, not the entry point.
    const fnNode = enclosingFunction(m.node);
    if (fnNode && /^(readObject|readExternal|readObjectNoData|readResolve)$/.test(functionName(fnNode))) return undefined;
    if (/setObjectInputFilter|resolveClass|ValidatingObjectInputStream/.test(ctx.text)) return undefined;
    // Only a stream this method opens over bytes it got: a stream passed in belongs to a serialisation hook or helper.
    const inline = /^new\s+(ObjectInputStream|XMLDecoder)\b/.exec(pkg);
    const scope = fnNode?.text ?? '';
    const declared = /^\w+$/.test(pkg) ? new RegExp(`\\b${pkg}\\s*=\\s*new\\s+(ObjectInputStream|XMLDecoder)\\b`).exec(scope) : null;
    const type = inline?.[1] ?? declared?.[1];
    return type ? `${fn} on an ${type} instantiates any class the stream names (gadget chains run code)` : undefined;
  }
  // JS/TS: node-serialize and cryo revive functions; js-yaml with the full schema runs !!js/function.
  if (fn === 'unserialize' && /require\(\s*['"]node-serialize['"]\)|from\s+['"]node-serialize['"]/.test(ctx.text)) return 'node-serialize unserialize evaluates functions embedded in the data';
  if (fn === 'parse' && /^(cryo|Cryo)$/.test(pkg)) return 'cryo.parse revives functions embedded in the data';
  if (/^load(All)?$/.test(fn) && /DEFAULT_FULL_SCHEMA/.test(m.get('args')?.text ?? '')) return 'js-yaml with DEFAULT_FULL_SCHEMA builds JavaScript functions from the data';
  return undefined;
}

/** Deserialisers that can instantiate arbitrary types or run code turn a crafted payload into remote code execution. */
export default defineRule({
  id: 'unsafe-deserialization',
  pillar: 'security',
  severity: 'error',
  languages: ['python', 'typescript', 'tsx', 'javascript', 'java'],
  title: 'Unsafe deserialisation (pickle, yaml.load, ObjectInputStream, node-serialize)',
  triggers: ['pickle', 'yaml', 'marshal', 'dill', 'shelve', 'joblib', 'torch', 'allow_pickle', 'readObject', 'readUnshared', 'unserialize', 'cryo', 'DEFAULT_FULL_SCHEMA'],
  query: {
    python: `
      (call
        function: (attribute object: (identifier) @pkg attribute: (identifier) @fn)
        arguments: (argument_list . (_) @report) @args) @match`,
    typescript: JS,
    tsx: JS,
    javascript: JS,
    java: `
      (method_invocation object: (_) @pkg name: (identifier) @fn arguments: (argument_list)
        (#any-of? @fn "readObject" "readUnshared")) @match`,
  },
  filter: (m, ctx) => inProductionCode(ctx) && unsafeWhy(m, ctx) !== undefined,
  message: (m, ctx) =>
    `${unsafeWhy(m, ctx) ?? 'This deserialiser can run code'}: a crafted payload becomes remote code execution; use a data-only format (JSON, yaml.safe_load, an allow-list filter) for anything that crosses a trust boundary`,
  description: `
Data is deserialised with a format that can instantiate arbitrary types or run code: Python \`pickle\`/\`cPickle\`/
\`dill\`/\`jsonpickle\`/\`joblib\` loads, \`pandas.read_pickle\`, \`numpy.load(allow_pickle=True)\`, \`torch.load\`
without \`weights_only=True\`, \`yaml.load\` without \`SafeLoader\` and \`yaml.unsafe_load\`; Java
\`ObjectInputStream.readObject\`/\`readUnshared\` and \`XMLDecoder.readObject\` on a stream the method opens (unless the file sets an
\`ObjectInputFilter\` or overrides \`resolveClass\`; a class's own \`readObject\` hook is not flagged); Node
\`node-serialize\` \`unserialize\`, \`cryo.parse\`, and js-yaml with \`DEFAULT_FULL_SCHEMA\`. Test files are not checked: tests stub
credentials, reproduce protocols and trust self-signed certificates on purpose.

**Why it matters in production.** These formats describe objects to build, not just data. A pickle can call
\`os.system\` while loading; a Java stream can chain library classes already on the classpath ("gadgets",
ysoserial) into code execution; node-serialize evaluates functions in the payload. Anything that reaches the
loader from a request, a queue, a cache or a shared bucket is an entry point for remote code execution.

**How to fix.** Use a data-only format (JSON, protobuf, \`yaml.safe_load\`), or sign and verify what you load. In
Java, set an allow-list filter before reading:

\`\`\`java
in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("com.acme.dto.*;java.base/*;!*"));
\`\`\`
\`\`\`python
config = yaml.safe_load(text)
model = torch.load(path, weights_only=True)
\`\`\`

**Links.** [OWASP Deserialization Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Deserialization_Cheat_Sheet.html),
[CWE-502](https://cwe.mitre.org/data/definitions/502.html), [Python pickle warning](https://docs.python.org/3/library/pickle.html),
[PyYAML load deprecation](https://github.com/yaml/pyyaml/wiki/PyYAML-yaml.load(input)-Deprecation).
`,
});
