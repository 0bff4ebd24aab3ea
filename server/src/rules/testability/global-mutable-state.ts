import type { Node, Tree } from 'web-tree-sitter';
import { defineRule } from '../../engine/define-rule';
import type { LanguageId } from '../../engine/languages';
import { isGeneratorScript } from '../lib/file-kind';
import { ancestors, isTestPath } from '../lib/syntax';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Code that writes `name` in place or reassigns it. */
function mutation(name: string, language: LanguageId): RegExp {
  const id = escape(name);
  if (language === 'go') return new RegExp(`\\b${id}\\[[^\\]]*\\]\\s*(=(?!=)|\\+=|-=|\\+\\+|--)|\\b${id}\\s*=\\s*append\\(|\\bdelete\\(\\s*${id}\\s*,`);
  if (language === 'python') return new RegExp(`\\b${id}\\[[^\\]]*\\]\\s*(=(?!=)|\\+=|-=)|\\b${id}\\.(append|extend|insert|update|setdefault|pop|popitem|remove|clear|add|discard)\\(|\\bglobal\\s+([\\w, ]*,\\s*)?${id}\\b`);
  // Java: put/add/remove on a static collection, or assignment to a static field.
  return new RegExp(`(^|[^\\w.])(\\w+\\.)?${id}\\.(put|putAll|putIfAbsent|add|addAll|remove|clear|set|merge|compute\\w*)\\(|(^|[^\\w.])(\\w+\\.)?${id}\\s*(=(?!=)|\\+=|-=|\\+\\+|--)`, 'm');
}

/** Functions that run once at start-up or already serialise access: registries filled in init, code holding a lock. */
const SAFE_FUNCTION = /^(init|_?register\w*|add_\w+|setup\w*|configure\w*|main|static)$/i;
const LOCKED = /\.Lock\(\)|\.RLock\(\)|with\s+[\w.]*lock|synchronized|\.lock\(\)|\.Do\(func|Once\b/i;

const FUNCTION_TYPES: Partial<Record<LanguageId, string[]>> = {
  go: ['function_declaration', 'method_declaration'],
  python: ['function_definition'],
  java: ['method_declaration', 'constructor_declaration'],
};

const functionsByTree = new WeakMap<Tree, Node[]>();

/** The functions of the file (outside start-up code and locked sections) that mutate `name`. */
function mutators(root: Node, name: string, language: LanguageId): Node[] {
  const re = mutation(name, language);
  let functions = functionsByTree.get(root.tree);
  if (!functions) functionsByTree.set(root.tree, (functions = root.descendantsOfType(FUNCTION_TYPES[language] ?? [])));
  return functions.filter((fn) => {
    // The function or one it is nested in (a decorator's wrapper) is start-up code.
    const names = [fn, ...ancestors(fn)].filter((a) => (FUNCTION_TYPES[language] ?? []).includes(a.type)).map((a) => a.childForFieldName('name')?.text ?? '');
    // `...Locked` functions are called with the lock held, by convention.
    if ([...ancestors(fn)].some((a) => a.type === 'static_initializer')) return false;
    if (names.some((n) => SAFE_FUNCTION.test(n) || /Locked$/.test(n)) || fn.type === 'constructor_declaration' || LOCKED.test(fn.text)) return false;
    const body = fn.childForFieldName('body')?.text ?? '';
    // A local of the same name shadows the global.
    if (language === 'go' && new RegExp(`\\b${escape(name)}\\s*:=`).test(body)) return false;
    if (language === 'python' && new RegExp(`^\\s*${escape(name)}\\s*=`, 'm').test(body) && !/\bglobal\b/.test(body)) return false;
    return re.test(body);
  });
}

/** Mutable package/module/static state is shared by every request and every test. */
export default defineRule({
  id: 'global-mutable-state',
  pillar: 'testability',
  severity: 'info',
  languages: ['go', 'python', 'java'],
  title: 'Global mutable state changed by functions',
  query: {
    go: `
      (source_file (var_declaration (var_spec name: (identifier) @report) @spec) @match)
      (source_file (var_declaration (var_spec_list (var_spec name: (identifier) @report) @spec)) @match)`,
    python: `
      (module (expression_statement (assignment left: (identifier) @report right: [(dictionary) (list) (set)]) @spec) @match)
      (module (expression_statement (assignment left: (identifier) @report
        right: (call function: (identifier) @ctor (#any-of? @ctor "dict" "list" "set" "defaultdict" "OrderedDict" "Counter" "deque"))) @spec) @match)`,
    java: `(field_declaration (modifiers "static") declarator: (variable_declarator name: (identifier) @report) @spec) @match`,
  },
  filter: (m, ctx) => {
    if (isTestPath(ctx.relativePath) || isGeneratorScript(ctx.text)) return false;
    // Memoisation caches are deliberate and hold derived data only.
    if (/cache|memo/i.test(m.text('report'))) return false;
    const spec = m.get('spec');
    if (!spec) return false;
    if (ctx.language === 'go') {
      // Maps and slices only (by type or by value).
      if (!/^(\s*\w+\s+)?(map\[|\[\]|make\(\s*(map|\[\]))|=\s*(map\[|\[\]|make\(\s*(map|\[\]))/.test(spec.text.replace(/^\w+\s*/, ''))) return false;
      if (/sync\.(Map|Mutex|RWMutex)|atomic\./.test(spec.text)) return false;
    }
    if (ctx.language === 'java') {
      // Collections mutated in place, or non-final fields reassigned; a final scalar is a constant.
      const mods = m.node.namedChildren.find((c) => c.type === 'modifiers')?.text ?? '';
      const type = m.node.childForFieldName('type')?.text ?? '';
      if (/\bfinal\b/.test(mods) && !/(Map|List|Set|Collection|Deque|Queue)\b/.test(type)) return false;
      // volatile: the author already designed it for concurrent access (a published singleton or setting).
      if (/\bvolatile\b/.test(mods)) return false;
      if (/Concurrent|Atomic|ThreadLocal|Logger|CopyOnWrite/.test(type + spec.text)) return false;
    }
    return mutators(m.node.tree.rootNode, m.text('report'), ctx.language).length > 0;
  },
  message: (m, ctx) => {
    const fns = mutators(m.node.tree.rootNode, m.text('report'), ctx.language).map((f) => f.childForFieldName('name')?.text ?? '?');
    const where = ctx.language === 'java' ? 'static field' : ctx.language === 'go' ? 'package-level variable' : 'module-level variable';
    return `${m.text('report')} is a ${where} changed at run time (by ${fns.slice(0, 3).join(', ')}${fns.length > 3 ? ', ...' : ''}): state leaks between tests and requests, and concurrent writes race; `
      + 'move it into a struct/object that is created per instance and passed in (guarded by a lock if it is shared)';
  },
  description: `
A package-level (Go), module-level (Python) or \`static\` (Java) map, slice, list, dict, set or field is changed by a
function of the same file at run time: \`cache[k] = v\`, \`items = append(items, x)\`, \`delete(m, k)\`,
\`HANDLERS.update(...)\`, \`global counter\`, \`CACHE.put(...)\`, \`count++\`.

Not flagged: changes made in \`init\`/\`main\`/\`register*\`/\`setup*\`/\`configure*\` functions constructors and
Java \`static {}\` blocks
(start-up registration), functions that hold a lock (\`mu.Lock()\`, \`with lock:\`, \`synchronized\`, \`sync.Once\`, \`...Locked\` names),
\`volatile\` Java fields, variables named as caches (\`*cache*\`, \`*memo*\`: memoisation of derived data), Go generator programs (\`//go:build ignore\`), concurrent or
atomic types (\`sync.Map\`, \`ConcurrentHashMap\`, \`Atomic*\`), loggers, \`final\` scalars, and test files. JavaScript and
TypeScript are not covered: module-level caches there are usually deliberate memoisation on a single thread.

**Why it matters.** Global state is shared by every caller: one test's leftovers change the next test's result (tests
pass alone and fail together, or only in a certain order), tests cannot run in parallel, and a fake cannot be
substituted. In a server the same variable is shared by all concurrent requests: unsynchronised writes are data races
(Go crashes with "concurrent map writes"), and the state grows without bound or survives a request it should not.

**How to fix.** Own the state in an instance and inject it:

\`\`\`go
type Cache struct {
	mu sync.Mutex
	m  map[string]Item
}
func NewCache() *Cache { return &Cache{m: map[string]Item{}} } // tests make their own
\`\`\`

In Python keep the dict on an object (or pass it in); in Java make the field an instance field of a bean/service and
use a concurrent collection if it is shared.

**Links.** [Go: data race detector](https://go.dev/doc/articles/race_detector), [Google testing blog: Global state](https://testing.googleblog.com/2008/11/clean-code-talks-global-state-and.html),
[SpotBugs ST_WRITE_TO_STATIC_FROM_INSTANCE_METHOD](https://spotbugs.readthedocs.io/en/stable/bugDescriptions.html#st-write-to-static-field-from-instance-method-st-write-to-static-from-instance-method).
`,
});
